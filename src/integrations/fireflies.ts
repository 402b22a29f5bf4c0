import { z } from '@hono/zod-openapi';
import type { ParticipantInput } from '../../schemas/api.ts';
import { PermanentError, TransientError } from '../jobs/errors.ts';
import { hmacSha256Hex, timingSafeEqual } from './crypto.ts';
import { requestJson } from './http.ts';
import type { Delivery, FetchContext, RecordedCall, WebhookOutcome, UtteranceInput } from './types.ts';
import { WebhookRefused } from './types.ts';
import { asRecord, isoTime, num, parseJsonBody, str } from './util.ts';

// Fireflies.ai (docs/integrations.md#fireflies): the webhook says a meeting was transcribed
// (V2: {event: "meeting.transcribed", meeting_id, timestamp}; V1: {meetingId, eventType:
// "Transcription completed"}), signed in `x-hub-signature` as `sha256=` + hex HMAC-SHA256 of the
// raw body under the signing secret. The transcript then comes from the GraphQL API
// (https://api.fireflies.ai/graphql, `Authorization: Bearer <API key>`).

export const FirefliesConnection = z
  .strictObject({
    api_key: z.string().min(1).max(500).optional().openapi({ description: 'Fireflies API key (Settings > Developer settings).' }),
    webhook_secret: z.string().min(8).max(500).optional().openapi({ description: 'The signing secret entered with the webhook in Fireflies.' }),
  })
  .openapi('FirefliesConnection');

export const firefliesFields = { secrets: ['api_key', 'webhook_secret'], required: ['api_key', 'webhook_secret'], settings: [] } as const;

export async function receiveFireflies(d: Delivery, secrets: Record<string, string>): Promise<WebhookOutcome> {
  const secret = secrets.webhook_secret;
  if (!secret) throw new WebhookRefused('not-configured', 'the Fireflies connection has no webhook_secret');
  const header = d.headers.get('x-hub-signature');
  if (!header) throw new WebhookRefused('missing-signature', 'the x-hub-signature header is required');
  const given = header.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!timingSafeEqual(given, await hmacSha256Hex(secret, d.raw))) throw new WebhookRefused('bad-signature', 'x-hub-signature does not match the body');

  const body = asRecord(parseJsonBody(d.raw));
  // V2 carries the time it fired (milliseconds): an old one is a replay.
  const sentAt = num(body.timestamp);
  if (sentAt !== null && Math.abs(d.now - sentAt / 1000) > d.toleranceSeconds) {
    throw new WebhookRefused('stale-timestamp', `the event's timestamp is more than ${d.toleranceSeconds} s from now`);
  }
  const event = str(body.event) ?? str(body.eventType) ?? '(none)';
  const meetingId = str(body.meeting_id) ?? str(body.meetingId);
  if (event !== 'meeting.transcribed' && event !== 'Transcription completed') {
    return { kind: 'ignore', eventType: event, reason: 'Baton acts on meeting.transcribed (V1: Transcription completed) only' };
  }
  if (!meetingId) return { kind: 'ignore', eventType: event, reason: 'the event names no meeting' };
  return { kind: 'fetch', eventType: event, eventId: `transcribed:${meetingId}`, payload: { meeting_id: meetingId } };
}

export const TRANSCRIPT_QUERY = `query Transcript($id: String!) {
  transcript(id: $id) {
    id title date duration organizer_email participants
    speakers { id name }
    meeting_attendees { displayName email name }
    sentences { index speaker_name speaker_id text raw_text start_time end_time }
  }
}`;

const isEmail = (e: string) => z.email().safeParse(e).success;

export async function fetchFirefliesCall(payload: Record<string, unknown>, ctx: FetchContext): Promise<RecordedCall> {
  const meetingId = str(payload.meeting_id);
  if (!meetingId) throw new PermanentError('Fireflies fetch: the job names no meeting');
  const apiKey = ctx.secrets.api_key;
  if (!apiKey) throw new PermanentError('Fireflies: the connection has no api_key');
  const body = await requestJson<{ data?: { transcript?: unknown }; errors?: { message?: string }[] }>(
    ctx.urls.firefliesApiUrl,
    { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: TRANSCRIPT_QUERY, variables: { id: meetingId } }) },
    'Fireflies transcript',
  );
  if (body.errors?.length) {
    const message = `Fireflies transcript: ${body.errors.map((e) => e.message ?? 'error').join('; ').slice(0, 300)}`;
    throw /rate|limit|too many|timeout|temporar|unavailable/i.test(message) ? new TransientError(message) : new PermanentError(message);
  }
  const t = asRecord(body.data?.transcript);
  if (!str(t.id)) throw new PermanentError(`Fireflies transcript: meeting ${meetingId} is not visible to this API key`);

  const utterances: UtteranceInput[] = [];
  for (const s of (Array.isArray(t.sentences) ? t.sentences : []).map(asRecord)) {
    const text = (str(s.text) ?? str(s.raw_text))?.trim();
    if (!text) continue;
    const speaker = str(s.speaker_name)?.trim() || 'Unknown speaker';
    const start = num(s.start_time);
    const end = num(s.end_time);
    const last = utterances[utterances.length - 1];
    // One utterance per turn: Fireflies splits a turn into sentences.
    if (last && last.speaker === speaker) {
      last.text = `${last.text} ${text}`;
      if (end !== null) last.end = end;
    } else {
      utterances.push({ speaker, start, end, text });
    }
  }
  if (utterances.length === 0) throw new PermanentError(`Fireflies transcript: meeting ${meetingId} has no sentences`);

  const participants: ParticipantInput[] = [];
  const named = new Set<string>();
  for (const a of (Array.isArray(t.meeting_attendees) ? t.meeting_attendees : []).map(asRecord)) {
    const email = str(a.email)?.trim().toLowerCase() ?? null;
    const name = (str(a.displayName) ?? str(a.name))?.trim() || null;
    if (!name) continue;
    participants.push({ name, email: email && isEmail(email) ? email : null });
    if (email) named.add(email);
  }
  // `participants` is a list of emails (sometimes comma-joined in one string).
  const emails = (Array.isArray(t.participants) ? t.participants : [])
    .flatMap((p) => (typeof p === 'string' ? p.split(',') : []))
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && isEmail(e) && !named.has(e));
  const organizer = str(t.organizer_email)?.trim().toLowerCase();
  if (organizer && isEmail(organizer) && !named.has(organizer)) emails.push(organizer);

  return {
    source: 'fireflies',
    externalId: meetingId,
    occurredAt: isoTime(num(t.date) ?? t.date),
    title: str(t.title),
    transcript: { utterances },
    participants,
    emails: [...new Set(emails)],
    crm: null,
    raw: { text: JSON.stringify(t), contentType: 'application/json', filename: null },
  };
}

/** Only for tests and docs: the x-hub-signature Fireflies would send for `raw`. */
export async function signFireflies(secret: string, raw: string): Promise<string> {
  return `sha256=${await hmacSha256Hex(secret, raw)}`;
}
