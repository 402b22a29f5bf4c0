import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';
import type { TranscriptFormat } from '../../schemas/transcript.ts';

const devDir = fileURLToPath(new URL('../../../shared/eval/dev/', import.meta.url));

interface Gold {
  seller: string[];
  stakeholders: { name: string; aliases?: string[]; present: boolean }[];
}

/**
 * Expected format and utterance count, counted by hand from the files: labelled lines for speaker
 * lines, cues for captions (minus consecutive cues of one speaker, which are merged), array items
 * for JSON, non-empty lines for notes.
 */
const cases: { file: string; format: TranscriptFormat; utterances: number }[] = [
  { file: 'b-marlowfinch-1.txt', format: 'speaker_lines', utterances: 58 },
  { file: 'b-marlowfinch-2.txt', format: 'speaker_lines', utterances: 93 },
  { file: 'b-marlowfinch-3.txt', format: 'speaker_lines', utterances: 54 },
  { file: 'c-harborline-1.txt', format: 'speaker_lines', utterances: 9 },
  { file: 'c-harborline-2.txt', format: 'speaker_lines', utterances: 8 },
  { file: 'c-harborline-3.txt', format: 'speaker_lines', utterances: 9 },
  { file: 'c-ledgerline-discovery.txt', format: 'speaker_lines', utterances: 19 },
  // 69 cues; cues 40 and 41 are both Deshawn Mercer and merge into one turn.
  { file: 'b-ostrander-zoom.vtt', format: 'vtt', utterances: 68 },
  { file: 'c-buildpoint-zoom.vtt', format: 'vtt', utterances: 12 },
  { file: 'c-northwind-security.vtt', format: 'vtt', utterances: 16 },
  { file: 'b-pemberton-dedicated.srt', format: 'srt', utterances: 53 },
  { file: 'c-pixelpeak-analytics.srt', format: 'srt', utterances: 9 },
  { file: 'b-sunfield-dso.json', format: 'json', utterances: 67 },
  { file: 'c-medisync-cmio.json', format: 'json', utterances: 9 },
  { file: 'b-tamarack-notes.md', format: 'notes', utterances: 19 },
  { file: 'c-brightforge-notes.md', format: 'notes', utterances: 14 },
];

function read(file: string): string {
  return readFileSync(devDir + file, 'utf8');
}

function gold(file: string): Gold {
  return JSON.parse(read(file.replace(/\.[a-z]+$/, '.gold.json'))) as Gold;
}

/** The gold person a speaker name stands for (by name or alias, case-insensitively). */
function goldName(g: Gold, speaker: string): string {
  const s = speaker.toLowerCase();
  if (g.seller.some((n) => n.toLowerCase() === s)) return g.seller.find((n) => n.toLowerCase() === s) as string;
  const hit = g.stakeholders.find((p) => [p.name, ...(p.aliases ?? [])].some((n) => n.toLowerCase() === s));
  return hit ? hit.name : `?${speaker}`;
}

describe('dev corpus', () => {
  it('covers every dev input', () => {
    expect(cases).toHaveLength(16);
  });

  for (const c of cases) {
    describe(c.file, () => {
      const text = read(c.file);
      const g = gold(c.file);

      it(`is detected as ${c.format}`, () => {
        expect(detectFormat(text)).toBe(c.format);
      });

      it('normalizes with the right speakers and utterance count', () => {
        const { transcript } = normalizeTranscript({ content: text });
        expect(transcript.format).toBe(c.format);
        expect(transcript.utterances).toHaveLength(c.utterances);
        const speakers = new Set(transcript.utterances.map((u) => goldName(g, u.speaker)));
        if (c.format === 'notes') {
          // Notes are written by the seller; the people present are attendees.
          expect([...speakers]).toEqual(g.seller);
          expect(transcript.utterances.every((u) => u.side === 'seller')).toBe(true);
          const attendees = transcript.participants.map((p) => goldName(g, p.name));
          for (const p of g.stakeholders.filter((s) => s.present)) expect(attendees).toContain(p.name);
        } else {
          const expected = new Set([...g.seller, ...g.stakeholders.filter((s) => s.present).map((s) => s.name)]);
          expect([...speakers].sort()).toEqual([...expected].sort());
        }
      });

      it('keeps every utterance text verbatim from the input', () => {
        const { transcript } = normalizeTranscript({ content: text });
        const squash = (s: string) => s.replace(/\s+/g, '');
        const source = squash(c.format === 'json' ? (JSON.parse(text) as { utterances: { text: string }[] }).utterances.map((u) => u.text).join('') : text);
        for (const u of transcript.utterances.slice(0, 20)) {
          // Caption payloads are merged across cues, so check each merged piece by its first words.
          expect(source).toContain(squash(u.text).slice(0, 40));
        }
      });
    });
  }

  it('marks sides from the workspace domains on JSON exports', () => {
    const { transcript, meta } = normalizeTranscript({ content: read('b-sunfield-dso.json'), ownDomains: ['cuspidcloud.com'] });
    const side = Object.fromEntries(transcript.participants.map((p) => [p.name, p.side]));
    expect(side).toMatchObject({ 'Farah Qureshi': 'seller', 'Jonah Petrakis': 'seller', 'Kwame Boateng': 'buyer', 'Ethan Castellano': 'unknown' });
    expect(meta.title).toMatch(/Sunfield/);
    expect(meta.occurred_at).toBe('2026-05-05T17:00:00.000Z');
  });
});
