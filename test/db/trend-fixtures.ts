import { expect } from 'vitest';
import type { CallAnalysis, Grade, NextStep, RedFlag, ScoreComponent, Signal, Stakeholder } from '../../schemas/analysis.ts';
import type { RedFlagType, Role, SignalType, Stance } from '../../schemas/extraction.ts';
import { RUBRIC_VERSION, SEVERITY } from '../../src/analysis/rubric.ts';
import type { WorkspaceContext } from '../../src/deps.ts';
import { storeAnalysis } from '../../src/services/analysis-store.ts';
import { getCallRow } from '../../src/services/calls.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';

// Hand-built analyses for calls uploaded through POST /v1/calls, so that trend tests know every
// date, grade and score exactly. The job worker of the test app analyses each upload first; the
// hand-built analysis is stored after it and so becomes the call's current analysis.

export const SELLER = 'Sam Seller';

export interface PersonSpec {
  name: string;
  grade: Grade;
  score: number;
  present?: boolean;
  role?: Role;
  stance?: Stance;
  /** Components; default: base 50 plus one `other` component making up the score. */
  components?: Record<string, number>;
  said?: string;
}

export interface CallSpec {
  deal: string;
  account?: string;
  at: string;
  people: PersonSpec[];
  signals?: Array<{ type: SignalType; who: string | null; quote: string }>;
  flags?: Array<{ type: RedFlagType; who: string | null; quote?: string }>;
  step?: { date: string | null; quote: string; who: string };
  rubric?: string;
}

const ev = (utterance: number, quote: string) => ({ utterance, quote, start: 0, end: quote.length });

/** The transcript of a call: the seller opens, each present person speaks their line. */
export function transcriptOf(spec: CallSpec): string {
  const lines = [`${SELLER}: Thanks for making time today, let's get into it.`];
  for (const p of spec.people.filter((x) => x.present !== false)) lines.push(`${p.name}: ${p.said ?? 'We have been looking at this for a while and the team is interested.'}`);
  return lines.join('\n');
}

/** A CallAnalysis valid per schemas/analysis.ts with exactly the given grades, signals and flags. */
export function analysisOf(spec: CallSpec): CallAnalysis {
  const present = spec.people.filter((x) => x.present !== false);
  const utteranceOf = (name: string | null) => (name ? Math.max(1, present.findIndex((p) => p.name === name) + 1) : 0);
  const stakeholders: Stakeholder[] = spec.people.map((p) => {
    const components: ScoreComponent[] = Object.entries(p.components ?? { base: 50, other: p.score - 50 })
      .filter(([, v]) => v !== 0 || p.components !== undefined)
      .map(([name, points]) => ({ name, points, reason: name }));
    return {
      id: null,
      name: p.name,
      email: null,
      side: 'buyer',
      present: p.present !== false,
      title: null,
      role: p.role ?? 'user_buyer',
      stance: p.stance ?? (p.grade === 'champion' ? 'ally' : p.grade === 'coach' ? 'supporter' : 'neutral'),
      champion: { grade: p.grade, score: p.score, components },
      evidence: p.present === false ? [ev(0, `${p.name} was mentioned`)] : [ev(utteranceOf(p.name), p.said ?? 'We have been looking at this for a while')],
    };
  });
  const signals: Signal[] = (spec.signals ?? []).map((s) => ({ type: s.type, stakeholder: s.who, evidence: [ev(utteranceOf(s.who), s.quote)] }));
  let step: NextStep | null = null;
  if (spec.step) {
    signals.push({ type: 'next_step_scheduled', stakeholder: spec.step.who, evidence: [ev(utteranceOf(spec.step.who), spec.step.quote)] });
    step = { date: spec.step.date, description: spec.step.quote, quote: spec.step.quote, stakeholder: spec.step.who, call_occurred_at: spec.at };
  }
  const red_flags: RedFlag[] = (spec.flags ?? []).map((f) => ({
    type: f.type,
    stakeholder: f.who,
    severity: SEVERITY[f.type],
    evidence: f.quote ? [ev(utteranceOf(f.who), f.quote)] : [],
  }));
  const champions = spec.people.filter((p) => p.grade === 'champion').map((p) => p.name);
  return {
    stakeholders,
    signals,
    red_flags,
    champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
    deal: {
      calls: 1,
      champion_count: champions.length,
      champions,
      two_deep: champions.length >= 2,
      economic_buyer_engaged: present.some((p) => p.role === 'economic_buyer'),
      economic_buyers: present.filter((p) => p.role === 'economic_buyer').map((p) => p.name),
      buyer_contacts_engaged: present.length,
      engaged_contacts: present.map((p) => p.name),
      single_threaded: present.length < 2,
      last_agreed_next_step: step,
    },
    meta: { analyzer: 'rules', model: null, prompt_version: null, rubric_version: spec.rubric ?? RUBRIC_VERSION, ungrounded_dropped: 0, ms: 1 },
  };
}

export const contextOf = (ws: TestWorkspace, timezone = 'UTC'): WorkspaceContext => ({ id: ws.id, name: 'test', sellerDomains: [], timezone });

/** Uploads the call and waits for the worker's own analysis to be stored; returns the call id and deal id. */
export async function upload(ws: TestWorkspace, spec: CallSpec): Promise<{ callId: string; dealId: string }> {
  const { res, body } = await ws.json<{ id: string; deal_id: string; status: string }>(
    '/v1/calls',
    {
      deal: { external_id: spec.deal, name: spec.deal, account: { name: spec.account ?? `${spec.deal} Inc` } },
      occurred_at: spec.at,
      participants: [{ name: SELLER, email: 'sam@vendor.example', side: 'seller' }, ...spec.people.filter((p) => p.present !== false).map((p) => ({ name: p.name, side: 'buyer' }))],
      transcript: transcriptOf(spec),
    },
    { headers: { prefer: 'wait=30' } },
  );
  expect([200, 202]).toContain(res.status);
  // The worker analyses every upload; wait until it is done, so that the hand-built analysis is the later one.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const call = (await (await ws.request(`/v1/calls/${body.id}`)).json()) as { status: string };
    if (call.status === 'analyzed') break;
    if (Date.now() > deadline) throw new Error(`call ${body.id} was not analysed in time (status ${call.status})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { callId: body.id, dealId: body.deal_id };
}

/** Stores the hand-built analysis of the spec as the call's current analysis. */
export async function store(ctx: TestContext, ws: TestWorkspace, callId: string, spec: CallSpec): Promise<string> {
  const workspace = contextOf(ws);
  const call = await getCallRow(ctx.database.db, workspace, callId);
  return storeAnalysis(ctx.database.db, workspace, call, analysisOf(spec));
}

/** Uploads and stores each call in order; returns the call ids by position and the deal ids by name. */
export async function seed(ctx: TestContext, ws: TestWorkspace, specs: CallSpec[]) {
  const calls: string[] = [];
  const deals = new Map<string, string>();
  for (const spec of specs) {
    const { callId, dealId } = await upload(ws, spec);
    await store(ctx, ws, callId, spec);
    calls.push(callId);
    deals.set(spec.deal, dealId);
  }
  return { calls, deals };
}
