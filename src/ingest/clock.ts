/** Clock stamps ("01:02:03.450", "12:34", "1:02:03,5", "[00:12]", "(1:02)") as seconds from the start of the call. */

/** Regex source of one clock stamp, for use inside bounded patterns. */
export const STAMP_SOURCE = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?(?:\s?[AaPp]\.?[Mm]\.?)?`;

/** Regex source of a stamp, bare or in brackets or parentheses; groups 1-3 hold the clock. */
export const WRAPPED_STAMP_SOURCE = String.raw`(?:\[(${STAMP_SOURCE})\]|\((${STAMP_SOURCE})\)|(${STAMP_SOURCE}))`;

const CLOCK = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?(?:[.,](\d{1,3}))?(?:\s?([AaPp])\.?[Mm]\.?)?$/;
const TRAILING_STAMP = new RegExp(String.raw`\s*${WRAPPED_STAMP_SOURCE}$`);
const BARE_STAMP = new RegExp(String.raw`^${WRAPPED_STAMP_SOURCE}$`);
/** Longest text searched for a trailing stamp. */
const MAX_TRAILING = 120;

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

/** Seconds of a match of WRAPPED_STAMP_SOURCE. */
export function stampOf(m: RegExpExecArray): number | null {
  return parseClock(m[1] ?? m[2] ?? m[3] ?? '');
}

/** A text holding only a clock stamp (`00:12:03`, `[01:02]`): the time of the next turn. */
export function bareStamp(line: string): number | null {
  const t = line.trim();
  if (t.length > 20) return null;
  const m = BARE_STAMP.exec(t);
  return m ? stampOf(m) : null;
}

/** A stamp ending `s` (`Kim Alvarez (00:12)`, `Kim  0:03`): its seconds and where it begins. */
export function trailingStamp(s: string): { start: number | null; at: number } | null {
  if (s.length > MAX_TRAILING) return null;
  const m = TRAILING_STAMP.exec(s);
  return m ? { start: stampOf(m), at: m.index } : null;
}
