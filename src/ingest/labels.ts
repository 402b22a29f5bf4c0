/**
 * The grammar of one speaker-labelled line, shared by speaker-lines, detection and caption payloads:
 *
 *   [bullet] [stamp] [**] Name [(title, org) | - title | , title | (stamp) | stamp] [**] : [**] text
 *   Name  stamp                       (Otter-style header; the text follows on the next lines)
 *
 * Everything here looks at a bounded prefix of the line, so the cost per line is constant plus one
 * linear pass.
 */
import { STAMP_SOURCE, parseClock } from './clock.ts';
import { isGenericSpeaker, isNameLike, type NameOptions } from './names.ts';
import { stripBullet, trimMarks } from './text-lines.ts';

export interface LabelLine {
  name: string;
  title: string | null;
  start: number | null;
  text: string;
  /** Timestamped or bold: a label that is almost certainly a speaker turn. */
  strong: boolean;
  /** The line started with a list marker. */
  bullet: boolean;
  /** `inline`: `Name: text`; `header`: a name and stamp alone on a line (text follows). */
  kind: 'inline' | 'header';
}

/** Longest label (before the colon) that is considered. */
const MAX_LABEL = 120;

const LEADING_STAMP = new RegExp(String.raw`^(?:\[(${STAMP_SOURCE})\]|\((${STAMP_SOURCE})\)|(${STAMP_SOURCE})(?=\s))\s*(?:[-–—|]\s+)?`);
const TRAILING_STAMP = new RegExp(String.raw`\s*(?:\[(${STAMP_SOURCE})\]|\((${STAMP_SOURCE})\)|(${STAMP_SOURCE}))$`);
const BARE_STAMP = new RegExp(String.raw`^(?:\[(${STAMP_SOURCE})\]|\((${STAMP_SOURCE})\)|(${STAMP_SOURCE}))$`);
const ROLE_SEPARATORS = [' - ', ' – ', ' — ', ' | ', ', '];

function stampOf(m: RegExpExecArray): number | null {
  return parseClock(m[1] ?? m[2] ?? m[3] ?? '');
}

/** A line holding only a clock stamp (`00:12:03`, `[01:02]`): the time of the next turn. */
export function bareStamp(line: string): number | null {
  const t = line.trim();
  if (t.length > 20) return null;
  const m = BARE_STAMP.exec(t);
  return m ? stampOf(m) : null;
}

/** Index of the colon ending a label: outside brackets, not between digits (`10:00`). */
function labelColon(s: string): number {
  let depth = 0;
  const end = Math.min(s.length, MAX_LABEL + 1);
  for (let i = 0; i < end; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      if (/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '')) continue;
      return i;
    }
  }
  return -1;
}

export interface SplitLabel {
  name: string;
  title: string | null;
  start: number | null;
}

/** `Dana Ortiz (CFO, Acme)` -> name `Dana Ortiz`, title `CFO`; `Sam - AE`; `Sam (00:12)`. */
export function splitLabel(raw: string): SplitLabel | null {
  let s = raw.trim();
  let start: number | null = null;
  const ts = s.length <= MAX_LABEL ? TRAILING_STAMP.exec(s) : null;
  if (ts) {
    start = stampOf(ts);
    s = s.slice(0, ts.index).trim();
  }
  let title: string | null = null;
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open <= 0) return null;
    title = firstPart(s.slice(open + 1, -1));
    s = s.slice(0, open).trim();
  }
  if (title === null && !isGenericSpeaker(s)) {
    for (const sep of ROLE_SEPARATORS) {
      const i = s.indexOf(sep);
      if (i > 0) {
        title = firstPart(s.slice(i + sep.length));
        s = s.slice(0, i).trim();
        break;
      }
    }
  }
  return s ? { name: s, title, start } : null;
}

function firstPart(inner: string): string | null {
  const t = (inner.split(',')[0] ?? '').trim();
  return t || null;
}

/** Parses one line as a speaker label, or returns null when it is not one. */
export function parseLabelLine(line: string, opts: NameOptions = {}): LabelLine | null {
  let s = line.trim();
  if (!s) return null;
  const heading = /^#{1,6}\s+/.exec(s);
  if (heading) s = s.slice(heading[0].length);
  const b = stripBullet(s);
  s = b.text;
  let start: number | null = null;
  const lead = LEADING_STAMP.exec(s);
  if (lead) {
    start = stampOf(lead);
    s = s.slice(lead[0].length);
  }
  const bracketed = bracketedName(s, start, b.bullet, opts);
  if (bracketed) return bracketed;
  let bold = false;
  if (s.startsWith('**') || s.startsWith('__')) {
    bold = true;
    s = s.slice(2);
  }
  const colon = labelColon(s);
  if (colon > 0) {
    const rawLabel = trimMarks(s.slice(0, colon));
    let text = s.slice(colon + 1);
    if (text.startsWith('//')) return null; // a URL, not a label
    text = text.replace(/^[*_]+/, '').trim();
    const parts = splitLabel(rawLabel);
    if (!parts || !isNameLike(parts.name, opts)) return null;
    const when = start ?? parts.start;
    return { name: parts.name, title: parts.title, start: when, text, strong: when !== null || bold, bullet: b.bullet, kind: 'inline' };
  }
  if (start === null && s.length <= MAX_LABEL) {
    const ts = TRAILING_STAMP.exec(s);
    if (ts && ts.index > 0) {
      const parts = splitLabel(trimMarks(s.slice(0, ts.index)));
      if (parts && isNameLike(parts.name, opts)) {
        return { name: parts.name, title: parts.title, start: stampOf(ts), text: '', strong: true, bullet: b.bullet, kind: 'header' };
      }
    }
  }
  return null;
}

/** Zoom's text export: `[Sam Whitaker] 14:02:11` (text below) or `[Sam Whitaker] text`. */
function bracketedName(s: string, start: number | null, bullet: boolean, opts: NameOptions): LabelLine | null {
  if (!s.startsWith('[')) return null;
  const close = s.indexOf(']');
  if (close < 2 || close > 61) return null;
  const inner = s.slice(1, close).trim();
  if (!isNameLike(inner, opts)) return null;
  let rest = s.slice(close + 1).trim();
  const when = rest.length <= 20 ? bareStamp(rest) : null;
  if (when !== null) return { name: inner, title: null, start: start ?? when, text: '', strong: true, bullet, kind: 'header' };
  if (rest.startsWith(':')) rest = rest.slice(1).trim();
  return { name: inner, title: null, start, text: rest, strong: true, bullet, kind: 'inline' };
}
