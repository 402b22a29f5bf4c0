import { describe, expect, it } from 'vitest';
import type { Extraction, ExtractedStakeholder } from '../../schemas/extraction.ts';
import { mergeExtractions, resolveName, resolveNames } from '../../src/analysis/openai/merge.ts';

const person = (name: string, over: Partial<ExtractedStakeholder> = {}): ExtractedStakeholder => ({
  name,
  email: null,
  title: null,
  side: 'buyer',
  present: true,
  role: 'unknown',
  stance: 'neutral',
  evidence: [],
  ...over,
});
const none: Extraction['champion_test'] = { asked: false, stakeholder: null, answer: null, evidence: [] };
const x = (stakeholders: ExtractedStakeholder[], more: Partial<Extraction> = {}): Extraction => ({ stakeholders, signals: [], red_flags: [], champion_test: none, ...more });

describe('names', () => {
  it('a bare name resolves to the one full name it fits, never to one of two', () => {
    expect(resolveName('Priya', ['Priya Shah', 'Dana Ortiz'])).toBe('Priya Shah');
    expect(resolveName('ortiz', ['Priya Shah', 'Dana Ortiz'])).toBe('Dana Ortiz');
    expect(resolveName('Ana', ['Ana Lopez', 'Ana Ruiz'])).toBeNull();
    expect(resolveName('Dana Ortiz', ['Dana'])).toBe('Dana');
    expect(resolveName('Dana Ortiz', ['Dana', 'Dana Smith'])).toBeNull();
    expect(resolveName('Victor', ['Priya Shah'])).toBeNull();
  });

  it('references in signals, flags and the test take the stakeholder name', () => {
    const r = resolveNames(x([person('Priya Shah')], { signals: [{ type: 'intro_offered', stakeholder: 'Priya', evidence: [] }], champion_test: { ...none, asked: true, stakeholder: 'priya shah' } }));
    expect(r.signals[0]!.stakeholder).toBe('Priya Shah');
    expect(r.champion_test.stakeholder).toBe('Priya Shah');
  });
});

describe('merging the parts of a long call', () => {
  it('same email or same full name is one person; a bare name joins the one full name it fits', () => {
    const m = mergeExtractions([
      x([person('Dana Ortiz', { present: false, role: 'economic_buyer', evidence: [{ utterance: 2, quote: 'our CFO Dana Ortiz' }] }), person('Raj', { email: 'raj@buyer.com' })]),
      x([person('Dana', { present: false, evidence: [{ utterance: 2, quote: 'CFO Dana Ortiz' }, { utterance: 40, quote: 'Dana signs' }] }), person('Raj Patel', { email: 'RAJ@buyer.com', role: 'technical_buyer' })], {
        signals: [{ type: 'insider_info_shared', stakeholder: 'Dana', evidence: [{ utterance: 40, quote: 'Dana signs' }] }],
      }),
    ]);
    expect(m.stakeholders.map((s) => s.name)).toEqual(['Dana Ortiz', 'Raj Patel']);
    const dana = m.stakeholders[0]!;
    expect(dana).toMatchObject({ role: 'economic_buyer', present: false });
    // overlapping quotes are one piece of evidence (the longer one stays)
    expect(dana.evidence).toEqual([
      { utterance: 2, quote: 'our CFO Dana Ortiz' },
      { utterance: 40, quote: 'Dana signs' },
    ]);
    expect(m.stakeholders[1]).toMatchObject({ email: 'raj@buyer.com', role: 'technical_buyer' });
    expect(m.signals[0]!.stakeholder).toBe('Dana Ortiz');
  });

  it('never merges when a name fits two people', () => {
    const m = mergeExtractions([x([person('Ana Lopez'), person('Ana Ruiz')]), x([person('Ana', { evidence: [{ utterance: 9, quote: 'Ana said yes' }] })])]);
    expect(m.stakeholders.map((s) => s.name)).toEqual(['Ana Lopez', 'Ana Ruiz', 'Ana']);
  });

  it('the same full name with different emails is two people', () => {
    const m = mergeExtractions([x([person('Sam Lee', { email: 'sam@a.com' })]), x([person('Sam Lee', { email: 'sam@b.com' })])]);
    expect(m.stakeholders).toHaveLength(2);
  });

  it('items of one moment seen by two parts are one; the same type at another moment stays separate; the last champion test counts', () => {
    const sig = (u: number, quote: string) => ({ type: 'articulated_value' as const, stakeholder: 'Jo Marsh', evidence: [{ utterance: u, quote }] });
    const m = mergeExtractions([
      x([person('Jo Marsh')], { signals: [sig(10, 'it saves us ten hours')], champion_test: { asked: true, stakeholder: 'Jo Marsh', answer: 'hedged', evidence: [] } }),
      x([person('Jo')], {
        signals: [sig(10, 'it saves us ten hours a week'), { ...sig(30, 'our auditors will love it'), stakeholder: 'Jo' }],
        champion_test: { asked: true, stakeholder: 'Jo', answer: 'enthusiastic', evidence: [] },
      }),
    ]);
    expect(m.signals.map((s) => s.evidence.map((e) => e.utterance))).toEqual([[10], [30]]);
    expect(m.signals[0]!.evidence[0]!.quote).toBe('it saves us ten hours a week');
    expect(m.signals.every((s) => s.stakeholder === 'Jo Marsh')).toBe(true);
    expect(m.champion_test).toMatchObject({ stakeholder: 'Jo Marsh', answer: 'enthusiastic' });
    expect(m.red_flags).toEqual([{ type: 'no_clear_next_step', stakeholder: null, evidence: [] }]);
  });
});
