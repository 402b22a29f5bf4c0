import { z } from '@hono/zod-openapi';
import { PermanentError, TransientError } from '../jobs/errors.ts';
import { hmacSha256Hex, timingSafeEqual } from './crypto.ts';
import { allowedUrl, basicAuth, joinUrl, requestJson, requestText } from './http.ts';
import type { Delivery, FetchContext, RecordedCall, WebhookOutcome } from './types.ts';
import { WebhookRefused } from './types.ts';
import { asRecord, parseJsonBody, str } from './util.ts';

// Zoom (docs/integrations.md#zoom): a webhook-only or Server-to-Server OAuth app subscribed to
// `recording.transcript_completed`. Every delivery is signed: header `x-zm-signature` is
// `v0=` + hex HMAC-SHA256 of `v0:{x-zm-request-timestamp}:{raw body}` under the app's Secret Token.
// `endpoint.url_validation` is answered with {plainToken, encryptedToken = hex HMAC(plainToken)}.

export const ZoomConnection = z
  .strictObject({
    secret_token: z.string().min(8).max(200).optional().openapi({ description: "The Secret Token of the Zoom app's event subscription (signs every webhook)." }),
    account_id: z.string().min(1).max(200).optional().openapi({ description: 'Server-to-Server OAuth: the account id (optional; lets Baton read the participants and their emails).' }),
    client_id: z.string().min(1).max(200).optional(),
    client_secret: z.string().min(1).max(500).optional(),
  })
  .openapi('ZoomConnection');

export const zoomFields = { secrets: ['secret_token', 'client_secret'], required: ['secret_token'], settings: ['account_id', 'client_id'] } as const;

const ZOOM_DOMAINS = ['zoom.us', 'zoom.com', 'zoomgov.com'];
/** Zoom's plain tokens are short random strings; refusing anything else (notably ':') keeps the answer from signing event-shaped text. */
const PLAIN_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export async function receiveZoom(d: Delivery, secrets: Record<string, string>): Promise<WebhookOutcome> {
  const secret = secrets.secret_token;
  if (!secret) throw new WebhookRefused('not-configured', 'the Zoom connection has no secret_token');
  const signature = d.headers.get('x-zm-signature');
  const timestamp = d.headers.get('x-zm-request-timestamp');
  if (!signature || !timestamp) throw new WebhookRefused('missing-signature', 'the x-zm-signature and x-zm-request-timestamp headers are required');
  const expected = `v0=${await hmacSha256Hex(secret, `v0:${timestamp}:${d.raw}`)}`;
  if (!timingSafeEqual(signature, expected)) throw new WebhookRefused('bad-signature', 'x-zm-signature does not match the body');
  // Zoom sends seconds; accept milliseconds too.
  const ts = Number(timestamp) > 1e12 ? Number(timestamp) / 1000 : Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(d.now - ts) > d.toleranceSeconds) {
    throw new WebhookRefused('stale-timestamp', `x-zm-request-timestamp is more than ${d.toleranceSeconds} s from now`);
  }

  const body = asRecord(parseJsonBody(d.raw));
  const event = str(body.event) ?? '(none)';
  const payload = asRecord(body.payload);
  if (event === 'endpoint.url_validation') {
    const plainToken = str(payload.plainToken);
    if (!plainToken || !PLAIN_TOKEN.test(plainToken)) return { kind: 'ignore', eventType: event, reason: 'plainToken missing or not a plain token' };
    return { kind: 'respond', eventType: event, body: { plainToken, encryptedToken: await hmacSha256Hex(secret, plainToken) } };
  }
  if (event !== 'recording.transcript_completed') return { kind: 'ignore', eventType: event, reason: 'Baton acts on recording.transcript_completed only' };

  const object = asRecord(payload.object);
  const uuid = str(object.uuid);
  const files = Array.isArray(object.recording_files) ? object.recording_files.map(asRecord) : [];
  const file = files.find((f) => str(f.file_type)?.toUpperCase() === 'TRANSCRIPT' || str(f.recording_type) === 'audio_transcript');
  const downloadUrl = file ? str(file.download_url) : null;
  if (!uuid || !downloadUrl) return { kind: 'ignore', eventType: event, reason: 'the event names no meeting uuid or transcript file' };
  return {
    kind: 'fetch',
    eventType: event,
    eventId: `${event}:${uuid}`,
    payload: {
      meeting_uuid: uuid,
      meeting_id: object.id ?? null,
      topic: str(object.topic),
      start_time: str(object.start_time),
      host_email: str(object.host_email),
      download_url: downloadUrl,
      // Sealed by the caller before it is stored with the job.
      download_token: str(body.download_token),
    },
  };
}

/** Zoom asks for a meeting UUID that starts with `/` or contains `//` to be URL-encoded twice. */
export function encodeMeetingUuid(uuid: string): string {
  const once = encodeURIComponent(uuid);
  return uuid.startsWith('/') || uuid.includes('//') ? encodeURIComponent(once) : once;
}

async function oauthToken(ctx: FetchContext): Promise<string | null> {
  const accountId = str(ctx.settings.account_id);
  const clientId = str(ctx.settings.client_id);
  const clientSecret = ctx.secrets.client_secret;
  if (!accountId || !clientId || !clientSecret) return null;
  const url = joinUrl(ctx.urls.zoomOAuthUrl, `/oauth/token?grant_type=account_credentials&account_id=${encodeURIComponent(accountId)}`);
  const body = await requestJson<{ access_token?: string }>(url, { method: 'POST', headers: { authorization: basicAuth(clientId, clientSecret) } }, 'Zoom OAuth token');
  if (!body.access_token) throw new PermanentError('Zoom OAuth token: the answer has no access_token');
  return body.access_token;
}

export async function fetchZoomCall(payload: Record<string, unknown>, ctx: FetchContext): Promise<RecordedCall> {
  const uuid = str(payload.meeting_uuid);
  const downloadUrl = str(payload.download_url);
  if (!uuid || !downloadUrl) throw new PermanentError('Zoom fetch: the job names no meeting or transcript file');
  if (!allowedUrl(downloadUrl, ZOOM_DOMAINS, [ctx.urls.zoomApiUrl, ctx.urls.zoomOAuthUrl])) {
    throw new PermanentError('Zoom fetch: the transcript URL is not on a Zoom host');
  }
  const sealedToken = str(payload.download_token);
  const downloadToken = sealedToken ? await ctx.unseal(sealedToken) : null;
  const token = downloadToken ?? (await oauthToken(ctx));
  if (!token) throw new PermanentError('Zoom fetch: the event has no download_token and the connection has no Server-to-Server OAuth credentials');
  let vtt: { text: string; contentType: string };
  try {
    vtt = await requestText(downloadUrl, { headers: { authorization: `Bearer ${token}` } }, 'Zoom transcript download');
  } catch (err) {
    // An expired download token (it lasts 24 hours): retry with OAuth when the connection has it.
    const oauth = downloadToken && err instanceof PermanentError ? await oauthToken(ctx) : null;
    if (!oauth) throw err;
    vtt = await requestText(downloadUrl, { headers: { authorization: `Bearer ${oauth}` } }, 'Zoom transcript download');
  }
  return {
    source: 'zoom',
    externalId: uuid,
    occurredAt: str(payload.start_time),
    title: str(payload.topic),
    transcript: vtt.text,
    format: 'vtt',
    participants: await zoomParticipants(uuid, ctx),
    crm: null,
    raw: { text: vtt.text, contentType: 'text/vtt', filename: `${uuid}.vtt` },
  };
}

/** The meeting's participants with their emails, when the connection has OAuth credentials; else none. */
async function zoomParticipants(uuid: string, ctx: FetchContext) {
  let token: string | null;
  try {
    token = await oauthToken(ctx);
  } catch (err) {
    if (err instanceof TransientError) throw err;
    return []; // credentials refused: the transcript still stands without emails
  }
  if (!token) return [];
  const out = new Map<string, { name: string; email: string | null }>();
  let next = '';
  for (let page = 0; page < 20; page++) {
    const url = joinUrl(ctx.urls.zoomApiUrl, `/v2/past_meetings/${encodeMeetingUuid(uuid)}/participants?page_size=300${next ? `&next_page_token=${encodeURIComponent(next)}` : ''}`);
    let body: { participants?: unknown[]; next_page_token?: string };
    try {
      body = await requestJson(url, { headers: { authorization: `Bearer ${token}` } }, 'Zoom past meeting participants');
    } catch (err) {
      if (err instanceof TransientError) throw err;
      return []; // missing scope or unknown meeting: the transcript still stands without emails
    }
    for (const p of (body.participants ?? []).map(asRecord)) {
      const name = str(p.name)?.trim();
      if (!name) continue;
      const email = str(p.user_email)?.trim().toLowerCase() || null;
      const key = email ?? name.toLowerCase();
      if (!out.has(key)) out.set(key, { name, email });
    }
    next = str(body.next_page_token) ?? '';
    if (!next) break;
  }
  return [...out.values()].filter((p) => !p.email || z.email().safeParse(p.email).success);
}

/** Only for tests and docs: the signature Zoom would send for `raw` at `timestamp`. */
export async function signZoom(secret: string, timestamp: number, raw: string): Promise<string> {
  return `v0=${await hmacSha256Hex(secret, `v0:${timestamp}:${raw}`)}`;
}

