import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Evidence, Grade, NextStep, ScoreComponent } from '../../schemas/analysis.ts';
import type { Role, Stance } from '../../schemas/extraction.ts';
import { RUBRIC_VERSION } from '../analysis/rubric.ts';
import type { DbOrTx } from '../db/client.ts';
import { accounts, assessments, dealHealth, dealPeople, deals, people, redFlags, signals } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { isId } from '../lib/ids.ts';
import { notFound } from '../lib/problem.ts';
import type { ChampionStrength, DealChampions, DealTrend, Driver, Interval, StakeholderTrend } from './trends-schemas.ts';
import { flagCountsOf, rowsOf, sumFlagCounts } from './trends-summary.ts';
import { bucketOf, bucketsCte, isoText, localDate, trendWindow } from './trends-time.ts';
import type { TrendWindow } from './trends-time.ts';

// The trend verbs of issue 5. Every query is scoped to the workspace; the heavy lifting is done by
// the summaries (call_facts, deal_people, deal_health) that storeAnalysis keeps current.

export interface WindowQuery {
  interval?: Interval;
  from?: string;
  to?: string;
}

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The deal of this workspace, or a 404 problem (also for ids of another shape or workspace). */
export async function findDeal(db: DbOrTx, workspace: WorkspaceContext, id: string) {
  if (!isId('deal', id)) throw notFound('deal', id);
  const [row] = await db
    .select({ deal: deals, account: { id: accounts.id, externalId: accounts.externalId, name: accounts.name } })
    .from(deals)
    .leftJoin(accounts, eq(accounts.id, deals.accountId))
    .where(and(eq(deals.workspaceId, workspace.id), eq(deals.id, id)))
    .limit(1);
  if (!row) throw notFound('deal', id);
  return row;
}

/** An account of this workspace by id (`acct_...`) or external id, or a 404 problem. */
export async function findAccountId(db: DbOrTx, workspace: WorkspaceContext, ref: string): Promise<string> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspace.id), isId('acct', ref) ? eq(accounts.id, ref) : eq(accounts.externalId, ref)))
    .limit(1);
  if (!row) throw notFound('account', ref);
  return row.id;
}

interface BucketRow {
  date: string;
  start_at: string;
  end_at: string;
  calls: number | null;
  stale_calls: number | null;
  red_flag_counts: number[] | null;
}

const bucketBase = (r: BucketRow) => ({
  start: r.start_at,
  end: r.end_at,
  date: r.date,
  calls: Number(r.calls ?? 0),
  stale_calls: Number(r.stale_calls ?? 0),
});

const windowOut = (w: TrendWindow, rows: BucketRow[]) => ({
  interval: w.interval,
  timezone: w.timezone,
  from: rows[0]?.start_at ?? w.from.toISOString(),
  to: rows[rows.length - 1]?.end_at ?? w.to.toISOString(),
});

/**
 * The champion count of a group's latest call: max() over [time, count] arrays compares the time
 * first. A hashable aggregate, unlike array_agg(... order by), so a year of calls needs no sort.
 */
const lastChampionCount = (alias: string) =>
  sql`(max(array[extract(epoch from ${sql.raw(alias)}.occurred_at)::float8, ${sql.raw(alias)}.champion_count::float8]))[2]::int`;

/** The rows of the bucket grid left-joined to `agg` (a CTE with bucket key `b`), oldest first. */
const bucketSelect = (columns: SQL) => sql`
  select to_char(bk.local_start, 'YYYY-MM-DD') as date, ${isoText(sql`bk.start_at`)} as start_at, ${isoText(sql`bk.end_at`)} as end_at, ${columns}
  from buckets bk
  left join agg a on a.b = bk.local_start
  order by bk.local_start`;

/** One deal's champion strength per interval: strongest score, mean over engaged stakeholders, champions, red flags. */
export async function dealTrend(db: DbOrTx, workspace: WorkspaceContext, dealId: string, q: WindowQuery): Promise<z.infer<typeof DealTrend>> {
  const w = trendWindow(q, workspace.timezone);
  if (!isId('deal', dealId)) throw notFound('deal', dealId);
  // The deal's existence and its series at once: the series of another workspace's deal is empty anyway.
  const [, result] = await Promise.all([findDeal(db, workspace, dealId), db.execute(dealTrendSql(w, workspace.id, dealId))]);
  const rows = rowsOf<BucketRow & { top_score: number | null; mean_score: number | null; champion_count: number | null }>(result);
  const points = rows.map((r) => {
    const gap = !r.calls;
    return {
      ...bucketBase(r),
      top_score: gap ? null : intOrNull(r.top_score),
      mean_score: gap ? null : round1(r.mean_score),
      champion_count: gap ? null : intOrNull(r.champion_count),
      red_flags: gap ? null : flagCountsOf(r.red_flag_counts),
    };
  });
  return {
    deal_id: dealId,
    ...windowOut(w, rows),
    rubric: { current: RUBRIC_VERSION, stale: points.reduce((n, p) => n + p.stale_calls, 0) },
    points,
  };
}

function dealTrendSql(w: TrendWindow, workspaceId: string, dealId: string): SQL {
  return sql`
    with ${bucketsCte(w)},
    agg as (
      select b, count(*)::int as calls,
        count(*) filter (where cf.rubric_version <> ${RUBRIC_VERSION})::int as stale_calls,
        max(cf.top_score) as top_score,
        case when sum(cf.engaged) > 0 then sum(cf.engaged_score_sum)::float8 / sum(cf.engaged) end as mean_score,
        ${lastChampionCount('cf')} as champion_count,
        ${sumFlagCounts(sql`cf.red_flag_counts`)} as red_flag_counts
      from (
        select ${bucketOf(w, sql`occurred_at`)} as b, * from call_facts
        where workspace_id = ${workspaceId} and deal_id = ${dealId}
          and occurred_at >= (select lo from span) and occurred_at < (select hi from span)
      ) cf
      group by b
    )
    ${bucketSelect(sql`a.calls, a.stale_calls, a.top_score, a.mean_score, a.champion_count, a.red_flag_counts`)}`;
}

export interface PortfolioQuery extends WindowQuery {
  account?: string;
  deal?: string;
}

/** The pipeline per interval: deals covered, with a champion, two deep, mean top score, red flags. */
export async function championStrength(db: DbOrTx, workspace: WorkspaceContext, q: PortfolioQuery): Promise<z.infer<typeof ChampionStrength>> {
  const w = trendWindow(q, workspace.timezone);
  const [accountId, dealId, span] = await Promise.all([
    q.account !== undefined ? findAccountId(db, workspace, q.account) : null,
    q.deal !== undefined ? findDeal(db, workspace, q.deal).then((d) => d.deal.id) : null,
    windowSpan(db, w),
  ]);
  const rows = rowsOf<
    BucketRow & { deals_covered: number | null; deals_with_champion: number | null; deals_two_deep: number | null; mean_top_score: number | null }
  >(await db.execute(portfolioSql(w, span, workspace.id, { accountId, dealId })));
  const points = rows.map((r) => {
    const gap = !r.calls;
    return {
      ...bucketBase(r),
      deals_covered: gap ? null : intOrNull(r.deals_covered),
      deals_with_champion: gap ? null : intOrNull(r.deals_with_champion),
      deals_two_deep: gap ? null : intOrNull(r.deals_two_deep),
      mean_top_score: gap ? null : round1(r.mean_top_score),
      red_flags: gap ? null : flagCountsOf(r.red_flag_counts),
    };
  });
  return {
    ...windowOut(w, rows),
    filters: { account: accountId, deal: dealId },
    rubric: { current: RUBRIC_VERSION, stale: points.reduce((n, p) => n + p.stale_calls, 0) },
    points,
  };
}

/**
 * The instants the window's buckets span. Asked for first so that the portfolio query filters on
 * constants: the planner then knows how many calls a year holds (a subquery would leave it guessing).
 */
async function windowSpan(db: DbOrTx, w: TrendWindow): Promise<{ lo: string; hi: string }> {
  const [row] = rowsOf<{ lo: string; hi: string }>(
    await db.execute(sql`with ${bucketsCte(w)} select ${isoText(sql`lo`)} as lo, ${isoText(sql`hi`)} as hi from span`),
  );
  return row!;
}

const LOCAL_COLUMNS = {
  day: { key: 'local_day', last: 'last_in_day' },
  week: { key: 'local_week', last: 'last_in_week' },
  month: { key: 'local_month', last: 'last_in_month' },
} as const;

/**
 * The portfolio query: one pass over the window's call_facts (an index-only scan of
 * call_facts_bucket_idx) grouped by the stored local bucket key, so there is no time-zone arithmetic
 * per call and no grouping by deal: a call stands for its deal in a bucket when it is the deal's
 * last call there (last_in_day/week/month).
 */
export function portfolioSql(w: TrendWindow, span: { lo: string; hi: string }, workspaceId: string, f: { accountId: string | null; dealId: string | null }): SQL {
  const key = sql.raw(`cf.${LOCAL_COLUMNS[w.interval].key}`);
  const last = sql.raw(`cf.${LOCAL_COLUMNS[w.interval].last}`);
  return sql`
    with ${bucketsCte(w)},
    agg as (
      select ${key} as b, count(*)::int as calls,
        count(*) filter (where cf.rubric_version <> ${RUBRIC_VERSION})::int as stale_calls,
        count(*) filter (where ${last})::int as deals_covered,
        count(*) filter (where ${last} and cf.champion_count > 0)::int as deals_with_champion,
        count(*) filter (where ${last} and cf.champion_count >= 2)::int as deals_two_deep,
        (avg(cf.deal_top_score) filter (where ${last}))::float8 as mean_top_score,
        ${sumFlagCounts(sql`cf.red_flag_counts`)} as red_flag_counts
      from call_facts cf
      where cf.workspace_id = ${workspaceId}
        and cf.occurred_at >= ${span.lo}::timestamptz and cf.occurred_at < ${span.hi}::timestamptz
        ${f.accountId ? sql`and cf.account_id = ${f.accountId}` : sql``}
        ${f.dealId ? sql`and cf.deal_id = ${f.dealId}` : sql``}
      group by 1
    )
    select to_char(bk.local_start, 'YYYY-MM-DD') as date, ${isoText(sql`bk.start_at`)} as start_at, ${isoText(sql`bk.end_at`)} as end_at,
      a.calls, a.stale_calls, a.deals_covered, a.deals_with_champion, a.deals_two_deep, a.mean_top_score, a.red_flag_counts
    from buckets bk
    left join agg a on a.b = bk.local_start::date
    order by bk.local_start`;
}

type DealPersonRow = typeof dealPeople.$inferSelect & { name: string; title: string | null; email: string | null };

/** The "+1" of the 2+1 rule: engaged, not a champion, influential, and on the seller's side. */
export function isPlusOne(p: Pick<DealPersonRow, 'engaged' | 'grade' | 'role' | 'stance'>): boolean {
  return p.engaged && p.grade !== 'champion' && (p.role === 'economic_buyer' || p.role === 'influencer') && (p.stance === 'ally' || p.stance === 'supporter' || p.grade === 'coach');
}

const ref = (p: { personId: string; name: string }) => ({ id: p.personId, name: p.name });

/** Each buyer-side person of the deal with their latest grade and how it moved, and the deal's facts. */
export async function dealChampions(db: DbOrTx, workspace: WorkspaceContext, dealId: string, now = new Date()): Promise<z.infer<typeof DealChampions>> {
  if (!isId('deal', dealId)) throw notFound('deal', dealId);
  // three reads at once; all of them are scoped to the workspace, so a foreign deal gives nothing but the 404
  const [{ deal, account }, [health], found] = await Promise.all([
    findDeal(db, workspace, dealId),
    db
      .select()
      .from(dealHealth)
      .where(and(eq(dealHealth.workspaceId, workspace.id), eq(dealHealth.dealId, dealId)))
      .limit(1),
    db
      .select({ dp: dealPeople, name: people.name, title: people.title, email: people.email })
      .from(dealPeople)
      .innerJoin(people, eq(people.id, dealPeople.personId))
      .where(and(eq(dealPeople.workspaceId, workspace.id), eq(dealPeople.dealId, dealId))),
  ]);
  const rows: DealPersonRow[] = found.map((r) => ({ ...r.dp, name: r.name, title: r.title, email: r.email }));
  // champions first, then the graded by score, the only-named (unassessed) last
  const rank = (p: DealPersonRow) => (p.grade === 'champion' ? 2 : p.grade === 'unassessed' ? 0 : 1);
  rows.sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.name.localeCompare(b.name));

  const champions = rows.filter((p) => p.grade === 'champion');
  const plusOne = rows.filter(isPlusOne);
  const engaged = rows.filter((p) => p.engaged);
  const economic = rows.filter((p) => p.role === 'economic_buyer');
  const step = health?.lastStep as NextStep | null | undefined;
  const today = localDate(workspace.timezone, now);
  return {
    deal: {
      id: deal.id,
      external_id: deal.externalId,
      name: deal.name,
      account: account ? { id: account.id, external_id: account.externalId, name: account.name } : null,
    },
    as_of: now.toISOString(),
    timezone: workspace.timezone,
    rubric: { current: RUBRIC_VERSION, stale: rows.filter((p) => p.rubricVersion !== RUBRIC_VERSION).length },
    people: rows.map((p) => ({
      id: p.personId,
      name: p.name,
      title: p.title,
      email: p.email,
      role: p.role as Role,
      stance: p.stance as Stance,
      grade: p.grade as Grade,
      score: p.score,
      change:
        p.prevGrade !== null && p.prevScore !== null && p.prevCallId !== null && p.prevAt !== null
          ? { score: p.score - p.prevScore, from_grade: p.prevGrade as Grade, from_score: p.prevScore, call_id: p.prevCallId, occurred_at: p.prevAt.toISOString() }
          : null,
      first_seen_at: p.firstSeenAt.toISOString(),
      last_seen_at: p.lastSeenAt.toISOString(),
      graded_call_id: p.callId,
      graded_at: p.gradedAt.toISOString(),
      calls: p.callsPresent,
      calls_named: p.mentions,
      engaged: p.engaged,
      peak_score: p.peakScore,
      was_champion: p.lastChampionAt !== null,
      champion_lost: p.lostChampion,
      champion_at_risk: p.championAtRisk,
      rubric_version: p.rubricVersion,
      stale: p.rubricVersion !== RUBRIC_VERSION,
    })),
    facts: {
      calls: health?.calls ?? 0,
      first_call_at: health?.firstCallAt.toISOString() ?? null,
      last_call_at: health?.lastCallAt.toISOString() ?? null,
      last_call_id: health?.lastCallId ?? null,
      days_since_last_call: health ? Math.max(0, Math.floor((now.getTime() - health.lastCallAt.getTime()) / 86_400_000)) : null,
      champion_count: champions.length,
      champions: champions.map(ref),
      two_deep: champions.length >= 2,
      plus_one: plusOne.length > 0,
      plus_one_people: plusOne.map(ref),
      two_plus_one: champions.length >= 2 && plusOne.length > 0,
      economic_buyer_engaged: economic.some((p) => p.engaged),
      economic_buyers: economic.map((p) => ({ ...ref(p), engaged: p.engaged })),
      buyer_contacts_engaged: engaged.length,
      engaged_contacts: engaged.map(ref),
      single_threaded: engaged.length < 2,
      last_agreed_next_step:
        step && health?.lastStepCallId && health.lastStepAt
          ? {
              date: health.lastStepDate,
              description: step.description,
              quote: step.quote,
              stakeholder: step.stakeholder,
              call_id: health.lastStepCallId,
              call_occurred_at: health.lastStepAt.toISOString(),
              date_passed: health.lastStepDate ? health.lastStepDate < today : null,
            }
          : null,
    },
  };
}

export interface StakeholderQuery {
  deal?: string;
  from?: string;
  to?: string;
}

type Quote = { callId: string; type: string; evidence: Evidence[] };

/** One person's grade and score over their calls, with the components (and quotes) that moved it. */
export async function stakeholderTrend(db: DbOrTx, workspace: WorkspaceContext, personId: string, q: StakeholderQuery = {}): Promise<z.infer<typeof StakeholderTrend>> {
  if (!isId('pers', personId)) throw notFound('stakeholder', personId);
  if (q.deal !== undefined && !isId('deal', q.deal)) throw notFound('deal', q.deal);
  const conditions: SQL[] = [eq(assessments.workspaceId, workspace.id), eq(assessments.personId, personId), eq(assessments.isCurrent, true)];
  if (q.deal !== undefined) conditions.push(eq(assessments.dealId, q.deal));
  if (q.from) conditions.push(sql`${assessments.occurredAt} >= ${new Date(q.from).toISOString()}::timestamptz`);
  if (q.to) conditions.push(sql`${assessments.occurredAt} < ${new Date(q.to).toISOString()}::timestamptz`);
  // the person, the deal filter and the points at once: all scoped to the workspace
  const [[person], , found] = await Promise.all([
    db
      .select()
      .from(people)
      .where(and(eq(people.workspaceId, workspace.id), eq(people.id, personId)))
      .limit(1),
    q.deal !== undefined ? findDeal(db, workspace, q.deal) : null,
    db
      .select()
      .from(assessments)
      .where(and(...conditions))
      .orderBy(asc(assessments.occurredAt), asc(assessments.callId), asc(assessments.id)),
  ]);
  if (!person) throw notFound('stakeholder', personId);
  // one point per call (a person named twice in one analysis keeps the graded, higher one)
  const byCall = new Map<string, (typeof found)[number]>();
  for (const a of found) {
    const seen = byCall.get(a.callId);
    const rank = (x: AssessmentRow) => (x.grade === 'unassessed' ? 0 : 1000) + x.score;
    if (!seen || rank(a) > rank(seen)) byCall.set(a.callId, a);
  }
  const points = [...byCall.values()];
  const callIds = points.map((p) => p.callId);
  const quotes: Quote[] = [];
  if (callIds.length) {
    const found = await Promise.all(
      [signals, redFlags].map((table) =>
        db
          .select({ callId: table.callId, type: table.type, evidence: table.evidence })
          .from(table)
          .where(and(eq(table.workspaceId, workspace.id), inArray(table.callId, callIds), eq(table.personId, person.id), eq(table.isCurrent, true))),
      ),
    );
    for (const rows of found) quotes.push(...rows.map((r) => ({ ...r, evidence: r.evidence as Evidence[] })));
  }
  const quoteFor = (callId: string, component: string) => {
    const hit = quotes.find((x) => x.callId === callId && x.type === component && x.evidence.length > 0);
    return hit ? { quote: hit.evidence[0]!.quote, utterance: hit.evidence[0]!.utterance } : null;
  };

  let previous: (typeof points)[number] | null = null;
  const out: z.infer<typeof StakeholderTrend>['points'] = [];
  for (const p of points) {
    const graded = p.grade !== 'unassessed';
    const drivers = graded && previous ? driversOf(previous, p, quoteFor) : [];
    out.push({
      call_id: p.callId,
      deal_id: p.dealId,
      occurred_at: p.occurredAt.toISOString(),
      present: p.present,
      role: p.role as Role,
      stance: p.stance as Stance,
      grade: p.grade as Grade,
      score: p.score,
      change: graded && previous ? p.score - previous.score : null,
      rubric_version: p.rubricVersion,
      stale: p.rubricVersion !== RUBRIC_VERSION,
      drivers,
    });
    if (graded) previous = p;
  }
  let most: z.infer<typeof StakeholderTrend>['moved_most'] = null;
  let prevGrade: Grade | null = null;
  for (const p of out) {
    if (p.change !== null && prevGrade && (most === null || Math.abs(p.change) > Math.abs(most.change))) {
      most = { call_id: p.call_id, occurred_at: p.occurred_at, change: p.change, from_grade: prevGrade, to_grade: p.grade, drivers: p.drivers };
    }
    if (p.grade !== 'unassessed') prevGrade = p.grade;
  }
  return {
    person: { id: person.id, name: person.name, title: person.title, email: person.email, account_id: person.accountId },
    rubric: { current: RUBRIC_VERSION, stale: out.filter((p) => p.stale).length },
    points: out,
    moved_most: most,
  };
}

type AssessmentRow = typeof assessments.$inferSelect;

/** The score components that differ between two graded calls, largest move first, with their quotes. */
function driversOf(
  before: AssessmentRow,
  after: AssessmentRow,
  quoteFor: (callId: string, component: string) => { quote: string; utterance: number } | null,
): z.infer<typeof Driver>[] {
  const sum = (cs: ScoreComponent[]) => {
    const m = new Map<string, number>();
    for (const c of cs) m.set(c.name, (m.get(c.name) ?? 0) + c.points);
    return m;
  };
  const a = sum(before.components as ScoreComponent[]);
  const b = sum(after.components as ScoreComponent[]);
  const out: z.infer<typeof Driver>[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    if (name === 'clamp') continue;
    const pa = a.get(name) ?? 0;
    const pb = b.get(name) ?? 0;
    if (pa === pb) continue;
    // the evidence is on the call that has the component: the later one, or the earlier one for a component that went away
    const callId = pb !== 0 ? after.callId : before.callId;
    const q = quoteFor(callId, name);
    out.push({ component: name, points_before: pa, points_after: pb, delta: pb - pa, call_id: callId, quote: q?.quote ?? null, utterance: q?.utterance ?? null });
  }
  return out.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.component.localeCompare(y.component)).slice(0, 5);
}
