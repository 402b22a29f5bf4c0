/**
 * The lines around the turns of a text transcript. Before the first turn: a title (a `# heading`,
 * or an export's first line such as Google Meet's `Title (2026-06-16 09:02 GMT-07:00) - Transcript`,
 * whose date becomes the call's date) and attendee lists (`Attendees: A, B`, or an `Attendees`
 * heading over bullets or over one comma-separated line, as Meet writes it). Anywhere: a recorder's
 * own notes (`Transcription ended after 00:45:12`), which are nobody's speech.
 */
import { attendeeListOf, isOwnSideLine, parseAttendee, parseAttendees, type Attendee } from './attendees.ts';
import { dateInTitle } from './dates.ts';
import { isHeading, isRule, stripBullet, stripHeading, trimMarks, unwrapEmphasis } from './text-lines.ts';
import type { RawParticipant } from './types.ts';

const RECORDER_NOTE =
  /^(?:transcription|transcript|recording|meeting recording)\s(?:has\s)?(?:ended|stopped|started|paused|resumed)\b|^this (?:editable )?transcript was (?:computer|automatically|machine)[- ]generated\b/i;
/** ` - Transcript` ending an export's title line. */
const TRANSCRIPT_SUFFIX = /\s[-–—|:]\s?transcript$/i;
/** Longest line read as a title or a recorder note. */
const MAX_LINE = 300;

/** `Transcription ended after 00:45:12`, `This editable transcript was computer generated ...`. */
export function isRecorderNote(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_LINE && RECORDER_NOTE.test(t);
}

/** An export's title line (`Discovery Call: Acme (2026-06-16 09:02 GMT-07:00) - Transcript`): never a turn. */
export function isExportTitle(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_LINE && TRANSCRIPT_SUFFIX.test(t);
}

export class Preamble {
  title: string | null = null;
  occurredAt: string | null = null;
  readonly participants: RawParticipant[] = [];
  /** `awaiting`: after an `Attendees` heading; `bullets`: inside a bulleted attendee list. */
  private attendees: 'none' | 'awaiting' | 'bullets' = 'none';
  private seen = 0;

  /** Reads one line before the first turn. */
  read(raw: string): void {
    const line = raw.trim();
    if (!line) {
      if (this.attendees === 'bullets') this.attendees = 'none';
      return;
    }
    if (isRule(line) || isRecorderNote(line)) return;
    this.seen++;
    const list = attendeeListOf(line);
    if (list !== null) {
      this.attendees = list === '' ? 'awaiting' : 'none';
      this.add(parseAttendees(list), isOwnSideLine(line));
      return;
    }
    if (this.attendees !== 'none') {
      const b = stripBullet(line);
      if (b.bullet) {
        const a = parseAttendee(b.text);
        if (a) this.add([a], false);
        this.attendees = 'bullets';
        return;
      }
      const awaiting = this.attendees === 'awaiting';
      this.attendees = 'none';
      if (awaiting && !isHeading(line)) {
        this.add(parseAttendees(line), false);
        return;
      }
    }
    if (this.title === null) this.readTitle(line);
  }

  private add(found: Attendee[], ownSide: boolean): void {
    for (const a of found) this.participants.push({ name: a.name, title: a.title, side: a.isAuthor || ownSide || a.ownSide ? 'seller' : null });
  }

  /** A `# heading`, or a first line that says it is a transcript or ends with a date in parentheses. */
  private readTitle(line: string): void {
    if (isHeading(line)) {
      this.setTitle(trimMarks(unwrapEmphasis(stripHeading(line).trim())).trim());
      return;
    }
    if (this.seen !== 1 || line.length > MAX_LINE) return;
    const suffix = TRANSCRIPT_SUFFIX.exec(line);
    if (suffix) this.setTitle(line.slice(0, suffix.index).trim());
    else if (line.endsWith(')') && trailingDate(line)) this.setTitle(line);
  }

  /** `Weekly sync (2026-06-16 09:02 GMT-07:00)` -> title `Weekly sync` and the date. */
  private setTitle(text: string): void {
    const date = trailingDate(text);
    if (date) {
      this.occurredAt = date.iso;
      text = text.slice(0, date.at).trim();
    }
    this.title = text || null;
  }
}

function trailingDate(text: string): { iso: string; at: number } | null {
  if (!text.endsWith(')')) return null;
  const open = text.lastIndexOf('(');
  if (open < 0) return null;
  const iso = dateInTitle(text.slice(open + 1, -1));
  return iso ? { iso, at: open } : null;
}
