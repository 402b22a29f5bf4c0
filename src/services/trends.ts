import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Evidence, Grade, NextStep, ScoreComponent } from '../../schemas/analysis.ts';
import type { Role, Stance } from '../../schemas/extraction.ts';
import { RUBRIC_VERSION } from '../analysis/rubric.ts';
import type { DbOrTx } from '../db/client.ts';
import { accounts, assessments, deals, people, redFlags, signals } from '../db/schema.ts';
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
/**
 * The bucket grid left-joined to `agg` (a CTE with bucket key `b`, compared with `key` of the grid),
 * as one JSON array of points, oldest first: one row and one parse for the client whatever the
 * number of buckets. `columns` are `agg` columns (`a.<name>`) carried into each point.
 */
const bucketPoints = (columns: readonly string[], key: SQL, where: SQL = sql``) => sql`
  select coalesce(json_agg(json_build_object(
    'date', to_char(bk.local_start, 'YYYY-MM-DD'), 'start_at', ${isoText(sql`bk.start_at`)}, 'end_at', ${isoText(sql`bk.end_at`)},
    ${sql.raw(columns.map((c) => `'${c}', a.${c}`).join(', '))}
  ) order by bk.local_start), '[]'::json) as points
  from buckets bk
  left join agg a on a.b = ${key}
  ${where}`;

/** One deal's champion strength per interval: strongest score, mean over engaged stakeholders, champions, red flags. */
export async function dealTrend(db: DbOrTx, workspace: WorkspaceContext, dealId: string, q: WindowQuery): Promise<z.infer<typeof DealTrend>> {
  const w = trendWindow(q, workspace.timezone);
  if (!isId('deal', dealId)) throw notFound('deal', dealId);
  // One statement: no rows at all when the deal is not this workspace's.
  const [{ points: rows } = { points: [] }] = rowsOf<{ points: Array<BucketRow & { top_score: number | null; mean_score: number | null; champion_count: number | null }> }>(
    await db.execute(dealTrendSql(w, workspace.id, dealId)),
  );
  if (rows.length === 0) throw notFound('deal', dealId);
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
    ${bucketPoints(
      ['calls', 'stale_calls', 'top_score', 'mean_score', 'champion_count', 'red_flag_counts'],
      sql`bk.local_start`,
      sql`where exists (select 1 from deals where workspace_id = ${workspaceId} and id = ${dealId})`,
    )}`;
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
  const [{ points: rows } = { points: [] }] = rowsOf<{
    points: Array<BucketRow & { deals_covered: number | null; deals_with_champion: number | null; deals_two_deep: number | null; mean_top_score: number | null }>;
  }>(await db.execute(portfolioSql(w, span, workspace.id, { accountId, dealId })));
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
    ${bucketPoints(
      ['calls', 'stale_calls', 'deals_covered', 'deals_with_champion', 'deals_two_deep', 'mean_top_score', 'red_flag_counts'],
      sql`bk.local_start::date`,
    )}`;
}

/** A row of deal_people with the person's name, as the deal view reads it (raw SQL: no query builder on the hot path). */
interface DealPersonRow {
  person_id: string;
  name: string;
  title: string | null;
  email: string | null;
  role: Role;
  stance: Stance;
  grade: Grade;
  score: number;
  prev_grade: Grade | null;
  prev_score: number | null;
  prev_call_id: string | null;
  prev_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  call_id: string;
  graded_at: string;
  calls_present: number;
  mentions: number;
  engaged: boolean;
  peak_score: number | null;
  was_champion: boolean;
  lost_champion: boolean;
  champion_at_risk: boolean;
  rubric_version: string;
}

interface DealHeadRow {
  id: string;
  external_id: string;
  name: string | null;
  account_id: string | null;
  account_external_id: string | null;
  account_name: string | null;
  calls: number | null;
  first_call_at: string | null;
  last_call_at: string | null;
  last_call_id: string | null;
  last_step: NextStep | null;
  last_step_call_id: string | null;
  last_step_at: string | null;
  last_step_date: string | null;
}

/** The "+1" of the 2+1 rule: engaged, not a champion, influential, and on the seller's side. */
export function isPlusOne(p: Pick<DealPersonRow, 'engaged' | 'grade' | 'role' | 'stance'>): boolean {
  return p.engaged && p.grade !== 'champion' && (p.role === 'economic_buyer' || p.role === 'influencer') && (p.stance === 'ally' || p.stance === 'supporter' || p.grade === 'coach');
}

const ref = (p: { person_id: string; name: string }) => ({ id: p.person_id, name: p.name });

/** Each buyer-side person of the deal with their latest grade and how it moved, and the deal's facts. */
export async function dealChampions(db: DbOrTx, workspace: WorkspaceContext, dealId: string, now = new Date()): Promise<z.infer<typeof DealChampions>> {
  if (!isId('deal', dealId)) throw notFound('deal', dealId);
  // One statement, both parts scoped to the workspace: the deal with its account and health, and
  // its people as a JSON array (one round trip and one parse on the hot path).
  const [result] = rowsOf<{ head: DealHeadRow | null; people: DealPersonRow[] }>(
    await db.execute(sql`
      select
        (select row_to_json(x) from (
          select d.id, d.external_id, d.name, a.id as account_id, a.external_id as account_external_id, a.name as account_name,
            h.calls, ${isoText(sql`h.first_call_at`)} as first_call_at, ${isoText(sql`h.last_call_at`)} as last_call_at, h.last_call_id,
            h.last_step, h.last_step_call_id, ${isoText(sql`h.last_step_at`)} as last_step_at, h.last_step_date
          from deals d
          left join accounts a on a.id = d.account_id
          left join deal_health h on h.deal_id = d.id
          where d.workspace_id = ${workspace.id} and d.id = ${dealId}
        ) x) as head,
        (select coalesce(json_agg(x), '[]'::json) from (
          select dp.person_id, p.name, p.title, p.email, dp.role, dp.stance, dp.grade, dp.score,
            dp.prev_grade, dp.prev_score, dp.prev_call_id, ${isoText(sql`dp.prev_at`)} as prev_at,
            ${isoText(sql`dp.first_seen_at`)} as first_seen_at, ${isoText(sql`dp.last_seen_at`)} as last_seen_at,
            dp.call_id, ${isoText(sql`dp.graded_at`)} as graded_at, dp.calls_present, dp.mentions, dp.engaged, dp.peak_score,
            dp.last_champion_at is not null as was_champion, dp.lost_champion, dp.champion_at_risk, dp.rubric_version
          from deal_people dp
          join people p on p.id = dp.person_id
          where dp.workspace_id = ${workspace.id} and dp.deal_id = ${dealId}
        ) x) as people`),
  );
  const head = result?.head;
  if (!head) throw notFound('deal', dealId);
  const rows = result.people;
  // champions first, then the graded by score, the only-named (unassessed) last
  const rank = (p: DealPersonRow) => (p.grade === 'champion' ? 2 : p.grade === 'unassessed' ? 0 : 1);
  rows.sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.name.localeCompare(b.name));

  const champions = rows.filter((p) => p.grade === 'champion');
  const plusOne = rows.filter(isPlusOne);
  const engaged = rows.filter((p) => p.engaged);
  const economic = rows.filter((p) => p.role === 'economic_buyer');
  const step = head.last_step;
  const today = localDate(workspace.timezone, now);
  return {
    deal: {
      id: head.id,
      external_id: head.external_id,
      name: head.name,
      account: head.account_id ? { id: head.account_id, external_id: head.account_external_id, name: head.account_name } : null,
    },
    as_of: now.toISOString(),
    timezone: workspace.timezone,
    rubric: { current: RUBRIC_VERSION, stale: rows.filter((p) => p.rubric_version !== RUBRIC_VERSION).length },
    people: rows.map((p) => ({
      id: p.person_id,
      name: p.name,
      title: p.title,
      email: p.email,
      role: p.role,
      stance: p.stance,
      grade: p.grade,
      score: p.score,
      change:
        p.prev_grade !== null && p.prev_score !== null && p.prev_call_id !== null && p.prev_at !== null
          ? { score: p.score - p.prev_score, from_grade: p.prev_grade, from_score: p.prev_score, call_id: p.prev_call_id, occurred_at: p.prev_at }
          : null,
      first_seen_at: p.first_seen_at,
      last_seen_at: p.last_seen_at,
      graded_call_id: p.call_id,
      graded_at: p.graded_at,
      calls: p.calls_present,
      calls_named: p.mentions,
      engaged: p.engaged,
      peak_score: p.peak_score,
      was_champion: p.was_champion,
      champion_lost: p.lost_champion,
      champion_at_risk: p.champion_at_risk,
      rubric_version: p.rubric_version,
      stale: p.rubric_version !== RUBRIC_VERSION,
    })),
    facts: {
      calls: head.calls ?? 0,
      first_call_at: head.first_call_at,
      last_call_at: head.last_call_at,
      last_call_id: head.last_call_id,
      days_since_last_call: head.last_call_at ? Math.max(0, Math.floor((now.getTime() - Date.parse(head.last_call_at)) / 86_400_000)) : null,
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
        step && head.last_step_call_id && head.last_step_at
          ? {
              date: head.last_step_date,
              description: step.description,
              quote: step.quote,
              stakeholder: step.stakeholder,
              call_id: head.last_step_call_id,
              call_occurred_at: head.last_step_at,
              date_passed: head.last_step_date ? head.last_step_date < today : null,
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
