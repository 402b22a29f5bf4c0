/**
 * The grammar of one speaker-labelled line, shared by speaker-lines, detection and caption payloads:
 *
 *   [bullet] [stamp] [[role]] [**] label [**] : [**] text     (label: see label-parts.ts)
 *   [|] [stamp |] Name [| stamp] | text [|]                    (pipe-delimited turns)
 *   Name  stamp                                                (Otter-style header; text below)
 *   [Name] stamp  |  [Name] text                               (Zoom's text export)
 *
 * A line with both a pipe and a colon (`Sam | AE: text`, `Sam | Hi: text`) reads as `Name | title:`
 * unless the document's lines are pipe-delimited turns (`pipes`). Everything here looks at a
 * bounded prefix of the line, so the cost per line is constant plus one linear pass.
 */
import { STAMP_SOURCE, bareStamp, stampOf, trailingStamp } from './clock.ts';
import { describeRole, splitLabel } from './label-parts.ts';
import { isNameLike, type NameOptions } from './names.ts';
import { hasRoleWords, isRoleLabel } from './roles.ts';
import { stripBullet, trimMarks } from './text-lines.ts';

export interface LabelLine {
  name: string;
  title: string | null;
  /** The speaker's company, when the label names one. */
  org: string | null;
  start: number | null;
  /** Where the turn ends, when the source says (a table's End column). */
  end?: number | null;
  text: string;
  /** Timestamped, bold or a table row: a label that is almost certainly a speaker turn. */
  strong: boolean;
  /** The line started with a list marker. */
  bullet: boolean;
  /** `inline`: `Name: text`; `header`: a name and stamp alone on a line (text follows). */
  kind: 'inline' | 'header';
}

export interface LabelOptions extends NameOptions {
  /** The document's turns are `Name | text`: a pipe ends the label even when the text has a colon. */
  pipes?: boolean;
}

/** Longest label (before the colon or pipe) that is considered. */
const MAX_LABEL = 120;
/** Longest bracketed role before a name (`[Dir. Maintenance Planning] Tomás:`). */
const MAX_BRACKET = 60;

const LEADING_STAMP = new RegExp(String.raw`^(?:\[(${STAMP_SOURCE})\]|\((${STAMP_SOURCE})\)|(${STAMP_SOURCE})(?=\s))\s*(?:[-–—|]\s+)?`);

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

/** Parses one line as a speaker label, or returns null when it is not one. */
export function parseLabelLine(line: string, opts: LabelOptions = {}): LabelLine | null {
  let s = line.trim();
  if (!s) return null;
  const heading = /^#{1,6}\s+/.exec(s);
  if (heading) s = s.slice(heading[0].length);
  const b = stripBullet(s);
  s = b.text;
  const piped = s.startsWith('|');
  if (piped) s = s.slice(1).trimStart();
  let start: number | null = null;
  const lead = LEADING_STAMP.exec(s);
  if (lead) {
    start = stampOf(lead);
    s = s.slice(lead[0].length);
  }
  const at = { start, bullet: b.bullet, opts };
  // pipe-separated fields in a list item (`- Dana Ortiz | CFO | champion`) are notes, not a turn
  const pipes = !b.bullet && (opts.pipes || piped);
  if (pipes) {
    const p = pipeLabel(s, at, piped);
    if (p || piped) return p;
  }
  const bracketed = bracketedLabel(s, at);
  if (bracketed) return bracketed;
  return colonLabel(s, at) ?? (pipes || b.bullet ? null : pipeLabel(s, at, false)) ?? headerLabel(s, at);
}

interface LineContext {
  start: number | null;
  bullet: boolean;
  opts: NameOptions;
}

/** `Name: text`, `**Name (CFO):** text`, `Name (00:12):`. */
function colonLabel(s: string, at: LineContext): LabelLine | null {
  let bold = false;
  if (s.startsWith('**') || s.startsWith('__')) {
    bold = true;
    s = s.slice(2);
  }
  const colon = labelColon(s);
  if (colon <= 0) return null;
  let text = s.slice(colon + 1);
  if (text.startsWith('//')) return null; // a URL, not a label
  text = text.replace(/^[*_]+/, '').trim();
  return label(trimMarks(s.slice(0, colon)), text, at, bold);
}

/** Otter's header: a name and a stamp alone on a line, the text on the next lines. */
function headerLabel(s: string, at: LineContext): LabelLine | null {
  if (at.start !== null) return null;
  const ts = trailingStamp(s);
  if (!ts || ts.at <= 0) return null;
  const l = label(trimMarks(s.slice(0, ts.at)), '', { ...at, start: ts.start }, true);
  return l && { ...l, kind: 'header' };
}

/** `00:00:03 | Owen Gallagher | text`, `Owen Gallagher | 00:03 | text`, `Owen Gallagher | text`. */
function pipeLabel(s: string, at: LineContext, piped: boolean): LabelLine | null {
  let rest = s;
  let start = at.start;
  let bar = rest.indexOf('|');
  if (bar < 0 || bar > MAX_LABEL) return null;
  // a stamp cell before the name (`00:03|Owen|...`; `00:03 | ` with spaces is the leading stamp)
  const first = bareStamp(rest.slice(0, bar));
  if (first !== null) {
    start ??= first;
    rest = rest.slice(bar + 1);
    bar = rest.indexOf('|');
    if (bar < 0 || bar > MAX_LABEL) return null;
  }
  const name = rest.slice(0, bar).trim();
  rest = rest.slice(bar + 1);
  const next = rest.indexOf('|');
  if (next >= 0 && next <= 24) {
    const stamp = bareStamp(rest.slice(0, next));
    if (stamp !== null) {
      start ??= stamp;
      rest = rest.slice(next + 1);
    }
  }
  let text = rest.trim();
  if (piped && text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1).trimEnd();
  const bold = name.startsWith('**') || name.startsWith('__');
  // `Owen Gallagher | 00:03` alone on a line: a header, the text follows
  const stamp = start === null ? bareStamp(text) : null;
  const l = label(trimMarks(name), stamp === null ? text : '', { ...at, start: start ?? stamp }, bold);
  return l && stamp !== null ? { ...l, kind: 'header', strong: true } : l;
}

/**
 * `[Account Exec] Brooke: text`: a bracketed role before a name label is the speaker's title.
 * Otherwise the bracket holds the name (Zoom's text export): `[Sam Whitaker] 14:02:11` with the
 * text below, `[Sam Whitaker] text` or `[Sam Whitaker]: text`.
 */
function bracketedLabel(s: string, at: LineContext): LabelLine | null {
  if (!s.startsWith('[')) return null;
  const close = s.indexOf(']');
  if (close < 2 || close > MAX_BRACKET + 1) return null;
  const inner = s.slice(1, close).trim();
  let rest = s.slice(close + 1).trim();
  const zoomName = isNameLike(inner, at.opts);
  if (!zoomName || hasRoleWords(inner) || isRoleLabel(inner)) {
    const named = colonLabel(rest, at);
    if (named) {
      // the whole bracket is the title (`[VP, Finance]`), unless part of it is the company
      const role = describeRole(inner);
      return { ...named, title: (role.org ? role.title : inner) || named.title, org: named.org ?? role.org, strong: true };
    }
  }
  if (!zoomName) return null;
  const when = rest.length <= 20 ? bareStamp(rest) : null;
  if (when !== null) return { name: inner, title: null, org: null, start: at.start ?? when, text: '', strong: true, bullet: at.bullet, kind: 'header' };
  if (rest.startsWith(':')) rest = rest.slice(1).trim();
  return { name: inner, title: null, org: null, start: at.start, text: rest, strong: true, bullet: at.bullet, kind: 'inline' };
}

/** A label from its raw text (before the colon or pipe), or null when it does not name a speaker. */
function label(raw: string, text: string, at: LineContext, bold: boolean): LabelLine | null {
  const parts = splitLabel(raw);
  if (!parts || !isNameLike(parts.name, at.opts)) return null;
  const start = at.start ?? parts.start;
  return { name: parts.name, title: parts.title, org: parts.org, start, text, strong: start !== null || bold, bullet: at.bullet, kind: 'inline' };
}
