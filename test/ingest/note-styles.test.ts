import { describe, expect, it } from 'vitest';
import { parseClock } from '../../src/ingest/clock.ts';
import { nameFromEmail } from '../../src/ingest/json-meta.ts';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';

/** Typed notes and exports written in other people's styles. */

const BOLD_NOTES = `# Mapleton USD - routing pilot debrief

**Date:** Oct 1
**Present:** Tamar Ben-David (Director of Transportation), Oluwaseun Bakare (IT Director), Jess Kowalczyk (me)

## What we covered
- Pilot ran on 14 of 62 routes for three weeks.
- Tamar: driver shortage is the whole story.
- Oluwaseun had questions on student data.
- **Oluwaseun:** "It looks fine, but every routing vendor says that."

## Champion question
- I asked Tamar what she would do if it were purely her decision.
- **Tamar:** "I'd sign today."

## Next steps
- Tamar will set up time with Dr. Greene: booked Tue 10/13 at 9:30.
- Me: DPA redlines.
`;

describe('typed notes in other styles', () => {
  it('bold labels and ## sections with quoted people are notes, not speaker lines', () => {
    expect(detectFormat(BOLD_NOTES)).toBe('notes');
    const { transcript } = normalizeTranscript({ content: BOLD_NOTES });
    const texts = transcript.utterances.map((u) => u.text);
    // every bullet is kept, and a bold label reads as a plain one
    expect(texts).toContain('Pilot ran on 14 of 62 routes for three weeks.');
    expect(texts).toContain('Oluwaseun: "It looks fine, but every routing vendor says that."');
    expect(texts).toContain('Tamar: "I\'d sign today."');
    expect(transcript.participants.map((p) => [p.name, p.side])).toEqual([
      ['Jess Kowalczyk', 'seller'],
      ['Tamar Ben-David', 'unknown'],
      ['Oluwaseun Bakare', 'unknown'],
    ]);
  });

  it('a markdown transcript of bold labels is still speaker lines', () => {
    const md = '# Call\n\n**Meera Nair:** Good morning.\n**Venkatesh Iyer:** Good morning Meera.\n**Meera Nair:** Shall we start?\n**Venkatesh Iyer:** Yes.';
    expect(detectFormat(md)).toBe('speaker_lines');
  });

  it('reads who was on the call from a "Call with ..." title or an email recap', () => {
    const a = normalizeTranscript({ content: 'Call with Dominika Nowicka (Head of Finance Ops, Quill Publishing) and her AP analyst Rafael Ortega - 9 Feb\n\nI opened by recapping the demo.' });
    expect(a.transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Notes', null],
      ['Dominika Nowicka', 'Head of Finance Ops'],
      ['Rafael Ortega', 'AP analyst'],
    ]);
    const b = normalizeTranscript({ content: 'Subject: Recap\n\nHi team,\n\nQuick recap of today\'s call with Grace Mwangi (Operations Manager) and Ibrahim Haddad (SCADA Engineer) at Solano County Water.\n\nGrace opened with leaks.' });
    expect(b.transcript.participants.map((p) => p.name)).toEqual(['Notes', 'Grace Mwangi', 'Ibrahim Haddad']);
  });

  it('reads attendee lists under a heading, "(us)", "self (Name)", sides and initials', () => {
    const a = normalizeTranscript({ content: '### Attendees\n- Rocío Aranda — Dir. Customer Service\n- Pat Nguyen (us)\n\n### Notes\n1. Rocío wants tracking.' });
    expect(a.transcript.participants.map((p) => [p.name, p.side])).toEqual([
      ['Pat Nguyen', 'seller'],
      ['Rocío Aranda', 'unknown'],
    ]);
    const b = normalizeTranscript({ content: 'Disco, 3 Jun\nPresent: Marguerite Okonkwo-Hale (Terminal Ops Mgr), self (Ravi Menon)\n- Marguerite: queue is 47 min' });
    expect(b.transcript.utterances[0]?.speaker).toBe('Ravi Menon');
    const c = normalizeTranscript({ content: '**Our side:** Jonah Whitfield (AE), Kim Bell (SE)\n**Their side:** Elif Demir (Maintenance Manager)\n\n**Champion:** Elif.' });
    expect(c.transcript.participants.map((p) => [p.name, p.side])).toEqual([
      ['Jonah Whitfield', 'seller'],
      ['Kim Bell', 'seller'],
      ['Elif Demir', 'unknown'],
    ]);
    const d = normalizeTranscript({ content: '**Attendees:** Jane Brooks (JB, VP Operations), Kenji Lee (KL, IT Lead), me (Sol Ferraro)\n\n- JB owns the budget.' });
    expect(d.transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Sol Ferraro', null],
      ['Jane Brooks', 'VP Operations'],
      ['Kenji Lee', 'IT Lead'],
    ]);
  });
});

describe('labels and exports in other styles', () => {
  it('reads wall-clock stamps with AM/PM in speaker labels', () => {
    expect(parseClock('10:02 AM')).toBe(36120);
    expect(parseClock('1:05 pm')).toBe(47100);
    const { transcript } = normalizeTranscript({ content: 'Marcus Feld (10:02 AM): Morning Ngozi.\nNgozi Eze (10:02 AM): Morning.\nMarcus Feld (10:03 AM): Shall we?' });
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Marcus Feld', null],
      ['Ngozi Eze', null],
    ]);
    expect(transcript.utterances[2]?.start).toBe(36180);
  });

  it('names participants listed only by email address', () => {
    expect(nameFromEmail('andre.costa@procura.io')).toBe('Andre Costa');
    expect(nameFromEmail('sales@procura.io')).toBeNull();
    const json = JSON.stringify({
      participants: ['andre.costa@procura.io', 'wei.zhang@hanlon.com'],
      sentences: [
        { speaker_name: 'Andre Costa', text: 'Hi Wei.' },
        { speaker_name: 'Wei Zhang', text: 'Hello.' },
      ],
    });
    const { transcript } = normalizeTranscript({ content: json });
    expect(transcript.participants).toEqual([
      { name: 'Andre Costa', email: 'andre.costa@procura.io', title: null, side: 'unknown' },
      { name: 'Wei Zhang', email: 'wei.zhang@hanlon.com', title: null, side: 'unknown' },
    ]);
  });
});
