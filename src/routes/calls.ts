import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { Analyzer, Call, CallAccepted, CallSummary, Cursor, IngestCallBody, IngestCallForm, Limit, Page } from '../../schemas/api.ts';
import { CallAnalysis } from '../../schemas/analysis.ts';
import { problem, problemResponses, security } from '../lib/openapi.ts';
import { ProblemError } from '../lib/problem.ts';
import type { Router } from '../lib/router.ts';
import { callLinks, getCall, getCallRow, ingestCall, listCalls, requeueAnalysis, waitForAnalysis } from '../services/calls.ts';
import type { CallStatus } from '../db/schema.ts';
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
    headers: z.object({
      'idempotency-key': z.string().optional().openapi({ description: 'Makes a retried upload return the same call instead of a second one.' }),
      prefer: z.string().optional().openapi({ description: 'RFC 7240 `wait=N`: wait up to N seconds (at most 60) for the analysis.', example: 'wait=10' }),
    }),
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
    202: { description: 'Accepted and stored; its analysis is queued', content: { 'application/json': { schema: CallAccepted } } },
    200: {
      description:
        'Already stored (same Idempotency-Key, or same source and external id): that call. Or, with `Prefer: wait=N`, the call once analysed, with its analysis.',
      content: { 'application/json': { schema: CallAccepted.extend({ analysis: CallAnalysis.optional() }) } },
    },
    409: problem('The Idempotency-Key was used before with a different body'),
    429: problem('Too many requests for this API key; see Retry-After'),
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

const analyzeCallRoute = createRoute({
  method: 'post',
  path: '/v1/calls/{id}/analyze',
  tags: ['calls'],
  summary: 'Analyse a call again',
  description: 'Queues a new analysis of a stored call, optionally with another analyzer or model. Earlier analyses stay.',
  security,
  request: {
    params: z.object({ id: z.string() }),
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              analyzer: Analyzer.nullish(),
              model: z.string().max(200).nullish(),
              force: z.boolean().nullish().openapi({ description: 'Make a fresh extraction even if one could be reused (default true).' }),
            })
            .nullish(),
        },
      },
    },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: CallAccepted } } },
    ...problemResponses,
  },
});

const accepted = (call: { id: string; dealId: string | null; status: CallStatus }) => ({
  id: call.id,
  deal_id: call.dealId,
  status: call.status,
  links: callLinks(call.id, call.dealId),
});

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function readIdempotencyKey(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new ProblemError('validation-error', 'header Idempotency-Key: 1 to 255 visible ASCII characters', {
      errors: [{ in: 'header', path: 'idempotency-key', message: '1 to 255 visible ASCII characters' }],
    });
  }
  return value;
}

/** The seconds of an RFC 7240 `Prefer: wait=N`, capped at MAX_WAIT_SECONDS; null when absent. */
export function preferredWait(prefer: string | undefined): number | null {
  const match = prefer ? /(?:^|[,;\s])wait\s*=\s*"?(\d{1,6})"?/i.exec(prefer) : null;
  return match ? Math.min(Number(match[1]), MAX_WAIT_SECONDS) : null;
}
const MAX_WAIT_SECONDS = 60;

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
    const idempotencyKey = readIdempotencyKey(c.req.header('idempotency-key'));
    const waitSeconds = preferredWait(c.req.header('prefer'));
    const { body, raw } = await readUpload(c);
    const { db, config } = c.var.deps;
    const { call, created } = await ingestCall(db, c.var.workspace, body, raw, {
      idempotencyKey,
      limits: { maxUtterances: config.maxUtterances, maxTranscriptChars: config.maxTranscriptChars },
    });
    if (created) c.var.deps.wakeWorker?.();
    c.var.logger.info('call stored', { call_id: call.id, deal_id: call.dealId, created, format: call.format, utterances: call.utteranceCount });
    c.header('Location', `/v1/calls/${call.id}`);
    if (waitSeconds !== null) {
      c.header('Preference-Applied', `wait=${waitSeconds}`);
      const done = await waitForAnalysis(db, c.var.workspace, call.id, waitSeconds * 1000);
      if (done) return c.json({ ...accepted(done.call), analysis: done.analysis }, 200);
    }
    const current = created ? call : await getCallRow(db, c.var.workspace, call.id);
    return c.json(accepted(current), created ? 202 : 200);
  });

  app.openapi(analyzeCallRoute, async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid('json');
    const call = await requeueAnalysis(db, c.var.workspace, c.req.valid('param').id, { analyzer: body?.analyzer ?? null, model: body?.model ?? null, force: body?.force ?? true });
    c.var.deps.wakeWorker?.();
    return c.json(accepted(call), 202);
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
