import { z } from '@hono/zod-openapi';
import { Side } from './transcript.ts';
import { ChampionTestAnswer, RedFlagType, Role, SignalType, Stance } from './extraction.ts';

/**
 * A call analysis as stored and returned (GET /v1/calls/:id/analysis, the CLI, the eval scorer):
 * grounded evidence, the rubric's grade per buyer-side stakeholder, and deal-level facts.
 */

/** A quote located in the transcript: `start`/`end` are character offsets in that utterance's text. */
export const Evidence = z
  .object({
    utterance: z.number().int().nonnegative(),
    quote: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .openapi('Evidence');
export type Evidence = z.infer<typeof Evidence>;

export const Grade = z.enum(['champion', 'coach', 'lukewarm', 'blocker', 'neutral', 'unassessed']);
export type Grade = z.infer<typeof Grade>;

/** One named part of a score: `points` of all components add up to the score. */
export const ScoreComponent = z
  .object({
    name: z.string(),
    points: z.number(),
    reason: z.string(),
  })
  .openapi('ScoreComponent');
export type ScoreComponent = z.infer<typeof ScoreComponent>;

export const ChampionAssessment = z
  .object({
    grade: Grade,
    score: z.number().int().min(0).max(100),
    components: z.array(ScoreComponent),
  })
  .openapi('ChampionAssessment');
export type ChampionAssessment = z.infer<typeof ChampionAssessment>;

export const Stakeholder = z
  .object({
    /** The stored person's id; null in a pure analysis (the service fills it in). */
    id: z.string().nullable(),
    name: z.string().min(1),
    email: z.string().nullable(),
    side: Side,
    present: z.boolean(),
    title: z.string().nullable(),
    role: Role,
    stance: Stance,
    champion: ChampionAssessment,
    evidence: z.array(Evidence),
  })
  .openapi('Stakeholder');
export type Stakeholder = z.infer<typeof Stakeholder>;

export const Signal = z
  .object({
    type: SignalType,
    /** The stakeholder's name, or null. */
    stakeholder: z.string().nullable(),
    evidence: z.array(Evidence),
  })
  .openapi('Signal');
export type Signal = z.infer<typeof Signal>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

export const RedFlag = z
  .object({
    type: RedFlagType,
    stakeholder: z.string().nullable(),
    severity: Severity,
    evidence: z.array(Evidence),
  })
  .openapi('RedFlag');
export type RedFlag = z.infer<typeof RedFlag>;

export const ChampionTest = z
  .object({
    asked: z.boolean(),
    stakeholder: z.string().nullable(),
    answer: ChampionTestAnswer.nullable(),
    evidence: z.array(Evidence),
  })
  .openapi('ChampionTest');
export type ChampionTest = z.infer<typeof ChampionTest>;

export const NextStep = z
  .object({
    /** ISO date (YYYY-MM-DD) when the day could be resolved, else null. */
    date: z.string().nullable(),
    description: z.string(),
    quote: z.string(),
    stakeholder: z.string().nullable(),
    /** When the call that agreed it took place (its upload metadata), or null. */
    call_occurred_at: z.string().nullable(),
  })
  .openapi('NextStep');
export type NextStep = z.infer<typeof NextStep>;

/** Facts over every call of the deal so far (the prior analyses passed in, plus this call). */
export const DealFacts = z
  .object({
    calls: z.number().int().positive(),
    champion_count: z.number().int().nonnegative(),
    champions: z.array(z.string()),
    /** Two or more champions (the "two deep" rule). */
    two_deep: z.boolean(),
    economic_buyer_engaged: z.boolean(),
    economic_buyers: z.array(z.string()),
    buyer_contacts_engaged: z.number().int().nonnegative(),
    engaged_contacts: z.array(z.string()),
    single_threaded: z.boolean(),
    last_agreed_next_step: NextStep.nullable(),
  })
  .openapi('DealFacts');
export type DealFacts = z.infer<typeof DealFacts>;

export const AnalysisMeta = z
  .object({
    analyzer: z.enum(['rules', 'openai']),
    model: z.string().nullable(),
    prompt_version: z.string().nullable(),
    rubric_version: z.string(),
    /** Extracted items dropped because their evidence could not be found in the transcript. */
    ungrounded_dropped: z.number().int().nonnegative(),
    ms: z.number().nonnegative(),
    /** Model analyses only: requests, tokens (and cached ones), parts, repairs, reuse of a stored extraction. */
    usage: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'Model analyses only: requests, input/output/cached tokens, parts, repairs, whether a stored extraction was reused.' }),
  })
  .openapi('AnalysisMeta');
export type AnalysisMeta = z.infer<typeof AnalysisMeta>;

export const CallAnalysis = z
  .object({
    stakeholders: z.array(Stakeholder),
    signals: z.array(Signal),
    red_flags: z.array(RedFlag),
    champion_test: ChampionTest,
    deal: DealFacts,
    meta: AnalysisMeta,
  })
  .openapi('CallAnalysis');
export type CallAnalysis = z.infer<typeof CallAnalysis>;
