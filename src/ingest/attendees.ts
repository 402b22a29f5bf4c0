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
  /** Listed on the author's own side ("Our side: ..."). */
  ownSide?: boolean;
  /** Known only by a title ("Them: the VP Ops, their head of IT"): `name` is the title. */
  titleOnly?: boolean;
}

const ATTENDEE_KEY =
  /^(?:attendees|attendee|atts?|attended|attending|participants|present|people|ppl|in the room|on the line|on the call|in attendance|call attendees|who|their side|customer side|client side|buyer side|prospect side|from the customer|customer attendees|client attendees|them|their team|our side|vendor side|from our side|our team|us)\s*[:：]/i;
/** An attendee line for the author's own side ("Our side: Jonah Whitfield (AE)"): everyone on it is a seller. */
const OWN_SIDE_KEY = /^(?:our side|vendor side|from our side|our team|us)\s*[:：]/i;
/** A title standing for a person in a list ("the VP Ops", "their head of IT", "the Wollongong depot manager"). */
const TITLE_ENTRY = /^(?:the|their|our|his|her)\s+((?:[\p{L}.&-]+\s+){0,3}(?:cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|vp|svp|evp|director|manager|mgr|lead|head|chief|officer|controller|coordinator|supervisor|engineer|analyst|owner|founder|president|partner|administrator|admin|counsel|buyer|architect)(?:\s+(?:of|for)\s+[\p{L}&-]+(?:\s+[\p{L}&-]+)?|\s+[\p{Lu}][\p{L}&-]*)?)$/iu;
/** A heading that opens an attendee list below it: `### Attendees`, `**Participants**`. */
const ATTENDEE_HEADING = /^(?:#{1,6}\s*)?[*_]*(?:attendees|participants|present|people|on the call|in attendance|call attendees|who was there)[*_]*\s*[:：]?[*_]*$/i;
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'jr', 'sr', 'dir', 'mgr', 'inc', 'co', 'corp', 'ltd', 'vp', 'eng', 'dept', 'asst', 'assoc']);
const SELF = new Set(['me', 'myself', 'i', 'me too', 'self', 'author', 'yours truly', 'us', 'our side', 'notetaker', 'note taker']);
/** Maximum length of an attendee line that is parsed. */
const MAX_LINE = 2000;

/**
 * Returns the attendee list text when `line` is an attendees line (possibly bulleted or bold),
 * else null. An empty string means the list follows on the next lines.
 */
export function attendeeListOf(line: string): string | null {
  if (ATTENDEE_HEADING.test(line.trim())) return '';
  const cleaned = unwrapEmphasis(stripBullet(line.trim()).text).replace(/^[*_]+/, '').replace(/^([^:：*_]{1,30})[*_]+(?=\s*[:：])/, '$1');
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

/** Whether an attendee line lists the author's own side ("Our side: ..."). */
export function isOwnSideLine(line: string): boolean {
  return OWN_SIDE_KEY.test(unwrapEmphasis(stripBullet(line.trim()).text).replace(/^[*_]+/, '').replace(/[*_]+(?=\s*[:：])/, ''));
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
  // "me (Nisha Raman, SE)": the author's name, then their title
  const innerName = inner?.split(',')[0]?.trim() ?? '';
  if (SELF.has(s.toLowerCase()) && innerName && isNameLike(innerName)) return { name: innerName, title: inner!.split(',').slice(1).join(',').trim() || null, isAuthor: true };
  const byTitle = TITLE_ENTRY.exec(s);
  if (byTitle && !inner) return { name: byTitle[1]!.trim(), title: byTitle[1]!.trim(), isAuthor: false, titleOnly: true };
  if (!isNameLike(s)) return null;
  // "Noor Siddiqui (Tagwise, me)"
  if (inner && inner.split(',').some((x) => SELF.has(x.trim().toLowerCase()))) return { name: s, title, isAuthor: true };
  if (inner) {
    // "Jane Brooks (JB, VP Operations)": initials the notes use for her, then the title
    const parts = inner.split(',').map((x) => x.trim()).filter(Boolean);
    if (parts.length > 0 && isInitialsOf(parts[0]!, s)) parts.shift();
    title = parts[0] || title;
  }
  return { name: s, title, isAuthor: false };
}

/** "JB" for "Jane Brooks", "MOH" for "Marguerite Okonkwo-Hale". */
function isInitialsOf(token: string, name: string): boolean {
  if (!/^\p{Lu}{2,4}$/u.test(token)) return false;
  const initials = name.split(/[\s-]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase()).join('');
  return initials === token;
}

/** The list up to the first sentence end outside parentheses (`Dr.` and initials do not end it). */
export function firstSentence(text: string): string {
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

export function splitTopLevel(text: string): string[] {
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
