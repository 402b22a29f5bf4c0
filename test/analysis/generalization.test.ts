import { describe, expect, it } from 'vitest';
import { classifyAnswer } from '../../src/analysis/champion-test.ts';
import { verbForms } from '../../src/analysis/lexicon.ts';
import { withoutHonorific } from '../../src/analysis/people.ts';
import { analyze, call, flagTypes, grade, notes, person, signalTypes } from './helpers.ts';

/**
 * The analyzer reads ideas, not the dev corpus's sentences: each case below is a made-up call in a
 * phrasing, format or style the dev files do not use.
 */

const SELLER = { 'Kit Vendor': 'seller' } as const;
const names = (a: Awaited<ReturnType<typeof analyze>>) => a.stakeholders.map((s) => s.name);

describe('the champion test in other words', () => {
  it.each([
    'So, Jo, if you had the pen, and it was just your signature on this, would you go ahead?',
    'Jo, setting the others aside, is this something you would push for?',
    'If it were down to you and you alone, would you sign?',
    'If you were calling the shots, nobody above you, would you pick us?',
    'Forget the committee for a second. If you were the only one deciding, is this a yes?',
    'Jo, if the decision were yours alone, would you go with us?',
    'Jo, imagine it is your budget and your call alone. Would you buy it?',
    'If you were the one signing, nobody else, would you go ahead?',
    'Hand on heart, if it was your decision alone, would you go for it?',
    'Jo, if you were making the call on your own, would you go ahead?',
  ])('finds "%s"', async (q) => {
    const a = await analyze(call(`Kit Vendor: ${q}\nJo Marsh: Yes, absolutely.`, SELLER));
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Jo Marsh', answer: 'enthusiastic' });
  });

  it.each([
    ['Too right I would.', 'enthusiastic'],
    ['Aye, I would, no bother.', 'enthusiastic'],
    ["I'd never say no to fewer spreadsheets. Yes, I'd roll it out tomorrow.", 'enthusiastic'],
    ['Good question. Yes, I would.', 'enthusiastic'],
    ['Definitely, I will push for it.', 'enthusiastic'],
    ["I'd lean your way, probably. But it depends on the pricing.", 'hedged'],
    ["Honestly, I'd want to, but I can't go against Tomas on this.", 'hedged'],
    ['Honestly? No, not this year.', 'declined'],
    ['What would the total cost be for the first year?', 'unanswered'],
  ])('classes "%s" as %s', (answer, expected) => {
    expect(classifyAnswer(answer)).toBe(expected);
  });

  it('"no, yeah" is a yes, not a refusal', () => {
    expect(classifyAnswer("No, yeah, I'd do it.")).not.toBe('declined');
  });

  it('reads the reason out of an unpunctuated caption answer', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: dolores if this were entirely your decision would you move forward
        Jo Marsh: you know what yes i would if it does what you just showed me that's a week a month back for my team`,
        SELLER,
      ),
    );
    expect(a.champion_test.answer).toBe('enthusiastic');
    expect(signalTypes(a, 'Jo Marsh')).toEqual(expect.arrayContaining(['enthusiastic_commitment', 'articulated_value']));
  });

  it('reads a test reported in typed notes, in the third person and in shorthand', async () => {
    const n = notes(
      'Kit Vendor',
      [{ name: 'Marguerite Okonkwo', title: 'Ops Mgr' }],
      `Tidewater - disco
       - I asked Marguerite the if-it-were-her-call q. She said "Honestly it's a maybe."
       - I asked Marguerite what she would do if it were purely her decision.
       - Marguerite: "I'd sign today."`,
    );
    const a = await analyze(n);
    expect(a.champion_test).toMatchObject({ asked: true, stakeholder: 'Marguerite Okonkwo' });
  });
});

describe('cues by meaning, not by one sentence', () => {
  it('matches any tense of a verb (lemma forms from compromise)', () => {
    const forms = verbForms(['show', 'forward']).split('|');
    expect(forms).toEqual(expect.arrayContaining(['show', 'showed', 'shown', 'shows', 'showing', 'forwarded']));
  });

  it.each([
    "I've already shown the demo to my underwriters and they keep asking for it.",
    'Actually I have already discussed it with our GM Finance and he is positive.',
    'i already sent him the dairy story and he wrote back asking for produce too',
    "I'll forward it to him with my recommendation.",
    "I'll sponsor it at the committee myself.",
  ])('internal advocacy: "%s"', async (line) => {
    const a = await analyze(call(`Kit Vendor: How is it going inside?\nJo Marsh: ${line}`, SELLER));
    expect(signalTypes(a, 'Jo Marsh')).toContain('internal_advocacy');
    expect(flagTypes(a, 'Jo Marsh')).not.toContain('intro_reluctance');
  });

  it.each([
    ['She approves anything over fifty thousand pounds, and the research committee meets on the 21st.', 'insider_info_shared'],
    ['Budget sits with her boss, he signs anything over $75k.', 'insider_info_shared'],
    ['The credit committee has to approve any change to underwriting.', 'insider_info_shared'],
    ['It would go through our CPO, she decides on suppliers.', 'insider_info_shared'],
    ['The trial cut our quote turnaround from three days to same day.', 'articulated_value'],
    ["If it takes a quarter off the agency bill, it's paid for itself twice over.", 'articulated_value'],
    ['And I can stand up a test VM with a sample bucket by Thursday.', 'resource_committed'],
    ['I can pull the last twelve months of overtime costs for you by Monday.', 'resource_committed'],
    ["I'll get Dev to start the integration work on Monday.", 'resource_committed'],
    ["I'll get you fifteen minutes on the agenda on the 21st at 10.", 'intro_offered'],
    ['I got back most of a day a month that I used to spend on the spreadsheet.', 'personal_win_stated'],
  ])('"%s" -> %s', async (line, type) => {
    const a = await analyze(call(`Kit Vendor: Tell me more.\nJo Marsh: ${line}`, SELLER));
    expect(signalTypes(a, 'Jo Marsh')).toContain(type);
  });

  it('does not read a word for its other sense', async () => {
    const a = await analyze(
      call(
        `Kit Vendor: Could we present to your MD?
        Jo Marsh: Yes, I will block his calendar for the review on Monday the 6th at 11 am.
        Kit Vendor: And the budget?
        Jo Marsh: But I'm not signing anything until I see the Charleston numbers too. Sorry if it cuts out, I'm on the train.
        Kit Vendor: Understood.
        Jo Marsh: I'm the one who writes the cheque here, so it's my call.`,
        SELLER,
      ),
    );
    expect(flagTypes(a)).not.toContain('blocker_present');
    expect(grade(a, 'Jo Marsh')).not.toBe('blocker');
    expect(signalTypes(a, 'Jo Marsh')).not.toContain('insider_info_shared');
    expect(signalTypes(a, 'Jo Marsh')).not.toContain('articulated_value');
    expect(signalTypes(a, 'Jo Marsh')).not.toContain('personal_win_stated');
    expect(person(a, 'Jo Marsh')?.role).toBe('economic_buyer');
  });

  it('"I\'ll take it to him myself" keeps the seller out; it is not a yes', async () => {
    const a = await analyze(call(`Kit Vendor: Could we get thirty minutes with Patrick?\nJo Marsh: Not yet. Let me get the team's view first and I'll take it to him myself.`, SELLER));
    expect(signalTypes(a)).not.toContain('enthusiastic_commitment');
    expect(flagTypes(a, 'Jo Marsh')).toContain('intro_reluctance');
  });
});

describe('questions about meeting the decision maker', () => {
  const ask = (answer: string) => call(`Kit Vendor: Would it be worth getting Callum on a call so he can see the numbers?\nJo Marsh: ${answer}`, SELLER);

  it.each([
    "I'd hold off on that for now. He's got the acquisition on his plate.",
    "nah i'd rather not put it in front of him yet, he's got enough on his plate",
    'Not until I have seen it work on our own data.',
  ])('a refusal or a deferral of the meeting is intro reluctance: "%s"', async (answer) => {
    expect(flagTypes(await analyze(ask(answer)), 'Jo Marsh')).toContain('intro_reluctance');
  });

  it('agreeing but hedging the time is hesitation, not reluctance', async () => {
    const a = await analyze(ask("I'll ask him. He's in budget season so I can't promise when."));
    expect(flagTypes(a, 'Jo Marsh')).toContain('next_step_hesitation');
    expect(flagTypes(a, 'Jo Marsh')).not.toContain('intro_reluctance');
  });

  it('"I\'ll bring you myself" brings the seller along', async () => {
    const a = await analyze(ask("I'll bring you myself. I'll get you ten minutes on his agenda on the 21st at 10."));
    expect(signalTypes(a, 'Jo Marsh')).toContain('intro_offered');
    expect(flagTypes(a, 'Jo Marsh')).not.toContain('intro_reluctance');
  });
});

describe('faint praise, sarcasm and negation', () => {
  it.each([
    "It's a nice demo. But we're not signing anything unless it's cheaper.",
    'The demo was okay but I have seen slick demos before.',
    'Oh great, another app for people to forget their password to.',
    'Mixed, honestly. The team is worried about learning another system.',
    "It seems reasonable. I'm just not sure it's a priority this year.",
  ])('"%s" is lukewarm', async (line) => {
    const a = await analyze(call(`Kit Vendor: How did it look from where you sit?\nJo Marsh: ${line}`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).toContain('lukewarm_enthusiasm');
  });

  it('"Not bad at all, actually. It\'s really good." is praise', async () => {
    const a = await analyze(call(`Kit Vendor: What's your take?\nJo Marsh: Not bad at all, actually. It's really good.`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).not.toContain('lukewarm_enthusiasm');
  });

  it('a yes taken back in the same breath, and a flat "I don\'t know", are vague', async () => {
    const a = await analyze(call(`Kit Vendor: Do you still want to push for it?\nJo Marsh: I do, but Karl has a point about the move.`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).toContain('vague_response');
    const b = await analyze(call(`Kit Vendor: What would it take to move forward?\nJo Marsh: Honestly, I don't know. Ask me again in Q2.`, SELLER));
    expect(flagTypes(b, 'Jo Marsh')).toContain('vague_response');
    const c = await analyze(call(`Kit Vendor: How many carriers a week?\nJo Marsh: We onboard, I don't know, fifteen twenty a week.`, SELLER));
    expect(flagTypes(c, 'Jo Marsh')).not.toContain('vague_response');
  });

  it.each([
    ["Let's see how things look after half-term. I'll come back to you.", 'next_step_hesitation'],
    ['Put it in writing. I don\'t need a call.', 'next_step_hesitation'],
    ['Realistically after the audit in February.', 'next_step_hesitation'],
  ])('deferrals of the next step: "%s"', async (line, type) => {
    const a = await analyze(call(`Kit Vendor: Could we set up a call with our pricing lead on Thursday?\nJo Marsh: ${line}`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).toContain(type);
  });

  it('"budget for next year" is a fact, not a deferral', async () => {
    const a = await analyze(call(`Kit Vendor: What does timing look like?\nJo Marsh: Budget for next year gets locked in the middle of March.`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).not.toContain('next_step_hesitation');
  });
});

describe('resistance and risk in other words', () => {
  it.each([
    "To be clear, we will only consider it if you come in at or below the current contract. That's not something I can move on.",
    "We don't need another platform when the ERP does eighty percent of this.",
  ])('hard conditions and arguing against the change make a blocker: "%s"', async (line) => {
    const a = await analyze(call(`Kit Vendor: What would you need from us?\nJo Marsh: ${line}`, SELLER));
    expect(grade(a, 'Jo Marsh')).toBe('blocker');
  });

  it.each([
    "I've handed in my notice, I'm finishing at the end of next month.",
    "I'm going on parental leave in six weeks, so Hamza will be covering the project.",
  ])('a champion who is leaving is at risk: "%s"', async (line) => {
    const a = await analyze(call(`Kit Vendor: Anything else I should know?\nJo Marsh: ${line}`, SELLER));
    expect(flagTypes(a, 'Jo Marsh')).toContain('champion_at_risk');
  });
});

describe('who is who', () => {
  it('names a stakeholder without the honorific of the speaker label', async () => {
    expect(withoutHonorific('Dr Nkechi Adeyemi')).toBe('Nkechi Adeyemi');
    expect(withoutHonorific('Dr. Delgado')).toBe('Dr. Delgado');
    const a = await analyze(call(`Kit Vendor: Morning!\nDr Nkechi Adeyemi: Morning. Our head nurse, Bronwen Price, rebuilds the rota by hand.`, SELLER));
    expect(names(a)).toEqual(expect.arrayContaining(['Nkechi Adeyemi', 'Bronwen Price']));
  });

  it("leaves a competitor's people out, in a transcript", async () => {
    const a = await analyze(call(`Kit Vendor: How is the other evaluation going?\nJo Marsh: Their rep, Gianni Russo, calls every week. Their CEO, Olivia Brandt, even flew in.`, SELLER));
    expect(names(a)).not.toEqual(expect.arrayContaining(['Gianni Russo']));
    expect(names(a)).not.toEqual(expect.arrayContaining(['Olivia Brandt']));
  });

  it('keeps "their CFO" in notes, where "their" is the buyer', async () => {
    const a = await analyze(notes('Kit Vendor', [{ name: 'Dominika Nowicka' }], `Quill - AP call\n- She told me their CFO, Annette Vogel, signs off anything over 40k.`));
    expect(names(a)).toContain('Annette Vogel');
  });

  it('names generic speakers from introductions and from the names others use', async () => {
    const a = await analyze(
      call(`Speaker 1: hey can everyone hear me okay
        Speaker 2: yep we can hear you, it's wanjiru kamau from category, and i've got raymond from it with me
        Speaker 3: hey
        Speaker 1: hi wanjiru hi raymond thanks for making the time. how's it been going
        Speaker 2: yeah it's brutal we've got eleven stores on the old system
        Speaker 1: raymond anything from your side
        Speaker 3: the pos feed has been stable, i just need to know about permissions`),
    );
    expect(names(a)).toEqual(expect.arrayContaining(['Wanjiru Kamau', 'Raymond']));
    expect(names(a).some((n) => /brutal/i.test(n))).toBe(false);
  });

  it('a speaker labelled by title is the holder of that title', async () => {
    const a = await analyze(call(`Kit Vendor: Should I send it to your CFO?\nCFO: I'm here. We're not signing anything unless the cost comes in under what we pay today.`, SELLER));
    expect(names(a)).toEqual(['CFO']);
    expect(person(a, 'CFO')).toMatchObject({ present: true, role: 'economic_buyer' });
  });

  it('finds people in lower-case captions from how they are introduced', async () => {
    const a = await analyze(
      call(`kit vendor: who else would weigh in
        jo marsh: that'd be aigerim bekova, she's the director of operations. our vp of finance darnell ward holds the budget. and jun's out sick today`),
    );
    expect(names(a)).toEqual(expect.arrayContaining(['Aigerim Bekova', 'Jun']));
    expect(names(a).some((n) => n.startsWith('Darnell'))).toBe(true);
    expect(names(a)).not.toContain('VP of finance');
  });

  it('resolves "Mr. Sethi", a name that starts a longer one, and initials', async () => {
    const a = await analyze(call(`Kit Vendor: Hi both.\nMei Lin Tan: Hi. Mei Lin here. I discussed it with our GM Finance, Mr. Sethi.`, SELLER));
    expect(names(a)).toEqual(expect.arrayContaining(['Mei Lin Tan', 'Sethi']));
    expect(names(a)).not.toContain('Mei Lin');
    const n = await analyze(notes('Kit Vendor', [{ name: 'Jane Brooks', title: 'VP Operations' }], `Brookfield - kickoff\n- JB: budget is hers, signs off up to $250k.\n- JB: "I'd sign it today."`));
    expect(person(n, 'Jane Brooks')?.role).toBe('economic_buyer');
  });
});

describe('roles from what is said', () => {
  it('the person named in answer to "who makes the final call?" holds the decision', async () => {
    const a = await analyze(call(`Kit Vendor: Who would make the final call?\nJo Marsh: Our finance director, Patrick Doyle. He'll want to see a business case.`, SELLER));
    expect(person(a, 'Patrick Doyle')?.role).toBe('economic_buyer');
  });

  it('signing off an integration is screening, and a question is not a fact', async () => {
    const a = await analyze(
      call(`Kit Vendor: Jo, who signs off in the end?\nJo Marsh: Dev Malhotra, our IT lead, has to sign off the integration. Grete Halvorsen owns the budget.`, SELLER),
    );
    expect(person(a, 'Dev Malhotra')?.role).toBe('technical_buyer');
    expect(person(a, 'Grete Halvorsen')?.role).toBe('economic_buyer');
    expect(person(a, 'Jo Marsh')?.role).not.toBe('economic_buyer');
  });
});

describe('typed notes that report the conversation', () => {
  it('reads an answer reported after the question in the same line', async () => {
    const n = notes(
      'Kit Vendor',
      [
        { name: 'Marguerite Okonkwo', title: 'Ops Mgr' },
        { name: 'Ji-ho Park', title: 'Procurement' },
      ],
      `Tidewater - disco
       - Marguerite: gate queue is 47 min at peak.
       - Budget sits with her boss, Terrence Boyd (VP Ops).
       - Asked if we could get 30 min w/ Terrence. She said "not until I've seen it work on our own data".
       - Asked re timing for a follow-up: "Let me check with the night shift leads and I'll get back to you."
       - Ji-ho said he can pull last quarter's transactions for a sandbox by Fri 6/12.`,
    );
    const a = await analyze(n);
    expect(flagTypes(a, 'Marguerite Okonkwo')).toEqual(expect.arrayContaining(['intro_reluctance', 'next_step_hesitation']));
    expect(signalTypes(a, 'Ji-ho Park')).toEqual(expect.arrayContaining(['resource_committed', 'next_step_scheduled']));
  });

  it('a field line reporting what a buyer in the room did counts; the author\'s CRM record does not', async () => {
    const n = notes(
      'Kit Vendor',
      [{ name: 'Elif Demir', title: 'Maintenance Manager' }],
      `Quarrymoor - discovery #2
       Economic Buyer: Graham Petrie, Operations Director. Signs off anything over £50k. Elif says he only cares about throughput.
       Next steps: Elif will take the business case to Graham's ops review and get us 20 min with him (Tue 17 Feb, 3pm). She's sending the invite.
       Econ buyer = Carla Jensen, owns the capex budget.`,
    );
    const a = await analyze(n);
    expect(signalTypes(a, 'Elif Demir')).toEqual(expect.arrayContaining(['insider_info_shared', 'internal_advocacy', 'intro_offered', 'next_step_scheduled']));
    expect(person(a, 'Graham Petrie')?.role).toBe('economic_buyer');
    expect(names(a)).not.toContain('Economic Buyer');
  });

  it('a champion moved onto other work, reported in the third person, is at risk', async () => {
    const n = notes('Kit Vendor', [{ name: 'Martina Russo' }], `Ashby - follow-up\n- Martina messaged that she's been moved to run the new warehouse project and "won't have much time for this for a while".`);
    expect(flagTypes(await analyze(n), 'Martina Russo')).toContain('champion_at_risk');
  });
});
