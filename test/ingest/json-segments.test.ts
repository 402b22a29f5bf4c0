import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript, TranscriptError } from '../../src/ingest/normalize.ts';

const run = (content: string | { utterances: { speaker: string; text: string; start?: number | null; end?: number | null }[] }) =>
  normalizeTranscript({ content });
const rows = (content: string) => run(content).transcript.utterances.map((u) => [u.speaker, u.text, u.start, u.end]);

function errorOf(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected a TranscriptError');
}

describe('JSON segments', () => {
  it('reads {utterances:[...]} with participants, title and date', () => {
    const content = JSON.stringify({
      title: 'Intro call',
      occurred_at: '2026-01-05T15:00:00Z',
      participants: [
        { name: 'Ivy Chen', email: 'ivy@vendor.io', title: 'AE' },
        { name: 'Raul Mendes', email: 'raul@buyer.com', side: 'buyer' },
        { name: 'Quiet Person' },
      ],
      utterances: [
        { speaker: 'Ivy Chen', start: 0.5, end: 2, text: 'Hello.' },
        { speaker: 'raul mendes', start: 2.5, end: 4, text: 'Hi!' },
      ],
    });
    expect(detectFormat(content)).toBe('json');
    const { transcript, meta } = normalizeTranscript({ content, ownDomains: ['vendor.io'] });
    expect(meta).toEqual({ title: 'Intro call', occurred_at: '2026-01-05T15:00:00.000Z' });
    expect(transcript.utterances.map((u) => [u.speaker, u.side, u.start, u.end, u.text])).toEqual([
      ['Ivy Chen', 'seller', 0.5, 2, 'Hello.'],
      ['Raul Mendes', 'buyer', 2.5, 4, 'Hi!'],
    ]);
    expect(transcript.participants).toEqual([
      { name: 'Ivy Chen', email: 'ivy@vendor.io', title: 'AE', side: 'seller' },
      { name: 'Raul Mendes', email: 'raul@buyer.com', title: null, side: 'buyer' },
      { name: 'Quiet Person', email: null, title: null, side: 'unknown' },
    ]);
  });

  it('reads {segments}, {transcript:{segments}}, {transcript:{utterances}} and a bare array', () => {
    const seg = [{ speaker_name: 'Ivy', content: 'One.', start_time: 1, end_time: 2 }];
    for (const shape of [{ segments: seg }, { transcript: { segments: seg } }, { transcript: { utterances: seg } }, seg]) {
      expect(rows(JSON.stringify(shape))).toEqual([['Ivy', 'One.', 1, 2]]);
    }
  });

  it('reads name, participant.name, sentence and startTime/endTime spellings', () => {
    const content = JSON.stringify([
      { name: 'Ivy', sentence: 'A.', startTime: 1, endTime: 2 },
      { participant: { name: 'Raul' }, text: 'B.', start_timestamp: 3, end_timestamp: 4 },
    ]);
    expect(rows(content)).toEqual([
      ['Ivy', 'A.', 1, 2],
      ['Raul', 'B.', 3, 4],
    ]);
  });

  it('joins words[] and reads {relative} times (Recall.ai)', () => {
    const content = readFileSync(new URL('../fixtures/ingest/recall-words.json', import.meta.url), 'utf8');
    expect(rows(content)).toEqual([
      ['Ivy Chen', 'Thanks for joining.', 1.5, 2.6],
      ['Raul Mendes', 'Happy to be here.', 3, 3.9],
    ]);
  });

  it('reads milliseconds when a field says so or the values are clearly ms', () => {
    expect(rows(JSON.stringify([{ speaker: 'A', text: 'x', start_ms: 1500, end_ms: 2500 }]))).toEqual([['A', 'x', 1.5, 2.5]]);
    const clearly = [
      { speaker: 'A', text: 'x', start: 1000, end: 61000 },
      { speaker: 'B', text: 'y', start: 62000, end: 64000 },
    ];
    expect(rows(JSON.stringify(clearly))).toEqual([
      ['A', 'x', 1, 61],
      ['B', 'y', 62, 64],
    ]);
    expect(rows(JSON.stringify([{ speaker: 'A', text: 'x', start: 1000, end: 1010 }]))).toEqual([['A', 'x', 1000, 1010]]);
  });

  it('expands Gong-style items with sentences and maps speaker ids to participant names', () => {
    const content = JSON.stringify({
      parties: [{ speakerId: '7', name: 'Ivy Chen', affiliation: 'Internal' }],
      transcript: [{ speakerId: '7', sentences: [{ start: 1000, end: 2000, text: 'One.' }, { start: 2000, end: 3000, text: 'Two.' }] }],
    });
    const { transcript } = run(content);
    expect(transcript.utterances.map((u) => [u.speaker, u.text, u.side])).toEqual([
      ['Ivy Chen', 'One.', 'seller'],
      ['Ivy Chen', 'Two.', 'seller'],
    ]);
  });

  it('names a speaker-less segment "Unknown speaker" and numbers numeric speakers', () => {
    expect(rows(JSON.stringify([{ text: 'a' }, { speaker: 1, text: 'b' }])).map((r) => r[0])).toEqual(['Unknown speaker', 'Speaker 1']);
  });

  it('skips empty texts, negative and invalid times', () => {
    const content = JSON.stringify([
      { speaker: 'A', text: '   ' },
      { speaker: 'A', text: 'kept', start: -3, end: 'soon' },
    ]);
    expect(rows(content)).toEqual([['A', 'kept', null, null]]);
  });

  it('treats the object form of content like JSON segments', () => {
    const { transcript } = run({ utterances: [{ speaker: 'Ivy', text: 'Hi', start: 1, end: null }] });
    expect(transcript.format).toBe('json');
    expect(transcript.utterances[0]).toEqual({ index: 0, speaker: 'Ivy', side: 'unknown', start: 1, end: null, text: 'Hi' });
  });

  it('throws empty for zero utterances and unparseable for unreadable JSON', () => {
    expect(errorOf(() => run('{"utterances": []}')).kind).toBe('empty');
    expect(errorOf(() => run('[]')).kind).toBe('empty');
    expect(errorOf(() => run({ utterances: [] })).kind).toBe('empty');
    const bad = errorOf(() => run('{"utterances": [ {"speaker": "A", "text": "x"}, ]'));
    expect([bad.kind, bad.format]).toEqual(['unparseable', 'json']);
    expect(bad.message).toMatch(/^JSON: invalid JSON/);
    expect(errorOf(() => run('{"title": "no list"}')).message).toMatch(/JSON: no utterances\/segments array found/);
    expect(errorOf(() => run('[1, 2]')).message).toMatch(/JSON: utterance 1 is not an object/);
    expect(errorOf(() => run('[{"speaker": "A", "words": 3}]')).message).toMatch(/JSON: utterance 1 has no text/);
  });
});
