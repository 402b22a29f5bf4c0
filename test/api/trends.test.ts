import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC_VERSION } from '../../src/analysis/rubric.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { seed, store, upload } from '../db/trend-fixtures.ts';
import type { CallSpec } from '../db/trend-fixtures.ts';

// Three deals whose calls, grades and scores are known (dates in UTC; the workspace is on UTC):
//  - acme: Marisol rises from coach to champion, then announces she is leaving; Dana, the CFO, is
//    named but never on a call;
//  - beta: only Priya ever speaks (single-threaded, no next step);
//  - gamma: Ana is a champion, Ben becomes the second one (two deep), Carl, the economic buyer,
//    coaches (+1). Ben's second call is analysed twice: only the later analysis counts.

const acme: CallSpec[] = [
  {
    deal: 'acme',
    at: '2026-01-05T15:00:00Z',
    people: [
      { name: 'Marisol Vega', grade: 'coach', score: 55, components: { base: 50, insider_info_shared: 8, personal_win_stated: 5, vague_response: -8 } },
      { name: 'Dev Patel', grade: 'neutral', score: 50 },
    ],
    signals: [{ type: 'insider_info_shared', who: 'Marisol Vega', quote: 'Procurement meets on the first Monday of the month.' }],
    flags: [{ type: 'vague_response', who: 'Marisol Vega', quote: 'It sort of depends.' }],
  },
  {
    deal: 'acme',
    at: '2026-01-19T15:00:00Z',
    people: [
      { name: 'Marisol Vega', grade: 'champion', score: 75, components: { base: 50, intro_offered: 20, personal_win_stated: 5 } },
      { name: 'Dev Patel', grade: 'neutral', score: 50 },
    ],
    signals: [{ type: 'intro_offered', who: 'Marisol Vega', quote: "I'll set up a meeting with Dana next week." }],
  },
  {
    deal: 'acme',
    at: '2026-02-02T15:00:00Z',
    people: [
      { name: 'Marisol Vega', grade: 'champion', score: 90, components: { base: 50, intro_offered: 20, internal_advocacy: 15, personal_win_stated: 5 } },
      { name: 'Dana Ortiz', grade: 'unassessed', score: 50, present: false, role: 'economic_buyer' },
    ],
    signals: [{ type: 'internal_advocacy', who: 'Marisol Vega', quote: 'I pitched it to the leadership team on Friday.' }],
    step: { date: '2026-02-10', quote: 'Let us meet with Dana on February 10th.', who: 'Marisol Vega' },
  },
  {
    deal: 'acme',
    at: '2026-02-16T15:00:00Z',
    people: [
      { name: 'Marisol Vega', grade: 'champion', score: 85, components: { base: 50, intro_offered: 20, internal_advocacy: 15, personal_win_stated: 5, champion_at_risk: -5 } },
      { name: 'Dana Ortiz', grade: 'unassessed', score: 50, present: false, role: 'economic_buyer' },
    ],
    flags: [
      { type: 'champion_at_risk', who: 'Marisol Vega', quote: "I'm leaving the company at the end of March." },
      { type: 'no_clear_next_step', who: null },
    ],
  },
];

const beta: CallSpec[] = ['2026-01-07T10:00:00Z', '2026-01-21T10:00:00Z', '2026-02-04T10:00:00Z'].map((at, i) => ({
  deal: 'beta',
  at,
  people: [{ name: 'Priya Shah', grade: 'coach', score: 60 + i * 2, said: 'Happy to share how our approvals work today.' }],
  flags: [{ type: 'single_threaded', who: null }, { type: 'no_clear_next_step', who: null }],
}));

const gamma: CallSpec[] = [
  {
    deal: 'gamma',
    at: '2026-01-06T12:00:00Z',
    people: [
      { name: 'Ana Lucero', grade: 'champion', score: 80 },
      { name: 'Ben Okafor', grade: 'coach', score: 60 },
    ],
  },
  {
    deal: 'gamma',
    at: '2026-01-20T12:00:00Z',
    people: [
      { name: 'Ana Lucero', grade: 'champion', score: 82 },
      { name: 'Ben Okafor', grade: 'champion', score: 74 },
      { name: 'Carl Jensen', grade: 'coach', score: 58, role: 'economic_buyer' },
    ],
    flags: [{ type: 'lukewarm_enthusiasm', who: 'Carl Jensen', quote: 'It looks fine, I guess.' }],
    step: { date: '2026-01-27', quote: 'Let us review the proposal on Tuesday the 27th.', who: 'Ana Lucero' },
  },
];

let ctx: TestContext;
let ws: TestWorkspace;
let other: TestWorkspace;
const ids = { calls: {} as Record<string, string[]>, deals: {} as Record<string, string> };

beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
  other = await ctx.workspace();
  for (const [name, specs] of Object.entries({ acme, beta })) {
    const s = await seed(ctx, ws, specs);
    ids.calls[name] = s.calls;
    ids.deals[name] = s.deals.get(name)!;
  }
  // gamma's second call: first analysed with Ben lukewarm, then again with Ben a champion.
  const g1 = await seed(ctx, ws, [gamma[0]!]);
  const { callId } = await upload(ws, gamma[1]!);
  await store(ctx, ws, callId, { ...gamma[1]!, people: [gamma[1]!.people[0]!, { name: 'Ben Okafor', grade: 'lukewarm', score: 40 }] });
  await store(ctx, ws, callId, gamma[1]!);
  ids.calls.gamma = [g1.calls[0]!, callId];
  ids.deals.gamma = g1.deals.get('gamma')!;
  // Another workspace with a deal of the same name, a champion and a flag: none of it may show in `ws`.
  await seed(ctx, other, [
    {
      deal: 'acme',
      at: '2026-01-06T09:00:00Z',
      people: [{ name: 'Zed Other', grade: 'champion', score: 99 }],
      flags: [{ type: 'blocker_present', who: 'Zed Other', quote: 'No.' }],
    },
  ]);
}, 240_000);
afterAll(() => ctx?.close());

async function get<T>(w: TestWorkspace, path: string, status = 200): Promise<T> {
  const res = await w.request(path);
  const body = (await res.json()) as T;
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

type Person = { id: string; name: string; grade: string; score: number; change: { score: number; from_grade: string; from_score: number; call_id: string } | null; [k: string]: unknown };
type Champions = { people: Person[]; facts: Record<string, unknown> & { last_agreed_next_step: Record<string, unknown> | null }; rubric: { current: string; stale: number } };

describe('GET /v1/deals/:id/champions', () => {
  it('a champion who rises, then announces leaving', async () => {
    const body = await get<Champions>(ws, `/v1/deals/${ids.deals.acme}/champions`);
    const [marisol, ...rest] = body.people;
    expect(marisol).toMatchObject({
      name: 'Marisol Vega',
      grade: 'champion',
      score: 85,
      change: { score: -5, from_grade: 'champion', from_score: 90, call_id: ids.calls.acme![2] },
      first_seen_at: '2026-01-05T15:00:00.000Z',
      last_seen_at: '2026-02-16T15:00:00.000Z',
      graded_call_id: ids.calls.acme![3],
      calls: 4,
      calls_named: 4,
      engaged: true,
      peak_score: 90,
      was_champion: true,
      champion_lost: false,
      champion_at_risk: true,
      stale: false,
    });
    expect(rest.map((p) => [p.name, p.grade, p.score, p.engaged])).toEqual([
      ['Dev Patel', 'neutral', 50, true],
      ['Dana Ortiz', 'unassessed', 50, false],
    ]);
    expect(body.facts).toMatchObject({
      calls: 4,
      last_call_id: ids.calls.acme![3],
      champion_count: 1,
      two_deep: false,
      plus_one: false,
      economic_buyer_engaged: false,
      economic_buyers: [{ name: 'Dana Ortiz', engaged: false }],
      buyer_contacts_engaged: 2,
      single_threaded: false,
      last_agreed_next_step: { date: '2026-02-10', quote: 'Let us meet with Dana on February 10th.', call_id: ids.calls.acme![2], date_passed: true },
    });
    expect(body.facts.days_since_last_call).toBe(Math.floor((Date.now() - Date.parse('2026-02-16T15:00:00Z')) / 86_400_000));
    expect(body.rubric).toEqual({ current: RUBRIC_VERSION, stale: 0 });
  });

  it('a deal that stays single-threaded', async () => {
    const body = await get<Champions>(ws, `/v1/deals/${ids.deals.beta}/champions`);
    expect(body.people.map((p) => [p.name, p.grade, p.score, p.change?.score])).toEqual([['Priya Shah', 'coach', 64, 2]]);
    expect(body.facts).toMatchObject({ champion_count: 0, buyer_contacts_engaged: 1, single_threaded: true, economic_buyer_engaged: false, last_agreed_next_step: null });
  });

  it('a deal that gains a second champion: two deep, with a +1; only the latest analysis of a call counts', async () => {
    const body = await get<Champions>(ws, `/v1/deals/${ids.deals.gamma}/champions`);
    expect(body.people.map((p) => [p.name, p.grade, p.score])).toEqual([
      ['Ana Lucero', 'champion', 82],
      ['Ben Okafor', 'champion', 74],
      ['Carl Jensen', 'coach', 58],
    ]);
    expect(body.people[1]!.change).toMatchObject({ score: 14, from_grade: 'coach', from_score: 60 });
    expect(body.facts).toMatchObject({
      champion_count: 2,
      two_deep: true,
      plus_one: true,
      plus_one_people: [{ name: 'Carl Jensen' }],
      two_plus_one: true,
      economic_buyer_engaged: true,
      buyer_contacts_engaged: 3,
      single_threaded: false,
      last_agreed_next_step: { date: '2026-01-27', call_id: ids.calls.gamma![1], date_passed: true, stakeholder: 'Ana Lucero' },
    });
    const analysis = await get<{ stakeholders: { name: string; champion: { grade: string } }[] }>(ws, `/v1/calls/${ids.calls.gamma![1]}/analysis`);
    expect(analysis.stakeholders.find((s) => s.name === 'Ben Okafor')?.champion.grade).toBe('champion');
  });
});

type Point = { date: string; start: string; end: string; calls: number; [k: string]: unknown };

describe('GET /v1/deals/:id/trend', () => {
  it('weekly points with gaps as nulls, champion count as of the bucket, red flags per bucket', async () => {
    const body = await get<{ points: Point[]; from: string; to: string; interval: string; timezone: string }>(
      ws,
      `/v1/deals/${ids.deals.acme}/trend?interval=week&from=2026-01-05T00:00:00Z&to=2026-02-23T00:00:00Z`,
    );
    expect(body).toMatchObject({ interval: 'week', timezone: 'UTC', from: '2026-01-05T00:00:00.000Z', to: '2026-02-23T00:00:00.000Z' });
    expect(body.points.map((p) => [p.date, p.calls, p.top_score, p.mean_score, p.champion_count])).toEqual([
      ['2026-01-05', 1, 55, 52.5, 0],
      ['2026-01-12', 0, null, null, null],
      ['2026-01-19', 1, 75, 62.5, 1],
      ['2026-01-26', 0, null, null, null],
      ['2026-02-02', 1, 90, 90, 1],
      ['2026-02-09', 0, null, null, null],
      ['2026-02-16', 1, 85, 85, 1],
    ]);
    const flags = body.points.map((p) => p.red_flags as Record<string, number> | null);
    expect(flags[0]).toMatchObject({ vague_response: 1, champion_at_risk: 0 });
    expect(flags[1]).toBeNull();
    expect(flags[6]).toMatchObject({ champion_at_risk: 1, no_clear_next_step: 1, vague_response: 0 });
    expect(body.points[0]).toMatchObject({ start: '2026-01-05T00:00:00.000Z', end: '2026-01-12T00:00:00.000Z', stale_calls: 0 });
  });

  it('day and month intervals; the window is rounded out to whole buckets', async () => {
    const days = await get<{ points: Point[]; from: string }>(ws, `/v1/deals/${ids.deals.gamma}/trend?interval=day&from=2026-01-19T08:00:00Z&to=2026-01-21T00:00:00Z`);
    expect(days.from).toBe('2026-01-19T00:00:00.000Z');
    expect(days.points.map((p) => [p.date, p.calls, p.champion_count])).toEqual([
      ['2026-01-19', 0, null],
      ['2026-01-20', 1, 2],
    ]);
    const months = await get<{ points: Point[] }>(ws, `/v1/deals/${ids.deals.acme}/trend?interval=month&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z`);
    expect(months.points.map((p) => [p.date, p.calls, p.top_score, p.champion_count])).toEqual([
      ['2026-01-01', 2, 75, 1],
      ['2026-02-01', 2, 90, 1],
      ['2026-03-01', 0, null, null],
    ]);
  });

  it('422 names the bad query field; 404 for unknown, malformed or foreign deals', async () => {
    const bad = await ws.request(`/v1/deals/${ids.deals.acme}/trend?interval=year`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('interval');
    const order = await ws.request(`/v1/deals/${ids.deals.acme}/trend?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect(order.status).toBe(422);
    expect(((await order.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('from');
    const notDate = await ws.request(`/v1/deals/${ids.deals.acme}/trend?from=yesterday`);
    expect(((await notDate.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('from');
    expect((await ws.request('/v1/deals/deal_00000000000000000000000000/trend')).status).toBe(404);
    expect((await ws.request('/v1/deals/nope/champions')).status).toBe(404);
    const foreign = await other.request(`/v1/deals/${ids.deals.acme}/champions`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect((await other.request(`/v1/deals/${ids.deals.acme}/trend`)).status).toBe(404);
  });
});

describe('GET /v1/stakeholders/:id/trend', () => {
  it("one person's grade and score over their calls, with what moved it most", async () => {
    const champions = await get<Champions>(ws, `/v1/deals/${ids.deals.acme}/champions`);
    const marisol = champions.people[0]!;
    type Driver = { component: string; delta: number; quote: string | null; call_id: string };
    const body = await get<{
      person: { name: string };
      points: { call_id: string; grade: string; score: number; change: number | null; drivers: Driver[] }[];
      moved_most: { call_id: string; change: number; from_grade: string; to_grade: string; drivers: Driver[] };
    }>(ws, `/v1/stakeholders/${marisol.id}/trend`);
    expect(body.person.name).toBe('Marisol Vega');
    expect(body.points.map((p) => [p.grade, p.score, p.change])).toEqual([
      ['coach', 55, null],
      ['champion', 75, 20],
      ['champion', 90, 15],
      ['champion', 85, -5],
    ]);
    expect(body.moved_most).toMatchObject({ call_id: ids.calls.acme![1], change: 20, from_grade: 'coach', to_grade: 'champion' });
    expect(body.moved_most.drivers[0]).toMatchObject({ component: 'intro_offered', delta: 20, quote: "I'll set up a meeting with Dana next week.", call_id: ids.calls.acme![1] });
    expect(body.moved_most.drivers.map((d) => [d.component, d.delta])).toEqual([
      ['intro_offered', 20],
      ['insider_info_shared', -8],
      ['vague_response', 8],
    ]);
    expect(body.points[3]!.drivers[0]).toMatchObject({ component: 'champion_at_risk', delta: -5, quote: "I'm leaving the company at the end of March." });

    const window = await get<{ points: unknown[] }>(ws, `/v1/stakeholders/${marisol.id}/trend?from=2026-01-19T00:00:00Z&to=2026-02-03T00:00:00Z`);
    expect(window.points).toHaveLength(2);
    expect((await other.request(`/v1/stakeholders/${marisol.id}/trend`)).status).toBe(404);
    expect((await ws.request('/v1/stakeholders/pers_x/trend')).status).toBe(404);
  });
});

describe('GET /v1/trends/champion-strength', () => {
  const q = 'interval=week&from=2026-01-05T00:00:00Z&to=2026-03-02T00:00:00Z';
  type P = Point & { deals_covered: number | null; deals_with_champion: number | null; deals_two_deep: number | null; mean_top_score: number | null; red_flags: Record<string, number> | null };

  it('the portfolio per week: deals covered, with a champion, two deep, mean top score, red flags; gaps as nulls', async () => {
    const body = await get<{ points: P[]; rubric: { stale: number } }>(ws, `/v1/trends/champion-strength?${q}`);
    expect(body.points.map((p) => [p.date, p.calls, p.deals_covered, p.deals_with_champion, p.deals_two_deep, p.mean_top_score])).toEqual([
      ['2026-01-05', 3, 3, 1, 0, 65],
      ['2026-01-12', 0, null, null, null, null],
      ['2026-01-19', 3, 3, 2, 1, 73],
      ['2026-01-26', 0, null, null, null, null],
      ['2026-02-02', 2, 2, 1, 0, 77],
      ['2026-02-09', 0, null, null, null, null],
      ['2026-02-16', 1, 1, 1, 0, 85],
      ['2026-02-23', 0, null, null, null, null],
    ]);
    expect(body.points[0]!.red_flags).toMatchObject({ single_threaded: 1, no_clear_next_step: 1, vague_response: 1, blocker_present: 0 });
    expect(body.points[2]!.red_flags).toMatchObject({ single_threaded: 1, lukewarm_enthusiasm: 1 });
    expect(body.rubric.stale).toBe(0);
  });

  it('filters by account (id or external id) and by deal; unknown ones are 404', async () => {
    const byDeal = await get<{ points: P[] }>(ws, `/v1/trends/champion-strength?${q}&deal=${ids.deals.gamma}`);
    expect(byDeal.points.filter((p) => p.calls > 0).map((p) => [p.date, p.deals_covered, p.deals_two_deep])).toEqual([
      ['2026-01-05', 1, 0],
      ['2026-01-19', 1, 1],
    ]);
    const deal = await get<{ account: { id: string } }>(ws, `/v1/deals/${ids.deals.beta}`);
    const byAccount = await get<{ points: P[]; filters: { account: string } }>(ws, `/v1/trends/champion-strength?${q}&account=${deal.account.id}`);
    expect(byAccount.filters.account).toBe(deal.account.id);
    expect(byAccount.points.reduce((n, p) => n + p.calls, 0)).toBe(3);
    expect((await ws.request(`/v1/trends/champion-strength?account=nobody`)).status).toBe(404);
    expect((await ws.request(`/v1/trends/champion-strength?deal=${ids.deals.acme}x`)).status).toBe(404);
  });

  it('another workspace sees none of it', async () => {
    const mine = await get<{ points: P[] }>(other, `/v1/trends/champion-strength?${q}`);
    expect(mine.points.filter((p) => p.calls > 0).map((p) => [p.date, p.calls, p.deals_with_champion, p.mean_top_score])).toEqual([['2026-01-05', 1, 1, 99]]);
    const risky = await get<{ data: { name: string; risks: unknown[] }[] }>(other, '/v1/deals?risk=any');
    expect(risky.data.map((d) => d.name)).toEqual(['acme']);
    expect((await other.request(`/v1/trends/champion-strength?deal=${ids.deals.gamma}`)).status).toBe(404);
  });
});

type RiskItem = { id: string; name: string; risk_score: number; risks: { type: string; reason: string; person: { name: string } | null; call_id: string | null; quote: string | null }[] };

describe('GET /v1/deals?risk=', () => {
  it('champion lost: the champion who announced leaving, with the call and quote', async () => {
    const body = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=champion_lost');
    expect(body.data.map((d) => d.name)).toEqual(['acme']);
    expect(body.data[0]!.risks).toEqual([
      expect.objectContaining({
        type: 'champion_lost',
        person: expect.objectContaining({ name: 'Marisol Vega' }),
        call_id: ids.calls.acme![3],
        quote: "I'm leaving the company at the end of March.",
      }),
    ]);
    // a lower score_drop threshold also reports her 5-point drop
    const drop = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=champion_lost&score_drop=5');
    expect(drop.data[0]!.risks.map((r) => r.reason)).toEqual([
      "Marisol Vega's score fell 5 points, from 90 to 85",
      'Marisol Vega may be leaving or losing standing (champion_at_risk)',
    ]);
  });

  it('single-threaded, no economic buyer, no next step, stalled: each says why', async () => {
    const single = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=single_threaded');
    expect(single.data.map((d) => d.name)).toEqual(['beta']);
    expect(single.data[0]!.risks[0]).toMatchObject({
      type: 'single_threaded',
      reason: 'only Priya Shah has engaged across 3 calls',
      person: { name: 'Priya Shah' },
      call_id: ids.calls.beta![2],
      quote: 'Happy to share how our approvals work today.',
    });
    const eb = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=no_economic_buyer');
    expect(eb.data.map((d) => [d.name, d.risks[0]!.reason])).toEqual([
      ['acme', 'economic buyer Dana Ortiz is named but has not been on a call'],
      ['beta', 'no economic buyer identified on any call'],
    ]);
    const next = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=no_next_step');
    expect(next.data.map((d) => d.name).sort()).toEqual(['acme', 'beta', 'gamma']);
    expect(next.data.find((d) => d.name === 'acme')!.risks[0]).toMatchObject({
      reason: 'the last call (2026-02-16) ended without an agreed next step',
      call_id: ids.calls.acme![3],
    });
    expect(next.data.find((d) => d.name === 'gamma')!.risks[0]).toMatchObject({
      type: 'no_next_step',
      reason: 'the next step agreed for 2026-01-27 has passed with no call since',
      call_id: ids.calls.gamma![1],
      quote: 'Let us review the proposal on Tuesday the 27th.',
    });
    const stalled = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=stalled&stalled_days=30');
    expect(stalled.data.length).toBe(3);
    expect(stalled.data.find((d) => d.name === 'gamma')!.risks[0]!.reason).toMatch(/^no call for \d+ days \(last on 2026-01-20\)$/);
    const notStalled = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=stalled&stalled_days=3650');
    expect(notStalled.data).toEqual([]);
  });

  it('sorted by risk score, paginated with a cursor, filtered by account', async () => {
    const all = await get<{ data: RiskItem[] }>(ws, '/v1/deals?risk=any&stalled_days=3650');
    expect(all.data.map((d) => [d.name, d.risk_score])).toEqual([
      ['acme', 70],
      ['beta', 55],
      ['gamma', 10],
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: RiskItem[]; next_cursor: string | null } = await get(ws, `/v1/deals?risk=any&stalled_days=3650&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((d) => d.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['acme', 'beta', 'gamma']);
    const deal = await get<{ account: { external_id: string | null; id: string } }>(ws, `/v1/deals/${ids.deals.gamma}`);
    const byAccount = await get<{ data: RiskItem[] }>(ws, `/v1/deals?risk=any&account=${deal.account.id}`);
    expect(byAccount.data.map((d) => d.name)).toEqual(['gamma']);
    // without risk the list is the plain one
    const plain = await get<{ data: Record<string, unknown>[] }>(ws, '/v1/deals');
    expect(plain.data.map((d) => d.name)).toEqual(['acme', 'beta', 'gamma']);
    expect(plain.data[0]).not.toHaveProperty('risks');
  });

  it('422 names risk, score_drop or stalled_days when they are wrong', async () => {
    for (const [query, field] of [
      ['risk=champion_gone', 'risk'],
      ['risk=', 'risk'],
      ['risk=stalled&score_drop=0', 'score_drop'],
      ['risk=stalled&stalled_days=abc', 'stalled_days'],
    ] as const) {
      const res = await ws.request(`/v1/deals?${query}`);
      expect(res.status, query).toBe(422);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe(field);
    }
  });
});

describe('the OpenAPI document', () => {
  it('declares every trend endpoint with its schemas', async () => {
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    for (const path of ['/v1/deals/{id}/champions', '/v1/deals/{id}/trend', '/v1/stakeholders/{id}/trend', '/v1/trends/champion-strength', '/v1/rubric', '/v1/rubric/regrade', '/v1/workspace']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(JSON.stringify(doc.paths['/v1/deals']!.get)).toContain('"name":"risk"');
    for (const schema of ['DealChampions', 'DealTrend', 'StakeholderTrend', 'ChampionStrength', 'RiskReason', 'RegradeResult', 'Workspace']) {
      expect(doc.components.schemas, schema).toHaveProperty([schema]);
    }
  });
});
