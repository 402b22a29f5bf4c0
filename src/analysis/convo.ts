import type { Side, Transcript } from '../../schemas/transcript.ts';
import { resolveSides } from './sides.ts';
import { maskRange, quotedSpans, sentences, type Span } from './text.ts';

/**
 * The transcript as the rules read it: each utterance with its speaker's side, its sentences, a
 * lower-case copy, and a copy in which other people's reported words are blanked out ("my CFO said
 * maybe next year" is not the speaker's own hedge). For typed notes, lines are also classified:
 * section headers ("What Tamsin said", "Next steps"), the author's CRM fields ("Econ buyer = ...",
 * "Competitor: ..."), and the author's own notes ("My notes", "Me: ...").
 */

export interface Turn {
  index: number;
  speaker: string;
  side: Side;
  text: string;
  lower: string;
  /** `lower` with reported speech of third parties replaced by spaces (same length). */
  own: string;
  sentences: Span[];
  isQuestion: boolean;
  /** Notes only: a section header line. */
  header: boolean;
  /** Notes only: a field line written by the author ("Econ buyer = ...", "Competitor: ..."). */
  field: boolean;
  /** Notes only: the header of the section the line is in (lower-case), or null. */
  section: string | null;
}

export interface Conversation {
  transcript: Transcript;
  notes: boolean;
  turns: Turn[];
  sides: Map<string, Side>;
  /** Reference date for relative dates (the call's date when known). */
  refDate: Date | null;
}

const REPORTING = /\b[a-z'’]+ (?:(?:already|just|also|always|even|then|literally) )?(?:said|says|told me|tells me|thinks|thought|wrote|asked|mentioned|words were)\b|\b(?:i'm quoting \w+|quote,)/g;
const FIRST_PERSON_SUBJECT = /^(?:i|we|i've|i'd|i'll|we've|we'd|i'm|who|that|which|you|just|had|have|has|i’ve)$/;

/** Blanks out third parties' reported words in `lower` (quotes, and "X said ..." to the clause end). */
export function maskReported(lower: string, notes: boolean): string {
  let own = lower;
  if (!notes) for (const q of quotedSpans(lower)) own = maskRange(own, q.start, q.end);
  for (const m of lower.matchAll(REPORTING)) {
    const subject = m[0].split(' ')[0]!;
    if (FIRST_PERSON_SUBJECT.test(subject)) continue;
    if (notes) continue; // in notes the author reports the buyer: those are the buyer's words
    const from = (m.index ?? 0) + m[0].length;
    // to the end of the clause: next ", but", ";", or sentence end
    const rest = lower.slice(from);
    const stop = rest.search(/,\s*but\b|;|[.!?](?:\s|$)|\bbut i\b/);
    const to = stop < 0 ? lower.length : from + stop;
    own = maskRange(own, from, to);
  }
  return own;
}

const HEADER_MAX_WORDS = 6;

function isHeader(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || /[.!?:;,"“]$/.test(t) || /["“]/.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words <= HEADER_MAX_WORDS && !/\d{1,2}[:/]\d/.test(t);
}

const FIELD_LINE = /^\s*[A-Za-z][A-Za-z /&-]{1,30}\s*(?:=|:)\s*\S/;
/** A label that is not a CRM field: the seller's reported question ("Asked re timing: ...") or an act. */
const ACT_LABEL = /^\s*(?:i\s+)?(?:asked|ask|said|told|agreed|mentioned|offered|promised|confirmed|explained|pushed|raised)\b/i;
/** A label that speaks about the buyer in prose ("How they buy: she was open. ...") rather than naming a field. */
const PROSE_LABEL = /^\s*[^:=]*\b(?:she|he|they|her|his|their|them)\b[^:=]*[:=]/i;
const PERSON_QUOTE_LINE = /^\s*[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)?:\s*["“]/u;

export function buildConversation(t: Transcript, opts: { ownDomains?: readonly string[]; occurredAt?: string | null }): Conversation {
  const sides = resolveSides(t, opts.ownDomains ?? []);
  const notes = t.format === 'notes';
  // "Marguerite: gate queue at 47 min" is the author's shorthand of what an attendee said, not a field
  const firstNames = new Set(t.participants.map((p) => p.name.trim().split(/\s+/)[0]!.toLowerCase()).filter((n) => n.length > 1 && !/^(?:notes|me|i)$/.test(n)));
  const personLabel = (text: string) => {
    const m = /^\s*([\p{L}'’.-]+)(?: [\p{L}'’.-]+)?\s*:/u.exec(text);
    return !!m && firstNames.has(m[1]!.toLowerCase());
  };
  let section: string | null = null;
  const turns: Turn[] = t.utterances.map((u) => {
    const lower = u.text.toLowerCase();
    const header = notes && (isHeader(u.text) || (u.index === 0 && !/["“]/.test(u.text) && u.text.split(/\s+/).length <= 14));
    if (header) section = lower.trim();
    const field = notes && !header && FIELD_LINE.test(u.text) && !PERSON_QUOTE_LINE.test(u.text) && !/^\s*(?:me|i|q|a)\s*:/i.test(u.text) && !ACT_LABEL.test(u.text) && !PROSE_LABEL.test(u.text) && !personLabel(u.text);
    return {
      index: u.index,
      speaker: u.speaker,
      side: sides.get(u.speaker) ?? 'unknown',
      text: u.text,
      lower,
      own: maskReported(lower, notes),
      sentences: sentences(u.text),
      isQuestion: u.text.includes('?'),
      header,
      field,
      section: header ? null : section,
    };
  });
  const d = opts.occurredAt ? new Date(opts.occurredAt) : null;
  return { transcript: t, notes, turns, sides, refDate: d && !Number.isNaN(d.getTime()) ? d : null };
}
