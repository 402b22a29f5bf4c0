import type { Extraction, ExtractedEvidence, ExtractedRedFlag, ExtractedSignal, ExtractedStakeholder, RedFlagType, SignalType, Stance } from '../../schemas/extraction.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import { detectChampionTest } from './champion-test.ts';
import { buildConversation, type Conversation } from './convo.ts';
import { detect, unworkedBlockers, type Finding } from './detect.ts';
import type { ExtractContext, Extractor } from './extractor.ts';
import { decideRole, findPeople, type People, type Person } from './people.ts';
import { voices } from './voices.ts';

/**
 * The offline extractor: deterministic rules over the transcript, no network. See people.ts
 * (who), champion-test.ts (the test), detect.ts (signals and red flags) and cues.ts (the phrases).
 */

const MAX_EVIDENCE = 3;
const CAPITAL: readonly string[] = ['enthusiastic_commitment', 'intro_offered', 'internal_advocacy'];
const HELP: readonly string[] = ['insider_info_shared', 'articulated_value', 'personal_win_stated'];
const COOL: readonly string[] = ['lukewarm_enthusiasm', 'vague_response', 'intro_reluctance', 'next_step_hesitation'];

export interface RulesDetail {
  conversation: Conversation;
  people: People;
  voice: Array<Person | null>;
}

function stanceOf(p: Person, findings: readonly Finding[], blocker: boolean): Stance {
  if (blocker) return 'enemy';
  const mine = findings.filter((f) => f.person === p).map((f) => f.type as string);
  const capital = mine.some((t) => CAPITAL.includes(t));
  const cool = mine.some((t) => COOL.includes(t));
  if (capital && !mine.includes('lukewarm_enthusiasm')) return 'ally';
  if (mine.some((t) => HELP.includes(t)) && !mine.includes('lukewarm_enthusiasm')) return 'supporter';
  if (capital && !cool) return 'ally';
  return 'neutral';
}

function quote(c: Conversation, f: { utterance: number; start: number; end: number }): ExtractedEvidence {
  return { utterance: f.utterance, quote: c.turns[f.utterance]!.text.slice(f.start, f.end) };
}

/** The sentence around a mention, as evidence that the person exists and what they do. */
function mentionEvidence(c: Conversation, p: Person): ExtractedEvidence[] {
  const out: ExtractedEvidence[] = [];
  for (const m of p.mentions) {
    const t = c.turns[m.utterance]!;
    const s = t.sentences.find((x) => x.start <= m.start && x.end >= m.end);
    if (s) out.push({ utterance: t.index, quote: s.text });
    if (out.length >= 1) break;
  }
  return out;
}

function spokenEvidence(c: Conversation, p: Person): ExtractedEvidence[] {
  for (const t of c.turns) {
    if (t.speaker !== p.speaker) continue;
    const s = t.sentences.find((x) => x.text.split(/\s+/).length >= 4) ?? t.sentences[0];
    if (s) return [{ utterance: t.index, quote: s.text }];
  }
  return [];
}

export function extractWithRules(transcript: Transcript, ctx: ExtractContext): { extraction: Extraction; detail: RulesDetail } {
  const c = buildConversation(transcript, { ownDomains: ctx.ownDomains, occurredAt: ctx.occurredAt });
  const people = findPeople(c, ctx.knownPeople);
  const voice = voices(c, people);
  const test = detectChampionTest(c, people, voice);
  const findings = detect(c, people, voice, test);
  const unworked = unworkedBlockers(findings);

  const buyers = people.all.filter((p) => p.side === 'buyer' && (p.present || p.mentions.length > 0));
  const hasEconomic = buyers.some((p) => p.role.economic >= 2);
  const stakeholders: ExtractedStakeholder[] = buyers.map((p) => {
    const blocker = findings.some((f) => f.type === 'blocker_present' && f.person === p);
    const evidence = p.present && !c.notes ? spokenEvidence(c, p) : mentionEvidence(c, p);
    if (blocker) for (const f of findings) if (f.type === 'blocker_present' && f.person === p) evidence.push(quote(c, f));
    return {
      name: p.name,
      email: p.email,
      title: p.title,
      side: 'buyer',
      present: p.present,
      role: decideRole(p, hasEconomic),
      stance: stanceOf(p, findings, blocker),
      evidence,
    };
  });

  const group = <T extends SignalType | RedFlagType>(kind: Finding['kind']) => {
    const map = new Map<string, { type: T; stakeholder: string | null; evidence: ExtractedEvidence[] }>();
    for (const f of findings) {
      if (f.kind !== kind) continue;
      if (f.type === 'blocker_present' && !unworked.has(f)) continue;
      const name = f.person ? f.person.name : null;
      const key = `${f.type}|${name}`;
      const entry = map.get(key) ?? { type: f.type as T, stakeholder: name, evidence: [] };
      if (entry.evidence.length < MAX_EVIDENCE && !entry.evidence.some((e) => e.utterance === f.utterance && e.quote === quote(c, f).quote)) entry.evidence.push(quote(c, f));
      map.set(key, entry);
    }
    return [...map.values()];
  };
  const signals: ExtractedSignal[] = group<SignalType>('signal');
  const red_flags: ExtractedRedFlag[] = group<RedFlagType>('flag');
  if (!signals.some((s) => s.type === 'next_step_scheduled')) red_flags.push({ type: 'no_clear_next_step', stakeholder: null, evidence: [] });

  const testEvidence: ExtractedEvidence[] = [];
  if (test.question) testEvidence.push(quote(c, test.question));
  if (test.reply) testEvidence.push(quote(c, test.reply));
  const extraction: Extraction = {
    stakeholders,
    signals,
    red_flags,
    champion_test: { asked: test.asked, stakeholder: test.person?.name ?? null, answer: test.asked ? test.answer : null, evidence: testEvidence },
  };
  return { extraction, detail: { conversation: c, people, voice } };
}

/** The offline, deterministic extractor. */
export const rulesExtractor: Extractor = {
  analyzer: 'rules',
  model: null,
  promptVersion: null,
  extract: async (transcript, ctx) => extractWithRules(transcript, ctx).extraction,
};
