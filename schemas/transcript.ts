import { z } from '@hono/zod-openapi';

/** Which side of the deal a person works for (TAXONOMY.md, "Sides"). */
export const Side = z.enum(['buyer', 'seller', 'unknown']);
export type Side = z.infer<typeof Side>;

/** Input formats Baton understands; detected from the content's structure when not given. */
export const TranscriptFormat = z.enum(['speaker_lines', 'notes', 'vtt', 'srt', 'json']);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

export const Participant = z
  .object({
    name: z.string().min(1),
    email: z.string().nullable(),
    title: z.string().nullable(),
    side: Side,
  })
  .openapi('Participant');
export type Participant = z.infer<typeof Participant>;

export const Utterance = z
  .object({
    index: z.number().int().nonnegative(),
    speaker: z.string().min(1),
    side: Side,
    /** Seconds from the start of the call, when the source has times. */
    start: z.number().nonnegative().nullable(),
    end: z.number().nonnegative().nullable(),
    text: z.string().min(1),
  })
  .openapi('Utterance');
export type Utterance = z.infer<typeof Utterance>;

/**
 * The canonical transcript every input format becomes. Utterance `index` equals its position in
 * `utterances`; every utterance's speaker appears in `participants`.
 */
export const Transcript = z
  .object({
    format: TranscriptFormat,
    participants: z.array(Participant),
    utterances: z.array(Utterance).min(1),
  })
  .superRefine((t, ctx) => {
    const names = new Set(t.participants.map((p) => p.name));
    t.utterances.forEach((u, i) => {
      if (u.index !== i) ctx.addIssue({ code: 'custom', path: ['utterances', i, 'index'], message: `index must be ${i}` });
      if (!names.has(u.speaker)) ctx.addIssue({ code: 'custom', path: ['utterances', i, 'speaker'], message: `speaker "${u.speaker}" is not a participant` });
    });
  })
  .openapi('Transcript');
export type Transcript = z.infer<typeof Transcript>;
