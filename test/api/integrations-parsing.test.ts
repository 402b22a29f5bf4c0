import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, SealedSecretsError, timingSafeEqual, unseal } from '../../src/integrations/crypto.ts';
import { receiveFireflies, signFireflies } from '../../src/integrations/fireflies.ts';
import { gongCrmContext } from '../../src/integrations/gong.ts';
import { allowedUrl, redactUrl } from '../../src/integrations/http.ts';
import { metadataCrmContext, recallTranscript } from '../../src/integrations/recall.ts';
import { signStandardWebhook, validStandardSecret, verifyStandardWebhook } from '../../src/integrations/standard-webhooks.ts';
import { WebhookRefused } from '../../src/integrations/types.ts';
import { encodeMeetingUuid, receiveZoom, signZoom } from '../../src/integrations/zoom.ts';
import { externalDomains } from '../../src/services/attach.ts';
import { fixture, fixtureJson } from '../support/fake-providers.ts';

// The providers' wire formats and signature schemes, checked without a database or a network
// (docs/integrations.md lists the facts these encode).

const now = Math.floor(Date.now() / 1000);
const delivery = (raw: string, headers: Record<string, string>, at = now) => ({ raw, headers: new Headers(headers), now: at, toleranceSeconds: 300 });

describe('signatures', () => {
  it('Zoom: v0= + hex HMAC-SHA256 of "v0:{timestamp}:{raw body}"', async () => {
    const raw = fixture('zoom/recording.transcript_completed.json');
    const expected = `v0=${createHmac('sha256', 'secret').update(`v0:${now}:${raw}`).digest('hex')}`;
    expect(await signZoom('secret', now, raw)).toBe(expected);
    const outcome = await receiveZoom(delivery(raw, { 'x-zm-signature': expected, 'x-zm-request-timestamp': String(now) }), { secret_token: 'secret' });
    expect(outcome).toMatchObject({ kind: 'fetch', eventId: 'recording.transcript_completed:4444AAAiAAAAAiAiAiiAii==', payload: { topic: 'Acme: AP automation discovery' } });
  });

  it('Zoom: URL validation answers only plain tokens (so it never signs event-shaped text)', async () => {
    const raw = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: `v0:${now}:{"event":"x"}` } });
    const outcome = await receiveZoom(delivery(raw, { 'x-zm-signature': await signZoom('secret', now, raw), 'x-zm-request-timestamp': String(now) }), { secret_token: 'secret' });
    expect(outcome.kind).toBe('ignore');
  });

  it('Fireflies: sha256= + hex HMAC-SHA256 of the raw body, with or without the prefix', async () => {
    const raw = fixture('fireflies/webhook-v1.json');
    const hex = createHmac('sha256', 'ff-secret').update(raw).digest('hex');
    expect(await signFireflies('ff-secret', raw)).toBe(`sha256=${hex}`);
    for (const header of [`sha256=${hex}`, hex]) {
      expect(await receiveFireflies(delivery(raw, { 'x-hub-signature': header }), { webhook_secret: 'ff-secret' })).toMatchObject({ kind: 'fetch', eventId: 'transcribed:01JNFD3XK8QW2E7R5T9Y' });
    }
    await expect(receiveFireflies(delivery(raw, { 'x-hub-signature': `sha256=${hex.replace(/^./, '0')}` }), { webhook_secret: 'ff-secret' })).rejects.toThrow(WebhookRefused);
  });

  it('Standard Webhooks: v1,<base64 HMAC of "{id}.{timestamp}.{body}"> under the base64 key of a whsec_ secret', () => {
    const key = Buffer.from('a-standard-webhooks-key');
    const secret = `whsec_${key.toString('base64')}`;
    const raw = '{"type":"call.completed"}';
    const at = new Date(now * 1000);
    const headers = signStandardWebhook(secret, 'msg_1', at, raw);
    expect(headers['webhook-signature']).toBe(`v1,${createHmac('sha256', key).update(`msg_1.${now}.${raw}`).digest('base64')}`);
    expect(verifyStandardWebhook(delivery(raw, headers), secret)).toBe('msg_1');
    // A rotation sends several signatures, space-separated: any one may match.
    expect(verifyStandardWebhook(delivery(raw, { ...headers, 'webhook-signature': `v1,bm9wZQ== ${headers['webhook-signature']}` }), secret)).toBe('msg_1');
    expect(() => verifyStandardWebhook(delivery(raw.replace('call', 'cell'), headers), secret)).toThrow(/does not match/);
    const old = signStandardWebhook(secret, 'msg_2', new Date((now - 600) * 1000), raw);
    expect(() => verifyStandardWebhook(delivery(raw, old), secret)).toThrow(/too far/);
    expect(validStandardSecret(secret)).toBe(true);
    expect(validStandardSecret('whsec_not base64!')).toBe(false);
  });

  it('compares in constant time, whatever the lengths', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
  });
});

describe('sealed secrets', () => {
  it('seal with the key, open only with the same key', async () => {
    const sealed = await seal({ api_key: 'k-123' }, 'x'.repeat(32));
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('k-123');
    expect(await unseal(sealed, 'x'.repeat(32))).toEqual({ api_key: 'k-123' });
    await expect(unseal(sealed, 'y'.repeat(32))).rejects.toThrow(SealedSecretsError);
    await expect(unseal(sealed, null)).rejects.toThrow(/BATON_SECRETS_KEY/);
    expect(await unseal(await seal({ a: 'b' }, null), 'x'.repeat(32))).toEqual({ a: 'b' });
  });
});

describe('wire formats', () => {
  it("Gong: the deal and account of a call's CRM context", () => {
    const call = fixtureJson<{ calls: { context: unknown }[] }>('gong/extensive.json').calls[0]!;
    expect(gongCrmContext(call.context)).toEqual({
      system: 'Salesforce',
      deal: { external_id: '0065g00000XyZ12AAB', name: 'Globex - AP Automation' },
      account: { external_id: '0015g00000AbC34AAB', name: 'Globex Corporation' },
    });
    expect(gongCrmContext([{ system: 'HubSpot', objects: [{ objectType: 'Deal', objectId: '42', fields: [{ name: 'dealname', value: 'Big one' }] }] }])).toMatchObject({ deal: { external_id: '42', name: 'Big one' }, account: null });
    expect(gongCrmContext([])).toBeNull();
  });

  it('Recall: participants with words become utterances, punctuation joined', () => {
    const { utterances, participants, startedAt } = recallTranscript(fixtureJson('recall/download.json'));
    expect(utterances).toEqual([
      { speaker: 'Ivy Chen', start: 1.5, end: 3.7, text: 'Alex, what did security say about the review?' },
      { speaker: 'Alex Romero', start: 4.2, end: 7.9, text: 'They signed off yesterday. I will introduce you to our CISO on Friday.' },
    ]);
    expect(participants).toEqual([
      { name: 'Ivy Chen', email: 'ivy.chen@vendor.com' },
      { name: 'Alex Romero', email: 'alex.romero@umbrella.com' },
    ]);
    expect(startedAt).toBe('2026-03-05T18:00:01.500Z');
    expect(recallTranscript(fixtureJson('../ingest/recall-words.json')).utterances.map((u) => u.text)).toEqual(['Thanks for joining.', 'Happy to be here.']);
    expect(metadataCrmContext({ deal_external_id: 'd-1', account_name: 'Umbrella' })).toEqual({ system: 'metadata', deal: { external_id: 'd-1', name: null }, account: { external_id: null, name: 'Umbrella' } });
    expect(metadataCrmContext({})).toBeNull();
  });

  it('Zoom: a meeting UUID that starts with / or holds // is encoded twice', () => {
    expect(encodeMeetingUuid('4444AAAiAAAAAiAiAiiAii==')).toBe('4444AAAiAAAAAiAiAiiAii%3D%3D');
    expect(encodeMeetingUuid('/ajXp112QmuoKj4854875==')).toBe('%252FajXp112QmuoKj4854875%253D%253D');
    expect(encodeMeetingUuid('ab//cd')).toBe('ab%252F%252Fcd');
  });
});

describe('outbound URLs and domains', () => {
  it('allows https on the provider domain, or the configured origin', () => {
    expect(allowedUrl('https://us-12345.api.gong.io/v2', ['gong.io'], [])).toBe(true);
    expect(allowedUrl('http://us-12345.api.gong.io/v2', ['gong.io'], [])).toBe(false);
    expect(allowedUrl('https://gong.io.evil.com/', ['gong.io'], [])).toBe(false);
    expect(allowedUrl('https://169.254.169.254/', ['gong.io'], [])).toBe(false);
    expect(allowedUrl('http://127.0.0.1:4000/gong/x', ['gong.io'], ['http://127.0.0.1:4000/gong'])).toBe(true);
    expect(redactUrl('https://zoom.us/rec/download/x?access_token=secret')).toBe('https://zoom.us/rec/download/x');
  });

  it("finds the buyers' company domains: not the seller's, not free mail", () => {
    const ws = { id: 'ws', name: 'w', timezone: 'UTC', sellerDomains: ['vendor.com'] };
    expect(
      externalDomains(ws, [
        { email: 'a@vendor.com' },
        { email: 'b@eu.vendor.com' },
        { email: 'c@Acme.com' },
        { email: 'd@gmail.com' },
        { email: 'e@partner.io', side: 'seller' },
        { email: null },
        { email: 'f@acme.com' },
      ]),
    ).toEqual(['acme.com']);
  });
});
