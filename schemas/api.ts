import { z } from '@hono/zod-openapi';
import { Participant, Side, Transcript, TranscriptFormat } from './transcript.ts';

// Request and response bodies of the HTTP API. Optional input fields also accept null.

const text = (max: number) => z.string().trim().min(1).max(max);

export const Analyzer = z.enum(['rules', 'openai']);

export const RawUtteranceInput = z.object({
  speaker: text(200),
  start: z.number().nonnegative().nullish(),
  end: z.number().nonnegative().nullish(),
  text: z.string().max(100_000),
});

export const ParticipantInput = z.object({
  name: text(200),
  email: z.email().max(320).nullish(),
  title: z.string().trim().max(200).nullish(),
  side: Side.nullish(),
});
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const IngestCallBody = z
  .object({
    deal: z.object({
      external_id: text(200).openapi({ example: 'acme-2026' }),
      name: text(300).nullish().openapi({ example: 'Acme: AP automation' }),
      account: z
        .object({
          external_id: text(200).nullish(),
          name: text(300).nullish().openapi({ example: 'Acme Corp' }),
        })
        .nullish(),
    }),
    occurred_at: z.iso
      .datetime({ offset: true })
      .nullish()
      .openapi({ description: 'When the call took place (ISO 8601). Required unless the transcript file carries it.', example: '2026-03-02T15:00:00Z' }),
    title: text(500).nullish(),
    source: text(100).nullish().openapi({ description: 'Where the call came from (default `api`).', example: 'upload' }),
    external_id: text(300).nullish().openapi({ description: 'The id of the call at its source; unique per source.' }),
    participants: z.array(ParticipantInput).max(500).nullish(),
    transcript: z
      .union([z.string().max(50_000_000), z.object({ utterances: z.array(RawUtteranceInput).min(1).max(100_000) })])
      .openapi({ description: 'Transcript text (speaker lines, typed notes, WebVTT, SRT or JSON segments), or structured utterances.' }),
    format: TranscriptFormat.nullish().openapi({ description: 'Forces a format instead of detecting it.' }),
    analyzer: Analyzer.nullish().openapi({ description: "Overrides the server's default analyzer for this call." }),
  })
  .openapi('IngestCall');
export type IngestCallBody = z.infer<typeof IngestCallBody>;

/** The multipart form of an upload: a `file` part and flat fields. */
export const IngestCallForm = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary', description: 'The transcript file' }),
    deal_external_id: z.string(),
    deal_name: z.string().optional(),
    account_external_id: z.string().optional(),
    account_name: z.string().optional(),
    occurred_at: z.string().optional(),
    title: z.string().optional(),
    source: z.string().optional(),
    external_id: z.string().optional(),
    format: TranscriptFormat.optional(),
    analyzer: Analyzer.optional(),
    participants: z.string().optional().openapi({ description: 'JSON array of participants' }),
  })
  .openapi('IngestCallForm');

export const Links = z.record(z.string(), z.string()).openapi('Links');

export const CallAccepted = z
  .object({
    id: z.string().openapi({ example: 'call_01kax1v3w6zq8xj3m5n7p9r2tb' }),
    deal_id: z.string().nullable(),
    status: z.enum(['received', 'queued', 'analyzing', 'analyzed', 'failed']),
    links: Links,
  })
  .openapi('CallAccepted');

export const CallSummary = z
  .object({
    id: z.string(),
    deal_id: z.string().nullable(),
    title: z.string().nullable(),
    source: z.string(),
    external_id: z.string().nullable(),
    occurred_at: z.string(),
    format: TranscriptFormat,
    status: z.enum(['received', 'queued', 'analyzing', 'analyzed', 'failed']),
    status_reason: z.string().nullable(),
    utterance_count: z.number().int(),
    content_hash: z.string(),
    created_at: z.string(),
    links: Links,
  })
  .openapi('CallSummary');

export const Call = CallSummary.extend({
  participants: z.array(Participant),
  transcript: Transcript,
}).openapi('Call');

export const Page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .openapi(name);

export const AccountRef = z.object({ id: z.string(), external_id: z.string().nullable(), name: z.string().nullable() }).openapi('AccountRef');

export const Deal = z
  .object({
    id: z.string(),
    external_id: z.string(),
    name: z.string().nullable(),
    account: AccountRef.nullable(),
    call_count: z.number().int(),
    first_call_at: z.string().nullable(),
    last_call_at: z.string().nullable(),
    created_at: z.string(),
    links: Links,
  })
  .openapi('Deal');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://baton.dev/problems/validation-error' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z
      .array(z.object({ in: z.enum(['body', 'query', 'path', 'header', 'form']), path: z.string(), message: z.string() }))
      .optional(),
  })
  .openapi('Problem');

export const Cursor = z.string().max(500).optional().openapi({ description: 'Opaque cursor from `next_cursor`.' });
export const Limit = z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Page size, 1 to 200.' });
