import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../src/db/schema.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { completion, errorReply, extractionReply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';

// Every way a model request can go wrong, through the API against the fake server: a permanent
// failure fails the call at once with the reason; a transient one is retried (by the SDK, then by
// the job queue with backoff). The call is never lost: it stays stored with its status and reason.

let fake: FakeOpenAI;
let ctx: TestContext;
let ws: TestWorkspace;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  ctx = await createTestContext({
    analysis: {
      analyzer: 'openai',
      openai: { apiKey: 'sk-test', baseURL: fake.url, model: 'test-model', inputTokenBudget: 60_000, maxOutputTokens: 2000, timeoutMs: 400, maxRetries: 1, temperature: null },
    },
  });
  ws = await ctx.workspace();
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

type CallBody = { id: string; status: string; status_reason: string | null; analysis?: { meta: { usage?: Record<string, unknown> } } };

const call = (marker: string) => ({
  deal: { external_id: `deal-${marker}` },
  occurred_at: '2026-03-02T15:00:00Z',
  transcript: [`Sam ${marker}: What did the team think of the pilot?`, 'Jo Marsh: Honestly, the best trial we have run. We want it.'].join('\n'),
  participants: [
    { name: `Sam ${marker}`, side: 'seller' },
    { name: 'Jo Marsh', side: 'buyer' },
  ],
});

const good = {
  stakeholders: [{ name: 'Jo Marsh', email: null, title: null, side: 'buyer', present: true, role: 'user_buyer', stance: 'supporter', evidence: [{ utterance: 1, quote: 'the best trial we have run' }] }],
  signals: [{ type: 'articulated_value', stakeholder: 'Jo Marsh', evidence: [{ utterance: 1, quote: 'the best trial we have run' }] }],
  red_flags: [],
  champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
};

/** Uploads, then follows the call until it is analyzed or failed; returns the reasons seen on the way. */
async function run(marker: string) {
  const { body } = await ws.json<CallBody>('/v1/calls', call(marker));
  const reasons: string[] = [];
  let current: CallBody = body;
  const deadline = Date.now() + 45_000;
  while (current.status !== 'analyzed' && current.status !== 'failed' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    current = (await (await ws.request(`/v1/calls/${body.id}`)).json()) as CallBody;
    if (current.status_reason && !reasons.includes(current.status_reason)) reasons.push(current.status_reason);
  }
  const [job] = await ctx.database.db.select().from(jobs).where(eq(jobs.callId, body.id));
  return { call: current, reasons, job: job!, requests: fake.requestsFor(`Sam ${marker}`) };
}

async function expectFailedForGood(r: Awaited<ReturnType<typeof run>>, reason: RegExp) {
  expect(r.call.status).toBe('failed');
  expect(r.call.status_reason).toMatch(reason);
  expect(r.job).toMatchObject({ status: 'failed', attempts: 1 });
  // the call is kept, and says why it has no analysis
  const res = await ws.request(`/v1/calls/${r.call.id}/analysis`);
  expect(res.status).toBe(404);
  expect(((await res.json()) as { detail: string }).detail).toMatch(reason);
  const stored = (await (await ws.request(`/v1/calls/${r.call.id}`)).json()) as { transcript: { utterances: unknown[] } };
  expect(stored.transcript.utterances).toHaveLength(2);
}

describe('permanent failures: the call fails at once, with the reason', () => {
  it('a refusal', async () => {
    fake.on('Sam Refusal', () => completion(null, { refusal: "I'm sorry, I can't help with that." }));
    const r = await run('Refusal');
    await expectFailedForGood(r, /openai extraction failed \(refusal\): the model refused: I'm sorry/);
    expect(r.requests).toHaveLength(1);
  });

  it('a reply cut at the output limit (finish_reason length)', async () => {
    fake.on('Sam Length', () => completion('{"stakeholders": [{"name": "Jo', { finish_reason: 'length' }));
    const r = await run('Length');
    await expectFailedForGood(r, /\(truncated\).*output limit of 2000 tokens/);
    expect(r.requests).toHaveLength(1);
  });

  it("the provider's content filter", async () => {
    fake.on('Sam Filter', () => completion(null, { finish_reason: 'content_filter' }));
    const r = await run('Filter');
    await expectFailedForGood(r, /\(content_filter\)/);
  });

  it('two schema-invalid replies: one repair request carrying the errors, then a permanent failure', async () => {
    const invalid = { ...good, stakeholders: [{ ...good.stakeholders[0], role: 'decider' }] };
    fake.on('Sam Schema', () => extractionReply(invalid));
    const r = await run('Schema');
    await expectFailedForGood(r, /\(invalid_output\).*stakeholders\.0\.role/);
    expect(r.requests).toHaveLength(2);
    const repair = r.requests[1]!.body.messages;
    expect(repair.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[2]!.content).toBe(JSON.stringify(invalid));
    expect(repair[3]!.content).toMatch(/did not match the required JSON schema:\n- stakeholders\.0\.role: /);
  });

  it('a bad API key (401)', async () => {
    fake.on('Sam Auth', () => ({ status: 401, json: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } }));
    const r = await run('Auth');
    await expectFailedForGood(r, /\(auth\): HTTP 401/);
    expect(r.requests).toHaveLength(1);
  });
});

describe('recovered replies', () => {
  it('malformed JSON, then a good answer to the repair request', async () => {
    fake.on('Sam Malformed', (req) => (req.n === 1 ? completion('{"stakeholders": [ oops') : extractionReply(good)));
    const r = await run('Malformed');
    expect(r.call.status).toBe('analyzed');
    expect(r.requests).toHaveLength(2);
    expect(r.requests[1]!.body.messages[3]!.content).toMatch(/not valid JSON/);
    const analysis = (await (await ws.request(`/v1/calls/${r.call.id}/analysis`)).json()) as CallBody['analysis'];
    expect(analysis!.meta.usage).toMatchObject({ requests: 2, repairs: 1, prompt_tokens: 2000, completion_tokens: 400 });
  });

  it('a JSON reply in a Markdown fence (some local servers) is read', async () => {
    fake.on('Sam Fence', () => completion('```json\n' + JSON.stringify(good) + '\n```'));
    const r = await run('Fence');
    expect(r.call.status).toBe('analyzed');
    expect(r.requests).toHaveLength(1);
  });
});

describe('transient failures: retried, by the SDK and then by the job queue', () => {
  it('429 then success: the SDK retries within the attempt', async () => {
    fake.on('Sam Limited', (req) => (req.n === 1 ? errorReply(429, 'Rate limit reached for requests') : extractionReply(good)));
    const r = await run('Limited');
    expect(r.call.status).toBe('analyzed');
    expect(r.requests).toHaveLength(2);
    expect(r.job).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('5xx past the SDK retries: the job is retried later, then succeeds', async () => {
    fake.on('Sam Flaky', (req) => (req.n <= 3 ? errorReply(503, 'The server is overloaded') : extractionReply(good)));
    const r = await run('Flaky');
    expect(r.call.status).toBe('analyzed');
    // attempt 1: a request and the SDK's retry; attempt 2: the same, the retry answers
    expect(r.requests).toHaveLength(4);
    expect(r.job).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(r.reasons.some((x) => /^retrying after attempt 1: openai extraction failed \(server_error\): HTTP 503/.test(x))).toBe(true);
  });

  it('a hang past the timeout is retried; the call is analysed once the server answers', async () => {
    fake.on('Sam Slow', (req) => (req.n <= 2 ? { ...extractionReply(good), delayMs: 1500 } : extractionReply(good)));
    const r = await run('Slow');
    expect(r.call.status).toBe('analyzed');
    expect(r.requests).toHaveLength(3);
    expect(r.job).toMatchObject({ attempts: 2 });
    expect(r.reasons.some((x) => /\(timeout\): no answer within 400 ms/.test(x))).toBe(true);
  });

  it('500s that never stop: failed after the last attempt, with the reason, and the call kept', async () => {
    fake.on('Sam Down', () => errorReply(500, 'Internal server error'));
    const r = await run('Down');
    expect(r.call.status).toBe('failed');
    expect(r.call.status_reason).toMatch(/\(server_error\): HTTP 500/);
    expect(r.job).toMatchObject({ status: 'failed', attempts: 5 });
    expect(r.requests).toHaveLength(10);
    expect(r.reasons.some((x) => x.startsWith('retrying after attempt'))).toBe(true);
  });

  it('429 for an exhausted quota is permanent (after the SDK retry)', async () => {
    fake.on('Sam Quota', () => errorReply(429, 'You exceeded your current quota', { code: 'insufficient_quota', type: 'insufficient_quota' }));
    const r = await run('Quota');
    await expectFailedForGood(r, /\(quota\): HTTP 429/);
  });
});
