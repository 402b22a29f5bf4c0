import { z } from '@hono/zod-openapi';
import { IngestCallBody } from '../../schemas/api.ts';
import { validationError } from '../lib/problem.ts';
import { verifyStandardWebhook } from './standard-webhooks.ts';
import type { Delivery, RecordedCall, WebhookOutcome } from './types.ts';
import { asRecord, parseJsonBody, str } from './util.ts';

// Any sender that signs per Standard Webhooks (docs/integrations.md#any-standard-webhooks-sender):
// the body is Baton's own call JSON (the body of POST /v1/calls, with `deal` optional), bare or in
// the envelope {type: "call.completed", data: <call>}. The call is stored at once, no fetch.

export const GenericConnection = z
  .strictObject({
    webhook_secret: z
      .string()
      .min(10)
      .max(500)
      .optional()
      .openapi({ description: 'A whsec_ secret the sender signs with; Baton makes one (shown once, in this answer) when you give none.' }),
  })
  .openapi('GenericConnection');

export const genericFields = { secrets: ['webhook_secret'], required: ['webhook_secret'], settings: [] } as const;

/** Baton's call JSON; `deal` is optional here (the call is then attached by its participants' domains). */
export const GenericCall = IngestCallBody.extend({ deal: IngestCallBody.shape.deal.nullish() });

export const GENERIC_EVENT_TYPES = ['call.completed'];

export function receiveGeneric(d: Delivery, secrets: Record<string, string>): WebhookOutcome {
  const webhookId = verifyStandardWebhook(d, secrets.webhook_secret);
  const body = asRecord(parseJsonBody(d.raw));
  let candidate: unknown = body;
  const type = str(body.type);
  if (type !== null && 'data' in body) {
    if (!GENERIC_EVENT_TYPES.includes(type)) return { kind: 'ignore', eventType: type, reason: `Baton acts on ${GENERIC_EVENT_TYPES.join(', ')} only` };
    candidate = body.data;
  }
  const parsed = GenericCall.safeParse(candidate);
  if (!parsed.success) throw validationError('body', parsed.error, type !== null ? ['data'] : []);
  const call = parsed.data;
  const recorded: RecordedCall = {
    source: call.source ?? 'webhook',
    externalId: call.external_id ?? webhookId,
    occurredAt: call.occurred_at ?? null,
    title: call.title ?? null,
    transcript: call.transcript,
    format: call.format ?? undefined,
    participants: call.participants ?? [],
    crm: call.deal ? { system: 'sender', deal: { external_id: call.deal.external_id, name: call.deal.name ?? null }, account: call.deal.account ?? null } : null,
    raw: { text: d.raw, contentType: 'application/json', filename: null },
    analyzer: call.analyzer ?? null,
  };
  return { kind: 'call', eventType: type ?? 'call', eventId: webhookId, call: recorded };
}
