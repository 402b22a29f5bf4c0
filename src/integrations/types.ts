import type { ParticipantInput } from '../../schemas/api.ts';
import type { TranscriptFormat } from '../../schemas/transcript.ts';
import type { IntegrationSettings } from '../config.ts';
import type { IntegrationProvider } from '../db/schema.ts';

/** One turn of a transcript as a recorder gives it (times in seconds from the start). */
export interface UtteranceInput {
  speaker: string;
  start?: number | null;
  end?: number | null;
  text: string;
}

/** The deal a recorder says the call belongs to (its CRM context): wins over any guess. */
export interface CrmContext {
  /** Where it came from, e.g. `Salesforce` (Gong), `metadata` (Recall bot metadata), `sender`. */
  system: string;
  deal: { external_id: string; name?: string | null };
  account?: { external_id?: string | null; name?: string | null } | null;
}

/** One call as a recorder gave it, ready for Baton's ingest (src/services/integrations.ts). */
export interface RecordedCall {
  source: string;
  externalId: string;
  /** ISO 8601; null when the recorder does not say (then the transcript must). */
  occurredAt: string | null;
  title: string | null;
  transcript: string | { utterances: UtteranceInput[] };
  format?: TranscriptFormat;
  participants: ParticipantInput[];
  /** More attendees' emails the recorder knows without a name (they still say which account it was). */
  emails?: string[];
  crm: CrmContext | null;
  /** What the recorder sent, kept verbatim with the call. */
  raw: { text: string; contentType: string; filename?: string | null };
  /** Which analyzer to use, when the sender asks for one (generic endpoint only). */
  analyzer?: 'rules' | 'openai' | null;
}

/** A signed delivery: the raw body, exactly as received, and its headers. */
export interface Delivery {
  raw: string;
  headers: Headers;
  /** Seconds since the epoch, now. */
  now: number;
  /** Refuse signed timestamps further than this from now. */
  toleranceSeconds: number;
}

/** What a verified webhook delivery asks of Baton. */
export type WebhookOutcome =
  /** Answer this at once (Zoom's URL validation). */
  | { kind: 'respond'; eventType: string; body: unknown }
  /** Acknowledge and do nothing: an event type Baton does not act on. */
  | { kind: 'ignore'; eventType: string; reason: string }
  /** Queue a fetch of the transcript; `eventId` makes a redelivery a no-op. */
  | { kind: 'fetch'; eventType: string; eventId: string; payload: Record<string, unknown> }
  /** The delivery carries the whole call (generic endpoint): store it now. */
  | { kind: 'call'; eventType: string; eventId: string; call: RecordedCall };

/** A delivery refused before its body is read: the reason is safe to log and to answer with. */
export class WebhookRefused extends Error {
  override name = 'WebhookRefused';
  constructor(
    readonly reason: 'missing-signature' | 'bad-signature' | 'stale-timestamp' | 'not-configured',
    detail: string,
  ) {
    super(detail);
  }
}

/** What a fetch job has to work with. */
export interface FetchContext {
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
  urls: IntegrationSettings;
  /** Opens a value sealed into the job payload (e.g. Zoom's download token). */
  unseal(sealed: string): Promise<string>;
}

/** A provider's connection settings split into what is secret and what is not. */
export interface ConnectionParts {
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
}

export type { IntegrationProvider };
