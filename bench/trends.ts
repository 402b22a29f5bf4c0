/**
 * Trend queries at scale: `npx tsx bench/trends.ts` (npm run bench:trends).
 *
 * Creates a fresh database on a real Postgres (BATON_BENCH_DATABASE_URL, default the local server),
 * migrates it, seeds one workspace with 1,000,000 current stakeholder assessments (100,000 calls
 * over two years, 10,000 deals, 500 accounts, plus 50,000 superseded assessments of re-analysed
 * calls) and two other workspaces (200,000 assessments that must not be read), builds the trend
 * summaries, ANALYZEs, then runs each query through the real service functions, printing p50/p95
 * and the EXPLAIN (ANALYZE, BUFFERS) plan of every statement a query makes. Drops the database at
 * the end. Options: --keep (do not drop), --scale=0.1 (a smaller seed), --reuse=<database> (skip the
 * seed: migrate a database kept earlier, rebuild its summaries, measure; it is not dropped).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { CallAnalysis } from '../schemas/analysis.ts';
import { RUBRIC_VERSION } from '../src/analysis/rubric.ts';
import type { Db } from '../src/db/client.ts';
import { openDatabase } from '../src/db/node.ts';
import * as schema from '../src/db/schema.ts';
import type { WorkspaceContext } from '../src/deps.ts';
import { storeAnalysis } from '../src/services/analysis-store.ts';
import { getCallRow } from '../src/services/calls.ts';
import { listAtRiskDeals } from '../src/services/risk.ts';
import { refreshDealSummaries } from '../src/services/trends-summary.ts';
import { championStrength, dealChampions, dealTrend, stakeholderTrend } from '../src/services/trends.ts';

const args = new Set(process.argv.slice(2));
const scaleArg = process.argv.find((a) => a.startsWith('--scale='));
const SCALE = scaleArg ? Number(scaleArg.split('=')[1]) : 1;
const reuseArg = process.argv.find((a) => a.startsWith('--reuse='));
const REUSE = reuseArg ? reuseArg.split('=')[1]! : null;
const KEEP = args.has('--keep') || REUSE !== null;
const ADMIN_URL = process.env.BATON_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;

interface Shape {
  accounts: number;
  deals: number;
  callsPerDeal: number;
  peoplePerDeal: number;
  perCall: number;
}
const MAIN: Shape = { accounts: Math.max(1, Math.round(500 * SCALE)), deals: Math.round(10_000 * SCALE), callsPerDeal: 10, peoplePerDeal: 15, perCall: 10 };
const OTHER: Shape = { accounts: Math.max(1, Math.round(50 * SCALE)), deals: Math.round(1_000 * SCALE), callsPerDeal: 10, peoplePerDeal: 15, perCall: 10 };

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[${elapsed()}] ${msg}`);

/** A time-sortable-looking id of the right shape (src/lib/ids.ts): prefix, workspace digit, kind digit, 24 digits. */
const idSql = (prefix: string, ws: number, kind: number, n: string) => `'${prefix}_${ws}${kind}' || lpad((${n})::text, 24, '0')`;

/** Seeds one workspace with set-based SQL; returns its id. */
async function seedWorkspace(sql: postgres.Sql, ws: number, shape: Shape): Promise<string> {
  const wsId = `ws_${ws}0${'0'.repeat(23)}1`;
  const { accounts, deals, callsPerDeal: K, peoplePerDeal: P, perCall: J } = shape;
  const q = (text: string) => sql.unsafe(text);
  await q(`insert into workspaces (id, name, timezone) values ('${wsId}', 'bench ${ws}', 'America/New_York')`);
  await q(`insert into accounts (id, workspace_id, external_id, name)
    select ${idSql('acct', ws, 0, 'a')}, '${wsId}', 'ext-' || a, 'Account ' || a from generate_series(0, ${accounts - 1}) a`);
  await q(`drop table if exists b_deals; drop table if exists b_calls`);
  // Each deal runs for ten calls two to three weeks apart, starting 200 to 730 days ago.
  await q(`create temp table b_deals as
    select d, d % ${accounts} as a, now() - (200 + random() * 530) * interval '1 day' as start from generate_series(0, ${deals - 1}) d`);
  await q(`create temp table b_calls as
    select d.d * ${K} + k as c, d.d, k, d.a, d.start + k * interval '14 days' + random() * interval '7 days' as at,
      random() < 0.6 as has_step, random() as r
    from b_deals d, generate_series(0, ${K - 1}) k`);
  await q(`insert into deals (id, workspace_id, account_id, external_id, name)
    select ${idSql('deal', ws, 0, 'd')}, '${wsId}', ${idSql('acct', ws, 0, 'a')}, 'deal-' || d, 'Deal ' || d from b_deals`);
  await q(`insert into people (id, workspace_id, account_id, name, name_key, side)
    select ${idSql('pers', ws, 0, `d * ${P} + p`)}, '${wsId}', ${idSql('acct', ws, 0, 'a')}, 'Person ' || d || '-' || p, 'person ' || d || ' ' || p, 'buyer'
    from b_deals, generate_series(0, ${P - 1}) p`);
  await q(`insert into calls (id, workspace_id, deal_id, occurred_at, title, source, format, raw_input, raw_content_type, transcript,
      utterance_count, content_hash, status, attempts)
    select ${idSql('call', ws, 0, 'c')}, '${wsId}', ${idSql('deal', ws, 0, 'd')}, at, 'Call ' || k, 'bench', 'speaker_lines', '', 'text/plain',
      '{}'::jsonb, 2, md5(c::text), 'analyzed', 1
    from b_calls`);
  const step = `jsonb_build_object('deal', jsonb_build_object('last_agreed_next_step', jsonb_build_object('date', to_char(at + interval '7 days', 'YYYY-MM-DD'),
    'description', 'Meet next Tuesday', 'quote', 'Let us meet next Tuesday at 3', 'stakeholder', null, 'call_occurred_at', null)))`;
  // The current analysis of every call; 1 in 20 calls was analysed once before (superseded).
  await q(`insert into analyses (id, workspace_id, call_id, deal_id, occurred_at, analyzer, rubric_version, result, duration_ms, created_at)
    select ${idSql('anl', ws, 0, 'c')}, '${wsId}', ${idSql('call', ws, 0, 'c')}, ${idSql('deal', ws, 0, 'd')}, at, 'rules', '${RUBRIC_VERSION}',
      case when has_step then ${step} else '{}'::jsonb end, 5, at + interval '1 hour'
    from b_calls`);
  await q(`insert into analyses (id, workspace_id, call_id, deal_id, occurred_at, analyzer, rubric_version, result, duration_ms, created_at, superseded_at)
    select ${idSql('anl', ws, 1, 'c')}, '${wsId}', ${idSql('call', ws, 0, 'c')}, ${idSql('deal', ws, 0, 'd')}, at, 'rules', 'old', '{}'::jsonb, 5,
      at + interval '30 minutes', at + interval '1 hour'
    from b_calls where c % 20 = 0`);
  // Ten stakeholders per call out of the deal's fifteen people; person 0 is the economic buyer.
  const assess = (kind: number, where: string, current: boolean) => `
    insert into assessments (id, workspace_id, analysis_id, call_id, deal_id, person_id, occurred_at, present, role, stance, grade, score,
      components, rubric_version, evidence, is_current)
    select ${idSql('asmt', ws, kind, `c * ${J} + j`)}, '${wsId}', ${idSql('anl', ws, kind, 'c')}, ${idSql('call', ws, 0, 'c')}, ${idSql('deal', ws, 0, 'd')},
      ${idSql('pers', ws, 0, `d * ${P} + p`)}, at, present,
      case when p = 0 then 'economic_buyer' when p < 3 then 'influencer' when p < 6 then 'technical_buyer' when p < 13 then 'user_buyer' else 'unknown' end,
      case when grade = 'champion' then 'ally' when grade = 'coach' then 'supporter' when grade = 'blocker' then 'enemy' else 'neutral' end,
      grade, score, '[{"name":"base","points":50,"reason":"starting point"}]'::jsonb, '${current ? RUBRIC_VERSION : 'old'}',
      '[{"utterance":1,"quote":"We have been looking at this for a while.","start":0,"end":41}]'::jsonb, ${current}
    from (
      select *, case when not present and rnd < 0.5 then 'unassessed' when score >= 75 then 'champion' when score >= 60 then 'coach'
        when score >= 45 then 'lukewarm' when score < 25 then 'blocker' else 'neutral' end as grade
      from (
        select bc.*, j, (k + j) % ${P} as p, random() as rnd,
          random() < case when (k + j) % ${P} = 0 then 0.3 else 0.75 end as present,
          greatest(0, least(100, 20 + (abs(hashtext(d::text || '-' || ((k + j) % ${P}))) % 60) + k * 2 + floor(random() * 20)::int - 10)) as score
        from b_calls bc, generate_series(0, ${J - 1}) j ${where}
      ) x
    ) y`;
  await q(assess(0, '', true));
  await q(assess(1, 'where c % 20 = 0', false));
  const evidence = `'[{"utterance":1,"quote":"Let us meet next Tuesday at 3","start":0,"end":29}]'::jsonb`;
  const evRows = (table: string, n: number, type: string, person: string | null, cond: string, extra = '') => `
    insert into ${table} (id, workspace_id, analysis_id, call_id, deal_id, person_id, occurred_at, type, evidence${extra ? ', severity' : ''})
    select ${idSql(table === 'signals' ? 'sig' : 'flag', ws, 0, `c * 10 + ${n}`)}, '${wsId}', ${idSql('anl', ws, 0, 'c')}, ${idSql('call', ws, 0, 'c')},
      ${idSql('deal', ws, 0, 'd')}, ${person ? idSql('pers', ws, 0, `d * ${P} + (${person}) % ${P}`) : 'null'}, at, '${type}', ${evidence}${extra ? `, '${extra}'` : ''}
    from b_calls where ${cond}`;
  await q(evRows('signals', 0, 'next_step_scheduled', 'k', 'has_step'));
  await q(evRows('signals', 1, 'intro_offered', 'k + 1', 'r < 0.3'));
  await q(evRows('signals', 2, 'insider_info_shared', 'k + 2', 'r > 0.5'));
  await q(evRows('red_flags', 0, 'no_clear_next_step', null, 'not has_step', 'medium'));
  await q(evRows('red_flags', 1, 'single_threaded', null, 'r < 0.1', 'high'));
  await q(evRows('red_flags', 2, 'champion_at_risk', 'k + 1', 'r >= 0.1 and r < 0.12', 'high'));
  await q(evRows('red_flags', 3, 'lukewarm_enthusiasm', 'k + 3', 'r > 0.7', 'medium'));
  await q(evRows('red_flags', 4, 'vague_response', 'k + 4', 'r >= 0.3 and r < 0.6', 'low'));
  await q(`drop table b_deals; drop table b_calls`);
  return wsId;
}

interface Captured {
  query: string;
  params: unknown[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main() {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const name = REUSE ?? `baton_bench_${Date.now()}`;
  if (!REUSE) await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  log(`database ${name} on ${url.host} (scale ${SCALE}); ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  try {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 2 });
    log('migrated');
    // Bulk load: foreign keys are not checked row by row (the seed is consistent by construction).
    const seeder = postgres(url.toString(), { max: 1, onnotice: () => {}, connection: { session_replication_role: 'replica', synchronous_commit: 'off' } });
    let main: string;
    let others: string[];
    if (REUSE) {
      [main, ...others] = (await seeder.unsafe(`select id from workspaces where name like 'bench %' order by name`)).map((r) => r.id as string) as [string, ...string[]];
    } else {
      main = await seedWorkspace(seeder, 1, MAIN);
      log(`seeded the main workspace (${MAIN.deals * MAIN.callsPerDeal} calls, ${MAIN.deals * MAIN.callsPerDeal * MAIN.perCall} current assessments)`);
      others = [await seedWorkspace(seeder, 2, OTHER), await seedWorkspace(seeder, 3, OTHER)];
      log('seeded two other workspaces');
    }
    await seeder.end();

    // Statistics first: the summary build plans its joins from them.
    await client.unsafe('analyze');
    log('analyze');
    // The summaries, built with the same service storeAnalysis uses, for every deal at once.
    for (const ws of [main, ...others]) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local work_mem = '256MB'`));
        await refreshDealSummaries(tx, ws, 'all');
      });
    }
    log('built the trend summaries');
    await client.unsafe('vacuum analyze');
    log('vacuum analyze');
    const counts = await client.unsafe(`select (select count(*) from assessments where workspace_id = '${main}' and is_current)::int as current,
      (select count(*) from assessments)::int as total, (select count(*) from calls)::int as calls, (select count(*) from call_facts)::int as call_facts,
      (select count(*) from deal_people)::int as deal_people, (select count(*) from deal_health)::int as deal_health`);
    log(`rows: ${JSON.stringify(counts[0])}`);

    // A drizzle handle over its own pool that can record the statements a service makes.
    let capture: Captured[] | null = null;
    const db = drizzle(client, {
      schema,
      logger: { logQuery: (query: string, params: unknown[]) => capture?.push({ query, params }) },
    }) as unknown as Db;
    const workspace: WorkspaceContext = { id: main, name: 'bench 1', sellerDomains: [], timezone: 'America/New_York' };
    const pick = async (table: string, column: string, n: number) =>
      (await client.unsafe(`select ${column} as id from ${table} where workspace_id = '${main}' order by random() limit ${n}`)).map((r) => r.id as string);
    const dealIds = await pick('deals', 'id', 400);
    const personIds = await pick('people', 'id', 400);
    const accountIds = await pick('accounts', 'id', 50);
    const callIds = await pick('calls', 'id', 40);
    const now = Date.now();
    let i = 0;
    const next = <T>(xs: T[]) => xs[i++ % xs.length]!;

    const analysisFor = (n: number): CallAnalysis => ({
      stakeholders: Array.from({ length: 10 }, (_, j) => ({
        id: null,
        name: `Bench Person ${n}-${j}`,
        email: null,
        side: 'buyer' as const,
        present: j < 7,
        title: null,
        role: j === 0 ? ('economic_buyer' as const) : ('user_buyer' as const),
        stance: 'neutral' as const,
        champion: { grade: j < 2 ? ('champion' as const) : ('coach' as const), score: 60 + j, components: [{ name: 'base', points: 50, reason: 'base' }] },
        evidence: [{ utterance: 1, quote: 'We have been looking at this.', start: 0, end: 29 }],
      })),
      signals: [{ type: 'next_step_scheduled', stakeholder: `Bench Person ${n}-0`, evidence: [{ utterance: 1, quote: 'Tuesday at 3', start: 0, end: 12 }] }],
      red_flags: [{ type: 'vague_response', stakeholder: `Bench Person ${n}-3`, severity: 'low', evidence: [{ utterance: 2, quote: 'It depends.', start: 0, end: 11 }] }],
      champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
      deal: {
        calls: 1,
        champion_count: 2,
        champions: [],
        two_deep: true,
        economic_buyer_engaged: true,
        economic_buyers: [],
        buyer_contacts_engaged: 7,
        engaged_contacts: [],
        single_threaded: false,
        last_agreed_next_step: null,
      },
      meta: { analyzer: 'rules', model: null, prompt_version: null, rubric_version: RUBRIC_VERSION, ungrounded_dropped: 0, ms: 1 },
    });

    const queries: Array<{ name: string; target: number | null; runs: number; run: () => Promise<unknown> }> = [
      { name: "deal champions (one deal's people and facts)", target: 10, runs: 300, run: () => dealChampions(db, workspace, next(dealIds)) },
      {
        name: "deal trend (one deal, by week over 2 years)",
        target: 10,
        runs: 300,
        run: () => dealTrend(db, workspace, next(dealIds), { interval: 'week', from: new Date(now - 730 * DAY).toISOString() }),
      },
      { name: 'deal trend (one deal, by day, default 31 days)', target: 10, runs: 200, run: () => dealTrend(db, workspace, next(dealIds), { interval: 'day' }) },
      { name: 'stakeholder trend (one person)', target: null, runs: 300, run: () => stakeholderTrend(db, workspace, next(personIds)) },
      {
        name: 'portfolio champion strength (1 year by week)',
        target: 250,
        runs: 40,
        run: () => championStrength(db, workspace, { interval: 'week', from: new Date(now - 365 * DAY).toISOString() }),
      },
      {
        name: 'portfolio champion strength (2 years by month)',
        target: null,
        runs: 20,
        run: () => championStrength(db, workspace, { interval: 'month', from: new Date(now - 730 * DAY).toISOString() }),
      },
      {
        name: 'portfolio champion strength (1 year by week, one account)',
        target: null,
        runs: 100,
        run: () => championStrength(db, workspace, { interval: 'week', from: new Date(now - 365 * DAY).toISOString(), account: next(accountIds) }),
      },
      { name: 'at-risk deals (risk=any, page of 50)', target: 100, runs: 60, run: () => listAtRiskDeals(db, workspace, { risk: 'any', limit: 50 }) },
      {
        name: 'at-risk deals (risk=champion_lost,single_threaded, page of 50)',
        target: 100,
        runs: 60,
        run: () => listAtRiskDeals(db, workspace, { risk: 'champion_lost,single_threaded', limit: 50 }),
      },
      {
        name: 'write: storeAnalysis of a call (10 stakeholders) incl. summary rebuild of its deal',
        target: null,
        runs: 40,
        run: async () => {
          const call = await getCallRow(db, workspace, next(callIds));
          return storeAnalysis(db, workspace, call, analysisFor(i));
        },
      },
    ];

    const results: Array<{ name: string; target: number | null; p50: number; p95: number; max: number; runs: number; load: number }> = [];
    for (const q of queries) {
      for (let w = 0; w < 5; w++) await q.run(); // warm-up
      const times: number[] = [];
      for (let r = 0; r < q.runs; r++) {
        const s = performance.now();
        await q.run();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const row = { name: q.name, target: q.target, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, runs: q.runs, load: loadavg()[0]! };
      results.push(row);
      log(`${q.name}: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms (${q.runs} runs, load average ${row.load.toFixed(2)})`);
    }

    console.log('\n=== query plans (EXPLAIN (ANALYZE, BUFFERS) of every statement each query makes) ===');
    for (const q of queries) {
      if (q.name.startsWith('write')) continue;
      capture = [];
      await q.run();
      const statements = capture;
      capture = null;
      console.log(`\n##### ${q.name}: ${statements.length} statement(s)`);
      for (const [n, st] of statements.entries()) {
        console.log(`\n--- statement ${n + 1}: ${st.query.replace(/\s+/g, ' ').slice(0, 240)}${st.query.length > 240 ? ' ...' : ''}`);
        const plan = await client.unsafe(`explain (analyze, buffers) ${st.query}`, st.params as postgres.ParameterOrJSON<never>[]);
        // long id lists (= ANY ('{...}')) cut short
        console.log(plan.map((r) => String(r['QUERY PLAN']).replace(/'\{([^}]{0,120})[^}]*\}'/g, "'{$1...}'")).join('\n'));
      }
    }

    console.log('\n=== p50 / p95 per query (ms) ===');
    console.log(`${'query'.padEnd(82)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'target'.padStart(8)}  ok   load`);
    for (const r of results) {
      const ok = r.target === null ? '  ' : r.p95 <= r.target ? 'yes' : 'NO ';
      console.log(
        `${r.name.padEnd(82)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${(r.target === null ? '-' : `< ${r.target}`).padStart(8)}  ${ok}  ${r.load.toFixed(2)}`,
      );
    }
    console.log('(load: the 1-minute load average of the machine when the query finished; other processes share the CPUs)');
    log('done');
  } finally {
    await client.end({ timeout: 5 });
    await database?.close();
    if (KEEP) {
      log(`kept database ${name}`);
    } else {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      log(`dropped database ${name}`);
    }
    await admin.end({ timeout: 5 });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
