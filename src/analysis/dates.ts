import * as chrono from 'chrono-node';

/**
 * Dates in what people say, through chrono-node. A next step counts only when it has a specific
 * day or time: a weekday ("Thursday", "by Friday"), a calendar date ("3/12", "March third",
 * "the 19th"), today/tomorrow, or a clock time. Durations and vague spans ("next week", "in a few
 * weeks", "next quarter", "May") are not specific; neither are past days ("last Thursday").
 */

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

function ordinalValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, '-');
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  if (w in ORDINAL_WORDS) return ORDINAL_WORDS[w]!;
  const compound = /^(twenty|thirty)-(\w+)$/.exec(w);
  if (compound) {
    const unit = ORDINAL_WORDS[compound[2]!];
    if (unit && unit < 10) return (compound[1] === 'twenty' ? 20 : 30) + unit;
  }
  return null;
}

/**
 * chrono's English parser plus one parser for a bare day of the month ("the 19th", "the
 * twenty-fourth"), which people use for near dates and chrono leaves unparsed. A weekday next to
 * it ("Thursday the 19th") is merged by chrono's own refiners.
 */
const parser = chrono.casual.clone();
parser.parsers.push({
  pattern: () => /\bthe\s+((?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\b/i,
  extract: (context, match) => {
    const day = ordinalValue(match[1] ?? '');
    if (!day || day > 31) return null;
    const ref = context.refDate;
    let month = ref.getMonth() + 1;
    let year = ref.getFullYear();
    if (day < ref.getDate()) {
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    return { day, month, year };
  },
});

export interface FoundDate {
  text: string;
  index: number;
  /** YYYY-MM-DD when a day could be resolved against the reference date. */
  date: string | null;
  specific: boolean;
}

const VAGUE = /\b(?:weeks?|months?|years?|quarters?|min(?:ute)?s?|hours?|days?|weekend|season|spring|summer|fall|autumn|winter)\b/i;
const PAST = /^(?:last|past|previous|yesterday|ago)\b|\bago$/i;
const WEEKDAY_NAME = /\b(?:mon|tue|wed|thu|fri|sat|sun)/i;
const TODAY = /^(?:today|tomorrow|tonight|this (?:afternoon|morning|evening))$/i;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Cheap test before running chrono: a digit, a day or month name, or a relative day word. */
const DATEISH = /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tomorrow|tonight|noon|midnight|o'clock|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth)/i;

/** Dates in `text`, with whether each names a specific day or time. */
export function findDates(text: string, ref: Date | null): FoundDate[] {
  if (!DATEISH.test(text)) return [];
  const refDate = ref ?? new Date(Date.UTC(2026, 0, 1));
  const results = parser.parse(text, refDate, { forwardDate: true });
  return results.map((r) => {
    const t = r.text.trim();
    const s = r.start;
    const weekday = s.isCertain('weekday');
    const day = s.isCertain('day') && s.isCertain('month');
    const hour = s.isCertain('hour');
    let specific = false;
    if (PAST.test(t)) specific = false;
    else if (TODAY.test(t)) specific = true;
    else if (VAGUE.test(t) && !WEEKDAY_NAME.test(t)) specific = false;
    else specific = weekday || day || hour;
    const dated = weekday || day || TODAY.test(t);
    return { text: t, index: r.index, date: dated && !PAST.test(t) ? iso(s.date()) : null, specific };
  });
}

/** The first specific date in `text`, or null. */
export function specificDate(text: string, ref: Date | null): FoundDate | null {
  return findDates(text, ref).find((d) => d.specific) ?? null;
}
