import type { TranscriptFormat } from '../../schemas/transcript.ts';

export type TranscriptErrorKind = 'empty' | 'unparseable';

/**
 * The only error the normalizers throw. `empty`: there is no text at all after parsing;
 * `unparseable`: the content claims a format (or one was forced) but cannot be read. The message
 * is meant for the uploader ("WebVTT cue 3: missing timestamp line").
 */
export class TranscriptError extends Error {
  constructor(
    readonly kind: TranscriptErrorKind,
    message: string,
    readonly format: TranscriptFormat | null,
  ) {
    super(message);
    this.name = 'TranscriptError';
  }
}

/**
 * Prefix of the message used when an unexpected exception escapes a parser (a bug, not bad input).
 * normalizeTranscript turns it into an `unparseable` TranscriptError so callers never see anything
 * else; tests assert that no input reaches this path.
 */
export const UNEXPECTED_FAILURE_PREFIX = 'Could not read the transcript (unexpected failure)';
