import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { regradeWorkspace, rubricStatus } from '../services/trends-regrade.ts';
import { ChampionStrength, DealChampions, DealTrend, Interval, RegradeBody, RegradeResult, RubricStatus, StakeholderTrend } from '../services/trends-schemas.ts';
import { championStrength, dealChampions, dealTrend, stakeholderTrend } from '../services/trends.ts';

const dealParam = z.object({ id: z.string().max(100).openapi({ example: 'deal_01kax1v3w6zq8xj3m5n7p9r2tb' }) });
const time = (description: string, example: string) => z.iso.datetime({ offset: true }).optional().openapi({ description, example });
const windowQuery = {
  interval: Interval.default('week'),
  from: time('Start of the window (rounded down to a bucket start); default: 31 days, 26 weeks or 12 months before `to`', '2026-01-01T00:00:00Z'),
  to: time('End of the window, exclusive (rounded up to a bucket end); default: now', '2026-04-01T00:00:00Z'),
};

const dealChampionsRoute = createRoute({
  method: 'get',
  path: '/v1/deals/{id}/champions',
  tags: ['trends'],
  summary: "A deal's stakeholders with their latest grade and how it moved, and the deal's champion facts",
  description:
    'Each buyer-side person of the deal with their latest grade and score (from their latest graded call), the change since their previous graded call, first and last seen, and the calls they took part in; and the deal facts: champion count, two deep, the "+1", economic buyer engaged, contacts engaged, single-threaded, the last agreed next step and whether its day has passed, days since the last call. Only the current analysis of each call counts.',
  security,
  request: { params: dealParam },
  responses: {
    200: { description: 'The deal’s champions', content: { 'application/json': { schema: DealChampions } } },
    ...problemResponses,
  },
});

const dealTrendRoute = createRoute({
  method: 'get',
  path: '/v1/deals/{id}/trend',
  tags: ['trends'],
  summary: "A deal's champion strength per day, week or month",
  description:
    'Per bucket (in the workspace time zone): the strongest champion score, the mean score over the stakeholders present, the champion count as of the deal’s last call in the bucket, and the red flags raised. Every bucket of the window is present; a bucket without calls has `calls: 0` and null values (a gap to plot, not a zero).',
  security,
  request: { params: dealParam, query: z.object(windowQuery) },
  responses: {
    200: { description: 'The time series', content: { 'application/json': { schema: DealTrend } } },
    ...problemResponses,
  },
});

const stakeholderTrendRoute = createRoute({
  method: 'get',
  path: '/v1/stakeholders/{id}/trend',
  tags: ['trends'],
  summary: "One stakeholder's grade and score over their calls, with the evidence that moved it",
  security,
  request: {
    params: z.object({ id: z.string().max(100).openapi({ example: 'pers_01kax1v3w6zq8xj3m5n7p9r2tb' }) }),
    query: z.object({
      deal: z.string().max(100).optional().openapi({ description: 'Only calls of this deal' }),
      from: time('Calls at or after this time', '2026-01-01T00:00:00Z'),
      to: time('Calls before this time', '2026-04-01T00:00:00Z'),
    }),
  },
  responses: {
    200: { description: 'The stakeholder’s points', content: { 'application/json': { schema: StakeholderTrend } } },
    ...problemResponses,
  },
});

const championStrengthRoute = createRoute({
  method: 'get',
  path: '/v1/trends/champion-strength',
  tags: ['trends'],
  summary: 'The pipeline’s champion strength per day, week or month',
  description:
    'Per bucket (in the workspace time zone): deals covered (with an analysed call in the bucket), deals with a champion and deals two deep (as of each deal’s last call in the bucket), the mean of each deal’s strongest score, and the count of each red flag raised. Buckets without calls are present with null values.',
  security,
  request: {
    query: z.object({
      ...windowQuery,
      account: z.string().max(300).optional().openapi({ description: 'Only this account: its id (`acct_...`) or external id' }),
      deal: z.string().max(100).optional().openapi({ description: 'Only this deal' }),
    }),
  },
  responses: {
    200: { description: 'The time series', content: { 'application/json': { schema: ChampionStrength } } },
    ...problemResponses,
  },
});

const rubricRoute = createRoute({
  method: 'get',
  path: '/v1/rubric',
  tags: ['trends'],
  summary: 'The rubric version grades are made with, and analysed calls per version',
  security,
  responses: {
    200: { description: 'The rubric status', content: { 'application/json': { schema: RubricStatus } } },
    ...problemResponses,
  },
});

const regradeRoute = createRoute({
  method: 'post',
  path: '/v1/rubric/regrade',
  tags: ['trends'],
  summary: 'Regrade analyses made with an older rubric version from their stored evidence',
  description:
    'Grades the stored, grounded evidence of every call whose current analysis was graded with another rubric version again with the current rubric (no model call), deal by deal in call order, and stores each result as a new analysis of the call (the old one stays, superseded). Later calls of a deal whose grades change because an earlier call changed are stored again too. Works through about `limit` stale calls per request; repeat while `remaining` > 0.',
  security,
  request: { body: { required: false, content: { 'application/json': { schema: RegradeBody, example: { limit: 500 } } } } },
  responses: {
    200: { description: 'What was regraded', content: { 'application/json': { schema: RegradeResult } } },
    ...problemResponses,
  },
});

export function registerTrends(app: Router) {
  app.openapi(dealChampionsRoute, async (c) => c.json(await dealChampions(c.var.deps.db, c.var.workspace, c.req.valid('param').id), 200));
  app.openapi(dealTrendRoute, async (c) => c.json(await dealTrend(c.var.deps.db, c.var.workspace, c.req.valid('param').id, c.req.valid('query')), 200));
  app.openapi(stakeholderTrendRoute, async (c) =>
    c.json(await stakeholderTrend(c.var.deps.db, c.var.workspace, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(championStrengthRoute, async (c) => c.json(await championStrength(c.var.deps.db, c.var.workspace, c.req.valid('query')), 200));
  app.openapi(rubricRoute, async (c) => c.json(await rubricStatus(c.var.deps.db, c.var.workspace), 200));
  app.openapi(regradeRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await regradeWorkspace(c.var.deps.db, c.var.workspace, { deal: body?.deal ?? null, limit: body?.limit ?? null });
    c.var.logger.info('regraded', { ...result });
    return c.json(result, 200);
  });
}
