/**
 * Typed call notes: no speakers, the whole text is the seller's notes. Every non-empty line or
 * bullet becomes one utterance, written as-is except for the list marker, heading hashes and
 * whole-line emphasis (`**Context**` -> `Context`), so quotes from it can be found word for word.
 */
import { attendeeListOf, parseAttendee, parseAttendees, type Attendee } from './attendees.ts';
import { isNameLike } from './names.ts';
import { hasWordChar, isHeading, isRule, splitLines, stripBullet, stripHeading, trimMarks, trimTrailingPunctuation, unwrapEmphasis } from './text-lines.ts';
import type { ParsedContent, RawParticipant } from './types.ts';

/** Speaker of notes whose author is not named. */
export const NOTES_SPEAKER = 'Notes';

const AUTHOR_LINE = /^(?:notes?\s+(?:by|from)|author|written by|taken by|notetaker|note taker)\s*[:：-]?\s*/i;

/** The text of a notes line as an utterance, or '' when it holds no words. */
export function noteLineText(line: string): string {
  let t = line.trim();
  if (!t || isRule(t)) return '';
  t = stripHeading(t).trim();
  t = stripBullet(t).text.trim();
  t = unwrapEmphasis(t);
  return hasWordChar(t) ? t : '';
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
      attendees.push(...parseAttendees(list));
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

  author ??= attendees.find((a) => a.isAuthor)?.name ?? null;
  const speaker = author ?? NOTES_SPEAKER;
  const participants: RawParticipant[] = [{ name: speaker, side: 'seller' }];
  for (const a of attendees) {
    if (!a.isAuthor) participants.push({ name: a.name, title: a.title, side: null });
  }
  return {
    utterances: texts.map((t) => ({ speaker, start: null, end: null, text: t })),
    participants,
    meta: { title, occurred_at: null },
  };
}
