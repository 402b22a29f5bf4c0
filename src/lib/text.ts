/**
 * Postgres text and jsonb cannot hold U+0000: every NUL in an accepted input becomes U+FFFD (the
 * replacement character), the one change made to input kept "as received". Deep, for parsed JSON.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.split('\u0000').join('\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  }
  return value;
}
