import { describe, expect, it } from 'vitest';
import type { Extraction, ExtractedStakeholder } from '../../schemas/extraction.ts';
import type { Extractor } from '../../src/analysis/extractor.ts';
import { analyze, call } from '../analysis/helpers.ts';

// The cross-check of a model's extraction against the transcript and the offline detectors
// (src/analysis/openai/crosscheck.ts), through analyzeTranscript with a fixed extraction.

const model = (x: Partial<Extraction>): Extractor => ({
  analyzer: 'openai',
  model: 'fixed',
  promptVersion: 'test',
  extract: async () => ({ stakeholders: [], signals: [], red_flags: [], champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] }, ...x }),
});
const person = (name: string, over: Partial<ExtractedStakeholder> = {}): ExtractedStakeholder => ({
  name,
  email: null,
  title: null,
  side: 'buyer',
  present: true,
  role: 'user_buyer',
  stance: 'neutral',
  evidence: [],
  ...over,
});

const t = call(
  `Kit Vendor: So, what did the team think of the pilot?
  Jo Marsh: Honestly, the best trial we've run. It would save my analysts a day a week.
  Kit Vendor: If it were entirely your call, would you buy this?
  Jo Marsh: Probably, if the price works.
  Kit Vendor: Could we meet again?
  Jo Marsh: Let's talk next week sometime.
  Lee Park: I can do Thursday at 2 for the security review.`,
  { 'Kit Vendor': 'seller' },
);

describe('the cross-check of a model extraction', () => {
  it('people: the seller is no stakeholder, a name the call does not support is dropped, a short name takes the full one, a speaking buyer left out is added', async () => {
    const a = await analyze(t, {
      extractor: model({
        stakeholders: [
          person('Kit Vendor', { evidence: [{ utterance: 0, quote: 'what did the team think' }] }),
          person('Jo', { evidence: [{ utterance: 1, quote: "the best trial we've run" }] }),
          person('Marcus Bell', { present: false, role: 'economic_buyer' }),
        ],
        signals: [
          { type: 'articulated_value', stakeholder: 'Jo', evidence: [{ utterance: 1, quote: 'It would save my analysts a day a week.' }] },
          { type: 'insider_info_shared', stakeholder: 'Kit Vendor', evidence: [{ utterance: 0, quote: 'what did the team think of the pilot?' }] },
        ],
      }),
    });
    expect(a.stakeholders.map((s) => s.name).sort()).toEqual(['Jo Marsh', 'Lee Park']);
    expect(a.signals.map((s) => [s.type, s.stakeholder])).toEqual([['articulated_value', 'Jo Marsh']]);
    expect(a.meta.ungrounded_dropped).toBe(1); // Marcus Bell
  });

  it('the champion test: the detector wins where it finds the test; a claimed yes to a hedged answer is no commitment', async () => {
    const a = await analyze(t, {
      extractor: model({
        stakeholders: [person('Jo Marsh', { evidence: [{ utterance: 1, quote: "the best trial we've run" }] })],
        signals: [{ type: 'enthusiastic_commitment', stakeholder: 'Jo Marsh', evidence: [{ utterance: 3, quote: 'Probably' }] }],
        champion_test: { asked: true, stakeholder: 'Jo Marsh', answer: 'enthusiastic', evidence: [{ utterance: 2, quote: 'would you buy this?' }, { utterance: 3, quote: 'Probably, if the price works.' }] },
      }),
    });
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Jo Marsh', answer: 'hedged' });
    expect(a.signals.map((s) => s.type)).not.toContain('enthusiastic_commitment');
    expect(a.stakeholders.find((s) => s.name === 'Jo Marsh')!.champion.grade).not.toBe('champion');
  });

  it('where the detector does not see the test, the classifier still reads a hedged answer as hedged', async () => {
    const u = call(
      `Kit Vendor: Suppose the whole decision sat with you alone. Go ahead or not?
      Jo Marsh: Probably, as long as legal signs off.`,
      { 'Kit Vendor': 'seller' },
    );
    const a = await analyze(u, {
      extractor: model({
        stakeholders: [person('Jo Marsh', { evidence: [{ utterance: 1, quote: 'as long as legal signs off' }] })],
        champion_test: { asked: true, stakeholder: 'Jo Marsh', answer: 'enthusiastic', evidence: [{ utterance: 0, quote: 'Suppose the whole decision sat with you alone.' }, { utterance: 1, quote: 'Probably, as long as legal signs off.' }] },
      }),
    });
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Jo Marsh', answer: 'hedged' });
  });

  it('next steps need a day or a time; without one the call has no clear next step', async () => {
    const a = await analyze(t, {
      extractor: model({
        stakeholders: [person('Jo Marsh', { evidence: [{ utterance: 1, quote: "the best trial we've run" }] }), person('Lee Park', { role: 'technical_buyer' })],
        signals: [
          { type: 'next_step_scheduled', stakeholder: 'Jo Marsh', evidence: [{ utterance: 5, quote: "Let's talk next week sometime." }] },
          { type: 'next_step_scheduled', stakeholder: 'Lee Park', evidence: [{ utterance: 6, quote: 'I can do Thursday at 2 for the security review.' }] },
        ],
      }),
    });
    expect(a.signals.filter((s) => s.type === 'next_step_scheduled').map((s) => s.stakeholder)).toEqual(['Lee Park']);
    expect(a.red_flags.map((f) => f.type)).not.toContain('no_clear_next_step');
    expect(a.deal.last_agreed_next_step?.date).toBe('2026-06-04');

    const undated = await analyze(t, {
      extractor: model({
        stakeholders: [person('Jo Marsh', { evidence: [{ utterance: 1, quote: "the best trial we've run" }] })],
        signals: [{ type: 'next_step_scheduled', stakeholder: 'Jo Marsh', evidence: [{ utterance: 5, quote: "Let's talk next week sometime." }] }],
      }),
    });
    expect(undated.signals.map((s) => s.type)).not.toContain('next_step_scheduled');
    expect(undated.red_flags.map((f) => f.type)).toContain('no_clear_next_step');
  });

  it('an enemy stance without a grounded blocker flag does not make a blocker', async () => {
    const a = await analyze(t, { extractor: model({ stakeholders: [person('Jo Marsh', { stance: 'enemy', evidence: [{ utterance: 1, quote: "the best trial we've run" }] })] }) });
    expect(a.stakeholders.find((s) => s.name === 'Jo Marsh')!.champion.grade).not.toBe('blocker');
    const b = await analyze(t, {
      extractor: model({
        stakeholders: [person('Jo Marsh', { stance: 'enemy', evidence: [{ utterance: 1, quote: "the best trial we've run" }] })],
        red_flags: [{ type: 'blocker_present', stakeholder: 'Jo Marsh', evidence: [{ utterance: 3, quote: 'if the price works' }] }],
      }),
    });
    expect(b.stakeholders.find((s) => s.name === 'Jo Marsh')!.champion.grade).toBe('blocker');
  });
});
