import { createRoute, z } from '@hono/zod-openapi';
import { CallAnalysis } from '../../schemas/analysis.ts';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { getAnalysis } from '../services/analysis-store.ts';

const getAnalysisRoute = createRoute({
  method: 'get',
  path: '/v1/calls/{id}/analysis',
  tags: ['calls'],
  summary: "A call's latest analysis: stakeholders with grades and evidence, signals, red flags, the champion test, deal facts",
  security,
  request: { params: z.object({ id: z.string().openapi({ example: 'call_01kax1v3w6zq8xj3m5n7p9r2tb' }) }) },
  responses: {
    200: { description: 'The analysis', content: { 'application/json': { schema: CallAnalysis } } },
    ...problemResponses,
  },
});

export function registerAnalyses(app: Router) {
  app.openapi(getAnalysisRoute, async (c) => c.json(await getAnalysis(c.var.deps.db, c.var.workspace, c.req.valid('param').id), 200));
}
