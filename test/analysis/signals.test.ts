import { describe, expect, it } from 'vitest';
import { analyze, call, signalTypes } from './helpers.ts';

const SELLER = { 'Pat Seller': 'seller' } as const;

describe('commitment signals (buyer words only)', () => {
  it('enthusiastic_commitment: an unqualified yes to the your-call question', async () => {
    const a = await analyze(
      call(
        `Pat Seller: Quinn, if this were totally your decision, nobody else involved, would you roll it out?
        Quinn Farrow: Absolutely. We'd start Monday if we could.`,
        SELLER,
      ),
    );
    expect(signalTypes(a, 'Quinn Farrow')).toContain('enthusiastic_commitment');
  });

  it('enthusiastic_commitment: a decision maker commits the deal outright', async () => {
    const a = await analyze(call(`Pat Seller: So where does that leave us?\nMara Osei: Send over the contract. We'll sign it.`, SELLER));
    expect(signalTypes(a, 'Mara Osei')).toContain('enthusiastic_commitment');
  });

  it('articulated_value: the why in their own words', async () => {
    const a = await analyze(
      call(
        `Pat Seller: Can I ask why?
        Lena Ortiz: Because every hour my crew spends chasing paper is an hour they are not fixing trucks, and that is the story I'd tell our owner.`,
        SELLER,
      ),
    );
    expect(signalTypes(a, 'Lena Ortiz')).toContain('articulated_value');
  });

  it('intro_offered: sets up the meeting with the decision maker', async () => {
    const a = await analyze(call(`Pat Seller: How do we get time with your VP?\nLena Ortiz: Leave that with me, I'll get you on her calendar.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('intro_offered');
  });

  it('next_step_scheduled: an agreed step on a specific day', async () => {
    const a = await analyze(call(`Pat Seller: What works for the review?\nLena Ortiz: Let's do Wednesday the 10th at two, I'll send the invite.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('next_step_scheduled');
    expect(a.deal.last_agreed_next_step?.date).toBe('2026-06-10');
  });

  it('internal_advocacy: reports pitching it inside', async () => {
    const a = await analyze(call(`Pat Seller: Any reactions internally?\nLena Ortiz: I already presented the trial results to our leadership team on Tuesday.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('internal_advocacy');
  });

  it('insider_info_shared: the decision process and budget timing', async () => {
    const a = await analyze(call(`Pat Seller: How do purchases like this get approved?\nLena Ortiz: Anything over twenty thousand goes to the finance committee, and the budget gets locked in October.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('insider_info_shared');
  });

  it('personal_win_stated: what they gain personally', async () => {
    const a = await analyze(call(`Pat Seller: What would this mean for you?\nLena Ortiz: Selfishly, I'd get my Fridays back.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('personal_win_stated');
  });

  it('resource_committed: data and people for the evaluation', async () => {
    const a = await analyze(call(`Pat Seller: What would you need from us?\nLena Ortiz: Nothing yet. I can give you two of my engineers for the pilot and a copy of last year's data.`, SELLER));
    expect(signalTypes(a, 'Lena Ortiz')).toContain('resource_committed');
  });

  it('the seller saying the same words is not a buyer signal', async () => {
    const a = await analyze(call(`Pat Seller: I already presented your numbers to our leadership team, and I'll set it up with our CEO.\nLena Ortiz: Okay.`, SELLER));
    expect(a.signals).toEqual([]);
  });

  it('enthusiasm about something else is not commitment', async () => {
    const a = await analyze(call(`Pat Seller: Good weekend?\nLena Ortiz: The best. I love that team, I'm all in on them this season.`, SELLER));
    expect(signalTypes(a)).not.toContain('enthusiastic_commitment');
  });
});
