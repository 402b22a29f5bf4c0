import { describe, expect, it } from 'vitest';
import { analyze, call, flagTypes } from './helpers.ts';

const S = { 'Kit Vendor': 'seller' } as const;

describe('deal-level facts over the calls so far', () => {
  it('uses the earlier calls: engaged contacts, economic buyer, champions, next step', async () => {
    const first = await analyze(
      call(
        `Kit Vendor: Who decides?
        Jo Marsh: Our CFO, Vera Lund, signs anything over fifty thousand.
        Kit Vendor: If it were entirely your call, would you do it?
        Jo Marsh: Yes. No question. I'll set up the meeting with Vera for Tuesday the 9th at 2.`,
        S,
      ),
      { occurredAt: '2026-06-01T15:00:00Z' },
    );
    expect(flagTypes(first)).toEqual(expect.arrayContaining(['single_threaded', 'no_economic_buyer_access']));
    expect(first.deal).toMatchObject({ calls: 1, champion_count: 1, buyer_contacts_engaged: 1, single_threaded: true, economic_buyer_engaged: false });
    expect(first.deal.last_agreed_next_step?.date).toBe('2026-06-09');

    const second = await analyze(
      call(
        `Kit Vendor: Thanks for joining, Vera.
        Vera Lund: Jo has been persuasive. I have a few questions on the payback and the contract terms, though.
        Jo Marsh: I'll send the savings model over.`,
        S,
      ),
      { occurredAt: '2026-06-09T14:00:00Z', history: [{ occurred_at: '2026-06-01T15:00:00Z', analysis: first }] },
    );
    expect(second.deal).toMatchObject({ calls: 2, buyer_contacts_engaged: 2, single_threaded: false, economic_buyer_engaged: true });
    expect(second.stakeholders.find((s) => s.name === 'Vera Lund')?.role).toBe('economic_buyer');
    expect(flagTypes(second)).not.toContain('single_threaded');
    expect(flagTypes(second)).not.toContain('no_economic_buyer_access');
    expect(second.deal.last_agreed_next_step?.call_occurred_at).toBe('2026-06-01T15:00:00Z');
  });

  it('resolves a first name to the one person of the deal who has it', async () => {
    const first = await analyze(call(`Kit Vendor: Who signs?\nJo Marsh: Our CFO, Vera Lund, has the final say.`, S));
    const second = await analyze(call(`Kit Vendor: How did Vera react?\nJo Marsh: Vera liked the payback math.`, S), { history: [{ occurred_at: null, analysis: first }] });
    expect(second.stakeholders.map((s) => s.name)).toContain('Vera Lund');
  });

  it('never merges two people who share a first name', async () => {
    const first = await analyze(call(`Kit Vendor: Hi both.\nSam Ruiz: Hi, I run dispatch for the east region.\nSam Patel: And I run procurement for the whole company.`, S));
    const second = await analyze(call(`Kit Vendor: How is Sam doing?\nJo Marsh: Sam is on leave this month.`, S), { history: [{ occurred_at: null, analysis: first }] });
    const names = second.stakeholders.map((s) => s.name);
    expect(names).not.toContain('Sam Ruiz');
    expect(names).not.toContain('Sam Patel');
    expect(second.deal.buyer_contacts_engaged).toBe(3);
  });
});
