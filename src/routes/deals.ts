import { createRoute, z } from '@hono/zod-openapi';
import { Cursor, Deal, Limit, Page } from '../../schemas/api.ts';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { getDeal, listDeals } from '../services/deals.ts';
import { listAtRiskDeals, RISK_DEFAULTS } from '../services/risk.ts';
import { DealListItem, RISKS } from '../services/trends-schemas.ts';

const RISK_LIST = new RegExp(`^(?:any|(?:${RISKS.join('|')})(?:,(?:${RISKS.join('|')}))*)$`);

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
  summary: 'List deals, oldest first; or, with `risk`, the deals at risk, riskiest first',
  description:
    'With `risk`, only deals with at least one of the named risks, sorted by `risk_score` (then id), each with `risks`: every risk found among those asked for, why, and the call and quote behind it. ' +
    '`champion_lost`: a champion is now graded below champion, or their score fell by `score_drop` or more since their previous graded call, or champion_at_risk was raised about them on or after their latest graded call. ' +
    '`single_threaded`: fewer than two buyer contacts have spoken on a call. `no_economic_buyer`: no economic buyer has spoken on a call. ' +
    '`no_next_step`: the last call ended without an agreed next step, or the agreed step’s day has passed. `stalled`: no call for `stalled_days` days.',
  security,
  request: {
    query: z.object({
      account: z.string().max(300).optional().openapi({ description: 'An account id (`acct_...`) or the account external id' }),
      risk: z
        .string()
        .max(200)
        .regex(RISK_LIST, `a comma-separated list of ${RISKS.join(', ')}; or any`)
        .optional()
        .openapi({ description: `Comma-separated risks (${RISKS.join(', ')}), or \`any\``, example: 'champion_lost,single_threaded' }),
      score_drop: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: `champion_lost: a drop of at least this many points counts (default ${RISK_DEFAULTS.scoreDrop})`, example: RISK_DEFAULTS.scoreDrop }),
      stalled_days: z.coerce
        .number()
        .int()
        .min(1)
        .max(3650)
        .optional()
        .openapi({ description: `stalled: no call for at least this many days (default ${RISK_DEFAULTS.stalledDays})`, example: RISK_DEFAULTS.stalledDays }),
      cursor: Cursor,
      limit: Limit,
    }),
  },
  responses: {
    200: { description: 'A page of deals', content: { 'application/json': { schema: Page(DealListItem, 'DealPage') } } },
    ...problemResponses,
  },
});

export function registerDeals(app: Router) {
  app.openapi(getDealRoute, async (c) => c.json(await getDeal(c.var.deps.db, c.var.workspace, c.req.valid('param').id), 200));
  app.openapi(listDealsRoute, async (c) => {
    const q = c.req.valid('query');
    const { db } = c.var.deps;
    if (q.risk !== undefined) return c.json(await listAtRiskDeals(db, c.var.workspace, { ...q, risk: q.risk }), 200);
    return c.json(await listDeals(db, c.var.workspace, q), 200);
  });
}
