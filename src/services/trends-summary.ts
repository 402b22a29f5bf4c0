import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { RedFlagType } from '../../schemas/extraction.ts';
import type { DbOrTx } from '../db/client.ts';

/**
 * The trend summaries (call_facts, deal_people, deal_health; see src/db/schema.ts and
 * docs/storage.md): derived, never edited by hand, rebuilt per deal from the current analyses of
 * the deal's calls. storeAnalysis calls refreshDealSummaries in the transaction that stores the
 * analysis, so a reader never sees an analysis without its summaries or the other way round.
 */

/** Rows of a raw `db.execute` on either driver (postgres.js gives an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The order of call_facts.red_flag_counts. Fixed here, not taken from the enum, so that stored
 * arrays keep their meaning: a new red flag type is appended (older rows then read 0 for it).
 */
export const RED_FLAG_COUNT_ORDER = [
  'vague_response',
  'lukewarm_enthusiasm',
  'intro_reluctance',
  'next_step_hesitation',
  'no_clear_next_step',
  'single_threaded',
  'no_economic_buyer_access',
  'champion_at_risk',
  'blocker_present',
] as const satisfies readonly RedFlagType[];

/** Red flag counts (an int array in RED_FLAG_COUNT_ORDER) as {type: count}, every type present. */
export function flagCountsOf(counts: readonly (number | string | null)[] | null | undefined): Record<RedFlagType, number> {
  return Object.fromEntries(RED_FLAG_COUNT_ORDER.map((t, i) => [t, Number(counts?.[i] ?? 0)])) as Record<RedFlagType, number>;
}

/** SQL: the element-wise sum of red_flag_counts arrays over a group, as an int array. */
export function sumFlagCounts(column: SQL): SQL {
  return sql`array[${sql.join(
    RED_FLAG_COUNT_ORDER.map((_, i) => sql`coalesce(sum(${column}[${sql.raw(String(i + 1))}]), 0)`),
    sql`, `,
  )}]::int[]`;
}

/** Which deals of the workspace to rebuild: some, or every one (a backfill, the bench). */
export type DealScope = readonly string[] | 'all';

function inScope(column: SQL, scope: DealScope): SQL {
  if (scope === 'all') return sql`${column} is not null`;
  return sql`${column} in ${scope}`;
}

/**
 * Marks the analyses of a call current so far as replaced, with their assessments, signals and red
 * flags: call it in the transaction that stores the call's new analysis, before inserting it.
 */
export async function supersedeCall(tx: DbOrTx, workspaceId: string, callId: string): Promise<void> {
  const replaced = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update analyses set superseded_at = now()
      where workspace_id = ${workspaceId} and call_id = ${callId} and superseded_at is null
      returning id`),
  ).map((r) => r.id);
  if (replaced.length === 0) return;
  for (const table of ['assessments', 'signals', 'red_flags']) {
    await tx.execute(sql`update ${sql.identifier(table)} set is_current = false where analysis_id in ${replaced} and is_current`);
  }
}

/** Rebuilds the trend summaries of these deals from their calls' current analyses. */
export async function refreshDealSummaries(tx: DbOrTx, workspaceId: string, scope: DealScope): Promise<void> {
  if (scope !== 'all' && scope.length === 0) return;
  // The time zone of the local bucket columns. FOR SHARE: a time-zone change (which rewrites those
  // columns, see relocalizeCallFacts) waits for this rebuild to commit, and this one for it.
  const [ws] = rowsOf<{ timezone: string }>(await tx.execute(sql`select timezone from workspaces where id = ${workspaceId} for share`));
  for (const statement of rebuildStatements(workspaceId, scope, ws?.timezone ?? 'UTC')) await tx.execute(statement);
}

/**
 * The statements that rebuild the summaries of `scope`, in order (call_facts first: deal_health
 * reads it). Exported so that the backfill migration is rendered from the same SQL.
 */
export function rebuildStatements(workspaceId: string, scope: DealScope, timezone: string): SQL[] {
  return [
    sql`delete from call_facts where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`,
    sql`delete from deal_people where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`,
    sql`delete from deal_health where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`,
    callFactsInsert(workspaceId, scope, timezone),
    dealPeopleInsert(workspaceId, scope),
    dealHealthInsert(workspaceId, scope),
  ];
}

/**
 * The local bucket columns of call_facts (local_day/week/month, last_in_day/week/month) from a
 * call's time and its deal's next call's time, on the wall clock of `timezone`.
 */
function localColumns(timezone: string, at: SQL, next: SQL): SQL {
  const local = (t: SQL) => sql`(${t} at time zone ${timezone})`;
  const key = (unit: 'day' | 'week' | 'month', t: SQL) => sql`date_trunc(${sql.raw(`'${unit}'`)}, ${local(t)})::date`;
  return sql.join(
    [
      key('day', at),
      key('week', at),
      key('month', at),
      ...(['day', 'week', 'month'] as const).map((u) => sql`(${next} is null or ${key(u, next)} > ${key(u, at)})`),
    ],
    sql`, `,
  );
}

/**
 * Recomputes the local bucket columns of a workspace's call_facts for a new time zone: call it in
 * the transaction that changes workspaces.timezone, after updating that row.
 */
export async function relocalizeCallFacts(tx: DbOrTx, workspaceId: string, timezone: string): Promise<void> {
  await tx.execute(sql`
    update call_facts
    set (local_day, local_week, local_month, last_in_day, last_in_week, last_in_month) = (${localColumns(timezone, sql`occurred_at`, sql`next_call_at`)})
    where workspace_id = ${workspaceId}`);
}

/** The current assessments of the deals, one per (call, person): a person named twice keeps the best. */
function currentAssessments(workspaceId: string, scope: DealScope): SQL {
  return sql`
    select distinct on (a.call_id, a.person_id)
      a.id, a.workspace_id, a.deal_id, a.call_id, a.person_id, a.occurred_at, a.grade, a.score, a.present,
      a.role, a.stance, a.rubric_version
    from assessments a
    where a.workspace_id = ${workspaceId} and a.is_current and ${inScope(sql`a.deal_id`, scope)}
    order by a.call_id, a.person_id, (a.grade <> 'unassessed') desc, a.score desc, a.id`;
}

function callFactsInsert(workspaceId: string, scope: DealScope, timezone: string): SQL {
  return sql`
    with cur as (${currentAssessments(workspaceId, scope)}),
    -- +1 when a person becomes a champion, -1 when a champion is graded otherwise (unassessed keeps the grade)
    champ_delta as (
      select call_id, sum(d)::int as delta from (
        select call_id,
          (grade = 'champion')::int
            - coalesce(lag((grade = 'champion')::int) over (partition by deal_id, person_id order by occurred_at, call_id), 0) as d
        from cur where grade <> 'unassessed'
      ) x
      group by call_id
    ),
    per_call as (
      select call_id,
        count(*)::int as stakeholders,
        count(*) filter (where grade <> 'unassessed')::int as graded,
        max(score) filter (where grade <> 'unassessed') as top_score,
        count(*) filter (where present and grade <> 'unassessed')::int as engaged,
        coalesce(sum(score) filter (where present and grade <> 'unassessed'), 0)::int as engaged_score_sum,
        count(*) filter (where grade = 'champion')::int as champions_in_call
      from cur group by call_id
    ),
    -- each graded assessment holds from its call until the person's next graded call
    graded as (
      select deal_id, person_id, call_id, occurred_at, score,
        lead(occurred_at) over w as next_at, lead(call_id) over w as next_call
      from cur where grade <> 'unassessed'
      window w as (partition by deal_id, person_id order by occurred_at, call_id)
    ),
    current_calls as (
      select an.id, an.workspace_id, an.call_id, an.deal_id, an.occurred_at, an.rubric_version
      from analyses an
      where an.workspace_id = ${workspaceId} and an.superseded_at is null and ${inScope(sql`an.deal_id`, scope)}
    ),
    deal_tops as (
      select c.call_id, max(g.score) as deal_top_score
      from current_calls c
      join graded g on g.deal_id = c.deal_id
        and (g.occurred_at, g.call_id) <= (c.occurred_at, c.call_id)
        and (g.next_at is null or (g.next_at, g.next_call) > (c.occurred_at, c.call_id))
      group by c.call_id
    ),
    flags as (
      select f.call_id,
        array[${sql.join(
          RED_FLAG_COUNT_ORDER.map((t) => sql`count(*) filter (where f.type = ${sql.raw(`'${t}'`)})`),
          sql`, `,
        )}]::int[] as red_flag_counts
      from red_flags f
      where f.workspace_id = ${workspaceId} and f.is_current and ${inScope(sql`f.deal_id`, scope)}
      group by f.call_id
    )
    insert into call_facts (call_id, workspace_id, deal_id, account_id, analysis_id, occurred_at, rubric_version, stakeholders,
      graded, top_score, engaged, engaged_score_sum, champions_in_call, champion_count, deal_top_score, next_call_at, red_flag_counts,
      local_day, local_week, local_month, last_in_day, last_in_week, last_in_month)
    select z.*, ${localColumns(timezone, sql`z.occurred_at`, sql`z.next_call_at`)}
    from (
      select an.call_id, an.workspace_id, an.deal_id, d.account_id, an.id, an.occurred_at, an.rubric_version,
        coalesce(pc.stakeholders, 0), coalesce(pc.graded, 0), pc.top_score, coalesce(pc.engaged, 0), coalesce(pc.engaged_score_sum, 0),
        coalesce(pc.champions_in_call, 0),
        (sum(coalesce(cd.delta, 0)) over (partition by an.deal_id order by an.occurred_at, an.call_id rows unbounded preceding))::int,
        dt.deal_top_score,
        lead(an.occurred_at) over (partition by an.deal_id order by an.occurred_at, an.call_id) as next_call_at,
        coalesce(fl.red_flag_counts, array_fill(0, array[${sql.raw(String(RED_FLAG_COUNT_ORDER.length))}]))
      from current_calls an
      join deals d on d.id = an.deal_id
      left join per_call pc on pc.call_id = an.call_id
      left join champ_delta cd on cd.call_id = an.call_id
      left join deal_tops dt on dt.call_id = an.call_id
      left join flags fl on fl.call_id = an.call_id
    ) z`;
}

function dealPeopleInsert(workspaceId: string, scope: DealScope): SQL {
  // One aggregation pass, no self-joins: a bulk rebuild's plan cannot go quadratic on a bad estimate.
  return sql`
    with cur as (${currentAssessments(workspaceId, scope)}),
    -- rank 1: the latest graded call (else the latest call naming them); rank 2: the one before
    ranked as (
      select cur.*, row_number() over (
        partition by deal_id, person_id order by (grade <> 'unassessed') desc, occurred_at desc, call_id desc) as rk
      from cur
    ),
    g as (
      select deal_id, person_id, min(workspace_id) as workspace_id,
        min(occurred_at) as first_seen_at, max(occurred_at) as last_seen_at,
        count(*) filter (where present)::int as calls_present, count(*)::int as mentions, bool_or(present) as engaged,
        max(occurred_at) filter (where grade = 'champion') as last_champion_at,
        max(score) filter (where grade <> 'unassessed') as peak_score,
        (array_agg(role order by occurred_at desc, call_id desc) filter (where role <> 'unknown'))[1] as known_role,
        min(stance) filter (where rk = 1) as stance, min(grade) filter (where rk = 1) as grade, min(score) filter (where rk = 1) as score,
        min(id) filter (where rk = 1) as assessment_id, min(call_id) filter (where rk = 1) as call_id,
        min(occurred_at) filter (where rk = 1) as graded_at, min(rubric_version) filter (where rk = 1) as rubric_version,
        min(grade) filter (where rk = 2 and grade <> 'unassessed') as prev_grade,
        min(score) filter (where rk = 2 and grade <> 'unassessed') as prev_score,
        min(call_id) filter (where rk = 2 and grade <> 'unassessed') as prev_call_id,
        min(occurred_at) filter (where rk = 2 and grade <> 'unassessed') as prev_at
      from ranked group by deal_id, person_id
    )
    insert into deal_people (workspace_id, deal_id, person_id, first_seen_at, last_seen_at, calls_present, mentions, engaged, role,
      stance, grade, score, assessment_id, call_id, graded_at, rubric_version, prev_grade, prev_score, prev_call_id, prev_at,
      last_champion_at, peak_score, at_risk_flag_id, at_risk_call_id, at_risk_at, champion_drop, lost_champion, champion_at_risk)
    select g.workspace_id, g.deal_id, g.person_id, g.first_seen_at, g.last_seen_at, g.calls_present, g.mentions, g.engaged,
      coalesce(g.known_role, 'unknown'), g.stance, g.grade, g.score, g.assessment_id, g.call_id, g.graded_at, g.rubric_version,
      g.prev_grade, g.prev_score, g.prev_call_id, g.prev_at,
      g.last_champion_at, g.peak_score, r.id, r.call_id, r.occurred_at,
      case when (g.prev_grade = 'champion' or g.grade = 'champion') and g.prev_score > g.score then g.prev_score - g.score end,
      coalesce(g.last_champion_at < g.graded_at and g.grade not in ('champion', 'unassessed'), false),
      coalesce(r.occurred_at >= g.graded_at, false)
    from g
    -- the latest champion_at_risk flag about someone who has been a champion (an index lookup each)
    left join lateral (
      select f.id, f.call_id, f.occurred_at
      from red_flags f
      where g.last_champion_at is not null and f.workspace_id = ${workspaceId} and f.deal_id = g.deal_id
        and f.person_id = g.person_id and f.type = 'champion_at_risk' and f.is_current
      order by f.occurred_at desc, f.call_id desc, f.id desc
      limit 1
    ) r on true`;
}

function dealHealthInsert(workspaceId: string, scope: DealScope): SQL {
  // One row per deal from call_facts; its people and its last next step through per-deal index
  // lookups (lateral), so that the plan stays linear in the number of deals.
  return sql`
    with calls_agg as (
      select deal_id, count(*)::int as calls, min(occurred_at) as first_call_at, max(occurred_at) as last_call_at,
        (array_agg(call_id order by occurred_at desc, call_id desc))[1] as last_call_id,
        (array_agg(account_id))[1] as account_id,
        array_agg(distinct rubric_version order by rubric_version) as rubric_versions
      from call_facts
      where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}
      group by deal_id
    )
    insert into deal_health (deal_id, workspace_id, account_id, calls, first_call_at, last_call_at, last_call_id, champion_count,
      engaged_count, economic_buyer_engaged, economic_buyer_named, plus_one, last_step, last_step_call_id, last_step_at,
      last_step_date, last_call_has_step, champion_lost, max_champion_drop, rubric_versions, updated_at)
    select c.deal_id, ${workspaceId}, c.account_id, c.calls, c.first_call_at, c.last_call_at, c.last_call_id,
      p.champion_count, p.engaged_count, p.eb_engaged, p.eb_named, p.plus_one, st.step, st.call_id, st.occurred_at,
      case when st.step ->> 'date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then st.step ->> 'date' end,
      coalesce(st.call_id = c.last_call_id, false),
      p.champion_lost, p.max_champion_drop, c.rubric_versions, now()
    from calls_agg c
    cross join lateral (
      select
        count(*) filter (where grade = 'champion')::int as champion_count,
        count(*) filter (where engaged)::int as engaged_count,
        coalesce(bool_or(engaged and role = 'economic_buyer'), false) as eb_engaged,
        coalesce(bool_or(role = 'economic_buyer'), false) as eb_named,
        -- "+1": engaged, not a champion, on the seller's side (ally, supporter or coach), and influential
        coalesce(bool_or(engaged and grade <> 'champion' and role in ('economic_buyer', 'influencer')
          and (stance in ('ally', 'supporter') or grade = 'coach')), false) as plus_one,
        coalesce(bool_or(lost_champion or champion_at_risk), false) as champion_lost,
        max(champion_drop) as max_champion_drop
      from deal_people dp
      where dp.workspace_id = ${workspaceId} and dp.deal_id = c.deal_id
    ) p
    left join lateral (
      select s.call_id, s.occurred_at,
        coalesce(
          an.result -> 'deal' -> 'last_agreed_next_step',
          jsonb_build_object('date', null, 'description', s.evidence -> 0 ->> 'quote', 'quote', s.evidence -> 0 ->> 'quote',
            'stakeholder', null, 'call_occurred_at', null)
        ) as step
      from signals s
      join analyses an on an.id = s.analysis_id
      where s.workspace_id = ${workspaceId} and s.deal_id = c.deal_id and s.is_current and s.type = 'next_step_scheduled'
      order by s.occurred_at desc, s.call_id desc, s.id desc
      limit 1
    ) st on true`;
}
