import type { Extraction } from '../../schemas/extraction.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import type { KnownPerson } from './people.ts';

/** What an extractor may know besides the transcript. */
export interface ExtractContext {
  /** The workspace's own email domains: participants on them are the seller. */
  ownDomains: readonly string[];
  /** When the call took place (ISO), to resolve "Thursday" to a day. */
  occurredAt: string | null;
  /** Buyer-side people of the same deal from earlier calls ("Victor" -> "Victor Alvarez"). */
  knownPeople: readonly KnownPerson[];
}

/**
 * Turns a transcript into an extraction: stakeholders, signals, red flags and the champion test,
 * each with the quotes it rests on. The offline `rules` extractor is synchronous underneath; a
 * model-backed extractor is asynchronous, so the interface is.
 */
export interface Extractor {
  readonly analyzer: 'rules' | 'openai';
  readonly model: string | null;
  readonly promptVersion: string | null;
  extract(transcript: Transcript, ctx: ExtractContext): Promise<Extraction>;
}
