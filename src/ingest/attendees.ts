/**
 * `Attendees:` / `Participants:` lines of typed notes and transcript preambles:
 * `Attendees: Owen Malik (Dir. Plant Ops), Tasha Greene (IT), me (Lena Park). Dr. S could not join.`
 */
import { isNameLike } from './names.ts';
import { stripBullet, trimMarks, trimTrailingPunctuation, unwrapEmphasis } from './text-lines.ts';

export interface Attendee {
  name: string;
  title: string | null;
  /** Written as `me (Name)` or `Name (me)`: the author of the notes. */
  isAuthor: boolean;
}

const ATTENDEE_KEY =
  /^(?:attendees|attendee|participants|present|people|on the call|in attendance|call attendees|who)\s*[:：]/i;
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'jr', 'sr', 'dir', 'mgr', 'inc', 'co', 'corp', 'ltd', 'vp', 'eng', 'dept', 'asst', 'assoc']);
const SELF = new Set(['me', 'myself', 'i', 'me too']);
/** Maximum length of an attendee line that is parsed. */
const MAX_LINE = 2000;

/**
 * Returns the attendee list text when `line` is an attendees line (possibly bulleted or bold),
 * else null. An empty string means the list follows on the next lines.
 */
export function attendeeListOf(line: string): string | null {
  const cleaned = unwrapEmphasis(stripBullet(line.trim()).text).replace(/^[*_]+/, '');
  const m = ATTENDEE_KEY.exec(cleaned);
  if (!m) return null;
  return cleaned.slice(m[0].length).replace(/^[*_\s]+/, '').slice(0, MAX_LINE);
}

/** Parses the text after `Attendees:` into people; prose after the list ends it. */
export function parseAttendees(list: string): Attendee[] {
  const out: Attendee[] = [];
  for (const entry of splitTopLevel(firstSentence(list))) {
    const a = parseAttendee(entry);
    if (a) out.push(a);
  }
  return out;
}

/** One entry: `Name`, `Name (Title, extra)`, `Name - Title`, `me (Name)`, `Name (me)`. */
export function parseAttendee(entry: string): Attendee | null {
  let s = trimTrailingPunctuation(entry.trim().replace(/^(?:and|&)\s+/i, '')).trim();
  s = trimMarks(unwrapEmphasis(s)).trim();
  if (!s) return null;
  let inner: string | null = null;
  const open = s.indexOf('(');
  if (open >= 0) {
    const close = s.indexOf(')', open);
    inner = s.slice(open + 1, close > open ? close : undefined).trim();
    s = s.slice(0, open).trim();
  }
  let title: string | null = null;
  for (const sep of [' - ', ' – ', ' — ']) {
    const i = s.indexOf(sep);
    if (i > 0) {
      title = s.slice(i + sep.length).trim() || null;
      s = s.slice(0, i).trim();
      break;
    }
  }
  if (SELF.has(s.toLowerCase()) && inner && isNameLike(inner)) return { name: inner, title: null, isAuthor: true };
  if (!isNameLike(s)) return null;
  if (inner && SELF.has(inner.toLowerCase())) return { name: s, title, isAuthor: true };
  if (inner) title = (inner.split(',')[0] ?? '').trim() || title;
  return { name: s, title, isAuthor: false };
}

/** The list up to the first sentence end outside parentheses (`Dr.` and initials do not end it). */
function firstSentence(text: string): string {
  let depth = 0;
  let wordStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ' ') wordStart = i + 1;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0) {
      const next = text[i + 1];
      if (next !== undefined && next !== ' ' && next !== '\t') continue;
      const word = text.slice(wordStart, i).replace(/^[(["']+/, '');
      if (c === '.' && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))) continue;
      return text.slice(0, i);
    }
  }
  return text;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ';' || c === '&' || c === '+' || c === '/')) {
      parts.push(text.slice(from, i));
      from = i + 1;
    } else if (depth === 0 && c === ' ' && text.startsWith(' and ', i)) {
      parts.push(text.slice(from, i));
      from = i + 5;
      i += 4;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
