import { describe, expect, it } from 'vitest';
import { analyze, call, flagTypes, signalTypes } from './helpers.ts';

const SELLER = { 'Pat Seller': 'seller' } as const;

describe('red flags', () => {
  it('vague_response: a non-answer to a direct question', async () => {
    const a = await analyze(call(`Pat Seller: Is there budget for this in the next plan?\nNoor Haddad: Tough to say. It depends on the audit.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toContain('vague_response');
  });

  it('lukewarm_enthusiasm: faint praise when asked for a reaction', async () => {
    const a = await analyze(call(`Pat Seller: How did the demo land with you?\nNoor Haddad: It was okay. Pretty standard stuff.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toContain('lukewarm_enthusiasm');
  });

  it('"fine" about something other than the product is not lukewarm', async () => {
    const a = await analyze(call(`Pat Seller: Sorry to hear about the outage.\nNoor Haddad: It's fine, that's the job. Anyway, about your tool.`, SELLER));
    expect(flagTypes(a)).not.toContain('lukewarm_enthusiasm');
  });

  it('intro_reluctance: keeps the seller away from the decision maker', async () => {
    const a = await analyze(call(`Pat Seller: Could we get thirty minutes with your CFO?\nNoor Haddad: I'd rather bring it to him myself, he is not big on vendor meetings.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toContain('intro_reluctance');
  });

  it('next_step_hesitation: a hedge to a direct question about timing', async () => {
    const a = await analyze(call(`Pat Seller: When should we get back together on this?\nNoor Haddad: Maybe after the holidays, we'll see how things go.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toContain('next_step_hesitation');
    expect(flagTypes(a)).toContain('no_clear_next_step');
  });

  it('no_clear_next_step: an undated "next week" is not a next step', async () => {
    const a = await analyze(call(`Pat Seller: I'll send the deck over.\nNoor Haddad: Sounds good, let's talk again next week.`, SELLER));
    expect(signalTypes(a)).not.toContain('next_step_scheduled');
    expect(flagTypes(a)).toContain('no_clear_next_step');
  });

  it('no_clear_next_step: a dated step the buyer does not accept', async () => {
    const a = await analyze(call(`Pat Seller: Let's meet Thursday the 4th at ten to walk through pricing. Does that work?\nNoor Haddad: I'd rather not lock anything in yet. I'll reach out.`, SELLER));
    expect(signalTypes(a)).not.toContain('next_step_scheduled');
    expect(flagTypes(a, 'Noor Haddad')).toContain('next_step_hesitation');
    expect(flagTypes(a)).toContain('no_clear_next_step');
  });

  it('a dated step the buyer accepts is a next step', async () => {
    const a = await analyze(call(`Pat Seller: Could we do Thursday the 4th at ten for the technical review?\nNoor Haddad: Yes, that works. Send me the invite.`, SELLER));
    expect(signalTypes(a, 'Noor Haddad')).toContain('next_step_scheduled');
    expect(flagTypes(a)).not.toContain('no_clear_next_step');
  });

  it('champion_at_risk: the champion is being moved', async () => {
    const a = await analyze(call(`Pat Seller: Anything else I should know?\nNoor Haddad: Heads up, there's a re-org coming and my team is being merged into shared services in August.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toContain('champion_at_risk');
  });

  it('blocker_present: hard conditions from someone nobody is working with', async () => {
    const a = await analyze(
      call(
        `Pat Seller: Who could slow this down?
        Noor Haddad: Our procurement lead, Ivan Petrov. He already said he wants forty percent off before he'll sign anything.
        Pat Seller: Could I meet Ivan?
        Noor Haddad: No, let me handle Ivan myself.`,
        SELLER,
      ),
    );
    expect(a.red_flags.find((f) => f.type === 'blocker_present')?.stakeholder).toBe('Ivan Petrov');
  });

  it('single_threaded and no_economic_buyer_access: one contact, the economic buyer only named', async () => {
    const a = await analyze(call(`Pat Seller: Who signs?\nNoor Haddad: Our CEO, Rafael Cruz, has the final say on anything like this.`, SELLER));
    expect(flagTypes(a)).toEqual(expect.arrayContaining(['single_threaded', 'no_economic_buyer_access']));
  });

  it('negation: "no hesitation at all" and "not a problem" are not hedges', async () => {
    const a = await analyze(call(`Pat Seller: How do you feel about the rollout plan?\nNoor Haddad: No hesitation at all, honestly. The timeline is not a problem for us.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).toEqual([]);
  });

  it('reported speech: someone else\'s "maybe next year" is not the speaker\'s hedge', async () => {
    const a = await analyze(call(`Pat Seller: When should we reconnect?\nNoor Haddad: My boss said "maybe next year", but I want this done now. Let's book Tuesday the 9th at 3.`, SELLER));
    expect(flagTypes(a, 'Noor Haddad')).not.toContain('next_step_hesitation');
    expect(signalTypes(a, 'Noor Haddad')).toContain('next_step_scheduled');
  });

  it('a seller hedging is not a red flag', async () => {
    const a = await analyze(call(`Pat Seller: Honestly, it depends. I'm not sure our API covers that, hard to say, maybe next quarter.\nNoor Haddad: Understood. I can give you our test data by Friday.`, SELLER));
    expect(a.red_flags.filter((f) => f.stakeholder !== null)).toEqual([]);
  });
});
