import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDealSummaries, rowsOf } from '../../src/services/trends-summary.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { store, upload } from './trend-fixtures.ts';
import type { CallSpec } from './trend-fixtures.ts';

// The trend summaries are derived data: whatever order analyses arrive in, and however often a call
// is analysed again, they must equal a rebuild from scratch of the current analyses.

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
}, 60_000);
afterAll(() => ctx?.close());

const spec = (at: string, grade: 'champion' | 'coach' | 'lukewarm', score: number, deal = 'order'): CallSpec => ({
  deal,
  at,
  people: [
    { name: 'Xavi Ruiz', grade, score },
    { name: 'Yara Lind', grade: 'neutral', score: 50 },
  ],
});

async function snapshot(): Promise<unknown[]> {
  const db = ctx.database.db;
  const out: unknown[] = [];
  for (const [table, order, skip] of [
    ['call_facts', 'call_id', []],
    ['deal_people', 'deal_id, person_id', []],
    ['deal_health', 'deal_id', ['updated_at']],
  ] as const) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select * from ${sql.identifier(table)} where workspace_id = ${ws.id} order by ${sql.raw(order)}`));
    out.push(...rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(skip as readonly string[]).includes(k)))));
  }
  return out;
}

async function expectSameAsRebuild() {
  const incremental = await snapshot();
  await ctx.database.db.transaction((tx) => refreshDealSummaries(tx, ws.id, 'all'));
  expect(await snapshot()).toEqual(incremental);
}

describe('trend summaries', () => {
  it('calls analysed out of order: the champion count of each call counts only earlier calls', async () => {
    const later = await upload(ws, spec('2026-04-20T10:00:00Z', 'coach', 60));
    const earlier = await upload(ws, spec('2026-04-06T10:00:00Z', 'champion', 80));
    await store(ctx, ws, later.callId, spec('2026-04-20T10:00:00Z', 'coach', 60));
    await store(ctx, ws, earlier.callId, spec('2026-04-06T10:00:00Z', 'champion', 80));
    const facts = rowsOf<{ call_id: string; champion_count: number; top_score: number }>(
      await ctx.database.db.execute(sql`select call_id, champion_count, top_score from call_facts where workspace_id = ${ws.id} order by occurred_at`),
    );
    expect(facts.map((f) => [f.call_id, f.champion_count, f.top_score])).toEqual([
      [earlier.callId, 1, 80],
      [later.callId, 0, 60],
    ]);
    const [person] = rowsOf<{ grade: string; prev_grade: string; lost_champion: boolean; champion_drop: number }>(
      await ctx.database.db.execute(sql`select dp.* from deal_people dp join people p on p.id = dp.person_id where dp.workspace_id = ${ws.id} and p.name = 'Xavi Ruiz'`),
    );
    expect(person).toMatchObject({ grade: 'coach', prev_grade: 'champion', lost_champion: true, champion_drop: 20 });
    await expectSameAsRebuild();
  }, 120_000);

  it('a call analysed again: only its latest analysis is current, in every table', async () => {
    const s = spec('2026-05-04T10:00:00Z', 'lukewarm', 40, 'again');
    const { callId } = await upload(ws, s);
    const first = await store(ctx, ws, callId, s);
    const second = await store(ctx, ws, callId, { ...s, people: [{ name: 'Xavi Ruiz', grade: 'champion', score: 88 }] });
    const db = ctx.database.db;
    const analyses = rowsOf<{ id: string; superseded: boolean }>(
      await db.execute(sql`select id, superseded_at is not null as superseded from analyses where workspace_id = ${ws.id} and call_id = ${callId} order by created_at, id`),
    );
    // the worker's analysis, then the two hand-built ones
    expect(analyses.map((a) => a.superseded)).toEqual([true, true, false]);
    expect(analyses.map((a) => a.id).slice(1)).toEqual([first, second]);
    const current = rowsOf<{ analysis_id: string; n: number }>(
      await db.execute(sql`select analysis_id, count(*)::int as n from assessments where workspace_id = ${ws.id} and call_id = ${callId} and is_current group by analysis_id`),
    );
    expect(current).toEqual([{ analysis_id: second, n: 1 }]);
    const facts = rowsOf<{ analysis_id: string; top_score: number }>(await db.execute(sql`select analysis_id, top_score from call_facts where call_id = ${callId}`));
    expect(facts).toEqual([{ analysis_id: second, top_score: 88 }]);
    await expectSameAsRebuild();
  }, 120_000);

  it('a new workspace time zone moves every call to its local day, week and month', async () => {
    const res = await ws.json('/v1/workspace', { timezone: 'Pacific/Auckland' }, { method: 'PATCH' });
    expect(res.res.status).toBe(200);
    const [row] = rowsOf<{ local_day: string }>(
      await ctx.database.db.execute(sql`select local_day::text from call_facts where workspace_id = ${ws.id} and occurred_at = '2026-04-20T10:00:00Z'`),
    );
    expect(row!.local_day).toBe('2026-04-20'); // 22:00 in Auckland
    await expectSameAsRebuild();
    await ws.json('/v1/workspace', { timezone: 'America/Los_Angeles' }, { method: 'PATCH' });
    const [again] = rowsOf<{ local_day: string }>(
      await ctx.database.db.execute(sql`select local_day::text from call_facts where workspace_id = ${ws.id} and occurred_at = '2026-04-20T10:00:00Z'`),
    );
    expect(again!.local_day).toBe('2026-04-20'); // 03:00 in Los Angeles
    await expectSameAsRebuild();
    await ws.json('/v1/workspace', { timezone: 'UTC' }, { method: 'PATCH' });
  }, 120_000);

  it('analyses of one deal stored at the same time leave consistent summaries', async () => {
    const specs = ['2026-06-01T10:00:00Z', '2026-06-08T10:00:00Z', '2026-06-15T10:00:00Z', '2026-06-22T10:00:00Z'].map((at, i) =>
      spec(at, i % 2 ? 'champion' : 'coach', 60 + i * 5, 'parallel'),
    );
    const uploaded = [];
    for (const s of specs) uploaded.push(await upload(ws, s));
    await Promise.all(uploaded.map((u, i) => store(ctx, ws, u.callId, specs[i]!)));
    const counts = rowsOf<{ champion_count: number }>(
      await ctx.database.db.execute(sql`select champion_count from call_facts where workspace_id = ${ws.id} and deal_id = ${uploaded[0]!.dealId} order by occurred_at`),
    );
    expect(counts.map((c) => c.champion_count)).toEqual([0, 1, 0, 1]);
    await expectSameAsRebuild();
  }, 120_000);
});
