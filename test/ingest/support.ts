import { expect } from 'vitest';
import { Transcript } from '../../schemas/transcript.ts';
import { UNEXPECTED_FAILURE_PREFIX } from '../../src/ingest/errors.ts';
import { normalizeTranscript, TranscriptError, type NormalizeInput, type NormalizeResult } from '../../src/ingest/normalize.ts';

/** Normalizes text and returns the result with its turns as [speaker, text, start] rows. */
export function run(content: string, extra: Omit<NormalizeInput, 'content'> = {}) {
  const { transcript, meta } = normalizeTranscript({ content, ...extra });
  return { transcript, meta, turns: transcript.utterances.map((u) => [u.speaker, u.text, u.start] as const) };
}

/** The participants as name -> [title, side]. */
export function people(t: Transcript): Record<string, [string | null, string]> {
  return Object.fromEntries(t.participants.map((p) => [p.name, [p.title, p.side]]));
}

/**
 * Malformed input must give a schema-valid transcript or a TranscriptError, never the
 * unexpected-failure path (a crash). Returns the result, or null when it was rejected.
 */
export function survives(input: NormalizeInput): NormalizeResult | null {
  try {
    const result = normalizeTranscript(input);
    expect(Transcript.safeParse(result.transcript).success).toBe(true);
    return result;
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    expect(e.message.startsWith(UNEXPECTED_FAILURE_PREFIX), e.message).toBe(false);
    return null;
  }
}

/** Runs `fn` on a large input and checks it stays well within linear time. */
export function quickly(fn: () => unknown, ms = 5000): void {
  const t0 = performance.now();
  fn();
  expect(performance.now() - t0).toBeLessThan(ms);
}
