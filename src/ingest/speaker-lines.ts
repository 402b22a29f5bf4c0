/**
 * Speaker-labelled transcripts: `Name: text` lines (labels.ts has the label grammar) with optional
 * stamps, titles, markdown and continuation lines; Otter-style blocks (a `Name  0:03` line, then the
 * text below); pipe-delimited turns (`00:03 | Name | text`); and Markdown table transcripts
 * (md-table.ts), whose rows are read as labelled lines.
 */
import { attendeeListOf } from './attendees.ts';
import { bareStamp } from './clock.ts';
import { TranscriptError } from './errors.ts';
import { parseLabelLine, type LabelLine } from './labels.ts';
import { readTables } from './md-table.ts';
import { displayName, isAcronym, isGenericSpeaker, memoize, nameKey } from './names.ts';
import { Preamble, isExportTitle, isRecorderNote } from './preamble.ts';
import { isHeading, isRule, splitLines, stripBullet } from './text-lines.ts';
import type { ParsedContent, RawParticipant, RawUtterance } from './types.ts';

interface ScannedLine {
  /** The line as text: a table row's text cell, '' for a table's header and separator. */
  line: string;
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
  const raw = splitLines(text);
  const tables = readTables(raw);
  const pipes = pipeDelimited(raw, tables);
  const first = raw.findIndex((l) => l.trim() !== '');
  const lines: ScannedLine[] = raw.map((line, i) => {
    const row = tables.get(i);
    if (row) return { line: row.text, label: row.label };
    return { line, label: i === first && isExportTitle(line) ? null : parseLabelLine(line, { pipes }) };
  });
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
    if (!l.line.trim() || isHeading(l.line) || isRule(l.line) || attendeeListOf(l.line) !== null) continue;
    contentLines++;
    if (!(l.label && accepted.has(l.label)) && stripBullet(l.line.trim()).bullet) proseBullets++;
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

/**
 * Whether the lines are pipe-delimited turns (`Name | text`), so that a colon in the text does not
 * make `Name | Hi Dana: ...` a `Name | title:` label: most lines that read as a pipe turn must not
 * also read as a titled colon label.
 */
function pipeDelimited(lines: readonly string[], tables: ReadonlyMap<number, unknown>): boolean {
  let piped = 0;
  let titled = 0;
  lines.forEach((line, i) => {
    if (!line.includes('|') || tables.has(i)) return;
    const p = parseLabelLine(line, { pipes: true });
    if (!p) return;
    piped++;
    const c = parseLabelLine(line);
    if (c && c.title !== null && c.text !== p.text) titled++;
  });
  return piped >= 2 && titled * 2 < piped;
}

/** Reads the turns; `ev` is the scan detection already made of the same text, if any. */
export function parseSpeakerLines(text: string, ev: LabelEvidence = scanSpeakerLabels(text)): ParsedContent {
  if (ev.accepted.size === 0) {
    throw new TranscriptError('unparseable', "Speaker lines: no 'Name: text' speaker labels found", 'speaker_lines');
  }
  const utterances: RawUtterance[] = [];
  const preamble = new Preamble();
  const participants: RawParticipant[] = [];
  const described = new Set<string>();
  let current: RawUtterance | null = null;
  let pendingStart: number | null = null;
  const spell = memoize(displayName);
  const key = memoize(nameKey);

  for (const { line: raw, label } of ev.lines) {
    const line = raw.trim();
    if (label && ev.accepted.has(label)) {
      const speaker = spell(label.name);
      current = { speaker, start: label.start ?? pendingStart, end: label.end ?? null, text: label.text };
      pendingStart = null;
      utterances.push(current);
      const k = key(speaker);
      if ((label.title || label.org) && !described.has(k)) {
        described.add(k);
        participants.push({ name: speaker, title: label.title, org: label.org });
      }
      continue;
    }
    const stamp = line ? bareStamp(line) : null;
    if (stamp !== null) {
      pendingStart = stamp;
      continue;
    }
    // Before the first turn: a title, attendee lines; other text there is not speech.
    if (current === null) preamble.read(line);
    else if (line && !isRule(line) && !isHeading(line) && !isRecorderNote(line)) current.text = current.text ? `${current.text} ${line}` : line;
  }
  return { utterances, participants: [...preamble.participants, ...participants], meta: { title: preamble.title, occurred_at: preamble.occurredAt } };
}
