import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { analyses, calls } from '../../src/db/schema.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { TEST_MAX_UTTERANCES, createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { devCorpus } from '../support/corpus.ts';

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

type Analysis = { stakeholders: { id: string | null; name: string; champion: { grade: string; score: number } }[]; meta: { analyzer: string; rubric_version: string } };
type Accepted = { id: string; deal_id: string; status: string; analysis?: Analysis };

const upload = (overrides: Record<string, unknown> = {}) => ({
  deal: { external_id: 'analysis-deal', account: { name: 'Analysis Co' } },
  occurred_at: '2026-03-01T15:00:00Z',
  transcript:
    'Sam Seller: If it were entirely your call, would you buy this?\nPriya Buyer: Yes, absolutely. It would save my team ten hours a week.\nSam Seller: Can we meet your CFO?\nPriya Buyer: I will set up a meeting with Dana, our CFO, on Thursday at 3.',
  participants: [
    { name: 'Sam Seller', side: 'seller' },
    { name: 'Priya Buyer', side: 'buyer' },
  ],
  ...overrides,
});

async function analysisRows(callId: string) {
  return ctx.database.db.select().from(analyses).where(eq(analyses.callId, callId));
}

describe('analysis through the job queue', () => {
  it('Prefer: wait returns the finished analysis, also readable at /analysis', async () => {
    const { res, body } = await ws.json<Accepted>('/v1/calls', upload(), { headers: { prefer: 'wait=20' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('wait=20');
    expect(body.status).toBe('analyzed');
    expect(body.analysis!.meta.analyzer).toBe('rules');
    const priya = body.analysis!.stakeholders.find((s) => s.name === 'Priya Buyer');
    expect(priya?.id).toMatch(/^pers_/);
    const read = await ws.request(`/v1/calls/${body.id}/analysis`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(body.analysis);
  });

  it('without Prefer answers 202 at once; the status moves to analyzed', async () => {
    const { res, body } = await ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'no-wait' } }));
    expect(res.status).toBe(202);
    expect(body.status).toBe('queued');
    let status = body.status;
    for (let i = 0; i < 100 && status !== 'analyzed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = ((await (await ws.request(`/v1/calls/${body.id}`)).json()) as { status: string }).status;
    }
    expect(status).toBe('analyzed');
  });

  it('a call without an analysis is a 404 problem saying why', async () => {
    const { body } = await ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'not-yet' } }), { headers: { prefer: 'wait=20' } });
    // As if the analysis had failed for good: the call stays, with the reason.
    await ctx.database.db.delete(analyses).where(eq(analyses.callId, body.id));
    await ctx.database.db.update(calls).set({ status: 'failed', statusReason: 'model refused' }).where(eq(calls.id, body.id));
    const res = await ws.request(`/v1/calls/${body.id}/analysis`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/analysis failed: model refused/);
    const call = (await (await ws.request(`/v1/calls/${body.id}`)).json()) as { status: string; status_reason: string };
    expect(call).toMatchObject({ status: 'failed', status_reason: 'model refused' });
  });

  it('re-analysis adds an analysis and keeps the earlier one', async () => {
    const { body } = await ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'again' } }), { headers: { prefer: 'wait=20' } });
    expect(body.status).toBe('analyzed');
    const res = await ws.request(`/v1/calls/${body.id}/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ analyzer: 'rules' }) });
    expect(res.status).toBe(202);
    for (let i = 0; i < 100 && (await analysisRows(body.id)).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await analysisRows(body.id)).toHaveLength(2);
  });

  it('every dev-corpus call ends analysed', async () => {
    for (const { file, text, gold } of devCorpus()) {
      const fd = new FormData();
      fd.set('deal_external_id', gold.deal);
      fd.set('occurred_at', gold.occurred_at);
      fd.set('file', new File([text], file));
      const res = await ws.request('/v1/calls', { method: 'POST', body: fd, headers: { prefer: 'wait=30' } });
      expect(res.status, file).toBe(200);
      const body = (await res.json()) as Accepted;
      expect(body.status, file).toBe('analyzed');
      expect(body.analysis!.stakeholders.length, file).toBeGreaterThan(0);
    }
  });
});

describe('idempotency', () => {
  it('the same Idempotency-Key returns the same call; another body with it is a 409', async () => {
    const headers = { 'idempotency-key': 'upload-123' };
    const first = await ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'idem' } }), { headers });
    const again = await ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'idem' } }), { headers });
    expect(first.res.status).toBe(202);
    expect(again.res.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const different = await ws.json<{ type: string; errors: { path: string }[] }>('/v1/calls', upload({ deal: { external_id: 'idem-2' } }), { headers });
    expect(different.res.status).toBe(409);
    expect(different.body.errors[0]!.path).toBe('idempotency-key');
  });

  it('concurrent uploads with one key, or one external id, make exactly one call', async () => {
    const byKey = await Promise.all(
      Array.from({ length: 8 }, () => ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'race-key' } }), { headers: { 'idempotency-key': 'race-1' } })),
    );
    expect(new Set(byKey.map((r) => r.body.id)).size).toBe(1);
    expect(byKey.filter((r) => r.res.status === 202)).toHaveLength(1);

    const byExternal = await Promise.all(
      Array.from({ length: 8 }, () => ws.json<Accepted>('/v1/calls', upload({ deal: { external_id: 'race-ext' }, source: 'gong', external_id: 'g-77' }))),
    );
    expect(new Set(byExternal.map((r) => r.body.id)).size).toBe(1);
    const stored = await ctx.database.db
      .select()
      .from(calls)
      .where(and(eq(calls.workspaceId, ws.id), eq(calls.source, 'gong'), eq(calls.externalId, 'g-77')));
    expect(stored).toHaveLength(1);
  });

  it('a malformed Idempotency-Key is a 422 naming the header', async () => {
    const res = await ws.json<{ errors: { in: string; path: string }[] }>('/v1/calls', upload(), { headers: { 'idempotency-key': '' } });
    expect(res.res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ in: 'header', path: 'idempotency-key' });
  });
});

describe('limits', () => {
  it('too many utterances is a 422 naming the transcript', async () => {
    const lines = Array.from({ length: TEST_MAX_UTTERANCES + 1 }, (_, i) => `${i % 2 ? 'Ana' : 'Bo'}: line ${i}`).join('\n');
    const res = await ws.json<{ errors: { path: string; message: string }[] }>('/v1/calls', upload({ transcript: lines }));
    expect(res.res.status).toBe(422);
    expect(res.body.errors[0]!.path).toBe('transcript');
    expect(res.body.errors[0]!.message).toMatch(/utterances/);
  });

  it('a key over its rate limit gets 429 with Retry-After', async () => {
    const app = createApp({
      db: ctx.database.db,
      config: { maxBodyBytes: 1_000_000, maxUtterances: 100, maxTranscriptChars: 10_000, rateLimitPerMinute: 3 },
      logger: createLogger('silent'),
    });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/v1/calls', { headers: { authorization: `Bearer ${ws.key}` } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
