import { describe, it, expect } from 'vitest';
import { detectFormat } from '../../src/ingest/normalize.ts';

describe('detectFormat', () => {
  it.each([
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nhi', 'vtt'],
    ['\uFEFF  WEBVTT - export\n', 'vtt'],
    ['{"utterances": []}', 'json'],
    ['  [ {"speaker": "A", "text": "b"} ]', 'json'],
    ['[]', 'json'],
    ['[\n  true, null ]', 'json'],
    ['[Sam Whitaker] 10:00:01\nhello\n[Ana Silva] 10:00:04\nhi', 'speaker_lines'],
    ['[00:00:01] Ana Silva: hi\n[00:00:03] Ben Ode: hello', 'speaker_lines'],
    ['[00:01] Ana: hi\n[00:03] Ben: hello', 'speaker_lines'],
    ['1\n00:00:01,000 --> 00:00:02,000\nAna: hi\n', 'srt'],
    ['\n\n1\n00:00:01.000 --> 00:00:02.000\nAna: hi\n', 'srt'],
    ['Ana: hi\nBen: hello\nAna: bye', 'speaker_lines'],
    ['Ana Silva: hi\nBen Ode: hello', 'speaker_lines'],
    ['Ana Silva  0:01\nhi\n\nBen Ode  0:04\nhello', 'speaker_lines'],
    ['- met with Ana\n- she likes it\n- next call Tuesday', 'notes'],
    ['Ana liked the demo. She will talk to her boss.', 'notes'],
    ['Meeting at 10:00: discussed pricing', 'notes'],
    ['Summary: good call\nDecision: pilot\nOwner: Ana', 'notes'],
  ] as const)('%j -> %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('needs two-word names or a repeated label before calling single words speakers', () => {
    expect(detectFormat('Pricing: too high\nSecurity: fine')).toBe('notes');
    expect(detectFormat('Ana: hi\nBen: hello')).toBe('notes');
  });

  it('is not fooled by a file name-like first line', () => {
    expect(detectFormat('call.vtt\nAna Silva: hi\nBen Ode: hello\nAna Silva: bye')).toBe('speaker_lines');
  });
});
