import type { ChampionAssessment, Grade, ScoreComponent, Severity } from '../../schemas/analysis.ts';
import type { ChampionTestAnswer, RedFlagType, SignalType, Stance } from '../../schemas/extraction.ts';

/**
 * The champion rubric: a deterministic function from a stakeholder's grounded evidence to a 0-100
 * score, a grade and the named components that make up the score. Every weight lives in WEIGHTS;
 * docs/rubric.md explains each one from TAXONOMY.md. Change a weight or a rule -> bump
 * RUBRIC_VERSION, so stored analyses stay comparable.
 */
export const RUBRIC_VERSION = '2026-11-23.1';

/** Where every stakeholder starts: no lean either way. */
export const BASE_SCORE = 50;

export const WEIGHTS = {
  signals: {
    enthusiastic_commitment: 25, // the test passed: an unqualified yes to moving forward
    intro_offered: 20, // passes the baton: capital on the line
    internal_advocacy: 15, // sells it inside when the seller is not in the room
    articulated_value: 10, // the why, in their own words
    next_step_scheduled: 8, // a dated step they agreed to
    insider_info_shared: 8, // coaching: process, budget, politics
    resource_committed: 6, // time, people or data for the evaluation
    personal_win_stated: 5, // a personal stake in the outcome
  } satisfies Record<SignalType, number>,
  flags: {
    lukewarm_enthusiasm: -15, // faint praise: less than an enthusiastic yes
    intro_reluctance: -15, // keeps the seller from the decision maker
    next_step_hesitation: -10, // deflects when asked to act
    vague_response: -8, // hedges direct questions
    champion_at_risk: -5, // may not be there to carry it (a risk, not a lean)
    blocker_present: -40, // resists the deal
  } satisfies Partial<Record<RedFlagType, number>>,
  test: {
    enthusiastic: 0, // counted through enthusiastic_commitment
    hedged: -10, // counts as a no
    declined: -15,
    unanswered: -5,
  } satisfies Record<ChampionTestAnswer, number>,
  /** A signal or flag type counts once per stakeholder, however many times it is evidenced. */
  oncePerType: true,
} as const;

/** Grade thresholds on the score (the rules in gradeOf come first). */
export const THRESHOLDS = {
  minWords: 8, // fewer words than this and no evidence: too little said to grade
  champion: 70, // with at least one act that puts capital on the line
  lukewarmBelow: 45,
} as const;

/** Signals that put the person's own capital on the line (champion evidence). */
const CAPITAL: readonly SignalType[] = ['enthusiastic_commitment', 'intro_offered', 'internal_advocacy'];
/** Signals of a coach: helps with information, wants the seller to win. */
const COACHING: readonly SignalType[] = ['insider_info_shared', 'articulated_value', 'personal_win_stated'];
const COOLING: readonly RedFlagType[] = ['lukewarm_enthusiasm', 'vague_response', 'intro_reluctance', 'next_step_hesitation'];

export const SEVERITY: Record<RedFlagType, Severity> = {
  vague_response: 'low',
  lukewarm_enthusiasm: 'medium',
  intro_reluctance: 'high',
  next_step_hesitation: 'medium',
  no_clear_next_step: 'medium',
  single_threaded: 'high',
  no_economic_buyer_access: 'high',
  champion_at_risk: 'high',
  blocker_present: 'high',
};

export interface StakeholderEvidence {
  present: boolean;
  stance: Stance;
  /** Words the person said on the call (0 for notes or absent people). */
  words: number;
  /** Grounded items about the person, each with the utterance of its first quote (for "the end of the call"). */
  signals: Array<{ type: SignalType; utterance: number }>;
  flags: Array<{ type: RedFlagType; utterance: number }>;
  test: { answer: ChampionTestAnswer | null; utterance: number } | null;
  /** Grade in the previous call of the deal, if assessed. */
  previousGrade: Grade | null;
  /** Has evidence of resisting the deal (a blocker, whether or not anyone works with them). */
  resists: boolean;
}

function component(name: string, points: number, reason: string): ScoreComponent {
  return { name, points, reason };
}

/** Score and components: base + one component per evidenced type + the test + a clamp. */
export function scoreOf(e: StakeholderEvidence): { score: number; components: ScoreComponent[] } {
  const components: ScoreComponent[] = [component('base', BASE_SCORE, 'starting point: no lean either way')];
  const seenS = new Set<string>();
  for (const s of e.signals) {
    if (seenS.has(s.type)) continue;
    seenS.add(s.type);
    components.push(component(s.type, WEIGHTS.signals[s.type], `signal ${s.type} (utterance ${s.utterance})`));
  }
  const seenF = new Set<string>();
  for (const f of e.flags) {
    const w = (WEIGHTS.flags as Partial<Record<RedFlagType, number>>)[f.type];
    if (w === undefined || seenF.has(f.type)) continue;
    seenF.add(f.type);
    components.push(component(f.type, w, `red flag ${f.type} (utterance ${f.utterance})`));
  }
  if (e.resists && !seenF.has('blocker_present')) components.push(component('resists', WEIGHTS.flags.blocker_present, 'resists the deal (being worked by the seller)'));
  if (e.test?.answer && WEIGHTS.test[e.test.answer] !== 0) components.push(component(`champion_test_${e.test.answer}`, WEIGHTS.test[e.test.answer], `champion test answered ${e.test.answer}`));
  const raw = components.reduce((a, c) => a + c.points, 0);
  const score = Math.max(0, Math.min(100, raw));
  if (score !== raw) components.push(component('clamp', score - raw, 'score kept within 0-100'));
  return { score, components };
}

/**
 * The grade, from what the person said and did (their role never decides it), as they stand at
 * the end of the call:
 *  - not on the call, or too little said and nothing evidenced: unassessed;
 *  - resists the deal: blocker;
 *  - puts capital on the line (an enthusiastic yes, an intro, internal selling) with a score of at
 *    least 70, unless their last word cooled (a hedge, faint praise after the commitment): champion;
 *    a champion of the previous call who shows no cooling stays one;
 *  - faint praise: lukewarm; helps with information (process, budget, why): coach;
 *  - hedges, deflections, or a test answered less than enthusiastically: lukewarm;
 *  - otherwise: neutral.
 */
export function gradeOf(e: StakeholderEvidence, score: number): Grade {
  const nothing = e.signals.length === 0 && e.flags.length === 0 && !e.test?.answer && !e.resists;
  if (!e.present) return 'unassessed';
  if (nothing && e.words < THRESHOLDS.minWords) return 'unassessed';
  if (e.resists) return 'blocker';
  const types = new Set<string>([...e.signals.map((s) => s.type), ...e.flags.map((f) => f.type)]);
  const capital = e.signals.filter((s) => CAPITAL.includes(s.type));
  const cooling = e.flags.filter((f) => COOLING.includes(f.type));
  const lastCapital = Math.max(-1, ...capital.map((s) => s.utterance));
  const lastCooling = Math.max(-1, ...cooling.map((f) => f.utterance));
  const testNo = e.test?.answer === 'hedged' || e.test?.answer === 'declined';
  const endsCommitted = capital.length > 0 && lastCapital >= lastCooling && !(testNo && (e.test?.utterance ?? -1) >= lastCapital);
  if (types.has('enthusiastic_commitment') && endsCommitted) return 'champion';
  if (capital.length > 0 && score >= THRESHOLDS.champion && (endsCommitted || !types.has('lukewarm_enthusiasm'))) return 'champion';
  if (e.previousGrade === 'champion' && cooling.length === 0 && !testNo) return 'champion';
  // faint praise makes them lukewarm, unless they coach in more than one way (the why and the inside story)
  const coaching = new Set(e.signals.filter((s) => COACHING.includes(s.type)).map((s) => s.type));
  if (types.has('lukewarm_enthusiasm') && coaching.size < 2) return 'lukewarm';
  if (e.signals.some((s) => COACHING.includes(s.type)) || capital.length > 0) return 'coach';
  if (cooling.length > 0 || testNo || e.test?.answer === 'unanswered' || score < THRESHOLDS.lukewarmBelow) return 'lukewarm';
  return 'neutral';
}

export function assess(e: StakeholderEvidence): ChampionAssessment {
  const { score, components } = scoreOf(e);
  return { grade: gradeOf(e, score), score, components };
}
