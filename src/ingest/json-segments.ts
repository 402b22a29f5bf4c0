/**
 * JSON segment exports: `{utterances|segments|sentences|monologues: [...]}`, the same under
 * `transcript` (or `transcript` as the array), or a bare array. Gong-style items carrying their own
 * `sentences[]` are expanded. Times are seconds unless a field says ms (`start_ms`) or the values
 * are clearly milliseconds (a segment past ten hours).
 */
import { TranscriptError } from './errors.ts';
import { isObject, speakerOf, textOf, timeOf, type JsonObject } from './json-fields.ts';
import { metaContainers, readMeta, readParticipants } from './json-meta.ts';
import { roundMs } from './clock.ts';
import { NO_META, type ParsedContent, type RawUtterance } from './types.ts';

const LIST_KEYS = ['utterances', 'segments', 'sentences', 'monologues', 'entries', 'captions', 'results', 'items', 'transcript'];
/** A start or end beyond this many seconds (ten hours) means the file counts milliseconds. */
const MAX_SECONDS = 36_000;
export const UNKNOWN_JSON_SPEAKER = 'Unknown speaker';

function fail(message: string): never {
  throw new TranscriptError('unparseable', `JSON: ${message}`, 'json');
}

export function parseJsonText(text: string): ParsedContent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : 'nested too deeply or too large';
    fail(`invalid JSON (${reason.slice(0, 200)})`);
  }
  return parseJsonValue(value);
}

function findList(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) return null;
  for (const c of metaContainers(root)) {
    for (const k of LIST_KEYS) {
      const v = c[k];
      if (Array.isArray(v)) return v;
    }
  }
  return null;
}

interface Segment {
  item: JsonObject;
  speaker: unknown;
  n: number;
}

/** Items with their own `sentences[]` (Gong) become one segment per sentence. */
function segmentsOf(list: unknown[]): Segment[] {
  const out: Segment[] = [];
  list.forEach((item, i) => {
    if (!isObject(item)) fail(`utterance ${i + 1} is not an object`);
    const sentences = item.sentences;
    if (Array.isArray(sentences) && textOf(item) === null) {
      for (const s of sentences) if (isObject(s)) out.push({ item: s, speaker: item, n: i + 1 });
    } else out.push({ item, speaker: item, n: i + 1 });
  });
  return out;
}

export function parseJsonValue(root: unknown): ParsedContent {
  const list = findList(root);
  if (list === null) fail('no utterances/segments array found (expected {"utterances": [{"speaker", "text", "start", "end"}]} or an array of them)');
  const { participants, names } = isObject(root) ? readParticipants(root) : { participants: [], names: new Map<string, string>() };
  const meta = isObject(root) ? readMeta(root) : NO_META;

  const rows = segmentsOf(list).map(({ item, speaker, n }) => {
    const text = textOf(item);
    if (text === null) fail(`utterance ${n} has no text (expected "text", "content", "sentence" or "words")`);
    const who = isObject(speaker) ? speakerOf(speaker) : null;
    const idName = who && isObject(speaker) ? names.get(String(speaker.speakerId ?? speaker.speaker_id ?? '')) : undefined;
    return { speaker: idName ?? who ?? UNKNOWN_JSON_SPEAKER, text: text.trim(), start: timeOf(item, 'start'), end: timeOf(item, 'end') };
  });

  const clearlyMs = rows.some((r) => (!r.start.ms && (r.start.value ?? 0) > MAX_SECONDS) || (!r.end.ms && (r.end.value ?? 0) > MAX_SECONDS));
  const seconds = (t: { value: number | null; ms: boolean }): number | null =>
    t.value === null ? null : roundMs(t.ms || clearlyMs ? t.value / 1000 : t.value);

  const utterances: RawUtterance[] = rows
    .filter((r) => r.text)
    .map((r) => ({ speaker: r.speaker, text: r.text, start: seconds(r.start), end: seconds(r.end) }));
  return { utterances, participants, meta };
}
