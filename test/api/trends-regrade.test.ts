import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess, RUBRIC_VERSION } from '../../src/analysis/rubric.ts';
import type { StakeholderEvidence } from '../../src/analysis/rubric.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { seed } from '../db/trend-fixtures.ts';
import type { CallSpec } from '../db/trend-fixtures.ts';

// Analyses graded with an older rubric version are marked stale, then regraded from their stored
// evidence with the current rubric (src/analysis/rubric.ts): the expected grades come from the
// rubric itself, so the test holds whatever its weights are.

const OLD = 'old-rubric-0';
const said = 'We have been looking at this for a while and the team is interested.'; // 14 words

const calls: CallSpec[] = [
  {
    deal: 'regrade',
    at: '2026-05-04T10:00:00Z',
    rubric: OLD,
    people: [
      { name: 'Olga Petrova', grade: 'coach', score: 40, said },
      { name: 'Pete Marsh', grade: 'neutral', score: 50, said },
    ],
    signals: [
      { type: 'enthusiastic_commitment', who: 'Olga Petrova', quote: 'Yes, if it were my call we would do this.' },
      { type: 'intro_offered', who: 'Olga Petrova', quote: 'I will introduce you to our CFO.' },
    ],
    flags: [{ type: 'lukewarm_enthusiasm', who: 'Pete Marsh', quote: 'It looks fine, I guess.' }],
  },
  { deal: 'regrade', at: '2026-05-18T10:00:00Z', rubric: OLD, people: [{ name: 'Olga Petrova', grade: 'lukewarm', score: 45, said }] },
];

const evidence = (e: Partial<StakeholderEvidence>): StakeholderEvidence => ({
  present: true,
  stance: 'neutral',
  words: 14,
  signals: [],
  flags: [],
  test: null,
  previousGrade: null,
  resists: false,
  ...e,
});
const olga1 = assess(evidence({ signals: [{ type: 'enthusiastic_commitment', utterance: 1 }, { type: 'intro_offered', utterance: 1 }] }));
const pete1 = assess(evidence({ flags: [{ type: 'lukewarm_enthusiasm', utterance: 2 }] }));
const olga2 = assess(evidence({ previousGrade: olga1.grade }));

let ctx: TestContext;
let ws: TestWorkspace;
let other: TestWorkspace;
let dealId: string;
let callIds: string[];

beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
  other = await ctx.workspace();
  const s = await seed(ctx, ws, calls);
  dealId = s.deals.get('regrade')!;
  callIds = s.calls;
  await seed(ctx, ws, [{ deal: 'current', at: '2026-05-05T10:00:00Z', people: [{ name: 'Cora Current', grade: 'champion', score: 77 }] }]);
  await seed(ctx, other, [{ ...calls[1]!, deal: 'theirs' }]);
}, 120_000);
afterAll(() => ctx?.close());

type Champions = { rubric: { current: string; stale: number }; people: { name: string; grade: string; score: number; stale: boolean; rubric_version: string }[] };

describe('rubric versions', () => {
  it('marks what an older rubric graded, in every view', async () => {
    expect(await (await ws.request('/v1/rubric')).json()).toEqual({
      version: RUBRIC_VERSION,
      calls: expect.arrayContaining([
        { rubric_version: OLD, calls: 2, current: false },
        { rubric_version: RUBRIC_VERSION, calls: 1, current: true },
      ]),
      stale_calls: 2,
    });
    const champions = (await (await ws.request(`/v1/deals/${dealId}/champions`)).json()) as Champions;
    expect(champions.rubric).toEqual({ current: RUBRIC_VERSION, stale: 2 });
    expect(champions.people.every((p) => p.stale && p.rubric_version === OLD)).toBe(true);
    const trend = (await (await ws.request(`/v1/deals/${dealId}/trend?interval=month&from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z`)).json()) as {
      rubric: { stale: number };
      points: { stale_calls: number }[];
    };
    expect(trend.rubric.stale).toBe(2);
    expect(trend.points[0]!.stale_calls).toBe(2);
  });

  it('POST /v1/rubric/regrade regrades the stored evidence with the current rubric', async () => {
    const res = await ws.json<Record<string, number | string>>('/v1/rubric/regrade', {});
    expect(res.res.status).toBe(200);
    expect(res.body).toMatchObject({ rubric_version: RUBRIC_VERSION, deals: 1, calls_regraded: 2, remaining: 0 });
    const changed = [olga1.grade !== 'coach', pete1.grade !== 'neutral', olga2.grade !== 'lukewarm'].filter(Boolean).length;
    expect(res.body.grades_changed).toBe(changed);

    const champions = (await (await ws.request(`/v1/deals/${dealId}/champions`)).json()) as Champions;
    expect(champions.rubric.stale).toBe(0);
    const byName = Object.fromEntries(champions.people.map((p) => [p.name, p]));
    expect(byName['Olga Petrova']).toMatchObject({ grade: olga2.grade, score: olga2.score, stale: false, rubric_version: RUBRIC_VERSION });
    expect(byName['Pete Marsh']).toMatchObject({ grade: pete1.grade, score: pete1.score, stale: false });

    const first = (await (await ws.request(`/v1/calls/${callIds[0]}/analysis`)).json()) as {
      meta: { rubric_version: string };
      stakeholders: { name: string; champion: { grade: string; score: number; components: unknown[] } }[];
      signals: unknown[];
    };
    expect(first.meta.rubric_version).toBe(RUBRIC_VERSION);
    expect(first.stakeholders.find((s) => s.name === 'Olga Petrova')!.champion).toEqual(olga1);
    expect(first.signals).toHaveLength(2);

    expect(await (await ws.request('/v1/rubric')).json()).toMatchObject({ stale_calls: 0 });
    // the other workspace's stale call is untouched
    expect(await (await other.request('/v1/rubric')).json()).toMatchObject({ stale_calls: 1 });
    // nothing left to do
    const again = await ws.json<Record<string, number>>('/v1/rubric/regrade', {});
    expect(again.body).toMatchObject({ deals: 0, calls_regraded: 0, remaining: 0 });
  });

  it('takes a deal and a limit; unknown deals are 404, bad limits 422', async () => {
    expect((await ws.json('/v1/rubric/regrade', { deal: 'deal_00000000000000000000000000' })).res.status).toBe(404);
    const bad = await ws.json<{ errors: { path: string }[] }>('/v1/rubric/regrade', { limit: 0 });
    expect(bad.res.status).toBe(422);
    expect(bad.body.errors[0]!.path).toBe('limit');
    const none = await other.request('/v1/rubric/regrade', { method: 'POST' });
    expect(none.status).toBe(200);
    expect(await none.json()).toMatchObject({ calls_regraded: 1, remaining: 0 });
  });
});
