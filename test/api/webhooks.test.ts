import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signFireflies } from '../../src/integrations/fireflies.ts';
import { signStandardWebhook } from '../../src/integrations/standard-webhooks.ts';
import { signZoom } from '../../src/integrations/zoom.ts';
import { createIntegrationTestContext, eventually, fixture, fixtureJson } from '../support/fake-providers.ts';
import type { IntegrationTestContext, IntegrationWorkspace } from '../support/fake-providers.ts';

// Every recorder end to end through the HTTP app, against its fake API on 127.0.0.1: the good path
// to an analysed call, a wrong signature, a stale (replayed) delivery, a redelivery, an unknown
// event, and an API that fails twice and then answers.

let ctx: IntegrationTestContext;
beforeAll(async () => {
  ctx = await createIntegrationTestContext();
});
afterAll(() => ctx?.close());

type Saved = { webhook_url: string; credentials: string[]; generated?: { webhook_secret: string } };
type Detail = { recent_events: { event_id: string; status: string; call_id: string | null; attempts: number | null; error: string | null }[] };
type CallBody = {
  id: string;
  deal_id: string | null;
  source: string;
  external_id: string;
  status: string;
  title: string | null;
  occurred_at: string;
  participants: { name: string; email: string | null; side: string }[];
  transcript: { format: string; utterances: { speaker: string; side: string; start: number | null; text: string }[] };
};

const now = () => Math.floor(Date.now() / 1000);

async function connect(ws: IntegrationWorkspace, provider: string, body: unknown): Promise<Saved> {
  const { res, body: saved } = await ws.json<Saved>('PUT', `/v1/integrations/${provider}`, body);
  expect(res.status).toBe(201);
  return saved;
}

/** The call an event became, once analysed. */
async function analysedCall(ws: IntegrationWorkspace, provider: string, eventId: string): Promise<CallBody> {
  const callId = await eventually(async () => {
    const detail = (await (await ws.request(`/v1/integrations/${provider}`)).json()) as Detail;
    const event = detail.recent_events.find((e) => e.event_id === eventId);
    if (event?.status === 'failed') throw new Error(`the fetch failed: ${event.error}`);
    return event?.call_id ?? null;
  }, 15_000, `${provider} event ${eventId} to become a call`);
  return eventually(async () => {
    const call = (await (await ws.request(`/v1/calls/${callId}`)).json()) as CallBody;
    if (call.status === 'failed') throw new Error('the analysis failed');
    return call.status === 'analyzed' ? call : null;
  }, 15_000, 'the analysis');
}

async function callsOf(ws: IntegrationWorkspace, source: string) {
  const page = (await (await ws.request('/v1/calls?limit=200')).json()) as { data: { id: string; source: string; external_id: string }[] };
  return page.data.filter((c) => c.source === source);
}

async function expectProblem(res: Response, status: number, slug: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { type: string; detail: string };
  expect(body.type).toBe(`https://baton.dev/problems/${slug}`);
  return body;
}

describe('Zoom', () => {
  const SECRET = 'zoom-webhook-secret-token';
  let ws: IntegrationWorkspace;
  let url: string;
  const event = () => {
    const e = fixtureJson<{ download_token: string; payload: { object: { recording_files: { download_url: string }[] } } }>('zoom/recording.transcript_completed.json');
    e.download_token = ctx.fake.zoom.downloadToken;
    e.payload.object.recording_files[0]!.download_url = `${ctx.fake.url}/zoom/rec/webhook_download/ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8`;
    return e;
  };
  const signed = async (raw: string, ts = now()) => ({ 'x-zm-request-timestamp': String(ts), 'x-zm-signature': await signZoom(SECRET, ts, raw) });

  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    ctx.fake.zoom.files.set('ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8', fixture('zoom/transcript.vtt'));
    ctx.fake.zoom.participants.set('4444AAAiAAAAAiAiAiiAii==', fixtureJson('zoom/past_meeting_participants.json'));
    const { oauth } = ctx.fake.zoom;
    url = (await connect(ws, 'zoom', { secret_token: SECRET, account_id: oauth.accountId, client_id: oauth.clientId, client_secret: oauth.clientSecret })).webhook_url;
    // An earlier call of the Acme deal, uploaded by hand, whose people have acme.com emails.
    const up = await ws.json<{ id: string }>('POST', '/v1/calls', {
      deal: { external_id: 'acme-2026', name: 'Acme AP automation', account: { name: 'Acme Corp' } },
      occurred_at: '2026-02-20T15:00:00Z',
      participants: [
        { name: 'Sam Whitaker', email: 'sam.whitaker@vendor.com' },
        { name: 'Marisol Vega', email: 'marisol.vega@acme.com' },
      ],
      transcript: 'Sam Whitaker: What is slowing approvals down?\nMarisol Vega: Our controller signs everything over ten thousand. I will introduce you to her.',
    });
    expect(up.res.status).toBe(202);
    await eventually(async () => ((await (await ws.request(`/v1/calls/${up.body.id}`)).json()) as CallBody).status === 'analyzed', 15_000, 'the upload');
  });

  it('answers endpoint.url_validation with the HMAC of the plain token', async () => {
    const raw = fixture('zoom/endpoint.url_validation.json');
    const res = await ctx.deliver(url, raw, await signed(raw));
    expect(res.status).toBe(200);
    const { createHmac } = await import('node:crypto');
    expect(await res.json()).toEqual({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex') });
  });

  it('turns recording.transcript_completed into an analysed call on the deal of its buyer', async () => {
    const raw = JSON.stringify(event());
    const res = await ctx.deliver(url, raw, await signed(raw));
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { status: string; event_id: string; job_id: string };
    expect(accepted).toMatchObject({ status: 'queued', event_id: 'recording.transcript_completed:4444AAAiAAAAAiAiAiiAii==' });

    const call = await analysedCall(ws, 'zoom', accepted.event_id);
    expect(call).toMatchObject({ source: 'zoom', external_id: '4444AAAiAAAAAiAiAiiAii==', title: 'Acme: AP automation discovery', occurred_at: '2026-03-02T15:00:00.000Z' });
    expect(call.transcript.format).toBe('vtt');
    expect(call.transcript.utterances[0]).toMatchObject({ speaker: 'Sam Whitaker', side: 'seller', start: 1.2 });
    expect(call.participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Marisol Vega', email: 'marisol.vega@acme.com', side: 'buyer' }),
        expect.objectContaining({ name: 'Sam Whitaker', email: 'sam.whitaker@vendor.com', side: 'seller' }),
      ]),
    );
    // No CRM context: the buyer's domain found the account (by its people) and its deal.
    const deal = (await (await ws.request(`/v1/deals/${call.deal_id}`)).json()) as { external_id: string };
    expect(deal.external_id).toBe('acme-2026');
    // The download used the event's token in the Authorization header, never in the URL.
    const download = ctx.fake.requests.find((r) => r.path.startsWith('/zoom/rec/'));
    expect(download?.authorization).toBe(`Bearer ${ctx.fake.zoom.downloadToken}`);
    expect(await (await ws.request(`/v1/calls/${call.id}/analysis`)).json()).toMatchObject({ stakeholders: expect.any(Array) });
  });

  it('falls back to the OAuth app when the download token has expired', async () => {
    const e = event() as ReturnType<typeof event> & { payload: { object: { uuid: string; topic: string } } };
    e.download_token = 'expired-download-token';
    e.payload.object.uuid = '/ajXp112QmuoKj4854875==';
    e.payload.object.topic = 'Acme: follow-up';
    ctx.fake.zoom.participants.set('/ajXp112QmuoKj4854875==', fixtureJson('zoom/past_meeting_participants.json'));
    const raw = JSON.stringify(e);
    expect((await ctx.deliver(url, raw, await signed(raw))).status).toBe(202);
    const call = await analysedCall(ws, 'zoom', 'recording.transcript_completed:/ajXp112QmuoKj4854875==');
    expect(call).toMatchObject({ title: 'Acme: follow-up', external_id: '/ajXp112QmuoKj4854875==' });
    expect(call.participants.map((p) => p.email).sort()).toEqual(['marisol.vega@acme.com', 'sam.whitaker@vendor.com']);
  });

  it('acknowledges a redelivery without making a second call', async () => {
    const raw = JSON.stringify(event());
    const res = await ctx.deliver(url, raw, await signed(raw));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'duplicate' });
    expect((await callsOf(ws, 'zoom')).filter((c) => c.external_id === '4444AAAiAAAAAiAiAiiAii==')).toHaveLength(1);
  });

  it('refuses a wrong signature, and logs why without the secret or the token', async () => {
    const raw = JSON.stringify(event());
    const headers = await signed(raw);
    const res = await ctx.deliver(url, raw.replace('Acme', 'Evil'), headers);
    const problem = await expectProblem(res, 401, 'unauthorized');
    expect(problem.detail).toMatch(/x-zm-signature/);
    const token = url.split('/').pop()!;
    const line = ctx.logger.lines.filter((l) => l.includes('webhook refused')).pop()!;
    expect(JSON.parse(line)).toMatchObject({ provider: 'zoom', reason: 'bad-signature', workspace_id: ws.id });
    for (const l of ctx.logger.lines) {
      expect(l).not.toContain(SECRET);
      expect(l).not.toContain(headers['x-zm-signature']);
      // The access log (src/middleware/request-context.ts) prints the whole path; the webhook's own lines name no token.
      if (JSON.parse(l).msg !== 'request') expect(l).not.toContain(token);
    }
    const missing = await ctx.deliver(url, raw, {});
    await expectProblem(missing, 401, 'unauthorized');
  });

  it('refuses a stale (replayed) delivery', async () => {
    const raw = JSON.stringify(event());
    const res = await ctx.deliver(url, raw, await signed(raw, now() - 3600));
    const problem = await expectProblem(res, 401, 'unauthorized');
    expect(problem.detail).toMatch(/300 s/);
  });

  it('acknowledges and ignores an event type it does not act on', async () => {
    const raw = JSON.stringify({ event: 'meeting.started', event_ts: Date.now(), payload: { account_id: 'x', object: { uuid: 'u', id: 1 } } });
    const res = await ctx.deliver(url, raw, await signed(raw));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ignored', event_type: 'meeting.started' });
  });

  it('refuses an unknown token with a 404 problem', async () => {
    const raw = JSON.stringify(event());
    const res = await ctx.deliver(`${url.slice(0, -4)}AAAA`, raw, await signed(raw));
    await expectProblem(res, 404, 'not-found');
    await expectProblem(await ctx.deliver('https://baton.test/webhooks/zoom/short', raw, await signed(raw)), 404, 'not-found');
    await expectProblem(await ctx.deliver(url.replace('/zoom/', '/teams/'), raw, await signed(raw)), 404, 'not-found');
  });
});

describe('Gong', () => {
  let ws: IntegrationWorkspace;
  let url: string;
  const CALL = '7782342274025937895';

  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    const extensive = fixtureJson<{ calls: Record<string, unknown>[] }>('gong/extensive.json');
    ctx.fake.gong.calls.set(CALL, extensive.calls[0]!);
    ctx.fake.gong.transcripts.set(CALL, fixtureJson<{ callTranscripts: unknown[] }>('gong/transcript.json').callTranscripts[0]);
    url = (await connect(ws, 'gong', { access_key: ctx.fake.gong.accessKey, access_key_secret: ctx.fake.gong.accessKeySecret })).webhook_url;
  });

  it('pulls the transcript, the parties and the CRM deal of a call an automation rule names (after two 429s)', async () => {
    ctx.fake.failNext('/gong/v2/calls/transcript', 2, 429);
    const res = await ctx.deliver(url, fixture('gong/webhook.json'), {});
    expect(res.status).toBe(202);
    const call = await analysedCall(ws, 'gong', `call:${CALL}`);
    expect(call).toMatchObject({ source: 'gong', external_id: CALL, title: 'Globex | Vendor: pricing review', occurred_at: '2026-03-04T17:01:12.000Z' });
    expect(call.transcript.utterances.map((u) => [u.speaker, u.side, u.start])).toEqual([
      ['Dana Kim', 'seller', 1.2],
      ['Lee Ortiz', 'buyer', 10.1],
      ['Dana Kim', 'seller', 26.9],
      ['Lee Ortiz', 'buyer', 31.4],
    ]);
    expect(call.transcript.utterances[1]!.text).toBe('Our CFO, Ruth Adler, approved the budget for this quarter. I will bring her to the next call so she can confirm the payment terms with you.');
    const deal = (await (await ws.request(`/v1/deals/${call.deal_id}`)).json()) as { external_id: string; name: string; account: { external_id: string; name: string } };
    expect(deal).toMatchObject({ external_id: '0065g00000XyZ12AAB', name: 'Globex - AP Automation', account: { external_id: '0015g00000AbC34AAB', name: 'Globex Corporation' } });
  });

  it('syncs a time range, fetching only the calls not seen yet', async () => {
    const second = structuredClone(fixtureJson<{ calls: Record<string, unknown>[] }>('gong/extensive.json').calls[0]!) as { metaData: Record<string, unknown> };
    second.metaData = { ...second.metaData, id: '7782342274025930001', started: '2026-03-05T10:00:00Z', title: 'Globex | Vendor: security review' };
    ctx.fake.gong.calls.set('7782342274025930001', second);
    const transcript = structuredClone(fixtureJson<{ callTranscripts: Record<string, unknown>[] }>('gong/transcript.json').callTranscripts[0]!);
    ctx.fake.gong.transcripts.set('7782342274025930001', { ...transcript, callId: '7782342274025930001' });

    const { res, body } = await ws.json<{ status: string; job_id: string }>('POST', '/v1/integrations/gong/sync', { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
    expect(res.status).toBe(202);
    expect(body.status).toBe('queued');
    const call = await analysedCall(ws, 'gong', 'call:7782342274025930001');
    expect(call.title).toBe('Globex | Vendor: security review');
    expect((await callsOf(ws, 'gong')).map((c) => c.external_id).sort()).toEqual(['7782342274025930001', CALL]);
    // A range with no calls is fine too (Gong answers 404 for it).
    expect((await ws.json('POST', '/v1/integrations/gong/sync', { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' })).res.status).toBe(202);
    const bad = await ws.json<{ errors: { path: string }[] }>('POST', '/v1/integrations/gong/sync', { from: '2026-03-08T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(bad.res.status).toBe(422);
  });

  it('acknowledges a redelivered rule and ignores a body without a call', async () => {
    const again = await ctx.deliver(url, fixture('gong/webhook.json'), {});
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const other = await ctx.deliver(url, JSON.stringify({ ping: true }), {});
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ status: 'ignored' });
  });

  it('refuses an unknown token', async () => {
    await expectProblem(await ctx.deliver(`${url}x`, fixture('gong/webhook.json'), {}), 404, 'not-found');
  });
});

describe('Fireflies', () => {
  const SECRET = 'fireflies-signing-secret';
  const MEETING = '01JNFD3XK8QW2E7R5T9Y';
  let ws: IntegrationWorkspace;
  let url: string;
  const v2 = (meetingId = MEETING, timestamp = Date.now()) => JSON.stringify({ ...fixtureJson('fireflies/webhook-v2.json'), meeting_id: meetingId, timestamp });

  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    ctx.fake.fireflies.transcripts.set(MEETING, fixtureJson<{ data: { transcript: unknown } }>('fireflies/transcript.json').data.transcript);
    url = (await connect(ws, 'fireflies', { api_key: ctx.fake.fireflies.apiKey, webhook_secret: SECRET })).webhook_url;
  });

  it('fetches the transcript through GraphQL after the provider failed twice', async () => {
    ctx.fake.failNext('/fireflies/', 2, 503);
    const raw = v2();
    const res = await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies(SECRET, raw) });
    expect(res.status).toBe(202);
    const call = await analysedCall(ws, 'fireflies', `transcribed:${MEETING}`);
    expect(call).toMatchObject({ source: 'fireflies', external_id: MEETING, title: 'Initech weekly sync', occurred_at: '2026-03-02T16:00:00.000Z', deal_id: null });
    // Sentences of one turn become one utterance.
    expect(call.transcript.utterances.map((u) => u.speaker)).toEqual(['Omar Haddad', 'June Park', 'Omar Haddad', 'June Park']);
    expect(call.participants).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'June Park', email: 'june.park@initech.com', side: 'buyer' })]));
    const detail = (await (await ws.request('/v1/integrations/fireflies')).json()) as Detail;
    expect(detail.recent_events.find((e) => e.event_id === `transcribed:${MEETING}`)).toMatchObject({ status: 'stored', attempts: 3 });
  });

  it('takes the V1 payload too, as the same meeting', async () => {
    const raw = fixture('fireflies/webhook-v1.json');
    const res = await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies(SECRET, raw) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'duplicate' });
    expect(await callsOf(ws, 'fireflies')).toHaveLength(1);
  });

  it('refuses a wrong or missing signature', async () => {
    const raw = v2('other-meeting');
    await expectProblem(await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies('not-the-secret', raw) }), 401, 'unauthorized');
    await expectProblem(await ctx.deliver(url, raw, {}), 401, 'unauthorized');
  });

  it('refuses a stale delivery', async () => {
    const raw = v2('other-meeting', Date.now() - 2 * 3600_000);
    const problem = await expectProblem(await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies(SECRET, raw) }), 401, 'unauthorized');
    expect(problem.detail).toMatch(/timestamp/);
  });

  it('ignores events it does not act on', async () => {
    const raw = JSON.stringify({ event: 'meeting.summarized', timestamp: Date.now(), meeting_id: MEETING });
    const res = await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies(SECRET, raw) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ignored', event_type: 'meeting.summarized' });
  });

  it('keeps an unattached call assignable: PATCH /v1/calls/:id puts it on a deal', async () => {
    const [only] = await callsOf(ws, 'fireflies');
    const { res, body } = await ws.json<{ id: string; deal_id: string; status: string }>('PATCH', `/v1/calls/${only!.id}`, {
      deal: { external_id: 'initech-2026', name: 'Initech AP', account: { name: 'Initech' } },
    });
    expect(res.status).toBe(200);
    expect(body.deal_id).toMatch(/^deal_/);
    const call = await eventually(async () => {
      const c = (await (await ws.request(`/v1/calls/${only!.id}`)).json()) as CallBody;
      return c.status === 'analyzed' ? c : null;
    });
    expect(call.deal_id).toBe(body.deal_id);
    const page = (await (await ws.request(`/v1/calls?deal=${body.deal_id}`)).json()) as { data: { id: string }[] };
    expect(page.data.map((c) => c.id)).toEqual([only!.id]);
    // The account learnt its domain: the next Initech call attaches by itself.
    const next = '01JNFD3XK8QW2E7R5T9Z';
    ctx.fake.fireflies.transcripts.set(next, { ...(fixtureJson<{ data: { transcript: Record<string, unknown> } }>('fireflies/transcript.json').data.transcript), id: next });
    const raw = v2(next);
    expect((await ctx.deliver(url, raw, { 'x-hub-signature': await signFireflies(SECRET, raw) })).status).toBe(202);
    const second = await analysedCall(ws, 'fireflies', `transcribed:${next}`);
    expect(second.deal_id).toBe(body.deal_id);
  });
});

describe('Recall.ai', () => {
  const SECRET = `whsec_${Buffer.from('recall-workspace-verification-secret').toString('base64')}`;
  const TRANSCRIPT = 'b7d8a1e2-3c4f-4a5b-9c6d-7e8f9a0b1c2d';
  let ws: IntegrationWorkspace;
  let url: string;
  let n = 0;
  const sign = (raw: string, at = new Date()) => signStandardWebhook(SECRET, `msg_${++n}`, at, raw);

  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    ctx.fake.recall.transcripts.set(TRANSCRIPT, fixtureJson('recall/download.json'));
    url = (await connect(ws, 'recall', { api_key: ctx.fake.recall.apiKey, webhook_secret: SECRET })).webhook_url;
  });

  it('downloads the transcript of transcript.done and files it under the deal in the bot metadata', async () => {
    const raw = fixture('recall/transcript.done.json');
    const res = await ctx.deliver(url, raw, sign(raw));
    expect(res.status).toBe(202);
    const call = await analysedCall(ws, 'recall', `transcript.done:${TRANSCRIPT}`);
    expect(call).toMatchObject({ source: 'recall', external_id: TRANSCRIPT, title: 'Umbrella technical deep dive', occurred_at: '2026-03-05T18:00:01.500Z' });
    expect(call.transcript.utterances.map((u) => [u.speaker, u.side, u.text])).toEqual([
      ['Ivy Chen', 'seller', 'Alex, what did security say about the review?'],
      ['Alex Romero', 'buyer', 'They signed off yesterday. I will introduce you to our CISO on Friday.'],
    ]);
    const deal = (await (await ws.request(`/v1/deals/${call.deal_id}`)).json()) as { external_id: string; account: { name: string } };
    expect(deal).toMatchObject({ external_id: 'umbrella-2026', account: { name: 'Umbrella Corp' } });
    // The API key went to the API only; the pre-signed download URL got none.
    expect(ctx.fake.requests.find((r) => r.path.startsWith('/recall/api/'))?.authorization).toBe(`Token ${ctx.fake.recall.apiKey}`);
  });

  it('acknowledges a redelivery (a new message id for the same transcript) without a second call', async () => {
    const raw = fixture('recall/transcript.done.json');
    const res = await ctx.deliver(url, raw, sign(raw));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'duplicate' });
    expect(await callsOf(ws, 'recall')).toHaveLength(1);
  });

  it('accepts Svix-branded headers', async () => {
    const raw = JSON.stringify({ event: 'bot.status_change', data: { bot: { id: 'b' }, data: { code: 'in_call_recording' } } });
    const h = sign(raw);
    const res = await ctx.deliver(url, raw, { 'svix-id': h['webhook-id']!, 'svix-timestamp': h['webhook-timestamp']!, 'svix-signature': h['webhook-signature']! });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ignored', event_type: 'bot.status_change' });
  });

  it('refuses a wrong signature and a stale timestamp', async () => {
    const raw = fixture('recall/transcript.done.json');
    const wrong = signStandardWebhook(`whsec_${Buffer.from('another-secret-entirely').toString('base64')}`, 'msg_x', new Date(), raw);
    await expectProblem(await ctx.deliver(url, raw, wrong), 401, 'unauthorized');
    const stale = await expectProblem(await ctx.deliver(url, raw, sign(raw, new Date(Date.now() - 3600_000))), 401, 'unauthorized');
    expect(stale.detail).toMatch(/timestamp/);
  });

  it('fails the fetch for good when the API refuses the key, and says so', async () => {
    const { res } = await ws.json('PUT', '/v1/integrations/recall', { api_key: 'revoked-key' });
    expect(res.status).toBe(200);
    const raw = JSON.stringify({ ...fixtureJson('recall/transcript.done.json'), data: { ...fixtureJson<{ data: Record<string, unknown> }>('recall/transcript.done.json').data, transcript: { id: 'tr-2', metadata: {} } } });
    expect((await ctx.deliver(url, raw, sign(raw))).status).toBe(202);
    const event = await eventually(async () => {
      const detail = (await (await ws.request('/v1/integrations/recall')).json()) as Detail;
      const e = detail.recent_events.find((x) => x.event_id === 'transcript.done:tr-2');
      return e?.status === 'failed' ? e : null;
    });
    expect(event.attempts).toBe(1);
    expect(event.error).toMatch(/401/);
    expect(event.error).not.toContain('revoked-key');

    // With the key fixed, a redelivery of that event is a retry, not a duplicate.
    ctx.fake.recall.transcripts.set('tr-2', fixtureJson('recall/download.json'));
    expect((await ws.json('PUT', '/v1/integrations/recall', { api_key: ctx.fake.recall.apiKey })).res.status).toBe(200);
    const again = await ctx.deliver(url, raw, sign(raw));
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ status: 'queued' });
    const call = await analysedCall(ws, 'recall', 'transcript.done:tr-2');
    expect(call.external_id).toBe('tr-2');
  });
});

describe('any Standard Webhooks sender (Baton call JSON)', () => {
  let ws: IntegrationWorkspace;
  let url: string;
  let secret: string;
  let n = 0;
  const sign = (raw: string, id = `msg_generic_${++n}`) => signStandardWebhook(secret, id, new Date(), raw);

  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    const saved = await connect(ws, 'generic', {});
    url = saved.webhook_url;
    secret = saved.generated!.webhook_secret;
    expect(secret).toMatch(/^whsec_/);
  });

  it('stores a signed call at once and analyses it', async () => {
    const raw = fixture('generic/call.json');
    const res = await ctx.deliver(url, raw, sign(raw, 'msg_first'));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { status: string; call_id: string; deal_id: string | null };
    expect(body).toMatchObject({ status: 'stored', deal_id: null });
    const call = await analysedCall(ws, 'generic', 'msg_first');
    expect(call).toMatchObject({ id: body.call_id, source: 'dialer', external_id: 'dialer-call-88123', title: 'Hooli: renewal check-in' });
    expect(call.participants.find((p) => p.name === 'Gavin Belson')).toMatchObject({ side: 'buyer', email: 'gavin@hooli.com' });
  });

  it('a retry with the same message id, or the same call under a new id, makes no second call', async () => {
    const raw = fixture('generic/call.json');
    const again = await ctx.deliver(url, raw, sign(raw, 'msg_first'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const resent = await ctx.deliver(url, raw, sign(raw));
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ status: 'duplicate' });
    expect(await callsOf(ws, 'dialer')).toHaveLength(1);
  });

  it('takes a bare call with a deal, and names the invalid fields of a bad one', async () => {
    const call = { deal: { external_id: 'hooli-renewal' }, occurred_at: '2026-03-07T10:00:00Z', transcript: 'Rita Alvarez: Ready?\nGavin Belson: Yes, send it over.' };
    const raw = JSON.stringify(call);
    const res = await ctx.deliver(url, raw, sign(raw));
    expect(res.status).toBe(202);
    expect(((await res.json()) as { deal_id: string }).deal_id).toMatch(/^deal_/);
    const bad = JSON.stringify({ type: 'call.completed', data: { occurred_at: 'yesterday', transcript: 'A: hi' } });
    const problem = (await expectProblem(await ctx.deliver(url, bad, sign(bad)), 422, 'validation-error')) as unknown as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('data.occurred_at');
  });

  it('ignores other envelope types, and refuses unsigned deliveries', async () => {
    const raw = JSON.stringify({ type: 'call.deleted', data: { id: 'x' } });
    const res = await ctx.deliver(url, raw, sign(raw));
    expect(await res.json()).toMatchObject({ status: 'ignored', event_type: 'call.deleted' });
    await expectProblem(await ctx.deliver(url, fixture('generic/call.json'), {}), 401, 'unauthorized');
  });
});
