/**
 * Entry point of the input-format normalizers: any upload (speaker lines, including pipe-delimited
 * lines and Markdown table transcripts; typed notes; WebVTT; SRT; JSON segments, however nested; or
 * already-structured utterances) becomes one canonical Transcript.
 */
import { Transcript, TranscriptFormat, type Utterance } from '../../schemas/transcript.ts';
import { parseCaptions } from './captions.ts';
import { detectWithEvidence } from './detect.ts';
import { TranscriptError, UNEXPECTED_FAILURE_PREFIX } from './errors.ts';
import { parseJsonText, parseJsonValue } from './json-segments.ts';
import { cleanName, memoize } from './names.ts';
import { parseNotes } from './notes.ts';
import { buildParticipants } from './sides.ts';
import { parseSpeakerLines, type LabelEvidence } from './speaker-lines.ts';
import { stripBom } from './text-lines.ts';
import type { ParsedContent, RawParticipant, RawUtterance } from './types.ts';

export type { RawParticipant, RawUtterance } from './types.ts';
export { detectFormat } from './detect.ts';
export { TranscriptError } from './errors.ts';

export interface NormalizeInput {
  /** Text of the upload, or already-structured utterances. */
  content: string | { utterances: RawUtterance[] };
  /** Forced by the caller; otherwise detected from the content. */
  format?: TranscriptFormat;
  /** Given by the uploader; merged with what the content says (the uploader wins). */
  participants?: RawParticipant[];
  /** The workspace's own (seller) email domains, e.g. ['acme.com']. */
  ownDomains?: string[];
}

export interface NormalizeResult {
  /** Valid per schemas/transcript.ts. */
  transcript: Transcript;
  /** From the content when it carries them (JSON exports; a `# heading` or an export's title line for text). */
  meta: { title: string | null; occurred_at: string | null };
}

/** Speaker used when a format gives an utterance without one. */
const FALLBACK_SPEAKER = 'Unknown speaker';

function parseText(text: string, format: TranscriptFormat, labels?: LabelEvidence): ParsedContent {
  switch (format) {
    case 'vtt':
    case 'srt':
      return parseCaptions(text, format);
    case 'json':
      return parseJsonText(text);
    case 'speaker_lines':
      return parseSpeakerLines(text, labels);
    case 'notes':
      return parseNotes(text);
  }
}

function forcedFormat(format: unknown): TranscriptFormat | null {
  if (format === undefined || format === null) return null;
  const r = TranscriptFormat.safeParse(format);
  if (!r.success) throw new TranscriptError('unparseable', `Unknown format "${String(format).slice(0, 40)}" (expected one of ${TranscriptFormat.options.join(', ')})`, null);
  return r.data;
}

function readContent(input: NormalizeInput): { format: TranscriptFormat; parsed: ParsedContent } {
  const content: unknown = input?.content;
  const forced = forcedFormat(input?.format);
  if (typeof content === 'string') {
    const text = stripBom(content);
    if (!text.trim()) throw new TranscriptError('empty', 'The transcript is empty', forced);
    if (forced) return { format: forced, parsed: parseText(text, forced) };
    const { format, labels } = detectWithEvidence(text);
    return { format, parsed: parseText(text, format, labels) };
  }
  if (typeof content === 'object' && content !== null) return { format: 'json', parsed: parseJsonValue(content) };
  throw new TranscriptError('unparseable', 'Content must be text or an object with an utterances array', forced);
}

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function normalizeUnchecked(input: NormalizeInput): NormalizeResult {
  const { format, parsed } = readContent(input);
  const speakerName = memoize((s: string) => cleanName(s) || FALLBACK_SPEAKER);
  const raw = parsed.utterances
    .map((u) => ({ speaker: speakerName(String(u.speaker ?? '')), text: String(u.text ?? '').trim(), start: finite(u.start), end: finite(u.end) }))
    .filter((u) => u.text.length > 0);
  if (raw.length === 0) throw new TranscriptError('empty', `The ${format} transcript has no text`, format);

  const book = buildParticipants(parsed.participants, raw.map((u) => u.speaker), input.participants, input.ownDomains);
  const utterances: Utterance[] = raw.map((u, index) => {
    const speaker = book.canonical(u.speaker);
    return { index, speaker, side: book.sideOf(speaker), start: u.start, end: u.end, text: u.text };
  });
  const transcript = Transcript.parse({ format, participants: book.participants(), utterances });
  return { transcript, meta: { title: parsed.meta.title, occurred_at: parsed.meta.occurred_at } };
}

/**
 * Normalizes one upload. Throws only TranscriptError: `empty` when no text remains, `unparseable`
 * when the content claims a format (or one is forced) and cannot be read.
 */
export function normalizeTranscript(input: NormalizeInput): NormalizeResult {
  try {
    return normalizeUnchecked(input);
  } catch (e) {
    if (e instanceof TranscriptError) throw e;
    const detail = e instanceof Error ? e.message.slice(0, 200) : 'unknown error';
    throw new TranscriptError('unparseable', `${UNEXPECTED_FAILURE_PREFIX}: ${detail}`, null);
  }
}
