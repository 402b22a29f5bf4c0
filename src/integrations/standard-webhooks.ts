import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Delivery } from './types.ts';
import { WebhookRefused } from './types.ts';

// Standard Webhooks (https://www.standardwebhooks.com/): headers webhook-id, webhook-timestamp and
// webhook-signature (`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, space-separated when
// a secret is being rotated), secrets `whsec_<base64>`. Verified by the `standardwebhooks`
// package, which also refuses timestamps more than 5 minutes from now. Svix (which delivers
// Recall.ai's webhooks on older accounts) sends the same scheme under svix-* headers.

/** Whether `secret` can sign Standard Webhooks (a `whsec_` prefix and a base64 key). */
export function validStandardSecret(secret: string): boolean {
  try {
    new Webhook(secret);
    return /^whsec_[A-Za-z0-9+/=]+$/.test(secret);
  } catch {
    return false;
  }
}

/** Verifies a delivery; returns its webhook-id (the same on every retry of one message). */
export function verifyStandardWebhook(d: Delivery, secret: string | undefined): string {
  if (!secret) throw new WebhookRefused('not-configured', 'the connection has no webhook_secret');
  const header = (name: string) => d.headers.get(`webhook-${name}`) ?? d.headers.get(`svix-${name}`) ?? '';
  const headers = { 'webhook-id': header('id'), 'webhook-timestamp': header('timestamp'), 'webhook-signature': header('signature') };
  if (!headers['webhook-id'] || !headers['webhook-timestamp'] || !headers['webhook-signature']) {
    throw new WebhookRefused('missing-signature', 'the webhook-id, webhook-timestamp and webhook-signature headers are required');
  }
  let wh: Webhook;
  try {
    wh = new Webhook(secret);
  } catch {
    throw new WebhookRefused('not-configured', 'the stored webhook_secret is not a whsec_ secret');
  }
  try {
    wh.verify(d.raw, headers, { jsonParse: false });
  } catch (err) {
    if (err instanceof WebhookVerificationError && /timestamp too (old|new)/i.test(err.message)) {
      throw new WebhookRefused('stale-timestamp', 'webhook-timestamp is too far from now');
    }
    throw new WebhookRefused('bad-signature', 'webhook-signature does not match the body');
  }
  const ts = Number(headers['webhook-timestamp']);
  if (Math.abs(d.now - ts) > d.toleranceSeconds) throw new WebhookRefused('stale-timestamp', `webhook-timestamp is more than ${d.toleranceSeconds} s from now`);
  return headers['webhook-id'];
}

/** Only for tests and docs: the headers a Standard Webhooks sender would send. */
export function signStandardWebhook(secret: string, id: string, timestamp: Date, raw: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, raw),
  };
}
