import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { seed } from '../db/trend-fixtures.ts';

let ctx: TestContext;
let ws: TestWorkspace;
let dealId: string;

const patch = (w: TestWorkspace, body: unknown) => w.json<Record<string, unknown> & { errors?: { path: string }[] }>('/v1/workspace', body, { method: 'PATCH' });

beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
  // 03:00Z on Monday 2 March is still Sunday 1 March, 22:00, in New York.
  const { deals } = await seed(ctx, ws, [
    { deal: 'tz', at: '2026-03-02T03:00:00Z', people: [{ name: 'Nora Quinn', grade: 'champion', score: 80 }, { name: 'Omar Hale', grade: 'coach', score: 60 }] },
    { deal: 'tz', at: '2026-03-08T12:00:00Z', people: [{ name: 'Nora Quinn', grade: 'champion', score: 84 }] },
  ]);
  dealId = deals.get('tz')!;
}, 120_000);
afterAll(() => ctx?.close());

describe('GET and PATCH /v1/workspace', () => {
  it('reads the settings and changes time zone, seller domains and name', async () => {
    const before = (await (await ws.request('/v1/workspace')).json()) as Record<string, unknown>;
    expect(before).toMatchObject({ id: ws.id, timezone: 'UTC', seller_domains: [] });
    const { res, body } = await patch(ws, { timezone: 'america/new_york', seller_domains: ['Vendor.com', 'vendor.io', 'vendor.com'], name: 'Sales' });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: ws.id, name: 'Sales', timezone: 'America/New_York', seller_domains: ['vendor.com', 'vendor.io'] });
    expect(await (await ws.request('/v1/workspace')).json()).toMatchObject({ timezone: 'America/New_York' });
    await patch(ws, { timezone: 'UTC' });
  });

  it('422 names the field: not an IANA zone, not a domain, unknown field', async () => {
    for (const [body, path] of [
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ timezone: '+02:00' }, 'timezone'],
      [{ timezone: 'Europe/Berlin; drop table workspaces' }, 'timezone'],
      [{ seller_domains: ['vendor.com', 'not a domain'] }, 'seller_domains.1'],
      [{ colour: 'blue' }, ''],
    ] as const) {
      const { res, body: problem } = await patch(ws, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      if (path) expect(problem.errors!.map((e) => e.path)).toContain(path);
    }
    expect(await (await ws.request('/v1/workspace')).json()).toMatchObject({ timezone: 'UTC' });
  });

  it('a key only sees its own workspace', async () => {
    const other = await ctx.workspace();
    await patch(other, { timezone: 'Asia/Tokyo' });
    expect(await (await ws.request('/v1/workspace')).json()).toMatchObject({ id: ws.id, timezone: 'UTC' });
    expect(await (await other.request('/v1/workspace')).json()).toMatchObject({ id: other.id, timezone: 'Asia/Tokyo' });
  });
});

type Point = { date: string; start: string; end: string; calls: number; top_score: number | null };

describe('buckets in the workspace time zone', () => {
  it('a late-evening call falls on its local day and week; empty days are gaps', async () => {
    await patch(ws, { timezone: 'America/New_York' });
    try {
      const days = (await (await ws.request(`/v1/deals/${dealId}/trend?interval=day&from=2026-02-28T00:00:00-05:00&to=2026-03-03T00:00:00-05:00`)).json()) as {
        timezone: string;
        points: Point[];
      };
      expect(days.timezone).toBe('America/New_York');
      expect(days.points.map((p) => [p.date, p.start, p.calls, p.top_score])).toEqual([
        ['2026-02-28', '2026-02-28T05:00:00.000Z', 0, null],
        ['2026-03-01', '2026-03-01T05:00:00.000Z', 1, 80],
        ['2026-03-02', '2026-03-02T05:00:00.000Z', 0, null],
      ]);
      // Sunday 1 March belongs to the week that starts on Monday 23 February.
      const weeks = (await (await ws.request(`/v1/trends/champion-strength?interval=week&from=2026-02-23T00:00:00-05:00&to=2026-03-09T00:00:00-04:00`)).json()) as { points: Point[] };
      expect(weeks.points.map((p) => [p.date, p.calls])).toEqual([
        ['2026-02-23', 1],
        ['2026-03-02', 1],
      ]);
      // 8 March 2026 is the day clocks go forward: a 23-hour day.
      const dst = (await (await ws.request(`/v1/deals/${dealId}/trend?interval=day&from=2026-03-08T00:00:00-05:00&to=2026-03-09T00:00:00-04:00`)).json()) as { points: Point[] };
      expect(dst.points.map((p) => [p.date, p.start, p.end, p.calls])).toEqual([['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 1]]);
    } finally {
      await patch(ws, { timezone: 'UTC' });
    }
    // On UTC the same call is on Monday 2 March.
    const utc = (await (await ws.request(`/v1/deals/${dealId}/trend?interval=day&from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z`)).json()) as { points: Point[] };
    expect(utc.points.map((p) => [p.date, p.calls])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 1],
    ]);
  });

  it('month buckets follow the local calendar', async () => {
    await patch(ws, { timezone: 'Asia/Tokyo' });
    try {
      const months = (await (await ws.request(`/v1/trends/champion-strength?interval=month&from=2026-02-01T00:00:00%2B09:00&to=2026-04-01T00:00:00%2B09:00`)).json()) as {
        points: Point[];
      };
      expect(months.points.map((p) => [p.date, p.start, p.calls])).toEqual([
        ['2026-02-01', '2026-01-31T15:00:00.000Z', 0],
        ['2026-03-01', '2026-02-28T15:00:00.000Z', 2],
      ]);
    } finally {
      await patch(ws, { timezone: 'UTC' });
    }
  });
});
