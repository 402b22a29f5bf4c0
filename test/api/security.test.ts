import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';

// Every route that reads or writes workspace data, with the ids of a resource owned by `owner`.
// A new route gets a line here and with it the no-key, wrong-key and other-workspace checks.
type Ids = { callId: string; dealId: string; accountId: string; personId: string };
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
// `ownResource`: the other workspace acts on a resource of its own (e.g. creates its own connection), so only leaks are checked.
const ROUTES: { name: string; request: (ids: Ids) => [string, RequestInit?]; ownResource?: boolean }[] = [
  { name: 'PATCH /v1/calls/:id', request: (i) => [`/v1/calls/${i.callId}`, json('PATCH', { deal_id: i.dealId })] },
  { name: 'GET /v1/integrations?provider=', request: () => ['/v1/integrations?provider=zoom'] },
  { name: 'GET /v1/integrations/:provider', request: () => ['/v1/integrations/zoom'] },
  { name: 'DELETE /v1/integrations/:provider', request: () => ['/v1/integrations/zoom', { method: 'DELETE' }] },
  { name: 'POST /v1/integrations/gong/sync', request: () => ['/v1/integrations/gong/sync', json('POST', { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })] },
  { name: 'PUT /v1/integrations/:provider', request: () => ['/v1/integrations/gong', json('PUT', { access_key: 'k', access_key_secret: 'v' })], ownResource: true },
  { name: 'GET /v1/calls/:id', request: (i) => [`/v1/calls/${i.callId}`] },
  { name: 'GET /v1/deals/:id/champions', request: (i) => [`/v1/deals/${i.dealId}/champions`] },
  { name: 'GET /v1/deals/:id/trend', request: (i) => [`/v1/deals/${i.dealId}/trend?interval=week`] },
  { name: 'GET /v1/stakeholders/:id/trend', request: (i) => [`/v1/stakeholders/${i.personId}/trend`] },
  { name: 'GET /v1/trends/champion-strength?deal=', request: (i) => [`/v1/trends/champion-strength?interval=month&deal=${i.dealId}`], ownResource: true },
  { name: 'GET /v1/deals?risk=', request: () => ['/v1/deals?risk=single_threaded'], ownResource: true },
  { name: 'GET /v1/workspace', request: () => ['/v1/workspace'], ownResource: true },
  { name: 'POST /v1/rubric/regrade', request: () => ['/v1/rubric/regrade', json('POST', {})], ownResource: true },
  { name: 'GET /v1/calls?deal=', request: (i) => [`/v1/calls?deal=${i.dealId}`] },
  { name: 'GET /v1/calls/:id/analysis', request: (i) => [`/v1/calls/${i.callId}/analysis`] },
  { name: 'POST /v1/calls/:id/analyze', request: (i) => [`/v1/calls/${i.callId}/analyze`, { method: 'POST' }] },
  { name: 'GET /v1/deals/:id', request: (i) => [`/v1/deals/${i.dealId}`] },
  { name: 'GET /v1/deals?account=', request: (i) => [`/v1/deals?account=${i.accountId}`] },
  {
    name: 'POST /v1/calls',
    request: () => [
      '/v1/calls',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deal: { external_id: 'x' }, occurred_at: '2026-01-01T00:00:00Z', transcript: 'A: hi\nB: hello' }),
      },
    ],
  },
];

let ctx: TestContext;
let owner: TestWorkspace;
let other: TestWorkspace;
let ids: Ids;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await ctx.workspace();
  other = await ctx.workspace();
  const { body } = await owner.json<{ id: string; deal_id: string }>('/v1/calls', {
    deal: { external_id: 'secret-deal', name: 'Secret', account: { external_id: 'secret-account', name: 'Secret Co' } },
    occurred_at: '2026-01-01T00:00:00Z',
    participants: [{ name: 'Sam Seller', side: 'seller' }, { name: 'Priya Buyer', side: 'buyer' }],
    transcript:
      'Sam Seller: If it were entirely your call, would you buy this?\nPriya Buyer: Yes. The secret number is 8675309, and I will book our CFO for Tuesday at 3.',
  }, { headers: { prefer: 'wait=30' } });
  const analysis = (await (await owner.request(`/v1/calls/${body.id}/analysis`)).json()) as { stakeholders: { id: string }[] };
  const zoom = await owner.json<{ webhook_url: string }>('/v1/integrations/zoom', { secret_token: 'owner-zoom-secret-8675309' }, { method: 'PUT' });
  expect(zoom.res.status).toBe(201);
  const deal = (await (await owner.request(`/v1/deals/${body.deal_id}`)).json()) as { account: { id: string } };
  ids = { callId: body.id, dealId: body.deal_id, accountId: deal.account.id, personId: analysis.stakeholders[0]!.id };
});
afterAll(() => ctx?.close());

describe.each(ROUTES)('$name', ({ request, ownResource }) => {
  it('refuses a request without a key', async () => {
    const [path, init] = request(ids);
    const res = await ctx.app.request(path, init);
    expect(res.status).toBe(401);
  });

  it('refuses a wrong key', async () => {
    const [path, init] = request(ids);
    const res = await ctx.app.request(path, { ...init, headers: { ...(init?.headers as object), authorization: `Bearer ${owner.key}x` } });
    expect(res.status).toBe(401);
  });

  it("shows another workspace nothing of the owner's data", async () => {
    const [path, init] = request(ids);
    const res = await other.request(path, init);
    const text = await res.text();
    if (!ownResource) expect(text).not.toContain('secret');
    expect(text).not.toContain('8675309');
    if (ownResource) return;
    // A route on one of the owner's resources is a 404; a list filtered by the owner's ids is empty.
    const ownersId = /\/(call|deal|pers)_[0-9a-z]{26}(\/|$)/.test(path.split('?')[0]!);
    const isPost = init?.method === 'POST';
    if (ownersId || (!path.includes('?') && !isPost)) expect(res.status).toBe(404);
    else if (!isPost) expect(JSON.parse(text)).toMatchObject({ data: [] });
  });
});

it("the owner's key still sees its own call", async () => {
  expect((await owner.request(`/v1/calls/${ids.callId}`)).status).toBe(200);
});

it("another workspace's calls leave the owner's call recorder connection alone", async () => {
  const res = await owner.request('/v1/integrations/zoom');
  expect(res.status).toBe(200);
  expect(await res.text()).not.toContain('owner-zoom-secret');
});

it('a deal of the same external id in another workspace is a different deal', async () => {
  const { body } = await other.json<{ deal_id: string }>('/v1/calls', {
    deal: { external_id: 'secret-deal' },
    occurred_at: '2026-01-01T00:00:00Z',
    transcript: 'Cy: Hello.\nDi: Hi.',
  });
  expect(body.deal_id).not.toBe(ids.dealId);
});
