import { z } from '@hono/zod-openapi';
import { Side } from './transcript.ts';

/**
 * What an extractor (the offline rules or, later, a model) returns before grounding: who the
 * buyer-side stakeholders are and what they said, each item with the quotes that prove it.
 * Values come from ../shared/TAXONOMY.md. Model-friendly on purpose: every field is required
 * (absent values are `null`), no records or maps, shallow nesting, so that the same schema can be
 * turned into a strict JSON schema for structured model output.
 */

export const Role = z.enum(['economic_buyer', 'technical_buyer', 'user_buyer', 'influencer', 'unknown']);
export type Role = z.infer<typeof Role>;

/** Power Base stance. */
export const Stance = z.enum(['ally', 'supporter', 'neutral', 'enemy']);
export type Stance = z.infer<typeof Stance>;

export const SignalType = z.enum([
  'enthusiastic_commitment',
  'articulated_value',
  'intro_offered',
  'next_step_scheduled',
  'internal_advocacy',
  'insider_info_shared',
  'personal_win_stated',
  'resource_committed',
]);
export type SignalType = z.infer<typeof SignalType>;

export const RedFlagType = z.enum([
  'vague_response',
  'lukewarm_enthusiasm',
  'intro_reluctance',
  'next_step_hesitation',
  'no_clear_next_step',
  'single_threaded',
  'no_economic_buyer_access',
  'champion_at_risk',
  'blocker_present',
]);
export type RedFlagType = z.infer<typeof RedFlagType>;

/** Red flags about the whole call or the whole deal: they name no stakeholder. */
export const CALL_LEVEL_FLAGS: readonly RedFlagType[] = ['no_clear_next_step'];
export const DEAL_LEVEL_FLAGS: readonly RedFlagType[] = ['single_threaded', 'no_economic_buyer_access'];

export const ChampionTestAnswer = z.enum(['enthusiastic', 'hedged', 'declined', 'unanswered']);
export type ChampionTestAnswer = z.infer<typeof ChampionTestAnswer>;

/** A quote as the extractor cites it: the utterance index and the words said there. */
export const ExtractedEvidence = z
  .object({
    utterance: z.number().int().nonnegative(),
    quote: z.string().min(1),
  })
  .openapi('ExtractedEvidence');
export type ExtractedEvidence = z.infer<typeof ExtractedEvidence>;

export const ExtractedStakeholder = z
  .object({
    name: z.string().min(1),
    email: z.string().nullable(),
    title: z.string().nullable(),
    side: Side,
    /** Spoke on the call (true) or was only named or referred to (false). */
    present: z.boolean(),
    role: Role,
    stance: Stance,
    evidence: z.array(ExtractedEvidence),
  })
  .openapi('ExtractedStakeholder');
export type ExtractedStakeholder = z.infer<typeof ExtractedStakeholder>;

export const ExtractedSignal = z
  .object({
    type: SignalType,
    /** The stakeholder's name as given in `stakeholders`, or null. */
    stakeholder: z.string().nullable(),
    evidence: z.array(ExtractedEvidence),
  })
  .openapi('ExtractedSignal');
export type ExtractedSignal = z.infer<typeof ExtractedSignal>;

export const ExtractedRedFlag = z
  .object({
    type: RedFlagType,
    stakeholder: z.string().nullable(),
    evidence: z.array(ExtractedEvidence),
  })
  .openapi('ExtractedRedFlag');
export type ExtractedRedFlag = z.infer<typeof ExtractedRedFlag>;

export const ExtractedChampionTest = z
  .object({
    asked: z.boolean(),
    stakeholder: z.string().nullable(),
    answer: ChampionTestAnswer.nullable(),
    /** The question and the answer. */
    evidence: z.array(ExtractedEvidence),
  })
  .openapi('ExtractedChampionTest');
export type ExtractedChampionTest = z.infer<typeof ExtractedChampionTest>;

export const Extraction = z
  .object({
    stakeholders: z.array(ExtractedStakeholder),
    signals: z.array(ExtractedSignal),
    red_flags: z.array(ExtractedRedFlag),
    champion_test: ExtractedChampionTest,
  })
  .openapi('Extraction');
export type Extraction = z.infer<typeof Extraction>;
