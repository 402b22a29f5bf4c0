/**
 * JSON segment exports: `{utterances|segments|sentences|monologues: [...]}`, the same nested in
 * wrappers (`{transcript: {...}}`, a GraphQL `{data: {transcript: {sentences}}}`; json-locate.ts
 * finds it), `transcript` as the array, or a bare array. Gong-style items carrying their own
 * `sentences[]` are expanded. A segment without a speaker name takes the name its speaker id has
 * elsewhere (a participant, or another segment), else `Speaker <id>`. Times are seconds unless a
 * field says ms (`start_ms`) or the values are clearly milliseconds (a segment past ten hours).
 */
import { TranscriptError } from './errors.ts';
import { isObject, speakerFromId, speakerIdOf, speakerOf, textOf, timeOf, type JsonObject } from './json-fields.ts';
import { locateSegments } from './json-locate.ts';
import { nameEmails, readMeta, readParticipants } from './json-meta.ts';
import { roundMs } from './clock.ts';
import type { ParsedContent, RawUtterance } from './types.ts';

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

interface Segment {
  item: JsonObject;
  /** The object naming the speaker: the segment, or the Gong item around its sentences. */
  speaker: JsonObject;
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
  const found = locateSegments(root);
  if (found === null) fail('no utterances/segments array found (expected {"utterances": [{"speaker", "text", "start", "end"}]} or an array of them)');
  const { participants, names, emails } = readParticipants(found.containers);
  const meta = readMeta(found.containers);

  const segments = segmentsOf(found.list).map((s) => ({ ...s, id: speakerIdOf(s.speaker), own: speakerOf(s.speaker) }));
  // the name other segments give a speaker id, for the segments that carry only the id
  const nameOfId = new Map<string, string>();
  for (const s of segments) if (s.id !== null && s.own !== null && !nameOfId.has(s.id)) nameOfId.set(s.id, s.own);

  const rows = segments.map(({ item, n, id, own }) => {
    const text = textOf(item);
    if (text === null) fail(`utterance ${n} has no text (expected "text", "content", "sentence" or "words")`);
    const fromId = id === null ? undefined : (names.get(id) ?? (own === null ? nameOfId.get(id) : undefined));
    const speaker = fromId ?? own ?? (id === null ? UNKNOWN_JSON_SPEAKER : speakerFromId(id));
    return { speaker, text: text.trim(), start: timeOf(item, 'start'), end: timeOf(item, 'end') };
  });

  const clearlyMs = rows.some((r) => (!r.start.ms && (r.start.value ?? 0) > MAX_SECONDS) || (!r.end.ms && (r.end.value ?? 0) > MAX_SECONDS));
  const seconds = (t: { value: number | null; ms: boolean }): number | null =>
    t.value === null ? null : roundMs(t.ms || clearlyMs ? t.value / 1000 : t.value);

  const utterances: RawUtterance[] = rows
    .filter((r) => r.text)
    .map((r) => ({ speaker: r.speaker, text: r.text, start: seconds(r.start), end: seconds(r.end) }));
  const speakers = [...new Set(utterances.map((u) => u.speaker))];
  return { utterances, participants: [...participants, ...nameEmails(emails, speakers, participants)], meta };
}
