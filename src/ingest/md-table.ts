/**
 * Markdown tables in a text upload. A transcript table has a header row naming a speaker column
 * and a text column (`| Time | Speaker | Text |`; also Name/Who, Utterance/Transcript/What was
 * said, Timestamp/Start), a `| --- |` separator, then one row per turn. Rows of other tables (a
 * MEDDICC grid in typed notes) are known to be table rows too, so they are never read as speaker
 * labels. Cells may hold escaped pipes (`\|`); a row with too many cells gives the surplus to its
 * text, a row with too few leaves the missing cells empty.
 */
import { bareStamp } from './clock.ts';
import type { LabelLine } from './labels.ts';
import { splitLabel } from './label-parts.ts';
import { cleanName } from './names.ts';
import { hasWordChar, trimMarks } from './text-lines.ts';

/** What one line of a table is. */
export interface TableLine {
  /** The turn a transcript row holds; null for the header, the separator and other rows. */
  label: LabelLine | null;
  /** The line's text when it is no turn: a speakerless row's text cell, '' for a transcript table's header and separator, the whole line in other tables. */
  text: string;
}

type Column = 'speaker' | 'text' | 'start' | 'end' | 'title';

const COLUMN_NAMES: Record<Column, readonly string[]> = {
  speaker: ['speaker', 'speaker name', 'name', 'who', 'participant', 'person', 'voice'],
  text: ['text', 'utterance', 'transcript', 'what was said', 'said', 'speech', 'dialogue', 'dialog', 'message', 'content', 'statement'],
  start: ['time', 'timestamp', 'time stamp', 'start', 'start time', 'when', 'offset', 'timecode'],
  end: ['end', 'end time', 'stop', 'until'],
  title: ['role', 'title', 'job title', 'position'],
};
const COLUMN_OF = new Map<string, Column>(Object.entries(COLUMN_NAMES).flatMap(([col, names]) => names.map((n): [string, Column] => [n, col as Column])));
/** Longest speaker cell taken for a name. */
const MAX_SPEAKER = 80;

/** The cells of a table row; `\|` is a pipe inside a cell. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cell += `${s.slice(from, i)}|`;
      from = i + 2;
      i++;
    } else if (s[i] === '|') {
      cells.push((cell + s.slice(from, i)).trim());
      cell = '';
      from = i + 1;
    }
  }
  cells.push((cell + s.slice(from)).trim());
  return cells;
}

/** `| --- | :---: |` */
function isSeparator(line: string): boolean {
  if (!line.includes('-') || !line.includes('|')) return false;
  return splitRow(line).every((c) => /^:?-+:?$/.test(c));
}

/** `**Time (mm:ss)**` -> `time`. */
function columnName(cell: string): string {
  const open = cell.indexOf('(');
  const bare = open > 0 ? cell.slice(0, open) : cell;
  return trimMarks(bare.trim()).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();
}

/** Column positions of a transcript table's header, or null when it lacks a speaker or text column. */
function transcriptColumns(header: string[]): Map<Column, number> | null {
  const cols = new Map<Column, number>();
  header.forEach((cell, i) => {
    const col = COLUMN_OF.get(columnName(cell));
    if (col && !cols.has(col)) cols.set(col, i);
  });
  return cols.has('speaker') && cols.has('text') ? cols : null;
}

/** Table lines by line index; lines outside tables are absent. */
export function readTables(lines: readonly string[]): Map<number, TableLine> {
  const out = new Map<number, TableLine>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    if (!head.includes('|') || !isSeparator(lines[i + 1]!)) continue;
    const header = splitRow(head);
    if (header.length < 2) continue;
    const cols = transcriptColumns(header);
    let j = i + 2;
    while (j < lines.length && lines[j]!.includes('|') && lines[j]!.trim()) j++;
    // other tables are text as they stand (they are only kept from reading as labels)
    for (let k = i; k < j; k++) out.set(k, cols && k >= i + 2 ? readRow(splitRow(lines[k]!), header.length, cols) : { label: null, text: cols ? '' : lines[k]! });
    i = j - 1;
  }
  return out;
}

function readRow(raw: string[], width: number, cols: Map<Column, number>): TableLine {
  const textAt = cols.get('text')!;
  // unescaped pipes in the text made extra cells: they belong to the text
  const extra = raw.length - width;
  const cells = extra > 0 ? [...raw.slice(0, textAt), raw.slice(textAt, textAt + extra + 1).join(' | '), ...raw.slice(textAt + extra + 1)] : raw;
  const cell = (c: Column): string => {
    const at = cols.get(c);
    return at === undefined ? '' : (cells[at] ?? '');
  };
  const text = cell('text');
  const who = cleanName(trimMarks(cell('speaker')));
  const parts = who && who.length <= MAX_SPEAKER && hasWordChar(who) ? splitLabel(who) : null;
  if (!parts) return { label: null, text };
  const title = trimMarks(cell('title')).trim() || parts.title;
  const start = bareStamp(cell('start')) ?? parts.start;
  const label: LabelLine = { name: parts.name, title, org: parts.org, start, end: bareStamp(cell('end')), text, strong: true, bullet: false, kind: 'inline' };
  return { label, text: '' };
}
