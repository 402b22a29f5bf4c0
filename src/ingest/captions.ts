/**
 * WebVTT and SRT caption files. Blocks are separated by blank lines; a cue is an optional id line,
 * a `start --> end [settings]` line and the payload. Consecutive cues of the same speaker are
 * merged into one utterance (start of the first, end of the last), so a sentence split across cues
 * can be quoted; cues without a speaker continue the previous speaker's turn.
 */
import { cueSegments } from './caption-payload.ts';
import { parseClock } from './clock.ts';
import { TranscriptError } from './errors.ts';
import { displayName, isNameLike, nameKey } from './names.ts';
import { splitLines } from './text-lines.ts';
import type { ParsedContent, RawParticipant, RawUtterance } from './types.ts';

export type CaptionKind = 'vtt' | 'srt';

/** Speaker of caption text that never names one. */
export const UNKNOWN_CAPTION_SPEAKER = 'Unknown speaker';

interface Cue {
  start: number;
  end: number;
  payload: string[];
}

const LABEL: Record<CaptionKind, string> = { vtt: 'WebVTT', srt: 'SRT' };
const EXAMPLE: Record<CaptionKind, string> = { vtt: '00:00:01.000 --> 00:00:04.000', srt: '00:00:01,000 --> 00:00:04,000' };
const VTT_SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const INTEGER = /^\d{1,9}$/;

function fail(kind: CaptionKind, message: string): never {
  throw new TranscriptError('unparseable', `${LABEL[kind]} ${message}`, kind);
}

function isTiming(line: string): boolean {
  return line.includes('-->');
}

function parseTiming(kind: CaptionKind, line: string, cueNo: number): { start: number; end: number } {
  const at = line.indexOf('-->');
  const left = line.slice(0, at).trim();
  const endToken = line.slice(at + 3).trim().split(/[ \t]/, 1)[0] ?? '';
  const start = parseClock(left);
  const end = parseClock(endToken);
  if (start === null) fail(kind, `cue ${cueNo}: invalid start timestamp "${left.slice(0, 40)}"`);
  if (end === null) fail(kind, `cue ${cueNo}: invalid end timestamp "${endToken.slice(0, 40)}"`);
  return { start, end };
}

/** Runs of non-blank lines, trimmed. */
function blocks(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const l of splitLines(text)) {
    const t = l.trim();
    if (t === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

function readCues(kind: CaptionKind, text: string): Cue[] {
  const all = blocks(text);
  const first = all[0];
  if (first?.[0]?.startsWith('WEBVTT')) {
    // Header lines run to the first blank line; tolerate a cue that follows without one.
    const t = first.findIndex(isTiming);
    if (t < 0) all.shift();
    else all[0] = first.slice(t > 1 && !INTEGER.test(first[t - 1] ?? '') ? t - 1 : t);
  }
  const cues: Cue[] = [];
  for (const block of all) {
    if (kind === 'vtt' && VTT_SKIPPED_BLOCK.test(block[0] ?? '')) continue;
    let i = block.findIndex(isTiming);
    if (i < 0 || i > 1) {
      const prev = cues[cues.length - 1];
      if (prev && i < 0 && !INTEGER.test(block[0] ?? '')) {
        prev.payload.push(...block); // a blank line inside a cue's text
        continue;
      }
      fail(kind, `cue ${cues.length + 1}: missing timestamp line (expected "${EXAMPLE[kind]}")`);
    }
    // Cues that run together without blank lines: every timing line starts a new cue.
    while (i < block.length) {
      const cue: Cue = { ...parseTiming(kind, block[i] ?? '', cues.length + 1), payload: [] };
      cues.push(cue);
      i++;
      while (i < block.length && !isTiming(block[i] ?? '')) cue.payload.push(block[i++] ?? '');
      if (i < block.length && INTEGER.test(cue.payload[cue.payload.length - 1] ?? '')) cue.payload.pop();
    }
  }
  return cues;
}

export function parseCaptions(text: string, kind: CaptionKind): ParsedContent {
  const cues = readCues(kind, text);
  const segments = cues.flatMap((cue) => cueSegments(cue.payload.join('\n')).map((s) => ({ ...s, start: cue.start, end: cue.end })));
  // A `Name:` prefix is a speaker when it looks like a name, or when it labels at least two cues
  // (lower-case display names); otherwise it is prose with a colon.
  const prefixCounts = new Map<string, number>();
  for (const s of segments) {
    if (s.speaker && s.fromPrefix) prefixCounts.set(nameKey(s.speaker), (prefixCounts.get(nameKey(s.speaker)) ?? 0) + 1);
  }

  const utterances: RawUtterance[] = [];
  const participants: RawParticipant[] = [];
  const titled = new Set<string>();
  let last: RawUtterance | null = null;
  for (const s of segments) {
    let speaker = s.speaker;
    let body = s.text;
    if (speaker && s.fromPrefix && !isNameLike(speaker) && (prefixCounts.get(nameKey(speaker)) ?? 0) < 2) {
      speaker = null;
      body = s.whole;
    }
    if (!body) continue;
    const name: string = speaker ? displayName(speaker) : (last?.speaker ?? UNKNOWN_CAPTION_SPEAKER);
    if (speaker && s.title && !titled.has(nameKey(name))) {
      titled.add(nameKey(name));
      participants.push({ name, title: s.title });
    }
    if (last && nameKey(last.speaker) === nameKey(name)) {
      last.text = `${last.text} ${body}`;
      last.end = Math.max(last.end ?? s.end, s.end);
      continue;
    }
    last = { speaker: name, start: s.start, end: s.end, text: body };
    utterances.push(last);
  }
  return { utterances, participants, meta: { title: null, occurred_at: null } };
}
