import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrations } from '../../src/db/schema.ts';
import { signStandardWebhook } from '../../src/integrations/standard-webhooks.ts';
import { createIntegrationTestContext, eventually } from '../support/fake-providers.ts';
import type { IntegrationTestContext, IntegrationWorkspace } from '../support/fake-providers.ts';

// The connections API: PUT/GET/DELETE /v1/integrations/{provider}. Secrets go in and never come
// out; each connection has a webhook URL with a token of its own; and PATCH /v1/calls/{id}.

let ctx: IntegrationTestContext;
let ws: IntegrationWorkspace;
beforeAll(async () => {
  ctx = await createIntegrationTestContext();
  ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
});
afterAll(() => ctx?.close());

type View = { provider: string; title: string; webhook_url: string; credentials: string[]; settings: Record<string, unknown>; recent_events?: unknown[]; generated?: Record<string, string> };

const ZOOM = { secret_token: 'zoom-secret-token-value', account_id: 'acct-9', client_id: 'client-9', client_secret: 'zoom-client-secret-value' };

describe('PUT /v1/integrations/{provider}', () => {
  it('connects Zoom, answers with a webhook URL, and never returns a secret', async () => {
    const res = await ws.request('/v1/integrations/zoom', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ZOOM) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/integrations/zoom');
    const text = await res.text();
    expect(text).not.toContain(ZOOM.secret_token);
    expect(text).not.toContain(ZOOM.client_secret);
    const view = JSON.parse(text) as View;
    expect(view).toMatchObject({ provider: 'zoom', title: 'Zoom', credentials: ['client_secret', 'secret_token'], settings: { account_id: 'acct-9', client_id: 'client-9' } });
    expect(view.webhook_url).toMatch(/^https:\/\/baton\.test\/webhooks\/zoom\/[A-Za-z0-9_-]{43}$/);

    for (const path of ['/v1/integrations', '/v1/integrations/zoom', '/v1/integrations?provider=zoom']) {
      const read = await (await ws.request(path)).text();
      expect(read).not.toContain(ZOOM.secret_token);
      expect(read).not.toContain(ZOOM.client_secret);
      expect(read).toContain(view.webhook_url);
    }
  });

  it('stores the secrets sealed', async () => {
    const [row] = await ctx.database.db.select().from(integrations).where(eq(integrations.workspaceId, ws.id));
    expect(row!.secrets).toMatch(/^v1:/);
    expect(row!.secrets).not.toContain(ZOOM.secret_token);
  });

  it('keeps stored secrets and the URL when an update leaves them out', async () => {
    const before = (await (await ws.request('/v1/integrations/zoom')).json()) as View;
    const { res, body } = await ws.json<View>('PUT', '/v1/integrations/zoom', { account_id: 'acct-10' });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ credentials: ['client_secret', 'secret_token'], settings: { account_id: 'acct-10', client_id: 'client-9' }, webhook_url: before.webhook_url });
  });

  it('gives each connection and each workspace a URL of its own', async () => {
    const other = await ctx.workspace();
    const mine = (await (await ws.request('/v1/integrations/zoom')).json()) as View;
    const theirs = (await other.json<View>('PUT', '/v1/integrations/zoom', { secret_token: 'another-zoom-secret' })).body;
    expect(theirs.webhook_url).not.toBe(mine.webhook_url);
    const list = (await (await other.request('/v1/integrations')).json()) as { data: View[] };
    expect(list.data.map((v) => v.webhook_url)).toEqual([theirs.webhook_url]);
  });

  it('names the missing secrets of a new connection', async () => {
    const { res, body } = await ws.json<{ errors: { path: string }[] }>('PUT', '/v1/integrations/fireflies', { api_key: 'k' });
    expect(res.status).toBe(422);
    expect(body.errors.map((e) => e.path)).toEqual(['webhook_secret']);
  });

  it('refuses unknown fields, bad URLs, bad secrets, non-JSON and unknown providers', async () => {
    expect((await ws.json('PUT', '/v1/integrations/zoom', { secret_token: 'abcdefgh', webhook_url: 'x' })).res.status).toBe(422);
    const gong = await ws.json<{ errors: { path: string }[] }>('PUT', '/v1/integrations/gong', { access_key: 'a', access_key_secret: 'b', api_base_url: 'https://169.254.169.254/latest' });
    expect(gong.res.status).toBe(422);
    expect(gong.body.errors[0]!.path).toBe('api_base_url');
    const recall = await ws.json<{ errors: { path: string }[] }>('PUT', '/v1/integrations/recall', { api_key: 'a', webhook_secret: 'not-a-whsec-secret' });
    expect(recall.res.status).toBe(422);
    expect(recall.body.errors[0]!.path).toBe('webhook_secret');
    expect((await ws.request('/v1/integrations/zoom', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await ws.request('/v1/integrations/zoom', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
    expect((await ws.json('PUT', '/v1/integrations/teams', {})).res.status).toBe(404);
  });

  it('accepts a customer-specific Gong base URL', async () => {
    const { res, body } = await ws.json<View>('PUT', '/v1/integrations/gong', { access_key: 'a', access_key_secret: 'b', api_base_url: 'https://us-12345.api.gong.io/' });
    expect(res.status).toBe(201);
    expect(body.settings).toEqual({ api_base_url: 'https://us-12345.api.gong.io' });
  });

  it('makes a whsec_ secret for a generic sender, shown once', async () => {
    const { res, body } = await ws.json<View>('PUT', '/v1/integrations/generic', {});
    expect(res.status).toBe(201);
    expect(body.generated?.webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const again = await (await ws.request('/v1/integrations/generic')).text();
    expect(again).not.toContain(body.generated!.webhook_secret);
    expect(JSON.parse(again)).toMatchObject({ credentials: ['webhook_secret'], recent_events: [] });
  });
});

describe('DELETE /v1/integrations/{provider}', () => {
  it('disconnects: the webhook URL stops working at once', async () => {
    const { body } = await ws.json<View>('PUT', '/v1/integrations/fireflies', { api_key: 'k', webhook_secret: 'fireflies-secret' });
    expect((await ws.request('/v1/integrations/fireflies', { method: 'DELETE' })).status).toBe(204);
    const res = await ctx.deliver(body.webhook_url, '{}', { 'x-hub-signature': 'sha256=00' });
    expect(res.status).toBe(404);
    expect((await ws.request('/v1/integrations/fireflies')).status).toBe(404);
    expect((await ws.request('/v1/integrations/fireflies', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('POST /v1/integrations/gong/sync', () => {
  it('needs a Gong connection', async () => {
    const other = await ctx.workspace();
    const { res } = await other.json('POST', '/v1/integrations/gong/sync', { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
    expect(res.status).toBe(404);
  });
});

describe('PATCH /v1/calls/{id}', () => {
  let callId: string;
  let secret: string;
  let url: string;
  beforeAll(async () => {
    ws = await ctx.workspace({ sellerDomains: ['vendor.com'] });
    const saved = (await ws.json<View>('PUT', '/v1/integrations/generic', {})).body;
    secret = saved.generated!.webhook_secret!;
    url = saved.webhook_url;
    const raw = JSON.stringify({
      occurred_at: '2026-03-06T15:30:00Z',
      participants: [{ name: 'Gavin Belson', email: 'gavin@hooli.com' }],
      transcript: 'Rita Alvarez: Shall we renew?\nGavin Belson: Yes, I will send the order form Friday.',
    });
    const res = await ctx.deliver(url, raw, signStandardWebhook(secret, 'msg_patch_1', new Date(), raw));
    const body = (await res.json()) as { call_id: string; deal_id: string | null };
    expect(body.deal_id).toBeNull();
    callId = body.call_id;
    await eventually(async () => ((await (await ws.request(`/v1/calls/${callId}`)).json()) as { status: string }).status === 'analyzed');
  });

  it('assigns an unassigned call to an existing deal by id', async () => {
    const up = await ws.json<{ deal_id: string; id: string }>('POST', '/v1/calls', {
      deal: { external_id: 'hooli-2026', name: 'Hooli renewal' },
      occurred_at: '2026-02-01T10:00:00Z',
      transcript: 'Rita Alvarez: Kickoff.\nGavin Belson: Glad to start.',
    });
    const { res, body } = await ws.json<{ id: string; deal_id: string; status: string; links: Record<string, string> }>('PATCH', `/v1/calls/${callId}`, { deal_id: up.body.deal_id });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: callId, deal_id: up.body.deal_id, status: 'queued', links: { deal: `/v1/deals/${up.body.deal_id}` } });
    await eventually(async () => ((await (await ws.request(`/v1/calls/${callId}`)).json()) as { status: string }).status === 'analyzed');
    const deal = (await (await ws.request(`/v1/deals/${up.body.deal_id}`)).json()) as { call_count: number };
    expect(deal.call_count).toBe(2);
    const analysis = (await (await ws.request(`/v1/calls/${callId}/analysis`)).json()) as { stakeholders: unknown[] };
    expect(analysis.stakeholders).toEqual(expect.any(Array));
    // Assigning to the deal it is on already changes nothing.
    expect((await ws.json<{ status: string }>('PATCH', `/v1/calls/${callId}`, { deal_id: up.body.deal_id })).body.status).toBe('analyzed');
  });

  it('moves a call to another deal, named by external id', async () => {
    const { res, body } = await ws.json<{ deal_id: string }>('PATCH', `/v1/calls/${callId}`, { deal: { external_id: 'hooli-expansion', name: 'Hooli expansion' } });
    expect(res.status).toBe(200);
    const page = (await (await ws.request(`/v1/calls?deal=${body.deal_id}`)).json()) as { data: { id: string }[] };
    expect(page.data.map((c) => c.id)).toEqual([callId]);
  });

  it('refuses a bad body, an unknown deal and an unknown call', async () => {
    expect((await ws.json('PATCH', `/v1/calls/${callId}`, {})).res.status).toBe(422);
    expect((await ws.json('PATCH', `/v1/calls/${callId}`, { deal_id: 'deal_x', deal: { external_id: 'y' } })).res.status).toBe(422);
    const missing = await ws.json<{ errors: { path: string }[] }>('PATCH', `/v1/calls/${callId}`, { deal_id: 'deal_01kax1v3w6zq8xj3m5n7p9r2tb' });
    expect(missing.res.status).toBe(422);
    expect(missing.body.errors[0]!.path).toBe('deal_id');
    expect((await ws.json('PATCH', '/v1/calls/call_01kax1v3w6zq8xj3m5n7p9r2tb', { deal: { external_id: 'y' } })).res.status).toBe(404);
  });
});
