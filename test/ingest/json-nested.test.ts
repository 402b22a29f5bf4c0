import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript, TranscriptError } from '../../src/ingest/normalize.ts';
import { survives } from './support.ts';

/** A Fireflies GraphQL answer: the transcript two objects deep. */
function fireflies(sentences: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    data: {
      transcript: {
        id: 'tx-88',
        title: 'Kestrel Analytics <> Orbis Health',
        dateString: '2026-04-21T14:30:00.000Z',
        participants: ['nadia.haddad@kestrel.io', 'jmorales@orbishealth.org'],
        meeting_attendees: [
          { displayName: 'Nadia Haddad', email: 'nadia.haddad@kestrel.io', name: null },
          { displayName: null, email: 'jmorales@orbishealth.org', name: null },
          { displayName: null, email: 'wen.li@orbishealth.org', name: 'Wen Li' },
          { displayName: null, email: 'priya@orbishealth.org', name: null },
        ],
        sentences,
        ...extra,
      },
    },
  });
}

const SENTENCES = [
  { index: 0, speaker_name: 'Nadia Haddad', speaker_id: 0, text: 'Thanks for joining, Julia.', raw_text: 'thanks for joining julia', start_time: 0.4, end_time: 2.1 },
  { index: 1, speaker_name: 'Julia Morales', speaker_id: 1, text: 'Glad to. Wen is on too.', raw_text: 'glad to wen is on too', start_time: 2.5, end_time: 4 },
  { index: 2, speaker_name: null, speaker_id: 1, text: 'Let us start with the pilot.', raw_text: 'let us start with the pilot', start_time: 4.2, end_time: 6 },
  { index: 3, speaker_name: null, speaker_id: 7, text: 'Hi, Wen here.', raw_text: 'hi wen here', start_time: 6.5, end_time: 7.2 },
];

describe('nested JSON exports (Fireflies GraphQL)', () => {
  it('finds the sentences under data.transcript and reads title and date from the same object', () => {
    const content = fireflies(SENTENCES);
    expect(detectFormat(content)).toBe('json');
    const { transcript, meta } = normalizeTranscript({ content });
    expect(meta).toEqual({ title: 'Kestrel Analytics <> Orbis Health', occurred_at: '2026-04-21T14:30:00.000Z' });
    expect(transcript.utterances.map((u) => [u.speaker, u.text, u.start, u.end])).toEqual([
      ['Nadia Haddad', 'Thanks for joining, Julia.', 0.4, 2.1],
      ['Julia Morales', 'Glad to. Wen is on too.', 2.5, 4],
      // a null speaker_name takes the name its speaker_id has elsewhere, else `Speaker <id>`
      ['Julia Morales', 'Let us start with the pilot.', 4.2, 6],
      ['Speaker 7', 'Hi, Wen here.', 6.5, 7.2],
    ]);
  });

  it('brings attendee emails into participants, named from displayName/name, a matching speaker or the address', () => {
    const { transcript } = normalizeTranscript({ content: fireflies(SENTENCES), ownDomains: ['kestrel.io'] });
    expect(transcript.participants).toEqual([
      { name: 'Nadia Haddad', email: 'nadia.haddad@kestrel.io', title: null, side: 'seller' },
      { name: 'Wen Li', email: 'wen.li@orbishealth.org', title: null, side: 'buyer' },
      // `jmorales@` is the speaker Julia Morales; `priya@` only has the address to go by
      { name: 'Julia Morales', email: 'jmorales@orbishealth.org', title: null, side: 'buyer' },
      { name: 'Priya', email: 'priya@orbishealth.org', title: null, side: 'buyer' },
      { name: 'Speaker 7', email: null, title: null, side: 'unknown' },
    ]);
  });

  it('reads raw_text when text is missing, and a speakers list mapping ids to names', () => {
    const content = fireflies(
      [
        { speaker_name: null, speaker_id: 3, text: null, raw_text: 'only raw text here', start_time: 1, end_time: 2 },
        { speaker_name: null, speaker_id: 4, text: 'Hello.', start_time: 3, end_time: 4 },
      ],
      { speakers: [{ id: 3, name: 'Bongani Dlamini' }] },
    );
    const { transcript } = normalizeTranscript({ content });
    expect(transcript.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Bongani Dlamini', 'only raw text here'],
      ['Speaker 4', 'Hello.'],
    ]);
  });

  it('finds segments in other wrappers: a list of transcripts, a result object', () => {
    const seg = [{ speaker: 'Ola Nordmann', text: 'Hei.', start: 1, end: 2 }];
    for (const shape of [{ data: { transcripts: [{ title: 'x', sentences: seg }] } }, { result: { call: { utterances: seg } } }, { response: { payload: { segments: seg } } }]) {
      expect(normalizeTranscript({ content: JSON.stringify(shape) }).transcript.utterances.map((u) => u.speaker)).toEqual(['Ola Nordmann']);
    }
    const titled = { data: { transcripts: [{ title: 'Quarterly review', sentences: seg }] } };
    expect(normalizeTranscript({ content: JSON.stringify(titled) }).meta.title).toBe('Quarterly review');
  });

  it('prefers a list whose items carry text over an earlier empty or text-less one', () => {
    const content = JSON.stringify({ items: [{ id: 1 }], data: { transcript: { sentences: [{ speaker_name: 'Ola Nordmann', text: 'Hei.' }] } } });
    expect(normalizeTranscript({ content }).transcript.utterances.map((u) => u.text)).toEqual(['Hei.']);
  });

  it('keeps reading a bare array of {speaker, start_time, end_time, text}', () => {
    const content = JSON.stringify([
      { speaker: 'Ivan Petrov', start_time: 0, end_time: 1.5, text: 'Dobryy den.' },
      { speaker: 'Mei Chen', start_time: 1.6, end_time: 3, text: 'Hello Ivan.' },
    ]);
    expect(normalizeTranscript({ content }).transcript.utterances.map((u) => [u.speaker, u.start, u.end, u.text])).toEqual([
      ['Ivan Petrov', 0, 1.5, 'Dobryy den.'],
      ['Mei Chen', 1.6, 3, 'Hello Ivan.'],
    ]);
  });

  it('names a sentence with neither name nor id "Unknown speaker"', () => {
    const content = fireflies([{ speaker_name: null, text: 'Who said this?', start_time: 0, end_time: 1 }]);
    expect(normalizeTranscript({ content }).transcript.utterances[0]?.speaker).toBe('Unknown speaker');
  });

  it('survives malformed nested exports', () => {
    const bad: unknown[] = [
      { data: { transcript: { sentences: null } } },
      { data: { transcript: null } },
      { data: { transcript: { sentences: [null, 3, 'x'] } } },
      { data: { transcript: { sentences: [{ speaker_name: null, speaker_id: null, text: null, raw_text: null }] } } },
      { data: { transcript: { sentences: [{ speaker_name: { a: 1 }, speaker_id: [], text: 'ok' }], meeting_attendees: [null, 5, { email: 42 }, { email: 'not-an-email' }], participants: [7, '', '@'] } } },
      { data: { transcript: { sentences: [{ text: 'ok', start_time: 'soon', end_time: -4 }], dateString: 'yesterday', title: 12 } } },
      { a: { b: { c: { d: { e: { f: { utterances: [{ speaker: 'Deep', text: 'too deep' }] } } } } } } },
    ];
    for (const value of bad) survives({ content: JSON.stringify(value) });
    expect(() => normalizeTranscript({ content: JSON.stringify(bad[0]) })).toThrow(TranscriptError);
  });
});
