import { describe, it, expect } from 'vitest';
import { detectFormat } from '../../src/ingest/normalize.ts';
import { run, survives } from './support.ts';

describe('Google Meet transcript export', () => {
  const meet = [
    'Pilot review: Corvid Logistics (2026-06-16 09:02 GMT-07:00) - Transcript',
    'Attendees',
    'Owen Gallagher, Folasade Adeyemi, Ines Duarte, Rafael Pires',
    'Transcript',
    '00:00:00',
    '',
    'Owen Gallagher: Morning both, thanks for joining.',
    'Folasade Adeyemi: Morning. Ines will join in a second.',
    '00:01:12',
    'Ines Duarte: Sorry, here now. Shall we look at the numbers?',
    'Owen Gallagher: Yes, let us.',
    'Transcription ended after 00:12:40',
    '',
    'This editable transcript was computer generated and might contain errors. People can also change the text after it was created.',
  ].join('\n');

  it('reads title, date, attendees and the turns', () => {
    expect(detectFormat(meet)).toBe('speaker_lines');
    const { transcript, meta, turns } = run(meet);
    expect(meta).toEqual({ title: 'Pilot review: Corvid Logistics', occurred_at: '2026-06-16T16:02:00.000Z' });
    // Rafael Pires was invited and never spoke: still a participant
    expect(transcript.participants.map((p) => p.name)).toEqual(['Owen Gallagher', 'Folasade Adeyemi', 'Ines Duarte', 'Rafael Pires']);
    expect(turns).toEqual([
      ['Owen Gallagher', 'Morning both, thanks for joining.', 0],
      ['Folasade Adeyemi', 'Morning. Ines will join in a second.', null],
      ['Ines Duarte', 'Sorry, here now. Shall we look at the numbers?', 72],
      // the recorder's closing lines are nobody's speech
      ['Owen Gallagher', 'Yes, let us.', null],
    ]);
  });

  it('reads blank-line separated exports and an attendee heading with a colon', () => {
    const spaced = 'Weekly sync - Transcript\n\nAttendees:\n\nMina Park, Jonas Weber\n\nTranscript\n\n00:00:05\n\nMina Park: Hi Jonas.\n\nJonas Weber: Hi Mina.\n\nMina Park: Ready?';
    const { transcript, meta, turns } = run(spaced);
    expect(meta).toEqual({ title: 'Weekly sync', occurred_at: null });
    expect(transcript.participants.map((p) => p.name)).toEqual(['Mina Park', 'Jonas Weber']);
    expect(turns[0]).toEqual(['Mina Park', 'Hi Jonas.', 5]);
  });

  it('never reads the title line as a turn, even when it has a label-like colon', () => {
    const text = 'Discovery Call: Halden Foods (2026-02-03 14:00 GMT+01:00) - Transcript\nAttendees\nMina Park, Jonas Weber\nTranscript\nMina Park: Hi.\nJonas Weber: Hello.\nMina Park: Shall we?';
    const { meta, turns } = run(text);
    expect(meta).toEqual({ title: 'Discovery Call: Halden Foods', occurred_at: '2026-02-03T13:00:00.000Z' });
    expect(turns.map((t) => t[0])).toEqual(['Mina Park', 'Jonas Weber', 'Mina Park']);
  });

  it('survives a truncated or mangled export', () => {
    for (const content of [
      'Title (2026-13-45 99:99 GMT+99:00) - Transcript\nAttendees\n\nTranscript\n00:00:00',
      'X (2026) - Transcript\nAttendees\n,,,\nTranscript\n00:00:00\nMina Park: hi\nJonas Weber: yo\nMina Park: ok',
      '(2026-06-16 09:02) - Transcript\nTranscript\nTranscription ended after 00:00:01',
      `${'('.repeat(200)}2026) - Transcript\nMina Park: a\nJonas Weber: b\nMina Park: c`,
    ]) {
      survives({ content });
      survives({ content, format: 'speaker_lines' });
    }
  });
});

describe('Rev-style labels', () => {
  it('reads `Name (mm:ss):` alone on a line with the text below, the stamp not part of the name', () => {
    const text = 'Marcus Bello (00:02):\nThanks for having me.\n\nPriya Nair (00:07):\nOf course. Two things today.\nFirst, the renewal.\n\nMarcus Bello (01:02:03):\nSounds good.\n';
    expect(detectFormat(text)).toBe('speaker_lines');
    const { transcript, turns } = run(text);
    expect(turns).toEqual([
      ['Marcus Bello', 'Thanks for having me.', 2],
      ['Priya Nair', 'Of course. Two things today. First, the renewal.', 7],
      ['Marcus Bello', 'Sounds good.', 3723],
    ]);
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Marcus Bello', null],
      ['Priya Nair', null],
    ]);
  });

  it('reads numbered speakers and a stamp in brackets', () => {
    const { turns } = run('Speaker 1 [00:00:04]:\nHello?\nSpeaker 2 [00:00:06]:\nYes, hi.\nSpeaker 1 [00:00:09]:\nGreat.');
    expect(turns).toEqual([
      ['Speaker 1', 'Hello?', 4],
      ['Speaker 2', 'Yes, hi.', 6],
      ['Speaker 1', 'Great.', 9],
    ]);
  });
});
