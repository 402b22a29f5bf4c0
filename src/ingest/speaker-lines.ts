/**
 * `Name: text` transcripts, with optional stamps, titles in the label, markdown, continuation lines
 * and Otter-style blocks (a `Name  0:03` line, then the text on the following lines).
 */
import { attendeeListOf, parseAttendee, parseAttendees } from './attendees.ts';
import { TranscriptError } from './errors.ts';
import { bareStamp, parseLabelLine, type LabelLine } from './labels.ts';
import { displayName, isAcronym, isGenericSpeaker, memoize, nameKey } from './names.ts';
import { isHeading, isRule, splitLines, stripBullet, stripHeading, trimMarks, unwrapEmphasis } from './text-lines.ts';
import type { ParsedContent, RawParticipant, RawUtterance } from './types.ts';

interface ScannedLine {
  raw: string;
  label: LabelLine | null;
}

/** Label counts used both to decide which labels are speakers and to detect the format. */
export interface LabelEvidence {
  lines: ScannedLine[];
  /** Labels accepted as speaker turns. */
  accepted: Set<LabelLine>;
  turns: number;
  strongTurns: number;
  distinctNames: number;
  repeatedNames: number;
  multiWordTurns: number;
  /** Non-empty lines that are not headings, rules or attendee lines. */
  contentLines: number;
  /** List items that are not speaker turns ("- Pilot ran on 14 routes"): the body of typed notes. */
  proseBullets: number;
  /** Accepted turns written as list items ("- **Tamar:** ..."): a quote inside notes more often than a turn. */
  bulletTurns: number;
}

export function scanSpeakerLabels(text: string): LabelEvidence {
  const lines: ScannedLine[] = splitLines(text).map((raw) => ({ raw, label: parseLabelLine(raw) }));
  const candidates = lines.flatMap((l) => (l.label ? [l.label] : []));
  const key = memoize(nameKey);
  const keyOf = (c: LabelLine): string => key(c.name);
  const counts = new Map<string, number>();
  const strongNames = new Set<string>();
  let strong = 0;
  let multi = 0;
  for (const c of candidates) {
    const k = keyOf(c);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (c.strong) {
      strong++;
      strongNames.add(k);
    }
    if (c.name.includes(' ')) multi++;
  }
  const mostlyStrong = strong >= 2 && strong >= 2 * (candidates.length - strong);
  const mostlyMultiWord = multi >= 2 && multi >= 0.6 * candidates.length;
  const accepted = new Set<LabelLine>();
  for (const c of candidates) {
    const k = keyOf(c);
    if (c.strong) accepted.add(c);
    else if (mostlyStrong && !strongNames.has(k)) continue;
    else if (mostlyMultiWord && counts.get(k) === 1 && !c.name.includes(' ') && !isAcronym(c.name) && !isGenericSpeaker(c.name)) continue;
    else accepted.add(c);
  }
  const acceptedNames = new Map<string, number>();
  let multiWordTurns = 0;
  for (const c of accepted) {
    const k = keyOf(c);
    acceptedNames.set(k, (acceptedNames.get(k) ?? 0) + 1);
    if (c.name.includes(' ')) multiWordTurns++;
  }
  let contentLines = 0;
  let proseBullets = 0;
  for (const l of lines) {
    if (!l.raw.trim() || isHeading(l.raw) || isRule(l.raw) || attendeeListOf(l.raw) !== null) continue;
    contentLines++;
    if (!(l.label && accepted.has(l.label)) && stripBullet(l.raw.trim()).bullet) proseBullets++;
  }
  return {
    lines,
    accepted,
    turns: accepted.size,
    strongTurns: [...accepted].filter((c) => c.strong).length,
    distinctNames: acceptedNames.size,
    repeatedNames: [...acceptedNames.values()].filter((n) => n > 1).length,
    multiWordTurns,
    contentLines,
    proseBullets,
    bulletTurns: [...accepted].filter((c) => c.bullet).length,
  };
}

/** Whether the labels found make the text a speaker-labelled transcript rather than notes. */
export function looksLikeSpeakerLines(ev: LabelEvidence): boolean {
  // Typed notes quote people in list items ("- **Tamar:** \"I'd sign today\"") among many more
  // list items that are nobody's turn; a transcript's lines are turns (and their continuations).
  if (ev.proseBullets >= 3 && ev.proseBullets >= ev.turns) return false;
  if (ev.bulletTurns > 0 && ev.bulletTurns === ev.turns && ev.proseBullets >= 2) return false;
  if (ev.strongTurns >= 2 && ev.strongTurns >= 0.15 * ev.contentLines) return true;
  if (ev.turns < 2 || ev.turns < 0.3 * ev.contentLines) return false;
  return ev.repeatedNames > 0 || (ev.distinctNames >= 2 && ev.multiWordTurns === ev.turns);
}

/** Reads the turns; `ev` is the scan detection already made of the same text, if any. */
export function parseSpeakerLines(text: string, ev: LabelEvidence = scanSpeakerLabels(text)): ParsedContent {
  if (ev.accepted.size === 0) {
    throw new TranscriptError('unparseable', "Speaker lines: no 'Name: text' speaker labels found", 'speaker_lines');
  }
  const utterances: RawUtterance[] = [];
  const participants: RawParticipant[] = [];
  const titled = new Set<string>();
  let title: string | null = null;
  let current: RawUtterance | null = null;
  let pendingStart: number | null = null;
  let attendeeBlock = false;
  const spell = memoize(displayName);
  const key = memoize(nameKey);

  for (const { raw, label } of ev.lines) {
    const line = raw.trim();
    if (label && ev.accepted.has(label)) {
      attendeeBlock = false;
      const speaker = spell(label.name);
      current = { speaker, start: label.start ?? pendingStart, end: null, text: label.text };
      pendingStart = null;
      utterances.push(current);
      const k = key(speaker);
      if (label.title && !titled.has(k)) {
        titled.add(k);
        participants.push({ name: speaker, title: label.title });
      }
      continue;
    }
    if (!line || isRule(line)) {
      attendeeBlock = attendeeBlock && !!line;
      continue;
    }
    const stamp = bareStamp(line);
    if (stamp !== null) {
      pendingStart = stamp;
      continue;
    }
    if (current === null) {
      // Preamble: a title heading and attendee lines are kept; other text before the first turn is not speech.
      const list = attendeeListOf(line);
      if (list !== null) {
        attendeeBlock = list === '';
        for (const a of parseAttendees(list)) participants.push({ name: a.name, title: a.title, side: a.isAuthor ? 'seller' : null });
      } else if (attendeeBlock && stripBullet(line).bullet) {
        const a = parseAttendee(stripBullet(line).text);
        if (a) participants.push({ name: a.name, title: a.title, side: a.isAuthor ? 'seller' : null });
      } else if (title === null && isHeading(line)) {
        title = trimMarks(unwrapEmphasis(stripHeading(line).trim())).trim() || null;
      }
      continue;
    }
    if (isHeading(line)) continue;
    current.text = current.text ? `${current.text} ${line}` : line;
  }
  return { utterances, participants, meta: { title, occurred_at: null } };
}
