/**
 * Which format a text upload is, from its structure alone (never from a file name):
 * `WEBVTT` header -> vtt; `{` or a `[` that is not a `[00:12]` stamp -> json; cue timing lines
 * (`-->`) at the top -> srt (comma decimals or numbered cues) or vtt; enough speaker turns ->
 * speaker_lines (`Name: text` labels in their many forms, pipe-delimited `00:03 | Name | text`
 * lines and Markdown table transcripts all count; speaker-lines.ts scans them); anything else ->
 * notes.
 */
import type { TranscriptFormat } from '../../schemas/transcript.ts';
import { STAMP_SOURCE } from './clock.ts';
import { looksLikeSpeakerLines, scanSpeakerLabels, type LabelEvidence } from './speaker-lines.ts';
import { stripBom } from './text-lines.ts';

const STAMP_BRACKET = new RegExp(String.raw`^\[\s*${STAMP_SOURCE}\s*\]`);
/** `[` opening a JSON array: a value follows, not a name (`[Sam Whitaker] 14:02`). */
const JSON_ARRAY_START = /^\[\s*(?:[[{"\]\d-]|(?:true|false|null)(?![\p{L}])|$)/u;
const TIMING = /^\s*(?:\d{1,6}:)?\d{1,2}:\d{2}([.,])\d{1,3}\s*-->/;
/** How many leading non-empty lines are looked at for a caption timing line. */
const CAPTION_PROBE_LINES = 4;

export function detectFormat(text: string): TranscriptFormat {
  return detectWithEvidence(text).format;
}

/** The format, plus the speaker-label scan when one was made (the parser reuses it). */
export function detectWithEvidence(text: string): { format: TranscriptFormat; labels?: LabelEvidence } {
  const t = stripBom(text);
  const head = t.trimStart().slice(0, 100);
  if (head.startsWith('WEBVTT')) return { format: 'vtt' };
  if (head.startsWith('{')) return { format: 'json' };
  if (head.startsWith('[') && !STAMP_BRACKET.test(head.slice(0, 40)) && JSON_ARRAY_START.test(head)) return { format: 'json' };
  const caption = captionKind(t.trimStart());
  if (caption) return { format: caption };
  const labels = scanSpeakerLabels(t);
  return { format: looksLikeSpeakerLines(labels) ? 'speaker_lines' : 'notes', labels };
}

/** `srt` or `vtt` when one of the first lines is a cue timing line. */
function captionKind(t: string): 'srt' | 'vtt' | null {
  let seen = 0;
  let numbered = false;
  let from = 0;
  while (seen < CAPTION_PROBE_LINES && from < t.length) {
    const nl = t.indexOf('\n', from);
    const line = t.slice(from, nl < 0 ? t.length : nl).slice(0, 200).trim();
    from = nl < 0 ? t.length : nl + 1;
    if (!line) continue;
    seen++;
    if (/^\d{1,9}$/.test(line)) numbered = true;
    const m = TIMING.exec(line);
    if (m) return m[1] === ',' || numbered ? 'srt' : 'vtt';
  }
  return null;
}
