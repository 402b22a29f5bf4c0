import { z } from '@hono/zod-openapi';
import type { ParticipantInput } from '../../schemas/api.ts';
import { PermanentError, TransientError } from '../jobs/errors.ts';
import { allowedUrl, joinUrl, requestJson } from './http.ts';
import { verifyStandardWebhook } from './standard-webhooks.ts';
import type { CrmContext, Delivery, FetchContext, RecordedCall, WebhookOutcome, UtteranceInput } from './types.ts';
import { asRecord, isoTime, num, parseJsonBody, str, joinWords } from './util.ts';
import type { Json } from './util.ts';

// Recall.ai (docs/integrations.md#recallai): webhooks signed per Standard Webhooks with the
// workspace verification secret (`whsec_...`). On `transcript.done` Baton reads the transcript
// (GET /api/v1/transcript/{id}/, `Authorization: Token <API key>`) and downloads its
// `data.download_url`: a list of {participant: {id, name, is_host, email?}, words: [{text,
// start_timestamp: {relative, absolute}, end_timestamp}]}, which becomes one utterance per segment.

export const RecallConnection = z
  .strictObject({
    api_key: z.string().min(1).max(500).optional().openapi({ description: 'Recall.ai API key.' }),
    webhook_secret: z.string().min(10).max(500).optional().openapi({ description: 'The workspace verification secret (whsec_...) from the Recall dashboard.' }),
    api_base_url: z
      .string()
      .url()
      .max(300)
      .optional()
      .openapi({ description: "Your Recall region's base URL, e.g. https://eu-central-1.recall.ai (default https://us-east-1.recall.ai)." }),
  })
  .openapi('RecallConnection');

export const recallFields = { secrets: ['api_key', 'webhook_secret'], required: ['api_key', 'webhook_secret'], settings: ['api_base_url'] } as const;

export const RECALL_DOMAINS = ['recall.ai'];

export function receiveRecall(d: Delivery, secrets: Record<string, string>): WebhookOutcome {
  verifyStandardWebhook(d, secrets.webhook_secret);
  const body = asRecord(parseJsonBody(d.raw));
  const event = str(body.event) ?? '(none)';
  if (event !== 'transcript.done') return { kind: 'ignore', eventType: event, reason: 'Baton acts on transcript.done only' };
  const data = asRecord(body.data);
  const transcript = asRecord(data.transcript);
  const recording = asRecord(data.recording);
  const bot = asRecord(data.bot);
  const transcriptId = str(transcript.id);
  if (!transcriptId) return { kind: 'ignore', eventType: event, reason: 'the event names no transcript' };
  return {
    kind: 'fetch',
    eventType: event,
    eventId: `transcript.done:${transcriptId}`,
    payload: {
      transcript_id: transcriptId,
      recording_id: str(recording.id),
      bot_id: str(bot.id),
      metadata: { ...asRecord(bot.metadata), ...asRecord(recording.metadata), ...asRecord(transcript.metadata) },
      updated_at: str(asRecord(data.data).updated_at),
    },
  };
}

/** Deal context from the metadata set on the bot or recording: deal_external_id (+ deal_name, account_external_id, account_name). */
export function metadataCrmContext(metadata: Json): CrmContext | null {
  const dealId = str(metadata.deal_external_id);
  if (!dealId) return null;
  const accountId = str(metadata.account_external_id);
  const accountName = str(metadata.account_name);
  return {
    system: 'metadata',
    deal: { external_id: dealId.slice(0, 200), name: str(metadata.deal_name)?.slice(0, 300) ?? null },
    account: accountId || accountName ? { external_id: accountId?.slice(0, 200) ?? null, name: accountName?.slice(0, 300) ?? null } : null,
  };
}

const timestamp = (v: unknown) => asRecord(v);

/** Recall's transcript (participants with words) as utterances and participants. */
export function recallTranscript(segments: unknown): { utterances: UtteranceInput[]; participants: ParticipantInput[]; startedAt: string | null } {
  const utterances: (UtteranceInput & { pid: string | null })[] = [];
  const participants = new Map<string, ParticipantInput>();
  let startedAt: string | null = null;
  for (const seg of (Array.isArray(segments) ? segments : []).map(asRecord)) {
    const p = asRecord(seg.participant);
    const pid = str(p.id);
    const name = str(p.name)?.trim() || null;
    const email = str(p.email)?.trim().toLowerCase() || null;
    if (name && !participants.has(pid ?? name)) {
      participants.set(pid ?? name, { name, email: email && z.email().safeParse(email).success ? email : null });
    }
    const words = (Array.isArray(seg.words) ? seg.words : []).map(asRecord);
    const text = joinWords(words.map((w) => str(w.text) ?? ''));
    if (!text) continue;
    startedAt ??= isoTime(timestamp(words[0]?.start_timestamp).absolute);
    const start = num(timestamp(words[0]?.start_timestamp).relative);
    const end = num(timestamp(words[words.length - 1]?.end_timestamp).relative);
    const last = utterances[utterances.length - 1];
    if (last && last.pid === pid && pid !== null) {
      last.text = `${last.text} ${text}`;
      if (end !== null) last.end = end;
    } else {
      utterances.push({ pid, speaker: name ?? 'Unknown speaker', start, end, text });
    }
  }
  return { utterances: utterances.map(({ pid: _pid, ...u }) => u), participants: [...participants.values()], startedAt };
}

export async function fetchRecallCall(payload: Record<string, unknown>, ctx: FetchContext): Promise<RecordedCall> {
  const transcriptId = str(payload.transcript_id);
  if (!transcriptId) throw new PermanentError('Recall fetch: the job names no transcript');
  const apiKey = ctx.secrets.api_key;
  if (!apiKey) throw new PermanentError('Recall: the connection has no api_key');
  const own = str(ctx.settings.api_base_url);
  if (own && !allowedUrl(own, RECALL_DOMAINS, [ctx.urls.recallApiUrl])) throw new PermanentError('Recall: api_base_url is not a Recall host');
  const base = own ?? ctx.urls.recallApiUrl;
  const headers = { authorization: `Token ${apiKey}`, accept: 'application/json' };
  const transcript = asRecord(await requestJson(joinUrl(base, `/api/v1/transcript/${encodeURIComponent(transcriptId)}/`), { headers }, 'Recall transcript'));
  const downloadUrl = str(asRecord(transcript.data).download_url);
  const status = str(asRecord(transcript.status).code);
  if (!downloadUrl) {
    if (status && status !== 'done') throw new TransientError(`Recall transcript ${transcriptId} is ${status}, not done`);
    throw new PermanentError(`Recall transcript ${transcriptId} has no download_url`);
  }
  // Download URLs carry their own token; the API key goes only to the API's own origin.
  const sameOrigin = new URL(downloadUrl, base).origin === new URL(base).origin;
  const segments = await requestJson(new URL(downloadUrl, base).toString(), { headers: sameOrigin ? headers : { accept: 'application/json' } }, 'Recall transcript download');
  const { utterances, participants, startedAt } = recallTranscript(segments);
  if (utterances.length === 0) throw new PermanentError(`Recall transcript ${transcriptId} has no words`);
  const metadata = asRecord(payload.metadata);
  return {
    source: 'recall',
    externalId: transcriptId,
    occurredAt: startedAt ?? isoTime(transcript.created_at) ?? isoTime(payload.updated_at),
    title: str(metadata.title)?.slice(0, 500) ?? null,
    transcript: { utterances },
    participants,
    crm: metadataCrmContext(metadata),
    raw: { text: JSON.stringify(segments), contentType: 'application/json', filename: null },
  };
}
