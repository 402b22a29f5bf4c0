/**
 * Opaque, time-sortable ids: `<prefix>_<26 chars>` (48-bit millisecond time + 80 random bits in
 * Crockford base32, like a ULID). Web Crypto only, so it runs on Workers too.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'ws' | 'key' | 'acct' | 'deal' | 'call' | 'pers' | 'anl' | 'asmt' | 'sig' | 'flag' | 'job' | 'ext';

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i]! % 32];
  return `${prefix}_${time}${rand}`;
}

const SHAPE = /^[a-z]{2,4}_[0-9a-hjkmnp-tv-z]{26}$/;

/** True when `value` has the shape of an id with this prefix (says nothing of whether it exists). */
export function isId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && SHAPE.test(value);
}
