import { describe, expect, it } from 'vitest';
import { analyze, flagTypes, grade, notes, signalTypes } from './helpers.ts';

describe('typed notes (third person, bullets, quotes)', () => {
  const t = notes(
    'Kit Vendor',
    [
      { name: 'Priya Nandakumar', title: 'Warehouse Ops Mgr' },
      { name: 'Glen Tobin', title: 'IT Manager' },
    ],
    `Acme Cold Storage - site visit notes
    - Priya walked us through the dock schedule. Says the spreadsheet breaks every Monday.
    - Glen asked about SSO, data retention and whether the scanners need their own VLAN.
    - Priya said she already showed the pilot dashboard to the regional VP last week.
    - Priya: "If this works I'm the one who fixed receiving, and I can show our CFO that on one page."
    - Priya offered to set up the meeting with the CFO: "I'll get you on Tomas's calendar." Booked: Tue 6/9 11:00am, Priya sending the invite.
    - Econ buyer = Tomas Greer, CFO, signs anything over 50k. Not engaged yet.
    - Competitor: they also saw a demo from Freezr (rep Dana Holm), Priya said it "looked fine".
    My notes
    - Not sure our scanner app handles their older handhelds, it depends on the model. Need to check.`,
  );

  it('attributes each line to the buyer it is about', async () => {
    const a = await analyze(t);
    expect(signalTypes(a, 'Priya Nandakumar')).toEqual(
      expect.arrayContaining(['internal_advocacy', 'personal_win_stated', 'articulated_value', 'intro_offered', 'next_step_scheduled']),
    );
    expect(grade(a, 'Priya Nandakumar')).toBe('champion');
    expect(grade(a, 'Glen Tobin')).toBe('neutral');
  });

  it('finds the named economic buyer and ignores the competitor\'s rep', async () => {
    const a = await analyze(t);
    const names = a.stakeholders.map((s) => s.name);
    expect(names).toContain('Tomas Greer');
    expect(names).not.toContain('Dana Holm');
    expect(a.stakeholders.find((s) => s.name === 'Tomas Greer')).toMatchObject({ present: false, role: 'economic_buyer' });
  });

  it('the author\'s own notes and a competitor\'s "looked fine" are not buyer flags', async () => {
    const a = await analyze(t);
    expect(flagTypes(a, 'Priya Nandakumar')).not.toContain('lukewarm_enthusiasm');
    expect(flagTypes(a).filter((f) => f === 'vague_response')).toEqual([]);
    expect(flagTypes(a)).toContain('no_economic_buyer_access');
  });
});
