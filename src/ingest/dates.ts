/** Call dates as ISO-8601 timestamps, from export fields and title lines. */

/** An ISO-8601 timestamp for a date string or an epoch (seconds or milliseconds), else null. */
export function isoDate(v: unknown): string | null {
  let ms: number;
  if (typeof v === 'string' && v.trim() && v.length <= 100 && /\d/.test(v)) ms = Date.parse(v);
  else if (typeof v === 'number' && v >= 1e9) ms = v >= 1e11 ? v : v * 1000;
  else return null;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}

/** A date written in a title (`2026-06-16 09:02 GMT-07:00`, `16 June 2026`): it must name a year. */
export function dateInTitle(s: string): string | null {
  const t = s.trim();
  if (t.length > 60 || !/\b(?:19|20)\d{2}\b/.test(t)) return null;
  return isoDate(t);
}
