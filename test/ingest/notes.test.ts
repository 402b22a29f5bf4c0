import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';

const NOTES = `# Quarry Labs - intro call 2/11

Attendees: Priya Nair (Head of Finance, Quarry), Omar Haddad (Controller), me (Jess Moreau). Their CEO may join next time.

**Summary**
- Priya wants close to take 5 days, not 9.
- Omar asked about NetSuite sync. Seemed neutral.
* Priya: "If this cuts close in half I'll take it to the board myself."
1. Budget is approved for Q2.

Next steps
- [ ] Send security pack by Fri
`;

describe('notes', () => {
  it('is detected as notes', () => {
    expect(detectFormat(NOTES)).toBe('notes');
  });

  it('makes one utterance per non-empty line, without list markers, by the author', () => {
    const { transcript, meta } = normalizeTranscript({ content: NOTES });
    expect(transcript.format).toBe('notes');
    expect(transcript.utterances.map((u) => u.text)).toEqual([
      'Quarry Labs - intro call 2/11',
      'Attendees: Priya Nair (Head of Finance, Quarry), Omar Haddad (Controller), me (Jess Moreau). Their CEO may join next time.',
      'Summary',
      'Priya wants close to take 5 days, not 9.',
      'Omar asked about NetSuite sync. Seemed neutral.',
      'Priya: "If this cuts close in half I\'ll take it to the board myself."',
      'Budget is approved for Q2.',
      'Next steps',
      'Send security pack by Fri',
    ]);
    expect(new Set(transcript.utterances.map((u) => u.speaker))).toEqual(new Set(['Jess Moreau']));
    expect(transcript.utterances.every((u) => u.side === 'seller' && u.start === null)).toBe(true);
    expect(meta.title).toBe('Quarry Labs - intro call 2/11');
  });

  it('parses attendees with titles; the author is seller, others unknown', () => {
    const { transcript } = normalizeTranscript({ content: NOTES });
    expect(transcript.participants).toEqual([
      { name: 'Jess Moreau', email: null, title: null, side: 'seller' },
      { name: 'Priya Nair', email: null, title: 'Head of Finance', side: 'unknown' },
      { name: 'Omar Haddad', email: null, title: 'Controller', side: 'unknown' },
    ]);
  });

  it('uses "Notes" as the speaker when no author is named', () => {
    const { transcript } = normalizeTranscript({ content: '- talked to Raj about pricing\n- he will check with IT\n' });
    expect(transcript.format).toBe('notes');
    expect(transcript.utterances.map((u) => [u.speaker, u.side, u.text])).toEqual([
      ['Notes', 'seller', 'talked to Raj about pricing'],
      ['Notes', 'seller', 'he will check with IT'],
    ]);
    expect(transcript.participants).toEqual([{ name: 'Notes', email: null, title: null, side: 'seller' }]);
  });

  it('reads the author from "Name (me)" and from a "Notes by" line', () => {
    const a = normalizeTranscript({ content: 'Participants: Lee Chan (me), Ruth Ng\n- Ruth liked it' });
    expect(a.transcript.utterances[0]?.speaker).toBe('Lee Chan');
    const b = normalizeTranscript({ content: 'Notes by: Lee Chan\n- Ruth liked it\n- asked for pricing' });
    expect(b.transcript.utterances.map((u) => u.speaker)).toEqual(['Lee Chan', 'Lee Chan', 'Lee Chan']);
  });

  it('reads an attendee list written as bullets under the heading', () => {
    const { transcript } = normalizeTranscript({ content: '**Attendees:**\n- Ruth Ng (VP Ops)\n- Carl Berg - IT\n\n- Ruth wants a pilot' });
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Notes', null],
      ['Ruth Ng', 'VP Ops'],
      ['Carl Berg', 'IT'],
    ]);
  });

  it('treats key: value note lines as notes, not speakers', () => {
    const text = 'Budget: approved for Q3\nTimeline: decision by June\nRisks: CFO not engaged\nNext steps: send proposal';
    expect(detectFormat(text)).toBe('notes');
  });

  it('keeps a few quoted "Name:" bullets inside notes as note lines', () => {
    const text = '- Call went well\n- Ruth: "we want this"\n- pricing concerns\n- security review pending\n- Carl: "send the SOC 2"\n- follow up Friday';
    expect(detectFormat(text)).toBe('notes');
    const { transcript } = normalizeTranscript({ content: text });
    expect(transcript.utterances).toHaveLength(6);
    expect(transcript.utterances[1]?.text).toBe('Ruth: "we want this"');
  });

  it('skips rules and lines without words', () => {
    const { transcript } = normalizeTranscript({ content: 'first\n---\n* * *\n-\nsecond', format: 'notes' });
    expect(transcript.utterances.map((u) => u.text)).toEqual(['first', 'second']);
  });
});
