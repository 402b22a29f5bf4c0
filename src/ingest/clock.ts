/** Clock stamps ("01:02:03.450", "12:34", "1:02:03,5") as seconds from the start of the call. */

/** Regex source of one clock stamp, for use inside bounded patterns. */
export const STAMP_SOURCE = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?(?:\s?[AaPp]\.?[Mm]\.?)?`;

const CLOCK = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?(?:[.,](\d{1,3}))?(?:\s?([AaPp])\.?[Mm]\.?)?$/;

/** Seconds for `h:mm:ss(.fff)` or `m:ss(.fff)`, or null when `s` is not a clock stamp. */
export function parseClock(s: string): number | null {
  const m = CLOCK.exec(s.trim());
  if (!m) return null;
  const [, a, b, c, frac, meridiem] = m;
  let secs: number;
  if (meridiem) {
    // a wall clock ("10:02 AM"): hours and minutes of the day
    const h = Number(a) % 12 + (/p/i.test(meridiem) ? 12 : 0);
    if (Number(a) > 12) return null;
    secs = h * 3600 + Number(b) * 60 + (c === undefined ? 0 : Number(c));
  } else secs = c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  if (frac) secs += Number(frac) / 10 ** frac.length;
  return roundMs(secs);
}

export function roundMs(secs: number): number {
  return Math.round(secs * 1000) / 1000;
}
