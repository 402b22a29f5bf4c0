/**
 * Field pickers for recorder JSON exports: the many spellings of speaker, text and time fields.
 * Everything is read defensively; nothing recurses into arbitrary depth.
 */
import { parseClock } from './clock.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first key of `keys` whose value is a non-empty string (numbers are stringified). */
export function pickString(o: JsonObject, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

const SPEAKER_KEYS = ['speaker', 'speaker_name', 'speakerName', 'name', 'participant', 'speaker_label', 'speakerLabel', 'user', 'author'];
const SPEAKER_ID_KEYS = ['speakerId', 'speaker_id', 'speakerID'];
const NAME_KEYS = ['name', 'display_name', 'displayName', 'full_name', 'fullName', 'label'];

/** Speaker name of a segment: a string field, or the `name` of a `participant`/`speaker` object. */
export function speakerOf(seg: JsonObject): string | null {
  for (const k of SPEAKER_KEYS) {
    const v = seg[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && Number.isFinite(v)) return `Speaker ${v}`;
    if (isObject(v)) {
      const n = pickString(v, NAME_KEYS);
      if (n) return n;
    }
  }
  return null;
}

/** The speaker id of a segment (`speaker_id: 2`), as a string. */
export function speakerIdOf(seg: JsonObject): string | null {
  return pickString(seg, SPEAKER_ID_KEYS)?.trim() ?? null;
}

/** A speaker known only by id: `Speaker 2` for a number, the id itself otherwise. */
export function speakerFromId(id: string): string {
  return /^\d{1,6}$/.test(id) ? `Speaker ${id}` : id;
}

const TEXT_KEYS = ['text', 'raw_text', 'rawText', 'content', 'sentence', 'transcript', 'value', 'utterance', 'body'];
const WORD_LIST_KEYS = ['words', 'elements', 'tokens'];
const WORD_TEXT_KEYS = ['text', 'word', 'punctuated_word', 'value', 'content'];

/** Segment text, or the joined texts of its `words[]`; null when the segment has no text field. */
export function textOf(seg: JsonObject): string | null {
  for (const k of TEXT_KEYS) {
    const v = seg[k];
    if (typeof v === 'string') return v;
  }
  for (const k of WORD_LIST_KEYS) {
    const v = seg[k];
    if (Array.isArray(v)) return joinWords(v);
  }
  return null;
}

function joinWords(words: unknown[]): string {
  let out = '';
  for (const w of words) {
    const t = typeof w === 'string' ? w : isObject(w) ? pickString(w, WORD_TEXT_KEYS) : null;
    if (t === null) continue;
    const piece = t.trim();
    if (!piece) continue;
    // Punctuation tokens (Rev `punct` elements) attach to the previous word.
    out = out && !/^[.,!?;:%)\]'’]+$/.test(piece) ? `${out} ${piece}` : out + piece;
  }
  return out;
}

export const START_KEYS = ['start', 'start_time', 'startTime', 'start_timestamp', 'startTimestamp', 'start_sec', 'start_seconds', 'from', 'begin', 'offset', 'ts'];
export const END_KEYS = ['end', 'end_time', 'endTime', 'end_timestamp', 'endTimestamp', 'end_sec', 'end_seconds', 'to', 'until'];
export const START_MS_KEYS = ['start_ms', 'startMs', 'start_millis', 'startMillis', 'start_time_ms', 'startTimeMs'];
export const END_MS_KEYS = ['end_ms', 'endMs', 'end_millis', 'endMillis', 'end_time_ms', 'endTimeMs'];

/** A time value: a number, a numeric or clock string, or `{relative: n}` (Recall.ai). */
function timeValue(v: unknown, depth = 0): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d{1,12}(?:\.\d{1,9})?$/.test(t)) return Number(t);
    return parseClock(t);
  }
  if (isObject(v) && depth === 0) return timeValue(v.relative ?? v.seconds ?? v.value, 1);
  return null;
}

export interface RawTime {
  value: number | null;
  /** The field name says milliseconds. */
  ms: boolean;
}

/** Reads a start or end time from the segment, falling back to its first or last word. */
export function timeOf(seg: JsonObject, which: 'start' | 'end', depth = 0): RawTime {
  const msKeys = which === 'start' ? START_MS_KEYS : END_MS_KEYS;
  for (const k of msKeys) {
    const v = timeValue(seg[k]);
    if (v !== null) return { value: v, ms: true };
  }
  for (const k of which === 'start' ? START_KEYS : END_KEYS) {
    const v = timeValue(seg[k]);
    if (v !== null) return { value: v, ms: false };
  }
  for (const k of depth === 0 ? WORD_LIST_KEYS : []) {
    const words = seg[k];
    if (Array.isArray(words) && words.length > 0) {
      const w = which === 'start' ? words[0] : words[words.length - 1];
      if (isObject(w)) return timeOf(w, which, 1);
    }
  }
  return { value: null, ms: false };
}
