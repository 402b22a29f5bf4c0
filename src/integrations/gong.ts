import { z } from '@hono/zod-openapi';
import type { ParticipantInput } from '../../schemas/api.ts';
import { PermanentError, TransientError } from '../jobs/errors.ts';
import { allowedUrl, basicAuth, httpStatusOf, joinUrl, requestJson } from './http.ts';
import type { CrmContext, FetchContext, RecordedCall, WebhookOutcome, UtteranceInput } from './types.ts';
import { asRecord, isoTime, num, parseJsonBody, str } from './util.ts';

// Gong (docs/integrations.md#gong): a pull adapter. Call ids arrive from an automation rule's
// "Fire webhook" action (authenticated by the secret token in the URL: Gong's "URL includes key"
// option) or from POST /v1/integrations/gong/sync over a time range; the transcript then comes from
// POST /v2/calls/transcript and the parties and CRM context from POST /v2/calls/extensive, with
// HTTP Basic auth of the access key and its secret, against the workspace's own Gong base URL.

export const GongConnection = z
  .strictObject({
    access_key: z.string().min(1).max(500).optional().openapi({ description: 'Gong API access key (Admin center > Settings > Ecosystem > API).' }),
    access_key_secret: z.string().min(1).max(500).optional(),
    api_base_url: z
      .string()
      .url()
      .max(300)
      .optional()
      .openapi({ description: "Your Gong API base URL (shown next to the key, e.g. https://us-12345.api.gong.io); default https://api.gong.io." }),
  })
  .openapi('GongConnection');

export const gongFields = { secrets: ['access_key', 'access_key_secret'], required: ['access_key', 'access_key_secret'], settings: ['api_base_url'] } as const;

export const GONG_DOMAINS = ['gong.io'];

export function receiveGong(raw: string): WebhookOutcome {
  const body = asRecord(parseJsonBody(raw));
  const callData = asRecord(body.callData);
  const id = str(asRecord(callData.metaData).id);
  if (!id) return { kind: 'ignore', eventType: 'unknown', reason: 'the body has no callData.metaData.id' };
  return { kind: 'fetch', eventType: 'call', eventId: `call:${id}`, payload: { call_id: id } };
}

function baseUrl(ctx: FetchContext): string {
  const own = str(ctx.settings.api_base_url);
  if (own && !allowedUrl(own, GONG_DOMAINS, [ctx.urls.gongApiUrl])) throw new PermanentError('Gong: api_base_url is not a Gong host');
  return own ?? ctx.urls.gongApiUrl;
}

function auth(ctx: FetchContext) {
  const key = ctx.secrets.access_key;
  const secret = ctx.secrets.access_key_secret;
  if (!key || !secret) throw new PermanentError('Gong: the connection has no access key');
  return { authorization: basicAuth(key, secret), 'content-type': 'application/json' };
}

type Party = { speakerId: string | null; name: string | null; email: string | null; title: string | null; affiliation: string | null };

function readParty(v: unknown): Party {
  const p = asRecord(v);
  return {
    speakerId: str(p.speakerId),
    name: str(p.name)?.trim() ?? null,
    email: str(p.emailAddress)?.trim().toLowerCase() ?? null,
    title: str(p.title),
    affiliation: str(p.affiliation),
  };
}

const SIDE: Record<string, 'seller' | 'buyer'> = { Internal: 'seller', External: 'buyer' };

/** The deal and account among Gong's CRM context objects (Salesforce, HubSpot, ...). */
export function gongCrmContext(context: unknown): CrmContext | null {
  if (!Array.isArray(context)) return null;
  for (const c of context.map(asRecord)) {
    const objects = Array.isArray(c.objects) ? c.objects.map(asRecord) : [];
    const nameOf = (o: Record<string, unknown>) => {
      const fields = Array.isArray(o.fields) ? o.fields.map(asRecord) : [];
      return str(fields.find((f) => str(f.name)?.toLowerCase() === 'name' || str(f.name)?.toLowerCase() === 'dealname')?.value);
    };
    const deal = objects.find((o) => ['opportunity', 'deal'].includes(str(o.objectType)?.toLowerCase() ?? ''));
    const dealId = deal ? str(deal.objectId) : null;
    if (!deal || !dealId) continue;
    const account = objects.find((o) => ['account', 'company'].includes(str(o.objectType)?.toLowerCase() ?? ''));
    const accountId = account ? str(account.objectId) : null;
    return {
      system: str(c.system) ?? 'CRM',
      deal: { external_id: dealId, name: nameOf(deal) },
      account: account && accountId ? { external_id: accountId, name: nameOf(account) } : null,
    };
  }
  return null;
}

export async function fetchGongCall(payload: Record<string, unknown>, ctx: FetchContext): Promise<RecordedCall> {
  const callId = str(payload.call_id);
  if (!callId) throw new PermanentError('Gong fetch: the job names no call id');
  const base = baseUrl(ctx);
  const headers = auth(ctx);
  const transcriptBody = await requestJson<{ callTranscripts?: unknown[] }>(
    joinUrl(base, '/v2/calls/transcript'),
    { method: 'POST', headers, body: JSON.stringify({ filter: { callIds: [callId] } }) },
    'Gong transcript',
  );
  const transcript = (transcriptBody.callTranscripts ?? []).map(asRecord).find((t) => str(t.callId) === callId);
  if (!transcript) throw new TransientError(`Gong transcript: call ${callId} has no transcript yet`);
  const extensive = await requestJson<{ calls?: unknown[] }>(
    joinUrl(base, '/v2/calls/extensive'),
    {
      method: 'POST',
      headers,
      body: JSON.stringify({ filter: { callIds: [callId] }, contentSelector: { context: 'Extended', exposedFields: { parties: true } } }),
    },
    'Gong call details',
  );
  const call = (extensive.calls ?? []).map(asRecord).find((c) => str(asRecord(c.metaData).id) === callId) ?? {};
  const meta = asRecord(call.metaData);
  const parties = (Array.isArray(call.parties) ? call.parties : []).map(readParty);
  const bySpeaker = new Map(parties.filter((p) => p.speakerId).map((p) => [p.speakerId!, p]));
  const speakerName = (speakerId: string | null, n: number) => {
    const p = speakerId ? bySpeaker.get(speakerId) : undefined;
    return p?.name ?? p?.email?.split('@')[0] ?? `Speaker ${n}`;
  };
  const unnamed = new Map<string, number>();
  const utterances: UtteranceInput[] = [];
  for (const monologue of (Array.isArray(transcript.transcript) ? transcript.transcript : []).map(asRecord)) {
    const speakerId = str(monologue.speakerId);
    if (speakerId && !unnamed.has(speakerId)) unnamed.set(speakerId, unnamed.size + 1);
    const sentences = (Array.isArray(monologue.sentences) ? monologue.sentences : []).map(asRecord);
    const text = sentences.map((s) => str(s.text)?.trim()).filter(Boolean).join(' ');
    if (!text) continue;
    const start = num(sentences[0]?.start);
    const end = num(sentences[sentences.length - 1]?.end);
    utterances.push({
      speaker: speakerName(speakerId, speakerId ? unnamed.get(speakerId)! : 0),
      // Gong gives milliseconds from the start of the call.
      start: start === null ? null : start / 1000,
      end: end === null ? null : end / 1000,
      text,
    });
  }
  if (utterances.length === 0) throw new PermanentError(`Gong transcript: call ${callId} has no spoken text`);
  const participants: ParticipantInput[] = parties
    .filter((p) => p.name)
    .map((p) => ({ name: p.name!, email: p.email && z.email().safeParse(p.email).success ? p.email : null, title: p.title, side: p.affiliation ? (SIDE[p.affiliation] ?? null) : null }));
  return {
    source: 'gong',
    externalId: callId,
    occurredAt: isoTime(meta.started) ?? isoTime(meta.scheduled),
    title: str(meta.title),
    transcript: { utterances },
    participants,
    crm: gongCrmContext(call.context),
    raw: { text: JSON.stringify({ call, transcript }), contentType: 'application/json', filename: null },
  };
}

/** The ids of the calls that started in [from, to), page by page through /v2/calls/extensive. */
export async function gongCallIds(from: string, to: string, ctx: FetchContext, max = 10_000): Promise<string[]> {
  const base = baseUrl(ctx);
  const headers = auth(ctx);
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    let body: { calls?: unknown[]; records?: { cursor?: string } };
    try {
      body = await requestJson(
        joinUrl(base, '/v2/calls/extensive'),
        { method: 'POST', headers, body: JSON.stringify({ filter: { fromDateTime: from, toDateTime: to }, ...(cursor ? { cursor } : {}) }) },
        'Gong calls',
      );
    } catch (err) {
      // Gong answers 404 when no call matches the filter.
      if (httpStatusOf(err) === 404) break;
      throw err;
    }
    for (const c of (body.calls ?? []).map(asRecord)) {
      const id = str(asRecord(c.metaData).id);
      if (id) ids.push(id);
    }
    cursor = str(body.records?.cursor);
  } while (cursor && ids.length < max);
  return ids.slice(0, max);
}
