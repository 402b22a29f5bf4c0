import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { Call, CallAccepted, CallSummary, Cursor, IngestCallBody, IngestCallForm, Limit, Page } from '../../schemas/api.ts';
import { problem, problemResponses, security } from '../lib/openapi.ts';
import { ProblemError } from '../lib/problem.ts';
import type { Router } from '../lib/router.ts';
import { callLinks, getCall, ingestCall, listCalls } from '../services/calls.ts';
import { readUpload } from './upload.ts';

export const uploadCallRoute = createRoute({
  method: 'post',
  path: '/v1/calls',
  tags: ['calls'],
  summary: 'Upload a call',
  description:
    'Stores a call transcript (speaker lines, typed notes, WebVTT, SRT or JSON segments; the format is detected when `format` is absent) with its deal and account, and answers at once. The same `(source, external_id)` sent again returns the call stored the first time, with status 200.',
  security,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: IngestCallBody,
          example: {
            deal: { external_id: 'acme-2026', name: 'Acme AP automation', account: { name: 'Acme Corp' } },
            occurred_at: '2026-03-02T15:00:00Z',
            title: 'Discovery',
            participants: [{ name: 'Sam Whitaker', email: 'sam@vendor.com', side: 'seller' }],
            transcript: 'Sam Whitaker: How do approvals work today?\nMarisol Vega: Anything over ten thousand goes to our controller.',
          },
        },
        'multipart/form-data': { schema: IngestCallForm },
      },
    },
  },
  responses: {
    202: { description: 'Accepted and stored', content: { 'application/json': { schema: CallAccepted } } },
    200: { description: 'Already stored under this source and external id', content: { 'application/json': { schema: CallAccepted } } },
    ...problemResponses,
    413: problem('The body is larger than BATON_MAX_BODY_BYTES'),
    415: problem('Neither JSON nor multipart'),
  },
});

const getCallRoute = createRoute({
  method: 'get',
  path: '/v1/calls/{id}',
  tags: ['calls'],
  summary: 'Read a call: metadata, status and canonical transcript',
  security,
  request: { params: z.object({ id: z.string().openapi({ example: 'call_01kax1v3w6zq8xj3m5n7p9r2tb' }) }) },
  responses: {
    200: { description: 'The call', content: { 'application/json': { schema: Call } } },
    ...problemResponses,
  },
});

const listCallsRoute = createRoute({
  method: 'get',
  path: '/v1/calls',
  tags: ['calls'],
  summary: 'List calls, newest first',
  security,
  request: {
    query: z.object({
      deal: z.string().optional().openapi({ description: 'Only calls of this deal id' }),
      from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Calls at or after this time' }),
      to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Calls before this time' }),
      cursor: Cursor,
      limit: Limit,
    }),
  },
  responses: {
    200: { description: 'A page of calls', content: { 'application/json': { schema: Page(CallSummary, 'CallPage') } } },
    ...problemResponses,
  },
});

export function registerCalls(app: Router, maxBodyBytes: number) {
  app.use(
    '/v1/calls',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ProblemError('payload-too-large', `the body is larger than the limit of ${maxBodyBytes} bytes`);
      },
    }),
  );

  // The upload reads its own body (JSON or multipart, with problems of its own), so the route is
  // declared for the spec and handled as a plain Hono route.
  app.openAPIRegistry.registerPath(uploadCallRoute);
  app.post('/v1/calls', async (c) => {
    const { body, raw } = await readUpload(c);
    const { db } = c.var.deps;
    const { call, created } = await ingestCall(db, c.var.workspace, body, raw);
    c.var.logger.info('call stored', { call_id: call.id, deal_id: call.dealId, created, format: call.format, utterances: call.utteranceCount });
    const payload = { id: call.id, deal_id: call.dealId, status: call.status, links: callLinks(call.id, call.dealId) };
    c.header('Location', `/v1/calls/${call.id}`);
    return c.json(payload, created ? 202 : 200);
  });

  app.openapi(getCallRoute, async (c) => {
    const call = await getCall(c.var.deps.db, c.var.workspace, c.req.valid('param').id);
    return c.json(call, 200);
  });

  app.openapi(listCallsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listCalls(c.var.deps.db, c.var.workspace, q), 200);
  });
}
