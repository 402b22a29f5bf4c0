/**
 * The text of one caption cue: WebVTT voice spans (`<v Name>text</v>`), `Name: text` prefixes
 * (Zoom, most SRT exports), markup to drop (`<i>`, `<c.x>`, `<00:00:01.000>`, `{\an8}`) and
 * HTML entities.
 */
import { parseLabelLine } from './labels.ts';
import { squashSpace } from './text-lines.ts';

export interface CueSegment {
  /** The voice or label naming the speaker, if the cue carries one. */
  speaker: string | null;
  text: string;
  /** Title found in the label (`Dana Ortiz (CFO):`). */
  title: string | null;
  /** True when `speaker` came from a `Name:` prefix (needs confirming); false for `<v>` voices. */
  fromPrefix: boolean;
  /** The whole segment text, label included, for when the prefix turns out not to be a speaker. */
  whole: string;
}

const VOICE = /<v(?:\.[^\s<>]*)?(?:\s([^<>]*))?>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (all, code: string) => {
    if (code.startsWith('#')) {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

/** Removes tags and ASS overrides, decodes entities, collapses whitespace. */
export function plainCueText(s: string): string {
  return squashSpace(decodeEntities(s.replace(/<[^<>]*>/g, ' ').replace(/\{\\[^{}]*\}/g, '')));
}

/** Splits a cue payload into speaker segments. */
export function cueSegments(payload: string): CueSegment[] {
  const voices = [...payload.matchAll(VOICE)];
  if (voices.length === 0) return [prefixed(payload)];
  const out: CueSegment[] = [];
  const before = plainCueText(payload.slice(0, voices[0]?.index ?? 0));
  if (before) out.push(prefixed(before));
  voices.forEach((v, i) => {
    const from = (v.index ?? 0) + v[0].length;
    const to = voices[i + 1]?.index ?? payload.length;
    const text = plainCueText(payload.slice(from, to));
    const speaker = plainCueText(v[1] ?? '') || null;
    if (text) out.push({ speaker, title: null, text, fromPrefix: false, whole: text });
  });
  return out;
}

function prefixed(payload: string): CueSegment {
  const text = plainCueText(payload.replace(/^\s*(?:>>|-)\s*/, ''));
  const label = parseLabelLine(text, { anyCase: true });
  if (label && label.kind === 'inline' && label.start === null) {
    return { speaker: label.name, title: label.title, text: label.text, fromPrefix: true, whole: text };
  }
  return { speaker: null, title: null, text, fromPrefix: false, whole: text };
}
