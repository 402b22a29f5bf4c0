import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { CallAnalysis, RedFlag, Stakeholder } from '../../schemas/analysis.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import { DEAL_FLAGS, STANCE_OF_GRADE } from '../analysis/analyze.ts';
import { dealFacts, previousGrades, viewOf } from '../analysis/deal.ts';
import type { HistoryEntry } from '../analysis/deal.ts';
import { assess, RUBRIC_VERSION, SEVERITY } from '../analysis/rubric.ts';
import type { StakeholderEvidence } from '../analysis/rubric.ts';
import { nameKey, wordCount } from '../analysis/text.ts';
import type { Db } from '../db/client.ts';
import { analyses, calls } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { storeAnalysis } from './analysis-store.ts';
import type { RegradeResult, RubricStatus } from './trends-schemas.ts';
import { findDeal } from './trends.ts';

// POST /v1/rubric/regrade: analyses graded with an older rubric version are graded again from their
// stored, grounded evidence with the current rubric (src/analysis/rubric.ts), without a model call.
// Each regrade is stored as a new analysis of the call (analyses stay immutable) that supersedes the
// old one and names it in `regraded_from`; the deal's trend summaries are rebuilt with it.


/** Words each stakeholder spoke on the call, matched to the transcript's speakers by name. */
function spokenWords(transcript: Transcript): (name: string) => number {
  const bySpeaker = new Map<string, number>();
  if (transcript.format === 'notes') return () => 0;
  for (const u of transcript.utterances) {
    const key = nameKey(u.speaker);
    bySpeaker.set(key, (bySpeaker.get(key) ?? 0) + wordCount(u.text));
  }
  return (name) => {
    const key = nameKey(name);
    if (bySpeaker.has(key)) return bySpeaker.get(key)!;
    const first = key.split(' ')[0] ?? '';
    const same = [...bySpeaker.keys()].filter((k) => k === first || k.split(' ')[0] === first);
    return same.length === 1 ? bySpeaker.get(same[0]!)! : 0;
  };
}

/**
 * An analysis graded again with the current rubric: the same grounded stakeholders, signals, red
 * flags and champion test; new grades, scores and components, stances that follow the grades, and
 * deal facts over `history` (the deal's earlier calls, already regraded, oldest first).
 */
export function regradeAnalysis(result: CallAnalysis, transcript: Transcript, occurredAt: string, history: readonly HistoryEntry[]): CallAnalysis {
  const prevGrade = previousGrades(history);
  const words = spokenWords(transcript);
  const test = result.champion_test;
  const stakeholders: Stakeholder[] = result.stakeholders.map((s) => {
    const e: StakeholderEvidence = {
      present: s.present,
      stance: s.stance,
      words: words(s.name),
      signals: result.signals.filter((x) => x.stakeholder === s.name).map((x) => ({ type: x.type, utterance: x.evidence[0]?.utterance ?? 0 })),
      flags: result.red_flags.filter((x) => x.stakeholder === s.name).map((x) => ({ type: x.type, utterance: x.evidence[0]?.utterance ?? 0 })),
      test: test.asked && test.stakeholder === s.name ? { answer: test.answer, utterance: test.evidence[test.evidence.length - 1]?.utterance ?? 0 } : null,
      previousGrade: prevGrade(s),
      // a stored stance of `enemy` is what the analyzer reports for a person who resists the deal
      resists: s.stance === 'enemy' && s.evidence.length > 0,
    };
    const champion = assess(e);
    return { ...s, stance: STANCE_OF_GRADE[champion.grade] ?? s.stance, champion };
  });
  const deal = dealFacts([...history.map(viewOf), { occurred_at: occurredAt, stakeholders: stakeholders.map((s) => ({ ...s, grade: s.champion.grade })), signals: result.signals }]);
  const red_flags: RedFlag[] = result.red_flags.filter((f) => !DEAL_FLAGS.includes(f.type));
  if (deal.single_threaded) red_flags.push({ type: 'single_threaded', stakeholder: null, severity: SEVERITY.single_threaded, evidence: [] });
  if (!deal.economic_buyer_engaged) red_flags.push({ type: 'no_economic_buyer_access', stakeholder: null, severity: SEVERITY.no_economic_buyer_access, evidence: [] });
  return { ...result, stakeholders, red_flags, deal, meta: { ...result.meta, rubric_version: RUBRIC_VERSION } };
}

const gradesOf = (a: CallAnalysis) => a.stakeholders.map((s) => `${s.name}:${s.champion.grade}:${s.champion.score}:${s.stance}`).join('|');

export interface RegradeOptions {
  deal?: string | null;
  limit?: number | null;
}

/** Stale current analyses of the workspace per deal (deal null: a call without a deal). */
async function staleByDeal(db: Db, workspace: WorkspaceContext, dealId: string | null) {
  return db
    .select({ dealId: analyses.dealId, n: count() })
    .from(analyses)
    .where(
      and(
        eq(analyses.workspaceId, workspace.id),
        isNull(analyses.supersededAt),
        ne(analyses.rubricVersion, RUBRIC_VERSION),
        dealId ? eq(analyses.dealId, dealId) : undefined,
      ),
    )
    .groupBy(analyses.dealId)
    .orderBy(asc(analyses.dealId));
}

/** Regrades stale analyses deal by deal (a deal in one transaction), up to about `limit` stale calls. */
export async function regradeWorkspace(db: Db, workspace: WorkspaceContext, opts: RegradeOptions = {}): Promise<z.infer<typeof RegradeResult>> {
  const dealId = opts.deal ? (await findDeal(db, workspace, opts.deal)).deal.id : null;
  const limit = opts.limit ?? 500;
  const out = { rubric_version: RUBRIC_VERSION, deals: 0, calls_regraded: 0, grades_changed: 0, scores_changed: 0, remaining: 0 };
  let budget = limit;
  for (const group of await staleByDeal(db, workspace, dealId)) {
    if (budget <= 0) break;
    budget -= Number(group.n);
    out.deals += 1;
    await db.transaction(async (tx) => {
      const rows = await tx
        .select({ analysis: analyses, call: calls })
        .from(analyses)
        .innerJoin(calls, eq(calls.id, analyses.callId))
        .where(
          and(
            eq(analyses.workspaceId, workspace.id),
            isNull(analyses.supersededAt),
            group.dealId ? eq(analyses.dealId, group.dealId) : and(isNull(analyses.dealId), ne(analyses.rubricVersion, RUBRIC_VERSION)),
          ),
        )
        .orderBy(asc(analyses.occurredAt), asc(analyses.callId));
      const history: HistoryEntry[] = [];
      let started = false;
      for (const { analysis, call } of rows) {
        const old = analysis.result as CallAnalysis;
        const occurredAt = call.occurredAt.toISOString();
        const stale = analysis.rubricVersion !== RUBRIC_VERSION;
        started ||= stale;
        if (!started) {
          history.push({ occurred_at: occurredAt, analysis: old });
          continue;
        }
        const next = regradeAnalysis(old, call.transcript as Transcript, occurredAt, group.dealId ? history : []);
        const changed = gradesOf(next) !== gradesOf(old) || JSON.stringify(next.deal) !== JSON.stringify(old.deal);
        if (stale || changed) {
          await storeAnalysis(tx, workspace, call, next, { regradedFrom: analysis.id });
          out.calls_regraded += 1;
          old.stakeholders.forEach((s, i) => {
            const n = next.stakeholders[i]!.champion;
            if (n.grade !== s.champion.grade) out.grades_changed += 1;
            if (n.score !== s.champion.score) out.scores_changed += 1;
          });
        }
        history.push({ occurred_at: occurredAt, analysis: next });
      }
    });
  }
  out.remaining = (await staleByDeal(db, workspace, dealId)).reduce((n, g) => n + Number(g.n), 0);
  return out;
}

/** The rubric version the server grades with, and the workspace's analysed calls per version. */
export async function rubricStatus(db: Db, workspace: WorkspaceContext): Promise<z.infer<typeof RubricStatus>> {
  const rows = await db
    .select({ version: analyses.rubricVersion, n: sql<number>`count(*)::int` })
    .from(analyses)
    .where(and(eq(analyses.workspaceId, workspace.id), isNull(analyses.supersededAt)))
    .groupBy(analyses.rubricVersion)
    .orderBy(asc(analyses.rubricVersion));
  const callsByVersion = rows.map((r) => ({ rubric_version: r.version, calls: Number(r.n), current: r.version === RUBRIC_VERSION }));
  return { version: RUBRIC_VERSION, calls: callsByVersion, stale_calls: callsByVersion.filter((r) => !r.current).reduce((n, r) => n + r.calls, 0) };
}
