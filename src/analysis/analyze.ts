import { CallAnalysis, type RedFlag, type Signal, type Stakeholder } from '../../schemas/analysis.ts';
import { Extraction, type RedFlagType, type Stance } from '../../schemas/extraction.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import type { Conversation } from './convo.ts';
import { dealFacts, knownPeople, previousGrades, viewOf, type HistoryEntry } from './deal.ts';
import type { ExtractContext, Extractor } from './extractor.ts';
import { buildIndex, groundExtraction, type OwnerCheck } from './ground.ts';
import { crossCheck, type RulesBeside } from './openai/crosscheck.ts'; // [model cross-check]
import type { People, Person } from './people.ts';
import { assess, RUBRIC_VERSION, SEVERITY, type StakeholderEvidence } from './rubric.ts';
import { extractWithRules, rulesExtractor } from './rules.ts';
import { nameKey, wordCount } from './text.ts';

export interface AnalyzeOptions {
  /** The workspace's own email domains (seller side). */
  ownDomains?: readonly string[];
  /** Earlier analyses of the same deal, oldest first. */
  history?: readonly HistoryEntry[];
  /** When this call took place (ISO); resolves relative dates and orders the deal's calls. */
  occurredAt?: string | null;
  /** Defaults to the offline rules extractor. */
  extractor?: Extractor;
}

export const DEAL_FLAGS: readonly RedFlagType[] = ['single_threaded', 'no_economic_buyer_access'];

/** The stance reported for a grade; null keeps the extracted one. */
export const STANCE_OF_GRADE: Record<string, Stance | null> = {
  champion: 'ally',
  coach: 'supporter',
  blocker: 'enemy',
  lukewarm: 'neutral',
  neutral: 'neutral',
  unassessed: null,
};

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Which utterances may carry evidence for a person: spoken by them, or about them. */
function ownerCheck(c: Conversation, people: People, voice: Array<Person | null>): OwnerCheck {
  const cache = new Map<string, Person | null>();
  const wordRes = new Map<string, RegExp[]>();
  const personOf = (name: string): Person | null => {
    if (cache.has(name)) return cache.get(name)!;
    const key = nameKey(name);
    let p = people.all.find((x) => x.key === key) ?? null;
    if (!p) {
      const f = key.split(' ')[0];
      const same = people.all.filter((x) => x.first === f);
      p = same.length === 1 ? same[0]! : null;
    }
    cache.set(name, p);
    return p;
  };
  return (name, u, kind) => {
    const t = c.turns[u];
    if (!t) return false;
    const p = personOf(name);
    const spoken = p ? people.bySpeaker.get(t.speaker) === p : nameKey(t.speaker) === nameKey(name);
    if (spoken && !c.notes) return true;
    if (kind === 'spoken' && !c.notes) return false;
    if (p && voice[u] === p) return true;
    if (p && (people.mentionsIn.get(u) ?? []).some((m) => m.person === p)) return true;
    let res = wordRes.get(name);
    if (!res) {
      res = nameKey(name)
        .split(' ')
        .filter((w) => w.length > 2)
        .map((w) => new RegExp(`\\b${w.replace(/[^a-z0-9]/g, '.')}\\b`));
      wordRes.set(name, res);
    }
    return res.some((re) => re.test(t.lower));
  };
}

/**
 * Analyses one call: extract -> ground -> grade -> deal facts. Pure and runtime-agnostic (no
 * Node APIs); asynchronous because a model-backed extractor is. The result is validated.
 */
export async function analyzeTranscript(transcript: Transcript, opts: AnalyzeOptions = {}): Promise<CallAnalysis> {
  const t0 = now();
  const history = opts.history ?? [];
  const ctx: ExtractContext = { ownDomains: opts.ownDomains ?? [], occurredAt: opts.occurredAt ?? null, knownPeople: knownPeople(history) };
  const extractor = opts.extractor ?? rulesExtractor;

  let extraction: Extraction;
  let c: Conversation;
  let people: People;
  let voice: Array<Person | null>;
  let beside: RulesBeside | null = null; // [model cross-check]
  if (extractor === rulesExtractor) {
    const r = extractWithRules(transcript, ctx);
    extraction = r.extraction;
    ({ conversation: c, people, voice } = r.detail);
  } else {
    extraction = Extraction.parse(await extractor.extract(transcript, ctx));
    // [model cross-check] the offline rules run beside a model (src/analysis/openai/crosscheck.ts)
    beside = extractWithRules(transcript, ctx);
    ({ conversation: c, people, voice } = beside.detail);
  }
  extraction = {
    ...extraction,
    red_flags: extraction.red_flags.filter((f) => !DEAL_FLAGS.includes(f.type)),
  };

  const owns = ownerCheck(c, people, voice);
  const index = buildIndex(transcript);
  const ground = (x: Extraction) => groundExtraction(x, transcript, owns, index);
  // [model cross-check] grounding, then the deterministic detectors check the model (docs/analyzers.md)
  const g = beside ? crossCheck(extraction, beside, ctx, ground) : ground(extraction);

  // grade
  const prevGrade = previousGrades(history);
  // words each person said (in typed notes: the words of the lines about them)
  const spokenWords = new Map<Person, number>();
  for (const t of c.turns) {
    const who = c.notes ? voice[t.index] : people.bySpeaker.get(t.speaker);
    if (who) spokenWords.set(who, (spokenWords.get(who) ?? 0) + wordCount(t.text));
  }
  const stakeholders: Stakeholder[] = g.stakeholders.map((s) => {
    const person = people.all.find((p) => p.name === s.name);
    const e: StakeholderEvidence = {
      present: s.present,
      stance: s.stance,
      words: person ? spokenWords.get(person) ?? 0 : 0,
      signals: g.signals.filter((x) => x.stakeholder === s.name).map((x) => ({ type: x.type, utterance: x.evidence[0]?.utterance ?? 0 })),
      flags: g.red_flags.filter((x) => x.stakeholder === s.name).map((x) => ({ type: x.type, utterance: x.evidence[0]?.utterance ?? 0 })),
      test: g.champion_test.asked && g.champion_test.stakeholder === s.name ? { answer: g.champion_test.answer, utterance: g.champion_test.evidence[g.champion_test.evidence.length - 1]?.utterance ?? 0 } : null,
      previousGrade: prevGrade(s),
      resists: s.stance === 'enemy' && s.evidence.length > 0,
    };
    const champion = assess(e);
    return {
      id: null,
      name: s.name,
      email: s.email,
      side: s.side,
      present: s.present,
      title: s.title,
      role: s.role,
      stance: STANCE_OF_GRADE[champion.grade] ?? s.stance,
      champion,
      evidence: s.evidence,
    };
  });

  const signals: Signal[] = g.signals.map((x) => ({ type: x.type, stakeholder: x.stakeholder, evidence: x.evidence }));
  const red_flags: RedFlag[] = g.red_flags.map((x) => ({ type: x.type, stakeholder: x.stakeholder, severity: SEVERITY[x.type], evidence: x.evidence }));

  // deal facts and deal-level flags over every call so far
  const deal = dealFacts([
    ...history.map(viewOf),
    { occurred_at: opts.occurredAt ?? null, stakeholders: stakeholders.map((s) => ({ ...s, grade: s.champion.grade })), signals },
  ]);
  if (deal.single_threaded) red_flags.push({ type: 'single_threaded', stakeholder: null, severity: SEVERITY.single_threaded, evidence: [] });
  if (!deal.economic_buyer_engaged) red_flags.push({ type: 'no_economic_buyer_access', stakeholder: null, severity: SEVERITY.no_economic_buyer_access, evidence: [] });

  const analysis: CallAnalysis = {
    stakeholders,
    signals,
    red_flags,
    champion_test: g.champion_test,
    deal,
    meta: {
      analyzer: extractor.analyzer,
      model: extractor.model,
      prompt_version: extractor.promptVersion,
      rubric_version: RUBRIC_VERSION,
      ungrounded_dropped: g.dropped,
      ms: Math.round((now() - t0) * 100) / 100,
    },
  };
  return CallAnalysis.parse(analysis);
}
