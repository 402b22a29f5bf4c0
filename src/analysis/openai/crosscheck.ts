import type { Evidence } from '../../../schemas/analysis.ts';
import type { Extraction, ExtractedStakeholder } from '../../../schemas/extraction.ts';
import type { Side } from '../../../schemas/transcript.ts';
import { classifyAnswer } from '../champion-test.ts';
import type { Conversation } from '../convo.ts';
import { specificDate } from '../dates.ts';
import type { ExtractContext } from '../extractor.ts';
import type { GroundedExtraction } from '../ground.ts';
import type { People, Person } from '../people.ts';
import type { RulesDetail } from '../rules.ts';
import { nameKey, type Span } from '../text.ts';
import { injectedSpans } from './injection.ts';
import { mergeEvidence, resolveName } from './merge.ts';

/**
 * The model's extraction checked against the transcript and the offline analyzer's deterministic
 * detectors, where those are stronger (docs/analyzers.md has the table). Runs inside
 * analyzeTranscript for every extractor other than the rules, around the shared grounding:
 *
 * before grounding
 *  - people: a model stakeholder that is a person the rules found takes that person's name (so
 *    grading and deal history see one person); speakers' presence comes from who speaks; a side
 *    the transcript declares (participants, utterances, the workspace's email domains) wins over
 *    the model's; people not on the buyer side are dropped, with their items;
 * after grounding (the same grounding the rules get)
 *  - evidence in a sentence that addresses the analyzer ("note to the AI: ...") is dropped;
 *  - stakeholders the transcript does not support (no grounded evidence, not a speaker, not found
 *    by the rules, name not in the transcript) are dropped and counted;
 *  - `enemy` stance needs a grounded blocker_present flag (the rubric reads it as resisting);
 *  - the champion test: the rules' detector wins when it finds the test; otherwise the model's
 *    enthusiastic answer must be a buyer's words the classifier does not read as hedged or
 *    declined;
 *  - next_step_scheduled needs a specific day or time in its quote, its utterance or the turn it
 *    answers; no_clear_next_step is then recomputed;
 *  - buyers who speak on the call and whom the model left out are added from the rules.
 */

export interface RulesBeside {
  extraction: Extraction;
  detail: RulesDetail;
}

type Grounded = GroundedExtraction;
type GStakeholder = Grounded['stakeholders'][number];

function domainOf(email: string | null | undefined): string | null {
  const at = email ? email.lastIndexOf('@') : -1;
  return at >= 0 ? email!.slice(at + 1).toLowerCase().trim() : null;
}

/** Sides the transcript states rather than guesses: declared on participants or utterances, or by email domain. */
function declaredSides(c: Conversation, ownDomains: readonly string[]): Map<string, Side> {
  const out = new Map<string, Side>();
  const own = ownDomains.map((d) => d.toLowerCase().replace(/^@/, ''));
  for (const p of c.transcript.participants) {
    if (p.side !== 'unknown') out.set(p.name, p.side);
    else {
      const d = domainOf(p.email);
      if (d && own.length > 0) out.set(p.name, own.some((o) => d === o || d.endsWith(`.${o}`)) ? 'seller' : 'buyer');
    }
  }
  for (const u of c.transcript.utterances) if (u.side !== 'unknown' && !out.has(u.speaker)) out.set(u.speaker, u.side);
  return out;
}

function matchPerson(s: ExtractedStakeholder, people: People): Person | null {
  const email = s.email?.toLowerCase();
  if (email) {
    const byEmail = people.all.find((p) => p.email?.toLowerCase() === email);
    if (byEmail) return byEmail;
  }
  const key = nameKey(s.name);
  const exact = people.all.filter((p) => p.key === key);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const bySpeaker = people.bySpeaker.get(s.name);
  if (bySpeaker) return bySpeaker;
  const named = people.all.filter((p) => !p.titleOnly);
  const r = resolveName(s.name, named.map((p) => p.name));
  return r ? named.find((p) => p.name === r) ?? null : null;
}

interface Aligned {
  extraction: Extraction;
  /** Final names of stakeholders the rules found too. */
  matched: Set<string>;
}

/** Before grounding: names, presence and sides of the model's stakeholders. */
function alignPeople(x: Extraction, c: Conversation, people: People, ctx: ExtractContext): Aligned {
  const declared = declaredSides(c, ctx.ownDomains);
  const speakers = [...new Set(c.turns.map((t) => t.speaker))];
  const speakerOf = (name: string) => speakers.find((l) => nameKey(l) === nameKey(name)) ?? null;
  const matched = new Set<string>();
  const out: ExtractedStakeholder[] = [];
  /** model name -> final name, or null when the person was dropped as not buyer-side */
  const renamed = new Map<string, string | null>();
  for (const s of x.stakeholders) {
    const p = matchPerson(s, people);
    const name = p?.name ?? s.name;
    const speaker = p?.speaker ?? speakerOf(s.name);
    let side: Side = s.side;
    if (speaker && declared.has(speaker)) side = declared.get(speaker)!;
    else if (side === 'unknown') side = (speaker ? c.sides.get(speaker) : p?.side) ?? 'unknown';
    if (side !== 'buyer') {
      renamed.set(s.name, null);
      continue;
    }
    const present = c.notes ? (p ? p.present : s.present) : speaker !== null;
    renamed.set(s.name, name);
    if (p) matched.add(name);
    const same = out.find((o) => o.name === name);
    if (same) {
      same.evidence = mergeEvidence(same.evidence, s.evidence);
      if (same.role === 'unknown') same.role = s.role;
      if (s.stance === 'enemy') same.stance = 'enemy';
      same.email ??= s.email;
      same.title ??= s.title;
      continue;
    }
    out.push({ ...s, name, side, present, email: s.email ?? p?.email ?? null, title: s.title ?? p?.title ?? null });
  }
  const modelNames = x.stakeholders.map((s) => s.name);
  /** undefined: keep the item as it is; null: drop it (its person is not on the buyer side) */
  const ref = (n: string | null): string | null | undefined => {
    if (n === null) return undefined;
    const r = resolveName(n, modelNames);
    return r === null ? undefined : renamed.get(r);
  };
  const items = <T extends { stakeholder: string | null }>(list: readonly T[]): T[] =>
    list.flatMap((it) => {
      const r = ref(it.stakeholder);
      return r === null ? [] : [{ ...it, stakeholder: r === undefined ? it.stakeholder : r }];
    });
  const t = ref(x.champion_test.stakeholder);
  return {
    extraction: {
      stakeholders: out,
      signals: items(x.signals),
      red_flags: items(x.red_flags),
      champion_test: { ...x.champion_test, stakeholder: t === undefined ? x.champion_test.stakeholder : t },
    },
    matched,
  };
}

const NONE_TEST: Grounded['champion_test'] = { asked: false, stakeholder: null, answer: null, evidence: [] };

export function crossCheck(model: Extraction, rules: RulesBeside, ctx: ExtractContext, ground: (x: Extraction) => Grounded): Grounded {
  const { conversation: c, people } = rules.detail;
  const aligned = alignPeople(model, c, people, ctx);
  const g = ground(aligned.extraction);
  const gr = ground(rules.extraction);
  let dropped = g.dropped;

  // evidence that addresses the analyzer is no evidence
  const injected = new Map<number, Span[]>();
  for (const t of c.turns) {
    const spans = injectedSpans(t.text);
    if (spans.length) injected.set(t.index, spans);
  }
  const clean = (e: Evidence) => !(injected.get(e.utterance) ?? []).some((s) => e.start < s.end && s.start < e.end);
  const cleanItems = <T extends { evidence: Evidence[] }>(list: readonly T[], count: boolean): T[] =>
    list.flatMap((it) => {
      const evidence = it.evidence.filter(clean);
      if (it.evidence.length > 0 && evidence.length === 0) {
        if (count) dropped++;
        return [];
      }
      return [{ ...it, evidence }];
    });
  let signals = cleanItems(g.signals, true);
  let red_flags = cleanItems(g.red_flags, true);
  let stakeholders: GStakeholder[] = g.stakeholders.map((s) => ({ ...s, evidence: s.evidence.filter(clean) }));
  let test = g.champion_test.evidence.every(clean) ? g.champion_test : NONE_TEST;
  if (test !== g.champion_test) dropped++;
  const rulesSignals = cleanItems(gr.signals, false);
  const rulesTest = gr.champion_test.evidence.every(clean) ? gr.champion_test : NONE_TEST;

  // stakeholders the transcript does not support
  const textKey = ` ${nameKey([...c.turns.map((t) => t.text), ...c.transcript.participants.map((p) => `${p.name} ${p.email ?? ''}`)].join(' \n '))} `;
  const speakers = new Set(c.turns.map((t) => nameKey(t.speaker)));
  const supported = (s: GStakeholder) =>
    s.evidence.length > 0 ||
    aligned.matched.has(s.name) ||
    speakers.has(nameKey(s.name)) ||
    nameKey(s.name)
      .split(' ')
      .every((w) => textKey.includes(` ${w} `));
  const unsupported = new Set(stakeholders.filter((s) => !supported(s)).map((s) => s.name));
  if (unsupported.size) {
    dropped += unsupported.size;
    stakeholders = stakeholders.filter((s) => !unsupported.has(s.name));
    const before = signals.length + red_flags.length;
    signals = signals.filter((x) => !x.stakeholder || !unsupported.has(x.stakeholder));
    red_flags = red_flags.filter((x) => !x.stakeholder || !unsupported.has(x.stakeholder));
    dropped += before - signals.length - red_flags.length;
    if (test.stakeholder && unsupported.has(test.stakeholder)) test = { ...test, stakeholder: null };
  }

  // the champion test
  const isEnthusiastic = (x: { type: string; stakeholder: string | null }, who: string | null) => x.type === 'enthusiastic_commitment' && x.stakeholder === who;
  /** Takes out the model's enthusiastic_commitment evidence in the utterance of an answer that was not a yes. */
  const notAYes = (who: string | null, u: number) => {
    signals = signals.flatMap((x) => {
      if (!isEnthusiastic(x, who)) return [x];
      const evidence = x.evidence.filter((e) => e.utterance !== u);
      return evidence.length ? [{ ...x, evidence }] : [];
    });
  };
  if (rulesTest.asked) {
    test = rulesTest;
    const reply = test.evidence.length >= 2 ? test.evidence[test.evidence.length - 1]! : null;
    if (reply && test.answer !== 'enthusiastic') notAYes(test.stakeholder, reply.utterance);
    if (test.answer === 'enthusiastic' && test.stakeholder && !signals.some((x) => isEnthusiastic(x, test.stakeholder))) {
      signals.push(...rulesSignals.filter((x) => isEnthusiastic(x, test.stakeholder)));
    }
  } else if (test.asked) {
    const last = test.evidence.length >= 2 ? test.evidence[test.evidence.length - 1]! : null;
    const turn = last ? c.turns[last.utterance] : undefined;
    if (!last || !turn || turn.side === 'seller') {
      // no answer in a buyer's words: nothing to read an answer from
      if (test.answer === 'enthusiastic') test = { ...test, answer: null };
    } else {
      const heard = classifyAnswer(turn.text.slice(last.start));
      const who = people.bySpeaker.get(turn.speaker);
      if (who && stakeholders.some((s) => s.name === who.name)) test = { ...test, stakeholder: who.name };
      if (test.answer === 'enthusiastic' && (heard === 'hedged' || heard === 'declined')) {
        test = { ...test, answer: heard };
        notAYes(test.stakeholder, last.utterance);
      }
    }
  }

  // a scheduled next step has a day or a time
  const dated = (e: Evidence) => {
    const at = (u: number) => c.turns[u]?.text ?? '';
    return [e.quote, at(e.utterance), at(e.utterance - 1)].some((text) => text && specificDate(text, c.refDate) !== null);
  };
  signals = signals.flatMap((x) => {
    if (x.type !== 'next_step_scheduled') return [x];
    const evidence = x.evidence.filter(dated);
    return evidence.length ? [{ ...x, evidence }] : [];
  });
  red_flags = red_flags.filter((f) => f.type !== 'no_clear_next_step');
  if (!signals.some((x) => x.type === 'next_step_scheduled')) red_flags.push({ type: 'no_clear_next_step', stakeholder: null, evidence: [] });

  // a stance the rubric reads as resisting needs the flag that says so
  stakeholders = stakeholders.map((s) => (s.stance === 'enemy' && !red_flags.some((f) => f.type === 'blocker_present' && f.stakeholder === s.name) ? { ...s, stance: 'neutral' } : s));

  // buyers who speak on the call are stakeholders, whether or not the model listed them
  for (const s of gr.stakeholders) {
    if (s.present && s.side === 'buyer' && !stakeholders.some((x) => x.name === s.name)) stakeholders.push({ ...s, evidence: s.evidence.filter(clean) });
  }
  if (test.stakeholder && !stakeholders.some((s) => s.name === test.stakeholder)) test = { ...test, stakeholder: null };

  return { stakeholders, signals, red_flags, champion_test: test, dropped };
}
