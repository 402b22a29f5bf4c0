import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript, TranscriptError } from '../../src/ingest/normalize.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
const turns = (content: string, format?: 'vtt' | 'srt') =>
  normalizeTranscript({ content, format }).transcript.utterances.map((u) => [u.speaker, u.text, u.start, u.end]);

function errorOf(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected a TranscriptError');
}

describe('WebVTT', () => {
  it('reads Teams voice spans, skips NOTE/STYLE blocks and cue settings, decodes entities', () => {
    const text = fixture('teams-voices.vtt');
    expect(detectFormat(text)).toBe('vtt');
    expect(turns(text)).toEqual([
      ['Nia Brooks', 'Good morning & welcome.', 1, 3.5],
      ['Omar Quist', 'Morning! Glad to be here.', 3.9, 6],
      ['Nia Brooks', "Let's start.", 6.1, 9],
      ['Omar Quist', 'Sure. One more thing on two lines.', 6.1, 62.25],
    ]);
  });

  it('reads Zoom cues with numeric ids and Name: prefixes, merging consecutive cues of one speaker', () => {
    const text = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna Silva: hello\n\n2\n00:00:02.500 --> 00:00:04.000\nAna Silva: are you there\n\n3\n00:00:04.500 --> 00:00:05.000\nBen Ode: yes\n';
    expect(turns(text)).toEqual([
      ['Ana Silva', 'hello are you there', 1, 4],
      ['Ben Ode', 'yes', 4.5, 5],
    ]);
  });

  it('continues the previous speaker for cues without a label; Unknown speaker before any', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nno label yet\n\n00:02.000 --> 00:03.000\nAna Silva: now labelled\n\n00:03.000 --> 00:04.000\nstill Ana\n';
    expect(turns(text).map((t) => [t[0], t[1]])).toEqual([
      ['Unknown speaker', 'no label yet'],
      ['Ana Silva', 'now labelled still Ana'],
    ]);
  });

  it('accepts lower-case display names when they label several cues, not prose with a colon', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nana: hi\n\n00:02.000 --> 00:03.000\nben: hey\n\n00:03.000 --> 00:04.000\nana: so here is the thing: it works\n\n00:04.000 --> 00:05.000\nben: ok\n';
    expect(turns(text).map((t) => [t[0], t[1]])).toEqual([
      ['ana', 'hi'],
      ['ben', 'hey'],
      ['ana', 'so here is the thing: it works'],
      ['ben', 'ok'],
    ]);
  });

  it('treats a header with no cues as empty', () => {
    expect(errorOf(() => normalizeTranscript({ content: 'WEBVTT\n\nNOTE nothing here\n' })).kind).toBe('empty');
    expect(errorOf(() => normalizeTranscript({ content: 'WEBVTT\n' })).kind).toBe('empty');
  });

  it('reports a cue without a timestamp line', () => {
    const text = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna: hi\n\n2\n00:00:02.000 --> 00:00:03.000\nBen: yo\n\n3\nAna: no timing\n';
    const e = errorOf(() => normalizeTranscript({ content: text }));
    expect(e.kind).toBe('unparseable');
    expect(e.format).toBe('vtt');
    expect(e.message).toMatch(/^WebVTT cue 3: missing timestamp line/);
  });

  it('reports an invalid timestamp', () => {
    const e = errorOf(() => normalizeTranscript({ content: 'WEBVTT\n\n00:00:01.000 --> soon\nAna: hi\n' }));
    expect(e.message).toMatch(/WebVTT cue 1: invalid end timestamp "soon"/);
  });

  it('tolerates CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Ana Silva>hi</v>\r\n';
    expect(turns(text)).toEqual([['Ana Silva', 'hi', 1, 2]]);
  });
});

describe('SRT', () => {
  it('reads numbered cues with Name: text, titles in the label and markup', () => {
    const text = fixture('zoom-style.srt');
    expect(detectFormat(text)).toBe('srt');
    const { transcript } = normalizeTranscript({ content: text });
    expect(transcript.format).toBe('srt');
    expect(transcript.utterances.map((u) => [u.speaker, u.text, u.start, u.end])).toEqual([
      ['Lena Voss', 'Hi, can you hear me?', 0.5, 2],
      ['Marco Ruiz', 'Yes, loud and clear. Let me share my screen.', 2.4, 7],
      ['Lena Voss', 'Great, go ahead.', 7.2, 9.9],
    ]);
    expect(transcript.participants.find((p) => p.name === 'Marco Ruiz')?.title).toBe('Procurement');
  });

  it('title-cases upper-case speaker names', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nANA LUCIA PEREZ: Hola.\n\n2\n00:00:02,000 --> 00:00:03,000\nJOE: Hi.\n';
    expect(turns(text).map((t) => t[0])).toEqual(['Ana Lucia Perez', 'Joe']);
  });

  it('reads cues that run together without blank lines, and text split by a blank line', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nAna: one\n2\n00:00:02,000 --> 00:00:03,000\nBen: two\n\nstill two\n';
    expect(turns(text).map((t) => [t[0], t[1]])).toEqual([
      ['Ana', 'one'],
      ['Ben', 'two still two'],
    ]);
  });

  it('reports a numbered cue without timing', () => {
    const e = errorOf(() => normalizeTranscript({ content: '1\n00:00:01,000 --> 00:00:02,000\nAna: one\n\n2\nBen: two\n' }));
    expect(e.kind).toBe('unparseable');
    expect(e.message).toMatch(/^SRT cue 2: missing timestamp line/);
  });

  it('reports a forced srt that holds no cues', () => {
    const e = errorOf(() => normalizeTranscript({ content: 'hello there', format: 'srt' }));
    expect(e.kind).toBe('unparseable');
    expect(e.format).toBe('srt');
  });

  it('detects headerless dot-millisecond cues as vtt and comma ones as srt', () => {
    expect(detectFormat('00:00:01.000 --> 00:00:02.000\nAna: hi\n')).toBe('vtt');
    expect(detectFormat('00:00:01,000 --> 00:00:02,000\nAna: hi\n')).toBe('srt');
    expect(turns('00:00:01.000 --> 00:00:02.000\nAna: hi\n')).toEqual([['Ana', 'hi', 1, 2]]);
  });
});
