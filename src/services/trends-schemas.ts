import { z } from '@hono/zod-openapi';
import { Grade } from '../../schemas/analysis.ts';
import { AccountRef, Deal } from '../../schemas/api.ts';
import { RedFlagType, Role, Stance } from '../../schemas/extraction.ts';

// Response bodies of the trend, deal-health, at-risk, rubric and workspace endpoints (issue 5).

export const INTERVALS = ['day', 'week', 'month'] as const;
export const Interval = z.enum(INTERVALS).openapi({ description: 'Bucket size, in the workspace time zone (weeks start on Monday)' });
export type Interval = z.infer<typeof Interval>;

const isoTime = (example: string) => z.string().openapi({ format: 'date-time', example });
const id = (example: string) => z.string().openapi({ example });

export const PersonRef = z.object({ id: id('pers_01kax1v3w6zq8xj3m5n7p9r2tb'), name: z.string().openapi({ example: 'Marisol Vega' }) }).openapi('PersonRef');

export const RubricMark = z
  .object({
    current: z.string().openapi({ description: 'The rubric version the server grades with', example: '2026-11-23.1' }),
    stale: z.number().int().openapi({
      description:
        'Rows behind this answer graded with another rubric version: their scores are not on the current scale. `POST /v1/rubric/regrade` regrades them from their stored evidence.',
      example: 0,
    }),
  })
  .openapi('RubricMark');

/** Counts of each red flag type raised in an interval; null in an interval without calls. */
export const RedFlagCounts = z
  .record(RedFlagType, z.number().int())
  .openapi('RedFlagCounts', {
    example: {
      vague_response: 1,
      lukewarm_enthusiasm: 0,
      intro_reluctance: 0,
      next_step_hesitation: 0,
      no_clear_next_step: 2,
      single_threaded: 1,
      no_economic_buyer_access: 1,
      champion_at_risk: 0,
      blocker_present: 0,
    },
  });

const windowFields = {
  interval: Interval,
  timezone: z.string().openapi({ example: 'America/New_York' }),
  from: isoTime('2026-01-05T05:00:00.000Z').openapi({ description: 'Start of the first bucket (the requested `from` rounded down to a bucket start)' }),
  to: isoTime('2026-03-30T04:00:00.000Z').openapi({ description: 'End of the last bucket (exclusive)' }),
};

const bucketFields = {
  start: isoTime('2026-03-02T05:00:00.000Z'),
  end: isoTime('2026-03-09T04:00:00.000Z'),
  date: z.string().openapi({ description: 'The bucket start as a local date in the workspace time zone', example: '2026-03-02' }),
  calls: z.number().int().openapi({ description: 'Analysed calls in the bucket; 0 marks a gap, whose values are null', example: 2 }),
  stale_calls: z.number().int().openapi({ description: 'Calls in the bucket graded with an older rubric version', example: 0 }),
};

export const DealTrendPoint = z
  .object({
    ...bucketFields,
    top_score: z.number().int().nullable().openapi({ description: 'Strongest champion score on the bucket’s calls', example: 82 }),
    mean_score: z.number().nullable().openapi({ description: 'Mean score over the stakeholders present on the bucket’s calls', example: 61.5 }),
    champion_count: z.number().int().nullable().openapi({ description: 'Champions of the deal as of its last call in the bucket', example: 1 }),
    red_flags: RedFlagCounts.nullable(),
  })
  .openapi('DealTrendPoint');

export const DealTrend = z
  .object({ deal_id: id('deal_01kax1v3w6zq8xj3m5n7p9r2tb'), ...windowFields, rubric: RubricMark, points: z.array(DealTrendPoint) })
  .openapi('DealTrend');

export const PortfolioPoint = z
  .object({
    ...bucketFields,
    deals_covered: z.number().int().nullable().openapi({ description: 'Deals with an analysed call in the bucket', example: 14 }),
    deals_with_champion: z.number().int().nullable().openapi({ description: 'Of those, deals with a champion as of their last call in the bucket', example: 9 }),
    deals_two_deep: z.number().int().nullable().openapi({ description: 'Of those, deals with two or more champions', example: 3 }),
    mean_top_score: z.number().nullable().openapi({ description: 'Mean over the covered deals of each deal’s strongest stakeholder score (latest grades) as of its last call in the bucket', example: 71.4 }),
    red_flags: RedFlagCounts.nullable(),
  })
  .openapi('PortfolioPoint');

export const ChampionStrength = z
  .object({
    ...windowFields,
    filters: z.object({ account: z.string().nullable(), deal: z.string().nullable() }),
    rubric: RubricMark,
    points: z.array(PortfolioPoint),
  })
  .openapi('ChampionStrength');

export const ScoreChange = z
  .object({
    score: z.number().int().openapi({ description: 'Score now minus score on the previous graded call', example: 17 }),
    from_grade: Grade,
    from_score: z.number().int(),
    call_id: id('call_01kax1v3w6zq8xj3m5n7p9r2tb').openapi({ description: 'The previous graded call' }),
    occurred_at: isoTime('2026-02-10T16:00:00.000Z'),
  })
  .openapi('ScoreChange');

export const ChampionPerson = z
  .object({
    id: id('pers_01kax1v3w6zq8xj3m5n7p9r2tb'),
    name: z.string().openapi({ example: 'Marisol Vega' }),
    title: z.string().nullable().openapi({ example: 'AP Manager' }),
    email: z.string().nullable(),
    role: Role,
    stance: Stance,
    grade: Grade,
    score: z.number().int().openapi({ example: 82 }),
    change: ScoreChange.nullable().openapi({ description: 'Since their previous graded call; null on their first' }),
    first_seen_at: isoTime('2026-02-10T16:00:00.000Z'),
    last_seen_at: isoTime('2026-03-02T15:00:00.000Z'),
    graded_call_id: id('call_01kax1v3w6zq8xj3m5n7p9r2tb').openapi({ description: 'The call the grade comes from' }),
    graded_at: isoTime('2026-03-02T15:00:00.000Z'),
    calls: z.number().int().openapi({ description: 'Calls they spoke on', example: 3 }),
    calls_named: z.number().int().openapi({ description: 'Calls that assessed them, spoken or only named', example: 4 }),
    engaged: z.boolean().openapi({ description: 'Spoke on at least one call' }),
    peak_score: z.number().int().nullable(),
    was_champion: z.boolean(),
    champion_lost: z.boolean().openapi({ description: 'Was a champion and is now graded below champion' }),
    champion_at_risk: z.boolean().openapi({ description: 'Was a champion and champion_at_risk was raised about them on or after their latest graded call' }),
    rubric_version: z.string(),
    stale: z.boolean().openapi({ description: 'Graded with an older rubric version' }),
  })
  .openapi('ChampionPerson');

export const DealNextStep = z
  .object({
    date: z.string().nullable().openapi({ example: '2026-03-06' }),
    description: z.string(),
    quote: z.string().openapi({ example: "Let's meet Thursday at 3 with Dana." }),
    stakeholder: z.string().nullable(),
    call_id: id('call_01kax1v3w6zq8xj3m5n7p9r2tb'),
    call_occurred_at: isoTime('2026-03-02T15:00:00.000Z'),
    date_passed: z.boolean().nullable().openapi({ description: 'The day is before today in the workspace time zone; null when the day is unknown' }),
  })
  .openapi('DealNextStep');

export const DealChampionFacts = z
  .object({
    calls: z.number().int().openapi({ description: 'Analysed calls', example: 4 }),
    first_call_at: isoTime('2026-02-10T16:00:00.000Z').nullable(),
    last_call_at: isoTime('2026-03-02T15:00:00.000Z').nullable(),
    last_call_id: z.string().nullable(),
    days_since_last_call: z.number().int().nullable().openapi({ example: 6 }),
    champion_count: z.number().int().openapi({ example: 2 }),
    champions: z.array(PersonRef),
    two_deep: z.boolean().openapi({ description: 'At least two champions' }),
    plus_one: z.boolean().openapi({
      description: 'An engaged, influential supporter who is not a champion: economic buyer or influencer, graded coach or standing as ally/supporter',
    }),
    plus_one_people: z.array(PersonRef),
    two_plus_one: z.boolean().openapi({ description: 'two_deep and plus_one: the 2+1 rule' }),
    economic_buyer_engaged: z.boolean(),
    economic_buyers: z.array(PersonRef.extend({ engaged: z.boolean() })),
    buyer_contacts_engaged: z.number().int().openapi({ example: 3 }),
    engaged_contacts: z.array(PersonRef),
    single_threaded: z.boolean().openapi({ description: 'Fewer than two buyer contacts engaged' }),
    last_agreed_next_step: DealNextStep.nullable(),
  })
  .openapi('DealChampionFacts');

export const DealChampions = z
  .object({
    deal: z.object({ id: z.string(), external_id: z.string(), name: z.string().nullable(), account: AccountRef.nullable() }),
    as_of: isoTime('2026-03-08T12:00:00.000Z'),
    timezone: z.string(),
    rubric: RubricMark,
    people: z.array(ChampionPerson).openapi({ description: 'Champions first, then by score; people only named (unassessed) last' }),
    facts: DealChampionFacts,
  })
  .openapi('DealChampions');

export const Driver = z
  .object({
    component: z.string().openapi({ description: 'A rubric component: a signal or red flag type, the champion test, ...', example: 'intro_offered' }),
    points_before: z.number(),
    points_after: z.number(),
    delta: z.number().openapi({ example: 20 }),
    call_id: z.string().nullable().openapi({ description: 'The call whose evidence the component rests on' }),
    quote: z.string().nullable().openapi({ example: "I'll set up time with Dana, she signs off on this." }),
    utterance: z.number().int().nullable(),
  })
  .openapi('Driver');

export const StakeholderPoint = z
  .object({
    call_id: z.string(),
    deal_id: z.string().nullable(),
    occurred_at: isoTime('2026-03-02T15:00:00.000Z'),
    present: z.boolean(),
    role: Role,
    stance: Stance,
    grade: Grade,
    score: z.number().int(),
    change: z.number().int().nullable().openapi({ description: 'Score minus the previous graded call’s; null for the first graded call and for `unassessed`' }),
    rubric_version: z.string(),
    stale: z.boolean(),
    drivers: z.array(Driver).openapi({ description: 'The components that moved the score since the previous graded call, largest first' }),
  })
  .openapi('StakeholderPoint');

export const StakeholderTrend = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), email: z.string().nullable(), account_id: z.string().nullable() }),
    rubric: RubricMark,
    points: z.array(StakeholderPoint),
    moved_most: z
      .object({
        call_id: z.string(),
        occurred_at: z.string(),
        change: z.number().int(),
        from_grade: Grade,
        to_grade: Grade,
        drivers: z.array(Driver),
      })
      .nullable()
      .openapi({ description: 'The call that moved the score most (largest absolute change), with the evidence behind it' }),
  })
  .openapi('StakeholderTrend');

export const RISKS = ['champion_lost', 'single_threaded', 'no_economic_buyer', 'no_next_step', 'stalled'] as const;
export const RiskType = z.enum(RISKS);
export type RiskType = z.infer<typeof RiskType>;

export const RiskReason = z
  .object({
    type: RiskType,
    reason: z.string().openapi({ example: 'Marisol Vega was a champion; now graded lukewarm (score 48, was 82)' }),
    person: PersonRef.nullable(),
    call_id: z.string().nullable().openapi({ description: 'The call behind the reason' }),
    occurred_at: z.string().nullable(),
    quote: z.string().nullable().openapi({ example: "Honestly I'm not sure this is the right time for us." }),
    utterance: z.number().int().nullable(),
  })
  .openapi('RiskReason');

export const DealListItem = Deal.extend({
  risk_score: z.number().int().optional().openapi({ description: 'With `risk`: the sum of the weights of the risks found (champion_lost 40, single_threaded 25, no_economic_buyer 20, stalled 15, no_next_step 10)' }),
  risks: z.array(RiskReason).optional().openapi({ description: 'With `risk`: each risk of the deal among those asked for, with the call and quote behind it' }),
}).openapi('DealListItem');

export const RegradeBody = z
  .object({
    deal: z.string().max(100).nullish().openapi({ description: 'Only this deal' }),
    limit: z.number().int().min(1).max(5000).nullish().openapi({ description: 'At most this many stale calls in this request (default 500); call again while `remaining` > 0', example: 500 }),
  })
  .openapi('RegradeRequest');

export const RegradeResult = z
  .object({
    rubric_version: z.string().openapi({ example: '2026-11-23.1' }),
    deals: z.number().int().openapi({ description: 'Deals touched', example: 3 }),
    calls_regraded: z.number().int().openapi({ description: 'New analyses stored (regrades of stored evidence, no model call)', example: 12 }),
    grades_changed: z.number().int().openapi({ description: 'Stakeholder grades that differ from before', example: 2 }),
    scores_changed: z.number().int().openapi({ description: 'Stakeholder scores that differ from before', example: 5 }),
    remaining: z.number().int().openapi({ description: 'Calls still graded with another rubric version', example: 0 }),
  })
  .openapi('RegradeResult');

export const RubricStatus = z
  .object({
    version: z.string().openapi({ example: '2026-11-23.1' }),
    calls: z.array(z.object({ rubric_version: z.string(), calls: z.number().int(), current: z.boolean() })).openapi({ description: 'Analysed calls by the rubric version of their current analysis' }),
    stale_calls: z.number().int(),
  })
  .openapi('RubricStatus');

export const Workspace = z
  .object({
    id: id('ws_01kax1v3w6zq8xj3m5n7p9r2tb'),
    name: z.string().openapi({ example: 'default' }),
    timezone: z.string().openapi({ description: 'IANA time zone used to bucket trends', example: 'Europe/Berlin' }),
    seller_domains: z.array(z.string()).openapi({ example: ['vendor.com'] }),
    created_at: isoTime('2026-01-01T00:00:00.000Z'),
  })
  .openapi('Workspace');
