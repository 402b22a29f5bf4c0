import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../schemas/extraction.ts';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import type { Extractor } from '../../src/analysis/extractor.ts';
import { buildIndex, groundExtraction, locate } from '../../src/analysis/ground.ts';
import { call } from './helpers.ts';

const t = call(
  `Kit Vendor: So, um, what did the team think?
  Jo Marsh: Honestly, um, it's like, the best trial we've run. We want it.
  Kit Vendor: Great. Who signs?
  Jo Marsh: Our COO, Vera Lund. I'll get you in front of her on Friday the 5th at 10.`,
  { 'Kit Vendor': 'seller' },
);
const index = buildIndex(t);

describe('grounding', () => {
  it('exact: returns the source text and its offsets', () => {
    const g = locate(index, { utterance: 1, quote: 'the best trial we' })!;
    expect(g).toMatchObject({ utterance: 1, quote: 'the best trial we' });
    expect(t.utterances[1]!.text.slice(g.start, g.end)).toBe(g.quote);
  });

  it('tolerant: case, punctuation and fillers ignored, the source text returned', () => {
    const g = locate(index, { utterance: 1, quote: "honestly it's the BEST trial" })!;
    expect(g.quote).toBe("Honestly, um, it's like, the best trial");
    expect(t.utterances[1]!.text.slice(g.start, g.end)).toBe(g.quote);
  });

  it('neighbour: a quote cited one utterance off is found next door', () => {
    expect(locate(index, { utterance: 2, quote: 'Our COO, Vera Lund.' })?.utterance).toBe(3);
  });

  it('whole transcript: a quote cited far away is found by its words', () => {
    const long = call(Array.from({ length: 20 }, (_, i) => `Kit Vendor: filler line number ${i}`).join('\n') + '\nJo Marsh: the quarterly numbers are in');
    expect(locate(buildIndex(long), { utterance: 0, quote: 'Quarterly numbers are in' })?.utterance).toBe(20);
  });

  it('an item whose quote is nowhere is dropped and counted', async () => {
    const fake: Extractor = {
      analyzer: 'openai',
      model: 'test-model',
      promptVersion: 'test',
      extract: async (): Promise<Extraction> => ({
        stakeholders: [{ name: 'Jo Marsh', email: null, title: null, side: 'buyer', present: true, role: 'user_buyer', stance: 'ally', evidence: [{ utterance: 1, quote: 'We want it.' }] }],
        signals: [
          { type: 'intro_offered', stakeholder: 'Jo Marsh', evidence: [{ utterance: 3, quote: "I'll get you in front of her" }] },
          { type: 'enthusiastic_commitment', stakeholder: 'Jo Marsh', evidence: [{ utterance: 1, quote: 'We will sign the contract today' }] },
        ],
        red_flags: [],
        champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
      }),
    };
    const a = await analyzeTranscript(t, { extractor: fake });
    expect(a.signals.map((s) => s.type)).toEqual(['intro_offered']);
    expect(a.meta).toMatchObject({ analyzer: 'openai', model: 'test-model', prompt_version: 'test', ungrounded_dropped: 1 });
  });

  it('person-level evidence spoken by someone else is dropped', () => {
    const x: Extraction = {
      stakeholders: [{ name: 'Jo Marsh', email: null, title: null, side: 'buyer', present: true, role: 'user_buyer', stance: 'ally', evidence: [] }],
      signals: [{ type: 'articulated_value', stakeholder: 'Jo Marsh', evidence: [{ utterance: 0, quote: 'what did the team think' }] }],
      red_flags: [],
      champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
    };
    const speakerOf = (u: number) => t.utterances[u]!.speaker;
    const g = groundExtraction(x, t, (name, u) => speakerOf(u) === name, index);
    expect(g.signals).toEqual([]);
    expect(g.dropped).toBe(1);
  });

  it('every quote of a rules analysis stands in the transcript at its offsets', async () => {
    const a = await analyzeTranscript(t, {});
    const all = [...a.stakeholders, ...a.signals, ...a.red_flags, a.champion_test].flatMap((x) => x.evidence);
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) expect(t.utterances[e.utterance]!.text.slice(e.start, e.end)).toBe(e.quote);
    expect(a.meta.ungrounded_dropped).toBe(0);
  });
});
