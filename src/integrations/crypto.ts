// Crypto for the call-recorder integrations, through Web Crypto only (Node and Workers alike):
// HMAC signatures, constant-time comparison, webhook tokens, and sealing stored secrets.

const encoder = new TextEncoder();

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** HMAC-SHA256 of `message` under `key` (UTF-8 text or raw bytes), as lower-case hex. */
export async function hmacSha256Hex(key: string | Uint8Array<ArrayBuffer>, message: string): Promise<string> {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message))));
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** The unguessable token of a connection's webhook URL: 32 random bytes, base64url. */
export function newWebhookToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A new Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64. */
export function newStandardWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(24)))}`;
}

// Stored secrets: `v1:<iv>:<ciphertext>` (AES-256-GCM under SHA-256 of BATON_SECRETS_KEY), or
// `v0:<json>` when no key is configured. Either way the API never returns them.

async function aesKey(secretsKey: string) {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(secretsKey));
  return crypto.subtle.importKey('raw', digest, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export class SealedSecretsError extends Error {
  override name = 'SealedSecretsError';
}

export async function seal(value: unknown, secretsKey: string | null): Promise<string> {
  const json = JSON.stringify(value);
  if (!secretsKey) return `v0:${json}`;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(secretsKey), encoder.encode(json));
  return `v1:${toBase64(iv)}:${toBase64(new Uint8Array(cipher))}`;
}

export async function unseal<T = Record<string, string>>(sealed: string, secretsKey: string | null): Promise<T> {
  if (sealed.startsWith('v0:')) return JSON.parse(sealed.slice(3)) as T;
  const [version, iv, cipher] = sealed.split(':');
  if (version !== 'v1' || !iv || !cipher) throw new SealedSecretsError('stored secrets are in an unknown format');
  if (!secretsKey) throw new SealedSecretsError('stored secrets are sealed but BATON_SECRETS_KEY is not set');
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, await aesKey(secretsKey), fromBase64(cipher));
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    throw new SealedSecretsError('stored secrets cannot be opened: BATON_SECRETS_KEY changed since they were stored');
  }
}
