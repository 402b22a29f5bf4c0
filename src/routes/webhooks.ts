import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { IngestCallBody } from '../../schemas/api.ts';
import { INTEGRATION_PROVIDERS } from '../integrations/index.ts';
import { integrationSettingsOf } from '../integrations/settings.ts';
import { problem } from '../lib/openapi.ts';
import { ProblemError } from '../lib/problem.ts';
import type { Router } from '../lib/router.ts';
import { receiveWebhook } from '../services/integrations.ts';

// POST /webhooks/{provider}/{token}: where call recorders deliver. Outside /v1 and its API keys:
// the token in the URL names the connection, and the provider's signature proves the sender.

export const webhookRoute = createRoute({
  method: 'post',
  path: '/webhooks/{provider}/{token}',
  tags: ['webhooks'],
  summary: 'Receive a call recorder event',
  description:
    "The URL of a connection (GET /v1/integrations). The delivery is verified with the provider's scheme (Zoom x-zm-signature, Fireflies x-hub-signature, Standard Webhooks for Recall.ai and generic senders; Gong by the token) before its body is read, then answered as soon as what it asks for is stored and queued. A redelivery is acknowledged without a second call; an event type Baton does not act on is acknowledged and ignored.",
  request: {
    params: z.object({
      provider: z.enum(INTEGRATION_PROVIDERS),
      token: z.string().openapi({ description: "The connection's token" }),
    }),
    body: { required: true, content: { 'application/json': { schema: z.union([IngestCallBody, z.record(z.string(), z.unknown())]) } } },
  },
  responses: {
    202: { description: 'Stored and queued', content: { 'application/json': { schema: z.object({ status: z.enum(['queued', 'stored']), event_id: z.string() }).passthrough() } } },
    200: {
      description: "Already seen (`duplicate`), not acted on (`ignored`), or Zoom's URL validation answer",
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
    400: problem('The verified body is not JSON'),
    401: problem('Missing or wrong signature, or a timestamp outside the replay window'),
    404: problem('No connection has this URL'),
    413: problem('The body is larger than BATON_MAX_BODY_BYTES'),
    422: problem('A generic call that is not valid'),
  },
});

export function registerWebhooks(app: Router, maxBodyBytes: number) {
  app.use(
    '/webhooks/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ProblemError('payload-too-large', `the body is larger than the limit of ${maxBodyBytes} bytes`);
      },
    }),
  );
  app.openAPIRegistry.registerPath(webhookRoute);
  app.post('/webhooks/:provider/:token', async (c) => {
    const { db, config } = c.var.deps;
    const raw = await c.req.text();
    const answer = await receiveWebhook(
      { db, logger: c.var.logger, settings: integrationSettingsOf(config), limits: { maxUtterances: config.maxUtterances, maxTranscriptChars: config.maxTranscriptChars } },
      c.req.param('provider'),
      c.req.param('token'),
      raw,
      c.req.raw.headers,
    );
    if (answer.queued) c.var.deps.wakeWorker?.();
    return c.json(answer.body as object, answer.status);
  });
}
