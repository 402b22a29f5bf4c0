import { describe, expect, it } from 'vitest';
import { classifyAnswer } from '../../src/analysis/champion-test.ts';
import { analyze, call, grade, notes, signalTypes } from './helpers.ts';

const SELLER = { 'Kit Vendor': 'seller' } as const;

describe('champion test', () => {
  const ask = (answer: string) =>
    call(
      `Kit Vendor: Okay Jo, forget procurement for a second. If the decision were only up to you, would you go ahead with us?
      Jo Marsh: ${answer}`,
      SELLER,
    );

  it.each([
    ['Yes. Tomorrow, if I could.', 'enthusiastic'],
    ['Honestly? In a heartbeat.', 'enthusiastic'],
    ['I think so, but the price would have to come down first.', 'hedged'],
    ['Probably. Depends on what IT says.', 'hedged'],
    ['No. Not this year, we have bigger fires.', 'declined'],
    ['Probably not, to be honest.', 'declined'],
    ['Let me tell you what happened with our last vendor first.', 'unanswered'],
  ])('classes "%s" as %s', async (answer, expected) => {
    const a = await analyze(ask(answer));
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Jo Marsh', answer: expected });
    expect(a.champion_test.evidence.length).toBe(2);
  });

  it('finds other phrasings', async () => {
    for (const q of [
      'Setting your CFO aside, if it were purely your call, would you buy this?',
      'If nobody else had a vote, just you, would you move forward?',
      'Putting the committee aside for a second. Would you sign this if it were entirely up to you?',
    ]) {
      const a = await analyze(call(`Kit Vendor: ${q}\nJo Marsh: Yes, absolutely.`, SELLER));
      expect(a.champion_test.asked, q).toBe(true);
    }
  });

  it('is not asked when the seller never puts the decision in their hands', async () => {
    const a = await analyze(call(`Kit Vendor: Would you like a copy of the deck?\nJo Marsh: Yes please.`, SELLER));
    expect(a.champion_test).toEqual({ asked: false, stakeholder: null, answer: null, evidence: [] });
  });

  it('the addressee answers, not whoever speaks next', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Jo, if it were entirely your call, would you do this?
        Ray Olsen: Before Jo answers, can I ask about SSO?
        Jo Marsh: Yes. Without a doubt.`,
        SELLER,
      ),
    );
    expect(a.champion_test).toMatchObject({ stakeholder: 'Jo Marsh', answer: 'enthusiastic' });
  });

  it('an enthusiastic yes makes a commitment signal; a hedge is a vague response', async () => {
    const yes = await analyze(ask('Yes. I would sign it this week. Because the rework costs us two people a year.'));
    expect(signalTypes(yes, 'Jo Marsh')).toEqual(expect.arrayContaining(['enthusiastic_commitment', 'articulated_value']));
    const hedge = await analyze(ask('Maybe? If the numbers hold up.'));
    expect(hedge.red_flags.map((f) => f.type)).toContain('vague_response');
  });

  it('hedging early then committing at the end: graded by the commitment', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: How does the pilot look to you?
        Jo Marsh: It's fine, I guess. Hard to say yet.
        Kit Vendor: If it were only up to you, would you roll it out?
        Jo Marsh: You know what, yes. Absolutely. I'll set up the meeting with our COO myself and send the invite for Friday the 12th at 9.`,
        SELLER,
      ),
    );
    expect(a.champion_test.answer).toBe('enthusiastic');
    expect(grade(a, 'Jo Marsh')).toBe('champion');
    expect(a.red_flags.map((f) => f.type)).toEqual(expect.arrayContaining(['lukewarm_enthusiasm', 'vague_response']));
  });

  it('in typed notes: the question and the quoted answer', async () => {
    const a = await analyze(
      notes('Kit Vendor', [{ name: 'Jo Marsh', title: 'Ops lead' }], `- Asked Jo the "your call" question. Her answer: "Not yet, honestly. Ask me after the audit."`),
    );
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Jo Marsh', answer: 'declined' });
  });

  it('in typed notes: a question the author did not get to is not asked', async () => {
    const a = await analyze(notes('Kit Vendor', [{ name: 'Jo Marsh' }], `- Ran out of time, didn't get to the "your call" question.`));
    expect(a.champion_test.asked).toBe(false);
  });

  it('classifyAnswer ignores leading fillers', () => {
    expect(classifyAnswer('Um, well, yes. Definitely.')).toBe('enthusiastic');
    expect(classifyAnswer('Uh, no.')).toBe('declined');
  });
});

describe('the test put after the buyer claims the decision', () => {
  it('reads "would you do it?" right after "it is my call" as the test', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Who else would need to weigh in on this?
        Marisol Vega: Nobody, honestly. It's entirely my call, it's my money.
        Kit Vendor: Fair enough. So would you do it?
        Marisol Vega: Yes. Let's go. I'm not on the fence any more.`,
        SELLER,
      ),
    );
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Marisol Vega', answer: 'enthusiastic' });
  });

  it('does not read a would-you question as the test when nobody claimed the decision', async () => {
    const a = await analyze(call(`Kit Vendor: We can start the pilot in May.\nMarisol Vega: That could work.\nKit Vendor: So would you do it?\nMarisol Vega: Maybe.`, SELLER));
    expect(a.champion_test.asked).toBe(false);
  });
});

describe('the question asked again after the buyer claims the decision', () => {
  it('reads the last asking, "so with that in mind, would you roll it out?"', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Tomas, say it came down to you and only you. Would you move all your sites onto it?
        Tomas Berg: It is down to me, pretty much. It's my company.
        Kit Vendor: So with that in mind, would you roll it out?
        Tomas Berg: Maybe. Comes down to the monthly number.`,
        SELLER,
      ),
    );
    expect(a.champion_test).toMatchObject({ asked: true, answer: 'hedged' });
  });
});
