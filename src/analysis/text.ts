/**
 * Text helpers shared by the analysis stages: word tokens with character offsets, the tolerant
 * form used to compare quotes, sentence spans, and masks for reported speech. Everything here is a
 * single left-to-right pass over the text (no backtracking regexes), so cost stays linear.
 */

export interface Token {
  /** Lower-case, accent-free, apostrophe-free form ("It’s" -> "its"). */
  norm: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const ASCII_WORD = /^[A-Za-z0-9]+$/;

export function normWord(w: string): string {
  if (ASCII_WORD.test(w)) return w.toLowerCase();
  return w
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '');
}

/** Words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ norm: normWord(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** Spoken fillers ignored when a quote is compared with the transcript. */
export const FILLERS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'mhm', 'like']);

/** Tokens without fillers (single-word fillers and the pair "you know"). */
export function contentTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (FILLERS.has(t.norm)) continue;
    if (t.norm === 'you' && tokens[i + 1]?.norm === 'know') {
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Name comparison key: lower-case, accent- and punctuation-free, single-spaced. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'mt',
  'e.g', 'i.e', 'approx', 'dept', 'est', 'no', 'min', 'max', 'mgr', 'dir', 'sr', 'vp', 'a.m', 'p.m',
]);

/**
 * Sentence spans of `text`. A sentence ends at `.`, `!`, `?` or `…` (a run of them, with closing
 * quotes) followed by a space, unless the period closes an abbreviation or a one-letter initial.
 * Text without end punctuation (caption ASR) is one sentence.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i;
    while (j + 1 < n && /[.!?…"'”’)\]]/.test(text[j + 1]!)) j++;
    if (j + 1 < n && !/\s/.test(text[j + 1]!)) {
      i = j;
      continue;
    }
    if (c === '.' && j === i) {
      // word before the period
      let k = i - 1;
      while (k >= 0 && /[\p{L}.]/u.test(text[k]!)) k--;
      const word = text.slice(k + 1, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(text.slice(k + 1, i))) continue;
    }
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(n);
  return out;
}

/** Replaces characters in [start, end) with spaces, keeping offsets. */
export function maskRange(text: string, start: number, end: number): string {
  if (end <= start) return text;
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

const OPEN_QUOTES = '"“\'‘';
const CLOSE_FOR: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };

/**
 * Quoted stretches of `text` (double quotes, curly quotes, and single quotes that are not
 * apostrophes). Returned as spans covering the quote marks.
 */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!OPEN_QUOTES.includes(c)) continue;
    // a single quote inside a word is an apostrophe
    if ((c === "'" || c === '‘') && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    if (c === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!) && i + 1 < text.length && /[\p{L}]/u.test(text[i + 1]!)) continue;
    const close = CLOSE_FOR[c]!;
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text[j]!;
      if (d === close || (c === '“' && d === '"') || (c === '"' && d === '”')) {
        if ((close === "'" || close === '’') && j + 1 < text.length && /[\p{L}]/u.test(text[j + 1]!)) continue;
        break;
      }
    }
    if (j < text.length && j - i > 1) {
      out.push({ start: i, end: j + 1, text: text.slice(i, j + 1) });
      i = j;
    }
  }
  return out;
}

/** Counts words. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Trims spaces and trailing commas/dashes from a span of `text`, returning the narrowed span. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:\-–—]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:\-–—]/.test(text[e - 1]!)) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}
