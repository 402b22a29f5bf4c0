import { describe, it, expect } from 'vitest';
import { UNEXPECTED_FAILURE_PREFIX } from '../../src/ingest/errors.ts';
import { normalizeTranscript, TranscriptError, type NormalizeInput } from '../../src/ingest/normalize.ts';

function errorOf(input: NormalizeInput): TranscriptError {
  try {
    normalizeTranscript(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TranscriptError);
    return e as TranscriptError;
  }
  throw new Error('expected a TranscriptError');
}

describe('errors', () => {
  it('is a plain Error subclass with kind, message and format', () => {
    const e = new TranscriptError('empty', 'nothing', 'vtt');
    expect(e).toBeInstanceOf(Error);
    expect([e.kind, e.message, e.format, e.name]).toEqual(['empty', 'nothing', 'vtt', 'TranscriptError']);
  });

  it.each(['', '   \n\t  ', '\uFEFF', '\r\n\r\n'])('empty for whitespace-only content %j', (content) => {
    expect(errorOf({ content }).kind).toBe('empty');
  });

  it('empty when only markup remains', () => {
    expect(errorOf({ content: '---\n***\n- \n#' }).kind).toBe('empty');
    expect(errorOf({ content: 'WEBVTT\n\nNOTE only a note\n' })).toMatchObject({ kind: 'empty', format: 'vtt' });
  });

  it('keeps a forced format on the error', () => {
    expect(errorOf({ content: '  ', format: 'srt' })).toMatchObject({ kind: 'empty', format: 'srt' });
    expect(errorOf({ content: 'not json', format: 'json' })).toMatchObject({ kind: 'unparseable', format: 'json' });
  });

  it('unparseable for an unknown forced format and for content of the wrong type', () => {
    expect(errorOf({ content: 'Ana: hi', format: 'docx' as never }).message).toMatch(/Unknown format "docx"/);
    expect(errorOf({ content: 42 as never }).kind).toBe('unparseable');
    expect(errorOf({ content: null as never }).kind).toBe('unparseable');
    expect(errorOf({ content: { utterances: 'nope' } as never }).message).toMatch(/no utterances\/segments array/);
  });

  it('turns an unexpected exception into an unparseable TranscriptError', () => {
    const hostile = {
      get utterances(): never {
        throw new RangeError('boom');
      },
    };
    const e = errorOf({ content: hostile as never });
    expect(e.kind).toBe('unparseable');
    expect(e.message).toBe(`${UNEXPECTED_FAILURE_PREFIX}: boom`);
  });
});
