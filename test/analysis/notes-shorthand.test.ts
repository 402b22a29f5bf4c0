import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../../src/ingest/normalize.ts';
import { analyze, flagTypes, grade, person, signalTypes } from './helpers.ts';

/** Typed notes as reps really write them: header fields on one line, lists without keys, shorthand. */
const read = (text: string) => normalizeTranscript({ content: text }).transcript;

describe('who was there, in notes without an Attendees: key', () => {
  it('reads several header fields on one line, the seller side, and a signature', () => {
    const t = read(`Brightmoor Bakeries — disco — Wed 4/8 — notes: Tomasz W.
att: Adaeze Obi (Ops Dir.), Kenji Ito (IT mgr) | us: me, Lucia P. (SE)

- Adaeze: waste on day-old bread ~8%, "we bin a van a day"
- Kenji asked about SSO and where data lives`);
    expect(t.participants.map((p) => [p.name, p.side])).toEqual([
      ['Tomasz W', 'seller'],
      ['Adaeze Obi', 'unknown'],
      ['Kenji Ito', 'unknown'],
      ['Lucia P.', 'seller'],
    ]);
  });

  it('takes a bare list of names with the author in it as the attendees', () => {
    const t = read(`Harlow Freight - discovery, 2 June
Mirela Stan (Fleet Manager) and me (Owen Brandt). Phone, 30 min.

Mirela runs 40 trucks out of two yards.`);
    expect(t.participants.map((p) => [p.name, p.title, p.side])).toEqual([
      ['Owen Brandt', null, 'seller'],
      ['Mirela Stan', 'Fleet Manager', 'unknown'],
    ]);
  });

  it('takes "Name, Title." on the first lines as an attendee, and "- Name" at the end as the author', () => {
    const t = read(`Pinewood Library Trust - intro call
Esther Adjei, Facilities Coordinator. Found us at the expo.

Asked about pricing per branch.
- Rory M.`);
    expect(t.participants.map((p) => [p.name, p.title])).toEqual([
      ['Rory M.', null],
      ['Esther Adjei', 'Facilities Coordinator'],
    ]);
  });

  it('does not read a shouted heading as a person', () => {
    const t = read(`ACCOUNT REVIEW (renewal risk)
Notes follow.`);
    expect(t.participants.map((p) => p.name)).toEqual(['Notes']);
  });

  it('keeps people known only by a title as attendees', async () => {
    const a = await analyze(
      read(`Harbour Buses — call notes
Us: Dana Reid (AE), me (Sam Ortiz, SE)
Them: the VP Ops, their head of IT

- Head of IT asked about SSO and hosting, no view either way.`),
    );
    expect(a.stakeholders.filter((s) => s.present).map((s) => s.name)).toEqual(expect.arrayContaining(['VP Ops', 'head of IT']));
  });

  it('marks a named buyer present when the notes say they joined or spoke on the call', async () => {
    const a = await analyze(
      read(`Deal review — Calloway Dental
Call on Tuesday. Ines Varga (Practice Manager) walked Priya through the recall backlog. Tomas Novak (COO) joined for the last ten minutes.
Their CFO, Helen Marsh, apparently said not this year.`),
    );
    expect(person(a, 'Ines Varga')?.present).toBe(true);
    expect(person(a, 'Tomas Novak')?.present).toBe(true);
    expect(person(a, 'Helen Marsh')?.present).toBe(false);
  });
});

describe('shorthand and Q&A notes', () => {
  it('reads a one-letter initial, the your-call question in shorthand, and a why arrow', async () => {
    const a = await analyze(
      read(`Quarry Lane Foods — disco #2 — notes: Priya K.
att: Marta Silva (Dir. Purchasing), Ben Cole (IT mgr)

YOUR-CALL Q
- asked M: if 100% her call, go or no go? → "I'd have signed it already."
- why → "The Leeds site alone pays for it, I checked last summer's numbers."
- already walked the 3 site mgrs through the savings calc

NEXT
- M setting up mtg w/ the CFO: Tue 3/10 3pm, M sending invite
- Ben → 12 mo order history export by Fri 3/13`),
    );
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Marta Silva', answer: 'enthusiastic' });
    expect(signalTypes(a, 'Marta Silva')).toEqual(expect.arrayContaining(['articulated_value', 'internal_advocacy', 'intro_offered', 'next_step_scheduled']));
    expect(signalTypes(a, 'Ben Cole')).toContain('resource_committed');
    expect(grade(a, 'Marta Silva')).toBe('champion');
  });

  it('reads A: lines as the buyer answering the Q: above', async () => {
    const a = await analyze(
      read(`Lindqvist Marine — discovery
Oskar Lindqvist (Sales Ops Manager) and me (Ama Owusu).

Q: What would change for you personally?
A: "I'd stop being the one checking every quote at midnight."

Q: How do purchases like this get approved?
A: Anything over 200k goes to the commercial director and the budget is set in April.

Q: Could we get 30 minutes with her?
A: "I'll mention it to her."`),
    );
    expect(signalTypes(a, 'Oskar Lindqvist')).toEqual(expect.arrayContaining(['personal_win_stated', 'insider_info_shared']));
    expect(flagTypes(a, 'Oskar Lindqvist')).toContain('intro_reluctance');
  });
});

describe('speakers named in the call itself', () => {
  it('gives a speaker labelled by first name the full name they introduce themselves with', async () => {
    const a = await analyze(
      read(`[Account Exec] Brooke: Quick intros? I'm Brooke Adair, and I've brought Kenji Watanabe from our solutions team.
[Solutions Eng] Kenji: Hi all.
[Dir. Planning] Tomás: Tomás Oyarzún. I run maintenance planning, so my planners would live in this.`),
    );
    expect(a.stakeholders.filter((s) => s.side === 'buyer').map((s) => [s.name, s.present])).toEqual([['Tomás Oyarzún', true]]);
  });
});

describe('words that are not people', () => {
  it('does not take a greeting for part of a name', async () => {
    const a = await analyze(
      read(`Nur Aisyah: Thanks for joining, Mdm Tan.
Tan Hui Min: Morning Aisyah. Kia ora to your colleague too. Our finance director, Lim Wei Jie, signs anything over fifty thousand.`),
    );
    const names = a.stakeholders.map((s) => s.name);
    expect(names).not.toContain('Morning Aisyah');
    expect(names).not.toContain('Kia');
    expect(names).toContain('Lim Wei Jie');
  });
});

describe('more header shapes', () => {
  it('reads "w/ A (title) + B (title). Me: Name." and ignores a bracket followed by prose', () => {
    const t = read(`Larchmont Timber -- onsite, Wed 9/23
w/ Ines Duarte (dispatch mgr) + Kofi Mensah (yard mgr). Me: Ravi Patel.

* Barlow Homes (biggest account) threatened to leave after two late drops.
Me: I pushed on timing, no date.`);
    expect(t.participants.map((p) => [p.name, p.side])).toEqual([
      ['Ravi Patel', 'seller'],
      ['Ines Duarte', 'unknown'],
      ['Kofi Mensah', 'unknown'],
    ]);
  });
});

describe('sections about one person', () => {
  it('finds the person of a "### Name" section when the name has accents', async () => {
    const a = await analyze(
      read(`## Lumière Outdoor - discovery
Attendees: Amir Haddad (Loss Prevention), Geneviève Tremblay (VP Stores), me (Noor S.)

### Geneviève
* "It's interesting. I'm not sure it's for us this year."`),
    );
    expect(a.red_flags.filter((f) => f.stakeholder === 'Geneviève Tremblay').map((f) => f.type)).toContain('lukewarm_enthusiasm');
  });
});

describe('quoted words in notes', () => {
  it('speak for the person of the section, not a colleague they mention', async () => {
    const a = await analyze(
      read(`# Tarn Dairies: sit-down with Olga
Attendees: Bram Koster (Ops), Olga Petrova (CFO), me (Ana R.)

**With Olga**
- Polite, not warm: "I can see why Bram likes it."`),
    );
    expect(a.red_flags.filter((f) => f.type === 'lukewarm_enthusiasm').map((f) => f.stakeholder)).toEqual(['Olga Petrova']);
  });
});

describe('third parties', () => {
  it('does not make a stakeholder of a competitor\'s person named "from <Company>"', async () => {
    const a = await analyze(
      read(`Plein Air - discovery
Attendees: Amir Haddad (Director, Loss Prevention), me (Noor S.)

* Luc Bergeron from ShelfSight has offered them a free 90-day pilot (Amir told me this).
* Priscilla Huang from IT will need to bless the integration.`),
    );
    const names = a.stakeholders.map((s) => s.name);
    expect(names).not.toContain('Luc Bergeron');
    expect(names).toContain('Priscilla Huang');
  });
});

describe('outside advisers', () => {
  it('keeps an outside solicitor or a consulting firm\'s person out of the stakeholders, and reads "In the room:"', async () => {
    const a = await analyze(
      read(`Harbourtown Credit Union - decision meeting
In the room: Liam Walsh (CEO), Orla Byrne (Head of Members), me (Tess A.)

- Liam: "Send the contract, Niamh Kehoe will look over it first." (Niamh Kehoe, their outside solicitor at Hegarty & Co.)
- The requirements came from Cathal Dunne (Ardmore Consulting).`),
    );
    const names = a.stakeholders.map((s) => s.name);
    expect(a.stakeholders.filter((s) => s.present).map((s) => s.name)).toEqual(['Liam Walsh', 'Orla Byrne']);
    expect(names).not.toContain('Niamh Kehoe');
    expect(names).not.toContain('Cathal Dunne');
  });
});
