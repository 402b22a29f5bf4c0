import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
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
  await tx.execute(sql`delete from call_facts where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`);
  await tx.execute(sql`delete from deal_people where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`);
  await tx.execute(sql`delete from deal_health where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}`);
  await tx.execute(callFactsInsert(workspaceId, scope));
  await tx.execute(dealPeopleInsert(workspaceId, scope));
  await tx.execute(dealHealthInsert(workspaceId, scope));
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

function callFactsInsert(workspaceId: string, scope: DealScope): SQL {
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
    flags as (
      select call_id, jsonb_object_agg(type, n) as red_flags from (
        select f.call_id, f.type, count(*)::int as n
        from red_flags f
        where f.workspace_id = ${workspaceId} and f.is_current and ${inScope(sql`f.deal_id`, scope)}
        group by f.call_id, f.type
      ) x
      group by call_id
    )
    insert into call_facts (call_id, workspace_id, deal_id, account_id, analysis_id, occurred_at, rubric_version, stakeholders,
      graded, top_score, engaged, engaged_score_sum, champions_in_call, champion_count, red_flags)
    select an.call_id, an.workspace_id, an.deal_id, d.account_id, an.id, an.occurred_at, an.rubric_version,
      coalesce(pc.stakeholders, 0), coalesce(pc.graded, 0), pc.top_score, coalesce(pc.engaged, 0), coalesce(pc.engaged_score_sum, 0),
      coalesce(pc.champions_in_call, 0),
      (sum(coalesce(cd.delta, 0)) over (partition by an.deal_id order by an.occurred_at, an.call_id rows unbounded preceding))::int,
      coalesce(fl.red_flags, '{}'::jsonb)
    from analyses an
    join deals d on d.id = an.deal_id
    left join per_call pc on pc.call_id = an.call_id
    left join champ_delta cd on cd.call_id = an.call_id
    left join flags fl on fl.call_id = an.call_id
    where an.workspace_id = ${workspaceId} and an.superseded_at is null and ${inScope(sql`an.deal_id`, scope)}`;
}

function dealPeopleInsert(workspaceId: string, scope: DealScope): SQL {
  return sql`
    with cur as (${currentAssessments(workspaceId, scope)}),
    -- rank 1: the latest graded call (else the latest call naming them); rank 2: the one before
    ranked as (
      select cur.*, row_number() over (
        partition by deal_id, person_id order by (grade <> 'unassessed') desc, occurred_at desc, call_id desc) as rk
      from cur
    ),
    agg as (
      select deal_id, person_id,
        min(occurred_at) as first_seen_at, max(occurred_at) as last_seen_at,
        count(*) filter (where present)::int as calls_present, count(*)::int as mentions, bool_or(present) as engaged,
        max(occurred_at) filter (where grade = 'champion') as last_champion_at,
        max(score) filter (where grade <> 'unassessed') as peak_score,
        (array_agg(role order by occurred_at desc, call_id desc) filter (where role <> 'unknown'))[1] as known_role
      from cur group by deal_id, person_id
    ),
    risk as (
      select distinct on (f.deal_id, f.person_id) f.deal_id, f.person_id, f.id, f.call_id, f.occurred_at
      from red_flags f
      where f.workspace_id = ${workspaceId} and f.is_current and f.type = 'champion_at_risk' and f.person_id is not null
        and ${inScope(sql`f.deal_id`, scope)}
      order by f.deal_id, f.person_id, f.occurred_at desc, f.call_id desc, f.id desc
    )
    insert into deal_people (workspace_id, deal_id, person_id, first_seen_at, last_seen_at, calls_present, mentions, engaged, role,
      stance, grade, score, assessment_id, call_id, graded_at, rubric_version, prev_grade, prev_score, prev_call_id, prev_at,
      last_champion_at, peak_score, at_risk_flag_id, at_risk_call_id, at_risk_at, champion_drop, lost_champion, champion_at_risk)
    select l.workspace_id, g.deal_id, g.person_id, g.first_seen_at, g.last_seen_at, g.calls_present, g.mentions, g.engaged,
      coalesce(g.known_role, 'unknown'), l.stance, l.grade, l.score, l.id, l.call_id, l.occurred_at, l.rubric_version,
      p.grade, p.score, p.call_id, p.occurred_at,
      g.last_champion_at, g.peak_score, r.id, r.call_id, r.occurred_at,
      case when (p.grade = 'champion' or l.grade = 'champion') and p.score > l.score then p.score - l.score end,
      coalesce(g.last_champion_at < l.occurred_at and l.grade not in ('champion', 'unassessed'), false),
      coalesce(g.last_champion_at is not null and r.occurred_at >= l.occurred_at, false)
    from agg g
    join ranked l on l.deal_id = g.deal_id and l.person_id = g.person_id and l.rk = 1
    left join ranked p on p.deal_id = g.deal_id and p.person_id = g.person_id and p.rk = 2 and p.grade <> 'unassessed'
    left join risk r on r.deal_id = g.deal_id and r.person_id = g.person_id`;
}

function dealHealthInsert(workspaceId: string, scope: DealScope): SQL {
  return sql`
    with calls_agg as (
      select deal_id, count(*)::int as calls, min(occurred_at) as first_call_at, max(occurred_at) as last_call_at,
        (array_agg(call_id order by occurred_at desc, call_id desc))[1] as last_call_id,
        (array_agg(account_id))[1] as account_id,
        array_agg(distinct rubric_version order by rubric_version) as rubric_versions
      from call_facts
      where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}
      group by deal_id
    ),
    people_agg as (
      select deal_id,
        count(*) filter (where engaged)::int as engaged_count,
        count(*) filter (where grade = 'champion')::int as champion_count,
        coalesce(bool_or(engaged and role = 'economic_buyer'), false) as eb_engaged,
        coalesce(bool_or(role = 'economic_buyer'), false) as eb_named,
        coalesce(bool_or(lost_champion or champion_at_risk), false) as champion_lost,
        max(champion_drop) as max_champion_drop
      from deal_people
      where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}
      group by deal_id
    ),
    -- "+1": engaged, not a champion, on the seller's side (ally, supporter or coach), and influential
    plus_one as (
      select deal_id, true as plus_one from deal_people
      where workspace_id = ${workspaceId} and ${inScope(sql`deal_id`, scope)}
        and engaged and grade <> 'champion' and role in ('economic_buyer', 'influencer')
        and (stance in ('ally', 'supporter') or grade = 'coach')
      group by deal_id
    ),
    steps as (
      select distinct on (s.deal_id) s.deal_id, s.call_id, s.occurred_at, s.analysis_id, s.evidence, s.person_id
      from signals s
      where s.workspace_id = ${workspaceId} and s.is_current and s.type = 'next_step_scheduled' and ${inScope(sql`s.deal_id`, scope)}
      order by s.deal_id, s.occurred_at desc, s.call_id desc, s.id desc
    ),
    step_facts as (
      select st.deal_id, st.call_id, st.occurred_at,
        coalesce(
          an.result -> 'deal' -> 'last_agreed_next_step',
          jsonb_build_object('date', null, 'description', st.evidence -> 0 ->> 'quote', 'quote', st.evidence -> 0 ->> 'quote',
            'stakeholder', null, 'call_occurred_at', null)
        ) as step
      from steps st join analyses an on an.id = st.analysis_id
    )
    insert into deal_health (deal_id, workspace_id, account_id, calls, first_call_at, last_call_at, last_call_id, champion_count,
      engaged_count, economic_buyer_engaged, economic_buyer_named, plus_one, last_step, last_step_call_id, last_step_at,
      last_step_date, last_call_has_step, champion_lost, max_champion_drop, rubric_versions, updated_at)
    select c.deal_id, ${workspaceId}, c.account_id, c.calls, c.first_call_at, c.last_call_at, c.last_call_id,
      coalesce(p.champion_count, 0), coalesce(p.engaged_count, 0), coalesce(p.eb_engaged, false), coalesce(p.eb_named, false),
      coalesce(po.plus_one, false), sf.step, sf.call_id, sf.occurred_at,
      case when sf.step ->> 'date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then sf.step ->> 'date' end,
      coalesce(sf.call_id = c.last_call_id, false),
      coalesce(p.champion_lost, false), p.max_champion_drop, c.rubric_versions, now()
    from calls_agg c
    left join people_agg p on p.deal_id = c.deal_id
    left join plus_one po on po.deal_id = c.deal_id
    left join step_facts sf on sf.deal_id = c.deal_id`;
}
