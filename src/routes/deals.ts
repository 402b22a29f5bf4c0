import { createRoute, z } from '@hono/zod-openapi';
import { Cursor, Deal, Limit, Page } from '../../schemas/api.ts';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { getDeal, listDeals } from '../services/deals.ts';

const getDealRoute = createRoute({
  method: 'get',
  path: '/v1/deals/{id}',
  tags: ['deals'],
  summary: 'Read a deal with its account and call counts',
  security,
  request: { params: z.object({ id: z.string().openapi({ example: 'deal_01kax1v3w6zq8xj3m5n7p9r2tb' }) }) },
  responses: {
    200: { description: 'The deal', content: { 'application/json': { schema: Deal } } },
    ...problemResponses,
  },
});

const listDealsRoute = createRoute({
  method: 'get',
  path: '/v1/deals',
  tags: ['deals'],
  summary: 'List deals, oldest first',
  security,
  request: {
    query: z.object({
      account: z.string().max(300).optional().openapi({ description: 'An account id (`acct_...`) or the account external id' }),
      cursor: Cursor,
      limit: Limit,
    }),
  },
  responses: {
    200: { description: 'A page of deals', content: { 'application/json': { schema: Page(Deal, 'DealPage') } } },
    ...problemResponses,
  },
});

export function registerDeals(app: Router) {
  app.openapi(getDealRoute, async (c) => c.json(await getDeal(c.var.deps.db, c.var.workspace, c.req.valid('param').id), 200));
  app.openapi(listDealsRoute, async (c) => c.json(await listDeals(c.var.deps.db, c.var.workspace, c.req.valid('query')), 200));
}
