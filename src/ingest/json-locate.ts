/**
 * Where the segments of a JSON export are: the first list under a segment key (`utterances`,
 * `segments`, `sentences`, ...) found breadth-first from the root, a few objects deep at most
 * (`{data: {transcript: {sentences: [...]}}}` from a GraphQL API; the first item of a list of
 * calls), preferring a list whose items carry text. The objects on the way to it, and their
 * `metadata`-style wrappers, are where the fields around the list (participants, title, date) are
 * read, outermost first.
 */
import { isObject, textOf, type JsonObject } from './json-fields.ts';

const LIST_KEYS = ['utterances', 'segments', 'sentences', 'monologues', 'entries', 'captions', 'results', 'items', 'transcript'];
/** Keys of objects that hold an export's fields, searched first. */
const WRAPPER_KEYS = ['transcript', 'meeting', 'metadata', 'call', 'data', 'recording'];
/** How deep below the root the list may be. */
const MAX_DEPTH = 4;
/** How many objects are looked into at most. */
const MAX_OBJECTS = 200;

export interface SegmentLocation {
  list: unknown[];
  /** Objects whose fields describe the call, outermost first (empty when the root is the list). */
  containers: JsonObject[];
}

function looksLikeSegment(item: unknown): boolean {
  return isObject(item) && (textOf(item) !== null || Array.isArray(item.sentences));
}

/** Object children of `o`, wrappers first; a non-segment list contributes its first item. */
function children(o: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  for (const k of WRAPPER_KEYS) if (isObject(o[k])) out.push(o[k]);
  for (const [k, v] of Object.entries(o)) {
    if (WRAPPER_KEYS.includes(k)) continue;
    if (isObject(v)) out.push(v);
    else if (Array.isArray(v) && !LIST_KEYS.includes(k) && isObject(v[0])) out.push(v[0]);
    if (out.length >= MAX_OBJECTS) break;
  }
  return out;
}

/** The objects along `path` with their wrappers, outermost first, each once. */
function around(path: readonly JsonObject[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const o of path) {
    for (const c of [o, ...WRAPPER_KEYS.map((k) => o[k])]) if (isObject(c) && !out.includes(c)) out.push(c);
  }
  return out;
}

export function locateSegments(root: unknown): SegmentLocation | null {
  if (Array.isArray(root)) return { list: root, containers: [] };
  if (!isObject(root)) return null;
  let fallback: SegmentLocation | null = null;
  const queue: JsonObject[][] = [[root]];
  for (let q = 0; q < queue.length && q < MAX_OBJECTS; q++) {
    const path = queue[q]!;
    const o = path[path.length - 1]!;
    for (const k of LIST_KEYS) {
      const v = o[k];
      if (!Array.isArray(v)) continue;
      if (v.some(looksLikeSegment)) return { list: v, containers: around(path) };
      fallback ??= { list: v, containers: around(path) };
    }
    if (path.length > MAX_DEPTH) continue;
    for (const c of children(o)) {
      if (queue.length >= MAX_OBJECTS) break;
      queue.push([...path, c]);
    }
  }
  return fallback;
}
