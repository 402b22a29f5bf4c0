import { createRoute, z } from '@hono/zod-openapi';
import { CallSummary, IngestCallBody } from '../../schemas/api.ts';
import { problemResponses, security } from '../lib/openapi.ts';
import type { Router } from '../lib/router.ts';
import { assignCall } from '../services/attach.ts';
import { toSummary } from '../services/calls.ts';

// PATCH /v1/calls/{id}: put a call on a deal, typically one a call recorder delivered without one
// (docs/integrations.md#attaching-calls-to-deals).

const AssignCall = z
  .strictObject({
    deal_id: z.string().max(100).optional().openapi({ description: 'An existing deal of this workspace', example: 'deal_01kax1v3w6zq8xj3m5n7p9r2tb' }),
    deal: IngestCallBody.shape.deal.optional().openapi({ description: 'A deal by external id, created (with its account) on first sight, as in an upload' }),
  })
  .refine((b) => (b.deal_id === undefined) !== (b.deal === undefined), { message: 'give exactly one of deal_id and deal' })
  .openapi('AssignCall');

const assignRoute = createRoute({
  method: 'patch',
  path: '/v1/calls/{id}',
  tags: ['calls'],
  summary: 'Put a call on a deal',
  description:
    "Assigns an unassigned call (or moves a call) to a deal. Its analyses move with it, the deals' trends are rebuilt at once, and a re-analysis is queued (reusing the stored extraction) so its people join the account's people.",
  security,
  request: {
    params: z.object({ id: z.string().openapi({ example: 'call_01kax1v3w6zq8xj3m5n7p9r2tb' }) }),
    body: { required: true, content: { 'application/json': { schema: AssignCall, example: { deal: { external_id: 'acme-2026', name: 'Acme AP automation' } } } } },
  },
  responses: {
    200: { description: 'The call, on its deal', content: { 'application/json': { schema: CallSummary } } },
    ...problemResponses,
  },
});

export function registerCallAssign(app: Router) {
  app.openapi(assignRoute, async (c) => {
    const body = c.req.valid('json');
    const target = body.deal_id !== undefined ? { dealId: body.deal_id } : { deal: body.deal! };
    const call = await assignCall(c.var.deps.db, c.var.workspace, c.req.valid('param').id, target);
    c.var.deps.wakeWorker?.();
    c.var.logger.info('call assigned', { call_id: call.id, deal_id: call.dealId });
    return c.json(toSummary(call), 200);
  });
}
