import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Evidence, NextStep } from '../../schemas/analysis.ts';
import type { DbOrTx } from '../db/client.ts';
import { assessments, dealPeople, people, redFlags } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { ProblemError } from '../lib/problem.ts';
import { dealsByIds } from './deals.ts';
import { RISKS } from './trends-schemas.ts';
import type { DealListItem, RiskReason, RiskType } from './trends-schemas.ts';
import { rowsOf } from './trends-summary.ts';
import { localDate, toIso } from './trends-time.ts';
import { findAccountId } from './trends.ts';

// GET /v1/deals?risk=...: deals filtered and sorted by risk, each with the reasons, calls and quotes.
// Reads deal_health (one row per deal) to choose and order the page, then only the page's people
// and red flags for the reasons.

/** How much each risk weighs in `risk_score` (the sort order). */
export const RISK_WEIGHTS: Record<RiskType, number> = {
  champion_lost: 40,
  single_threaded: 25,
  no_economic_buyer: 20,
  stalled: 15,
  no_next_step: 10,
};

export const RISK_DEFAULTS = { scoreDrop: 15, stalledDays: 21 } as const;

export interface RiskQuery {
  /** Comma-separated risk types, or `any`. */
  risk: string;
  account?: string;
  score_drop?: number;
  stalled_days?: number;
  cursor?: string;
  limit: number;
}

export function parseRisks(value: string): RiskType[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.includes('any')) return [...RISKS];
  const bad = parts.filter((p) => !(RISKS as readonly string[]).includes(p));
  if (bad.length || parts.length === 0) {
    const message = `unknown risk ${bad.map((b) => JSON.stringify(b)).join(', ') || '(empty)'}: use any of ${RISKS.join(', ')}, or any`;
    throw new ProblemError('validation-error', `query field risk: ${message}`, { errors: [{ in: 'query', path: 'risk', message }] });
  }
  return [...new Set(parts)] as RiskType[];
}

interface HealthRow {
  deal_id: string;
  calls: number;
  last_call_at: string;
  last_call_id: string;
  last_step: NextStep | null;
  last_step_call_id: string | null;
  last_step_at: string | null;
  last_step_date: string | null;
  last_call_has_step: boolean;
  max_champion_drop: number | null;
  r_champion_lost: boolean;
  r_single_threaded: boolean;
  r_no_economic_buyer: boolean;
  r_no_next_step: boolean;
  r_stalled: boolean;
  risk_score: number;
}

/** The SQL that picks and orders a page of at-risk deals (exported for the bench's EXPLAIN). */
export function atRiskSql(workspace: WorkspaceContext, risks: RiskType[], q: { accountId: string | null; scoreDrop: number; stalledDays: number; after: { score: number; id: string } | null; limit: number }, now = new Date()): SQL {
  const today = localDate(workspace.timezone, now);
  const cutoff = new Date(now.getTime() - q.stalledDays * 86_400_000).toISOString();
  const asked = (r: RiskType, cond: SQL) => (risks.includes(r) ? cond : sql`false`);
  const conds: Record<RiskType, SQL> = {
    champion_lost: asked('champion_lost', sql`(h.champion_lost or coalesce(h.max_champion_drop, 0) >= ${q.scoreDrop})`),
    single_threaded: asked('single_threaded', sql`h.engaged_count < 2`),
    no_economic_buyer: asked('no_economic_buyer', sql`not h.economic_buyer_engaged`),
    no_next_step: asked('no_next_step', sql`(not h.last_call_has_step or coalesce(h.last_step_date < ${today}, false))`),
    stalled: asked('stalled', sql`h.last_call_at < ${cutoff}::timestamptz`),
  };
  const score = sql.join(
    RISKS.map((r) => sql`(case when ${conds[r]} then ${sql.raw(String(RISK_WEIGHTS[r]))} else 0 end)`),
    sql` + `,
  );
  return sql`
    select * from (
      select h.deal_id, h.calls, h.last_call_at, h.last_call_id, h.last_step, h.last_step_call_id, h.last_step_at, h.last_step_date,
        h.last_call_has_step, h.max_champion_drop,
        ${conds.champion_lost} as r_champion_lost, ${conds.single_threaded} as r_single_threaded,
        ${conds.no_economic_buyer} as r_no_economic_buyer, ${conds.no_next_step} as r_no_next_step, ${conds.stalled} as r_stalled,
        (${score})::int as risk_score
      from deal_health h
      where h.workspace_id = ${workspace.id} ${q.accountId ? sql`and h.account_id = ${q.accountId}` : sql``}
    ) x
    where risk_score > 0 ${q.after ? sql`and (risk_score < ${q.after.score} or (risk_score = ${q.after.score} and deal_id > ${q.after.id}))` : sql``}
    order by risk_score desc, deal_id
    limit ${q.limit}`;
}

type PersonRow = typeof dealPeople.$inferSelect & { name: string };
type Reason = z.infer<typeof RiskReason>;

/** Red flags that explain why a champion cooled, the most telling first. */
const COOLING = ['blocker_present', 'intro_reluctance', 'lukewarm_enthusiasm', 'next_step_hesitation', 'vague_response', 'champion_at_risk'];

export async function listAtRiskDeals(db: DbOrTx, workspace: WorkspaceContext, q: RiskQuery, now = new Date()) {
  const risks = parseRisks(q.risk);
  const accountId = q.account !== undefined ? await findAccountId(db, workspace, q.account) : null;
  let after: { score: number; id: string } | null = null;
  if (q.cursor) {
    const [score, id] = decodeCursor(q.cursor, 2) as [string, string];
    after = { score: Number(score), id };
  }
  const scoreDrop = q.score_drop ?? RISK_DEFAULTS.scoreDrop;
  const stalledDays = q.stalled_days ?? RISK_DEFAULTS.stalledDays;
  const rows = rowsOf<HealthRow>(
    await db.execute(atRiskSql(workspace, risks, { accountId, scoreDrop, stalledDays, after, limit: q.limit + 1 }, now)),
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const next_cursor = rows.length > q.limit && last ? encodeCursor([String(last.risk_score), last.deal_id]) : null;
  if (page.length === 0) return { data: [], next_cursor };

  const dealIds = page.map((r) => r.deal_id);
  // Only the people a reason can name: champions lost or at risk, economic buyers, and the one
  // contact of a single-threaded deal.
  const single = page.filter((r) => r.r_single_threaded).map((r) => r.deal_id);
  const named: SQL[] = [eq(dealPeople.role, 'economic_buyer')];
  if (risks.includes('champion_lost')) named.push(sql`(${dealPeople.lostChampion} or ${dealPeople.championAtRisk} or ${dealPeople.championDrop} >= ${scoreDrop})`);
  if (single.length) named.push(and(eq(dealPeople.engaged, true), inArray(dealPeople.dealId, single))!);
  const [dealRows, persons] = await Promise.all([
    dealsByIds(db, workspace, dealIds),
    db
      .select({ dp: dealPeople, name: people.name })
      .from(dealPeople)
      .innerJoin(people, eq(people.id, dealPeople.personId))
      .where(and(eq(dealPeople.workspaceId, workspace.id), inArray(dealPeople.dealId, dealIds), or(...named))),
  ]);
  const byDeal = new Map<string, PersonRow[]>();
  for (const { dp, name } of persons) {
    const list = byDeal.get(dp.dealId) ?? [];
    list.push({ ...dp, name });
    byDeal.set(dp.dealId, list);
  }

  // The red flags of the calls the reasons point at, and the assessments whose quotes they use.
  const callIds = new Set<string>();
  for (const r of page) callIds.add(r.last_call_id);
  for (const p of persons) {
    callIds.add(p.dp.callId);
    if (p.dp.atRiskCallId) callIds.add(p.dp.atRiskCallId);
  }
  const assessmentIds = persons.map((p) => p.dp.assessmentId);
  const [flagRows, quoteRows] = await Promise.all([
    db
      .select({ id: redFlags.id, callId: redFlags.callId, personId: redFlags.personId, type: redFlags.type, evidence: redFlags.evidence })
      .from(redFlags)
      .where(and(eq(redFlags.workspaceId, workspace.id), inArray(redFlags.callId, [...callIds]), eq(redFlags.isCurrent, true))),
    assessmentIds.length
      ? db
          .select({ id: assessments.id, evidence: assessments.evidence })
          .from(assessments)
          .where(and(eq(assessments.workspaceId, workspace.id), inArray(assessments.id, assessmentIds)))
      : [],
  ]);
  const flags = flagRows.map((f) => ({ ...f, evidence: f.evidence as Evidence[] }));
  const quotes = new Map(quoteRows.map((a) => [a.id, (a.evidence as Evidence[])[0] ?? null]));

  const flagQuote = (callId: string, types: string[], personId?: string | null) => {
    for (const t of types) {
      const f = flags.find((x) => x.callId === callId && x.type === t && x.evidence.length > 0 && (personId === undefined || x.personId === personId));
      if (f) return f.evidence[0]!;
    }
    return null;
  };
  type Quoted = { quote: string; utterance: number | null } | null;
  const at = (callId: string, occurredAt: Date | string | null, ev: Quoted, person: PersonRow | null, type: RiskType, reason: string): Reason => ({
    type,
    reason,
    person: person ? { id: person.personId, name: person.name } : null,
    call_id: callId,
    occurred_at: toIso(occurredAt),
    quote: ev?.quote ?? null,
    utterance: ev?.utterance ?? null,
  });

  const dealById = new Map(dealRows.map((d) => [d.id, d]));
  const data: z.infer<typeof DealListItem>[] = [];
  for (const h of page) {
    const deal = dealById.get(h.deal_id);
    if (!deal) continue;
    const ps = byDeal.get(h.deal_id) ?? [];
    const reasons: Reason[] = [];
    const lastDay = localDate(workspace.timezone, new Date(toIso(h.last_call_at)!));
    if (h.r_champion_lost) {
      for (const p of ps) {
        const dropped = p.championDrop !== null && p.championDrop >= scoreDrop;
        if (p.lostChampion || dropped) {
          const ev = flagQuote(p.callId, COOLING, p.personId) ?? quotes.get(p.assessmentId) ?? null;
          const was = p.prevScore !== null ? `, was ${p.prevScore}` : '';
          const reason = p.lostChampion
            ? `${p.name} was a champion; now graded ${p.grade} (score ${p.score}${was})`
            : `${p.name}'s score fell ${p.championDrop} points, from ${p.prevScore} to ${p.score}`;
          reasons.push(at(p.callId, p.gradedAt, ev, p, 'champion_lost', reason));
        }
        if (p.championAtRisk && p.atRiskCallId) {
          const f = flags.find((x) => x.id === p.atRiskFlagId);
          reasons.push(at(p.atRiskCallId, p.atRiskAt, f?.evidence[0] ?? null, p, 'champion_lost', `${p.name} may be leaving or losing standing (champion_at_risk)`));
        }
      }
    }
    if (h.r_single_threaded) {
      const engaged = ps.filter((p) => p.engaged);
      const only = engaged[0] ?? null;
      const reason = only
        ? `only ${only.name} has engaged across ${h.calls} call${h.calls === 1 ? '' : 's'}`
        : `no buyer contact has spoken on any of ${h.calls} call${h.calls === 1 ? '' : 's'}`;
      const ev = flagQuote(h.last_call_id, ['single_threaded']) ?? (only ? (quotes.get(only.assessmentId) ?? null) : null);
      reasons.push(at(h.last_call_id, h.last_call_at, ev, only, 'single_threaded', reason));
    }
    if (h.r_no_economic_buyer) {
      const named = ps.find((p) => p.role === 'economic_buyer');
      if (named) {
        reasons.push(at(named.callId, named.gradedAt, quotes.get(named.assessmentId) ?? null, named, 'no_economic_buyer', `economic buyer ${named.name} is named but has not been on a call`));
      } else {
        reasons.push(at(h.last_call_id, h.last_call_at, flagQuote(h.last_call_id, ['no_economic_buyer_access']), null, 'no_economic_buyer', 'no economic buyer identified on any call'));
      }
    }
    if (h.r_no_next_step) {
      if (!h.last_call_has_step) {
        const ev = flagQuote(h.last_call_id, ['no_clear_next_step', 'next_step_hesitation']);
        reasons.push(at(h.last_call_id, h.last_call_at, ev, null, 'no_next_step', `the last call (${lastDay}) ended without an agreed next step`));
      } else if (h.last_step && h.last_step_call_id) {
        const ev = { quote: h.last_step.quote, utterance: null };
        reasons.push(at(h.last_step_call_id, h.last_step_at, ev, null, 'no_next_step', `the next step agreed for ${h.last_step_date} has passed with no call since`));
      }
    }
    if (h.r_stalled) {
      const days = Math.floor((now.getTime() - new Date(toIso(h.last_call_at)!).getTime()) / 86_400_000);
      reasons.push(at(h.last_call_id, h.last_call_at, null, null, 'stalled', `no call for ${days} days (last on ${lastDay})`));
    }
    data.push({ ...deal, risk_score: h.risk_score, risks: reasons });
  }
  return { data, next_cursor };
}
