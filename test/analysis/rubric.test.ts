import { describe, expect, it } from 'vitest';
import { assess, BASE_SCORE, RUBRIC_VERSION, WEIGHTS, type StakeholderEvidence } from '../../src/analysis/rubric.ts';
import { analyze, call, grade } from './helpers.ts';

const base: StakeholderEvidence = { present: true, stance: 'neutral', words: 40, signals: [], flags: [], test: null, previousGrade: null, resists: false };
const sum = (a: ReturnType<typeof assess>) => a.components.reduce((x, c) => x + c.points, 0);

describe('rubric', () => {
  it('is versioned', () => {
    expect(RUBRIC_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('is deterministic and its components add up to the score', () => {
    const e: StakeholderEvidence = {
      ...base,
      signals: [
        { type: 'enthusiastic_commitment', utterance: 3 },
        { type: 'intro_offered', utterance: 5 },
        { type: 'articulated_value', utterance: 4 },
        { type: 'articulated_value', utterance: 9 },
      ],
      flags: [{ type: 'intro_reluctance', utterance: 2 }],
    };
    const a = assess(e);
    expect(assess(e)).toEqual(a);
    expect(sum(a)).toBe(a.score);
    expect(a.score).toBe(BASE_SCORE + WEIGHTS.signals.enthusiastic_commitment + WEIGHTS.signals.intro_offered + WEIGHTS.signals.articulated_value + WEIGHTS.flags.intro_reluctance);
  });

  it('clamps to 0..100 with a visible component', () => {
    const high = assess({ ...base, signals: (Object.keys(WEIGHTS.signals) as Array<keyof typeof WEIGHTS.signals>).map((type, i) => ({ type, utterance: i })) });
    expect(high.score).toBe(100);
    expect(sum(high)).toBe(100);
    expect(high.components.at(-1)?.name).toBe('clamp');
  });

  it.each<[string, Partial<StakeholderEvidence>, string]>([
    ['champion', { signals: [{ type: 'enthusiastic_commitment', utterance: 4 }, { type: 'intro_offered', utterance: 6 }] }, 'champion'],
    ['coach', { signals: [{ type: 'insider_info_shared', utterance: 2 }], flags: [{ type: 'intro_reluctance', utterance: 5 }] }, 'coach'],
    ['lukewarm', { flags: [{ type: 'lukewarm_enthusiasm', utterance: 2 }, { type: 'next_step_hesitation', utterance: 4 }] }, 'lukewarm'],
    ['blocker', { resists: true }, 'blocker'],
    ['neutral', { signals: [{ type: 'resource_committed', utterance: 2 }] }, 'neutral'],
    ['unassessed (absent)', { present: false, signals: [{ type: 'insider_info_shared', utterance: 1 }] }, 'unassessed'],
    ['unassessed (too little said)', { words: 3 }, 'unassessed'],
    ['lukewarm (declined the test)', { test: { answer: 'declined', utterance: 3 } }, 'lukewarm'],
  ])('grades %s', (_name, e, expected) => {
    expect(assess({ ...base, ...e }).grade).toBe(expected);
  });

  it('role does not decide the grade: an economic buyer who commits is a champion', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Ines, you own the budget. If it were only your call, would you do this?
        Ines Moreau: Yes. Absolutely. Send me the order form and I'll get my team on the kickoff Monday the 8th at 9.`,
        { 'Kit Vendor': 'seller' },
      ),
    );
    expect(grade(a, 'Ines Moreau')).toBe('champion');
  });

  it('a champion who cools at the end of the call is not one any more', () => {
    const e: StakeholderEvidence = { ...base, previousGrade: 'champion', signals: [{ type: 'insider_info_shared', utterance: 2 }], flags: [{ type: 'lukewarm_enthusiasm', utterance: 8 }], test: { answer: 'hedged', utterance: 9 } };
    expect(assess(e).grade).toBe('lukewarm');
  });

  it('a champion of the previous call who shows no cooling stays one', () => {
    expect(assess({ ...base, previousGrade: 'champion', signals: [{ type: 'intro_offered', utterance: 3 }], flags: [{ type: 'champion_at_risk', utterance: 2 }] }).grade).toBe('champion');
  });
});

describe('faint praise and coaching', () => {
  const faint = { type: 'lukewarm_enthusiasm' as const, utterance: 6 };
  it('faint praise with one kind of help is lukewarm', () => {
    expect(assess({ ...base, signals: [{ type: 'insider_info_shared', utterance: 2 }], flags: [faint] }).grade).toBe('lukewarm');
  });
  it('faint praise from someone who coaches in two ways (the why and the inside story) is a coach', () => {
    const signals = [
      { type: 'insider_info_shared' as const, utterance: 2 },
      { type: 'articulated_value' as const, utterance: 4 },
    ];
    expect(assess({ ...base, signals, flags: [faint] }).grade).toBe('coach');
  });
});
