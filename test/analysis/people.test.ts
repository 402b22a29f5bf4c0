import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../schemas/transcript.ts';
import { analyze, call, person } from './helpers.ts';

const SELLER = { 'Kit Vendor': 'seller' } as const;
const names = (a: { stakeholders: Array<{ name: string }> }) => a.stakeholders.map((s) => s.name).sort();

describe('stakeholders and sides', () => {
  it('finds speakers and people only named or referred to by title', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Who else weighs in?
        Jo Marsh: Our controller, Hal Brandt, reviews every contract, and my boss signs. Our CTO will want a look too.`,
        SELLER,
      ),
    );
    expect(names(a)).toEqual(['CTO', 'Hal Brandt', 'Jo Marsh', 'boss']);
    expect(person(a, 'Hal Brandt')).toMatchObject({ present: false, title: 'controller', role: 'technical_buyer' });
    expect(person(a, 'Jo Marsh')?.present).toBe(true);
  });

  it('links a title to the person who holds it', async () => {
    const a = await analyze(call(`Jo Marsh: Our CFO keeps asking about payback.\nKit Vendor: Is that Anya Lind, your CFO?\nJo Marsh: Yes, Anya owns the budget.`, SELLER));
    expect(names(a)).toEqual(['Anya Lind', 'Jo Marsh']);
    expect(person(a, 'Anya Lind')?.role).toBe('economic_buyer');
  });

  it('does not invent stakeholders from third companies', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Who else are you talking to?
        Jo Marsh: Greta Voss, the Stackly rep, offered us a discount. And our reseller, Omar Quist over at Brightpath, keeps calling.`,
        SELLER,
      ),
    );
    expect(names(a)).toEqual(['Jo Marsh']);
  });

  it('keeps two people who share a first name apart', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Good morning, Sam and Sam.
        Sam Ruiz: Morning. I run dispatch, so my drivers would use this every day.
        Sam Patel: And I handle procurement. I'm not signing anything unless the rate matches the RFP.
        Kit Vendor: Sam, can I ask where the payment terms come from?`,
        SELLER,
      ),
    );
    expect(names(a)).toEqual(['Sam Patel', 'Sam Ruiz']);
    expect(a.stakeholders.find((s) => s.name === 'Sam Patel')?.champion.grade).toBe('blocker');
    expect(a.stakeholders.find((s) => s.name === 'Sam Ruiz')?.champion.grade).not.toBe('blocker');
  });

  it('decides sides from the conversation when nothing is declared', async () => {
    const a = await analyze(
      call(`Lee Chen: Thanks for making the time. How do approvals work today?
        Mo Adeyemi: Everything goes through our CFO. Your pricing page was confusing, by the way.
        Lee Chen: Fair. Our platform integrates with your ERP out of the box.`),
    );
    expect(names(a)).toContain('Mo Adeyemi');
    expect(names(a)).not.toContain('Lee Chen');
  });

  it('uses email domains: the workspace\'s own domain is the seller', async () => {
    const t: Transcript = {
      format: 'json',
      participants: [
        { name: 'Lee Chen', email: 'lee@vendor.io', title: null, side: 'unknown' },
        { name: 'Mo Adeyemi', email: 'mo@client.com', title: null, side: 'unknown' },
      ],
      utterances: [
        { index: 0, speaker: 'Mo Adeyemi', side: 'unknown', start: null, end: null, text: 'Our platform handles this, and we integrate with everything.' },
        { index: 1, speaker: 'Lee Chen', side: 'unknown', start: null, end: null, text: 'Interesting, what does your pricing look like?' },
      ],
    };
    const a = await analyze(t, { ownDomains: ['vendor.io'] });
    expect(names(a)).toEqual(['Mo Adeyemi']);
  });

  it('names a generic caller label from how others greet them', async () => {
    const a = await analyze(
      call(`Ann Buyer: I got Rita Okoro on too, she's calling from her car.
        Speaker 3: hi everyone, sorry about the noise
        Kit Vendor: hi rita, no problem at all
        Speaker 3: I'd want to see your SOC 2 report before anything else.`, SELLER),
    );
    expect(names(a)).toContain('Rita Okoro');
    expect(names(a)).not.toContain('Speaker 3');
  });
});
