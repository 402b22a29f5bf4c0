import { createRoute, z } from '@hono/zod-openapi';
import { FirefliesConnection } from '../integrations/fireflies.ts';
import { GenericConnection } from '../integrations/generic.ts';
import { GongConnection } from '../integrations/gong.ts';
import { INTEGRATION_PROVIDERS } from '../integrations/index.ts';
import { RecallConnection } from '../integrations/recall.ts';
import { integrationSettingsOf } from '../integrations/settings.ts';
import { ZoomConnection } from '../integrations/zoom.ts';
import { problem, problemResponses, security } from '../lib/openapi.ts';
import { ProblemError } from '../lib/problem.ts';
import type { Router } from '../lib/router.ts';
import { deleteIntegration, getIntegration, listIntegrations, putIntegration, requestGongSync } from '../services/integrations.ts';

// PUT/GET/DELETE /v1/integrations/{provider}: a workspace's connections to call recorders, and
// POST /v1/integrations/gong/sync. docs/integrations.md says what to paste where.

const Provider = z.enum(INTEGRATION_PROVIDERS).openapi({ description: 'The call recorder', example: 'zoom' });

export const Integration = z
  .object({
    provider: Provider,
    title: z.string(),
    webhook_url: z.string().openapi({ description: 'Paste this into the recorder. Its token identifies this workspace: keep it private.' }),
    credentials: z.array(z.string()).openapi({ description: 'Which secrets are stored; their values are never returned.', example: ['client_secret', 'secret_token'] }),
    settings: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Integration');

const RecentEvent = z.object({
  event_id: z.string(),
  event_type: z.string(),
  received_at: z.string(),
  status: z.enum(['stored', 'queued', 'running', 'failed', 'received']),
  call_id: z.string().nullable(),
  attempts: z.number().int().nullable(),
  error: z.string().nullable(),
});

const IntegrationDetail = Integration.extend({ recent_events: z.array(RecentEvent) }).openapi('IntegrationDetail');

const Saved = Integration.extend({
  generated: z
    .record(z.string(), z.string())
    .optional()
    .openapi({ description: 'Secrets Baton made for this connection (the generic webhook_secret), shown this once.' }),
}).openapi('IntegrationSaved');

const ProviderParam = z.object({ provider: z.string().openapi({ param: { name: 'provider', in: 'path' }, example: 'zoom' }) });

const listRoute = createRoute({
  method: 'get',
  path: '/v1/integrations',
  tags: ['integrations'],
  summary: "The workspace's call-recorder connections, with their webhook URLs",
  security,
  request: { query: z.object({ provider: Provider.optional() }) },
  responses: {
    200: { description: 'The connections', content: { 'application/json': { schema: z.object({ data: z.array(Integration) }) } } },
    ...problemResponses,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/integrations/{provider}',
  tags: ['integrations'],
  summary: 'One connection, with its latest events',
  security,
  request: { params: ProviderParam },
  responses: {
    200: { description: 'The connection', content: { 'application/json': { schema: IntegrationDetail } } },
    ...problemResponses,
  },
});

export const putRoute = createRoute({
  method: 'put',
  path: '/v1/integrations/{provider}',
  tags: ['integrations'],
  summary: 'Connect a call recorder, or change its credentials',
  description:
    "Stores the recorder's secrets for this workspace (sealed; never returned) and answers with the connection's webhook URL. A secret left out of an update keeps its stored value. The body depends on the provider: zoom, gong, fireflies, recall or generic.",
  security,
  request: {
    params: ProviderParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.union([ZoomConnection, GongConnection, FirefliesConnection, RecallConnection, GenericConnection]),
          example: { secret_token: 'zoom-app-secret-token' },
        },
      },
    },
  },
  responses: {
    201: { description: 'Connected', content: { 'application/json': { schema: Saved } } },
    200: { description: 'Updated', content: { 'application/json': { schema: Saved } } },
    ...problemResponses,
    415: problem('Not JSON'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/integrations/{provider}',
  tags: ['integrations'],
  summary: 'Disconnect a call recorder',
  description: 'Deletes its secrets; its webhook URL stops working at once. Calls already stored stay.',
  security,
  request: { params: ProviderParam },
  responses: { 204: { description: 'Disconnected' }, ...problemResponses },
});

const syncRoute = createRoute({
  method: 'post',
  path: '/v1/integrations/gong/sync',
  tags: ['integrations'],
  summary: 'Pull the Gong calls of a time range',
  description: 'Queues a job that lists the Gong calls that started in [from, to) and fetches each one not stored yet. Progress shows in GET /v1/integrations/gong.',
  security,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
          example: { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' },
        },
      },
    },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: z.object({ status: z.literal('queued'), job_id: z.string() }) } } },
    ...problemResponses,
  },
});

export function registerIntegrations(app: Router) {
  const origin = (url: string) => new URL(url).origin;

  app.openapi(listRoute, async (c) => {
    const settings = integrationSettingsOf(c.var.deps.config);
    return c.json(await listIntegrations(c.var.deps.db, c.var.workspace, settings, origin(c.req.url), c.req.valid('query').provider), 200);
  });

  app.openapi(getRoute, async (c) => {
    const settings = integrationSettingsOf(c.var.deps.config);
    return c.json(await getIntegration(c.var.deps.db, c.var.workspace, c.req.valid('param').provider, settings, origin(c.req.url)), 200);
  });

  // The body's shape depends on the provider, so the handler validates it against that provider's schema.
  app.openAPIRegistry.registerPath(putRoute);
  app.put('/v1/integrations/:provider', async (c) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
      throw new ProblemError('unsupported-media-type', 'send the connection as application/json');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (err) {
      throw new ProblemError('malformed-json', `the body is not valid JSON: ${(err as Error).message}`);
    }
    const settings = integrationSettingsOf(c.var.deps.config);
    const { view, created, generated } = await putIntegration(c.var.deps.db, c.var.workspace, c.req.param('provider'), body, settings, origin(c.req.url));
    c.var.logger.info(created ? 'integration connected' : 'integration updated', { provider: view.provider, credentials: view.credentials });
    if (created) c.header('Location', `/v1/integrations/${view.provider}`);
    return c.json({ ...view, ...(Object.keys(generated).length ? { generated } : {}) }, created ? 201 : 200);
  });

  app.openapi(deleteRoute, async (c) => {
    await deleteIntegration(c.var.deps.db, c.var.workspace, c.req.valid('param').provider);
    c.var.logger.info('integration disconnected', { provider: c.req.valid('param').provider });
    return c.body(null, 204);
  });

  app.openapi(syncRoute, async (c) => {
    const jobId = await requestGongSync(c.var.deps.db, c.var.workspace, c.req.valid('json'));
    c.var.deps.wakeWorker?.();
    return c.json({ status: 'queued' as const, job_id: jobId }, 202);
  });
}
