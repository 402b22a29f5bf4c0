import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Transcript } from '../../schemas/transcript.ts';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import { TranscriptError } from '../../src/ingest/errors.ts';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';
import { devCorpus } from '../support/corpus.ts';

// Property-based, with fast-check: the parsers and the analyzer take any text without crashing.

const texts = devCorpus().map((f) => f.text);
const spliced = fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 80 })).map(([text, a, b, insert]) => {
  const i = a % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(Math.min(text.length, i + (b % 600)));
});
const anyText = fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 1000 }), spliced, fc.json().map(String));
const formats = fc.constantFrom(undefined, 'speaker_lines', 'notes', 'vtt', 'srt', 'json') as fc.Arbitrary<Transcript['format'] | undefined>;

describe('parsers and analyzer under random input', () => {
  it('normalizeTranscript returns a valid transcript or a TranscriptError', () => {
    fc.assert(
      fc.property(anyText, formats, (text, format) => {
        try {
          const { transcript } = normalizeTranscript({ content: text, format });
          expect(Transcript.safeParse(transcript).success).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(TranscriptError);
        }
        expect(typeof detectFormat(text)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('structured utterances of any shape', () => {
    const utterance = fc.record({ speaker: fc.string(), text: fc.string(), start: fc.option(fc.double()), end: fc.option(fc.double()) });
    fc.assert(
      fc.property(fc.array(utterance, { maxLength: 30 }), (utterances) => {
        try {
          normalizeTranscript({ content: { utterances } });
        } catch (err) {
          expect(err).toBeInstanceOf(TranscriptError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analyzeTranscript analyses whatever normalizes', async () => {
    await fc.assert(
      fc.asyncProperty(spliced, async (text) => {
        let transcript: Transcript;
        try {
          transcript = normalizeTranscript({ content: text }).transcript;
        } catch {
          return;
        }
        const analysis = await analyzeTranscript(transcript, { occurredAt: '2026-01-01T00:00:00Z' });
        expect(analysis.meta.analyzer).toBe('rules');
      }),
      { numRuns: 150 },
    );
  });
});
