/**
 * Typed call notes: no speakers, the whole text is the seller's notes. Every non-empty line or
 * bullet becomes one utterance, written as-is except for the list marker, heading hashes and
 * whole-line emphasis (`**Context**` -> `Context`), so quotes from it can be found word for word.
 */
import { attendeeListOf, isOwnSideLine, parseAttendee, parseAttendees, type Attendee } from './attendees.ts';
import { isNameLike } from './names.ts';
import { hasWordChar, isHeading, isRule, splitLines, stripBullet, stripHeading, trimMarks, trimTrailingPunctuation, unwrapEmphasis } from './text-lines.ts';
import type { ParsedContent, RawParticipant } from './types.ts';

/** Speaker of notes whose author is not named. */
export const NOTES_SPEAKER = 'Notes';

const AUTHOR_LINE = /^(?:notes?\s+(?:by|from)|author|written by|taken by|notetaker|note taker)\s*[:：-]?\s*/i;

/** A bold label opening a line: `**Tamar:** text` or `**Tamar**: text`. */
const BOLD_LABEL = /^(\*\*|__)([^*_\n]{1,60}?)(:?)\1(:?)\s*/;

/** The text of a notes line as an utterance, or '' when it holds no words. */
export function noteLineText(line: string): string {
  let t = line.trim();
  if (!t || isRule(t)) return '';
  t = stripHeading(t).trim();
  t = stripBullet(t).text.trim();
  t = unwrapEmphasis(t);
  // a bold label reads as a plain one, so `**Tamar:** "..."` is the line `Tamar: "..."`
  const b = BOLD_LABEL.exec(t);
  if (b && (b[3] || b[4]) && t.length > b[0].length) t = `${b[2]!.trim()}: ${t.slice(b[0].length)}`;
  return hasWordChar(t) ? t : '';
}

/** `Call with Dominika Nowicka (Head of Finance) and her analyst Rafael Ortega - 9 Feb`. */
const WITH_LINE = /\b(?:call|meeting|chat|sync|demo|visit|lunch|catch-?up|check-?in|discovery|disco|intro|notes|debrief|review|conversation|session)\s+(?:with|w\/)\s+(.+)$/i;
const ORG_WORD = /\b(?:inc|llc|ltd|corp|co|company|group|partners|health|labs|systems|bank|university|hospital|team|department)\b\.?$/i;

/** People named in a notes title line that says who the call was with, when no attendee list does. */
export function attendeesFromTitle(line: string): Attendee[] {
  const m = WITH_LINE.exec(trimMarks(stripHeading(line.trim())).slice(0, 400));
  if (!m) return [];
  let list = m[1]!;
  // a trailing "- 9 Feb" or "(3/4)" is the date
  for (const sep of [' - ', ' – ', ' — ', ' | ']) {
    let depth = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if (depth === 0 && list.startsWith(sep, i)) {
        list = list.slice(0, i);
        break;
      }
    }
  }
  // the list ends with the sentence ("... and Ibrahim Haddad (SCADA Engineer) at Solano County Water.")
  list = list.replace(/\.\s.*$|\.$/, '');
  const out: Attendee[] = [];
  for (const entry of list.split(/,(?![^()]*\))|;|\s+and\s+(?![^()]*\))|\s+&\s+/)) {
    let e = entry.trim();
    if (!e) continue;
    let title: string | null = null;
    const open = e.indexOf('(');
    if (open > 0) {
      title = (e.slice(open + 1).replace(/\).*$/, '').split(',')[0] ?? '').trim() || null;
      e = e.slice(0, open).trim();
    }
    // "Ibrahim Haddad at Solano County Water": the company is not part of the name
    e = e.replace(/\s+(?:at|from|of)\s+\p{Lu}.*$/u, '');
    // "her AP analyst Rafael Ortega": the trailing capitalised words are the name, the rest a title
    const words = e.split(/\s+/);
    let k = words.length;
    while (k > 0 && /^\p{Lu}[\p{L}'’-]*$/u.test(words[k - 1]!)) k--;
    const name = words.slice(k).join(' ');
    if (words.length - k < 2 || words.length - k > 4 || ORG_WORD.test(name) || !isNameLike(name)) continue;
    const lead = words.slice(0, k).filter((w) => !/^(?:her|his|their|our|my|the|a|an)$/i.test(w)).join(' ');
    out.push({ name, title: title ?? (lead || null), isAuthor: false });
  }
  return out;
}

function authorFromLine(line: string): string | null {
  const t = trimMarks(stripBullet(line.trim()).text).trim();
  const m = AUTHOR_LINE.exec(t);
  if (!m) return null;
  const name = trimTrailingPunctuation(trimMarks(t.slice(m[0].length, m[0].length + 200))).trim();
  return isNameLike(name) ? name : null;
}

export function parseNotes(text: string): ParsedContent {
  const lines = splitLines(text);
  const attendees: Attendee[] = [];
  let author: string | null = null;
  let title: string | null = null;
  let attendeeBlock = false;
  const texts: string[] = [];

  for (const raw of lines) {
    const line = raw.trim();
    const list = attendeeListOf(line);
    if (list !== null) {
      const found = parseAttendees(list);
      // "Our side: Jonah Whitfield (AE)": the author's colleagues, the first of them the author
      if (isOwnSideLine(line)) found.forEach((a, i) => attendees.push({ ...a, isAuthor: i === 0 && !attendees.some((x) => x.isAuthor), ownSide: true }));
      else attendees.push(...found);
      attendeeBlock = list === '';
    } else if (attendeeBlock && line && stripBullet(line).bullet) {
      const a = parseAttendee(stripBullet(line).text);
      if (a) attendees.push(a);
    } else {
      attendeeBlock = false;
      author ??= authorFromLine(line);
    }
    if (title === null && isHeading(line)) title = noteLineText(line) || null;
    const t = noteLineText(line);
    if (t) texts.push(t);
  }

  if (attendees.length === 0) {
    // "Call with A (title) and B" in the title, or the first lines of an email recap
    for (const l of lines.filter((x) => x.trim()).slice(0, 6)) {
      const found = attendeesFromTitle(l);
      if (found.length > 0) {
        attendees.push(...found);
        break;
      }
    }
  }
  author ??= attendees.find((a) => a.isAuthor)?.name ?? null;
  const speaker = author ?? NOTES_SPEAKER;
  const participants: RawParticipant[] = [{ name: speaker, side: 'seller' }];
  for (const a of attendees) {
    if (!a.isAuthor) participants.push({ name: a.name, title: a.title, side: a.ownSide ? 'seller' : null });
  }
  return {
    utterances: texts.map((t) => ({ speaker, start: null, end: null, text: t })),
    participants,
    meta: { title, occurred_at: null },
  };
}
