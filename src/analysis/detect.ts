import type { RedFlagType, SignalType } from '../../schemas/extraction.ts';
import type { ChampionTestResult } from './champion-test.ts';
import type { Conversation, Turn } from './convo.ts';
import {
  ACCEPT_START,
  ARTICULATED_VALUE,
  BLOCKER,
  CHAMPION_AT_RISK,
  DEFERRAL,
  DIRECT_COMMITMENT,
  FAINT_BUT,
  HEDGE_WEAK,
  INSIDER_INFO,
  INTERNAL_ADVOCACY,
  INTRO_OFFERED,
  INTRO_QUESTION,
  INTRO_RELUCTANCE,
  LEADING_FILLER,
  LUKEWARM_CONTEXTUAL,
  LUKEWARM_INHERENT,
  NEGATORS,
  NON_ANSWER,
  OPINION_QUESTION,
  PERSONAL_WIN,
  PROPOSAL,
  RELUCTANCE_IN_ANSWER,
  RESOURCE_COMMITTED,
  TIMING_QUESTION,
  VAGUE_STRONG,
  WHY_QUESTION,
} from './cues.ts';
import { specificDate } from './dates.ts';
import type { People, Person } from './people.ts';
import { trimSpan } from './text.ts';

/**
 * Finds the taxonomy's signals and person-level red flags in buyers' words. Each finding is one
 * sentence of one utterance. Seller talk is only context: it decides what a buyer's reply answers
 * (a question about next steps, an introduction, an opinion, "why?"), and is never a finding.
 */

export interface Finding {
  kind: 'signal' | 'flag';
  type: SignalType | RedFlagType;
  person: Person | null;
  utterance: number;
  start: number;
  end: number;
  /** ISO day of a scheduled next step, when resolved. */
  date?: string | null;
}

type QuestionKind = 'intro' | 'timing' | 'opinion' | 'why' | 'direct' | 'none';

interface Prompt {
  kind: QuestionKind;
  /** The seller proposed a step on a specific day or time (computed on demand: it runs chrono). */
  datedProposal: () => boolean;
  /** Typed notes: where the buyer's answer starts in a line that also reports the question. */
  answerFrom?: number;
  /** What the question asked about, when a substantive answer is itself a signal. */
  topic?: Topic;
}

/**
 * Questions whose real answer is a signal in itself: how the buying works (the approval process,
 * the budget cycle, which other vendors are looked at) is insider information (naming who decides
 * is not, by itself); what the buyer gains personally is
 * their personal win.
 */
type Topic = 'inside' | 'personal' | null;
const INSIDE_QUESTION = /\b(?:how (?:do|does|would|will) (?:decisions?|purchases?|buying|approvals?|procurement|budgets?|this|it|things) (?:get |usually get |normally get )?(?:made|work|happen|decided|approved|bought)|what(?:'s| is| does| would) (?:the|your) (?:decision|approval|buying|procurement|budget|sign-?off) (?:process|cycle|timeline|path|look like)|when (?:does|do|is) (?:the |your )?budgets? (?:get set|reset|open|decided|set|planning|cycle|review)|(?:looked at|looking at|evaluating|evaluated|talking to|considered|considering) (?:anything|anyone|any other|other|alternatives|competitors)(?: else)?|other (?:vendors|options|tools|solutions) (?:you're|you are|in)|where does the (?:money|budget) come from)\b/;
const PERSONAL_QUESTION = /\b(?:for you personally|what's in it for you|what would (?:it|this|that) (?:mean|change|do) for you(?! guys| all| folks| and)|how would (?:it|this|that) help you personally|what do you (?:personally )?get out of|what would change for you)\b/;
function topicOf(qText: string): Topic {
  if (PERSONAL_QUESTION.test(qText)) return 'personal';
  if (INSIDE_QUESTION.test(qText)) return 'inside';
  return null;
}

const SCHEDULE_CUE = /\b(?:book(?:ed|ing)?|schedul\w*|invite|calendar|set up (?:a|the) (?:call|meeting|time|session)|a call (?:with|for)|lock (?:it )?in|let's do|let's meet|let's say|works for (?:me|her|him|us|them)|see you|talk (?:on )?(?:mon|tue|wed|thu|fri)\w*|meeting|session|sync|pencil(?:ed)? in|set for|open at|has [a-z ]{1,20} open|grab (?:him|her|them)|mark it up before)\b/;
const TASK_BY_DATE = /\b(?:i'll|i will|we'll|we will|i can|let me|i'm going to|committed to|agreed to|offered to|sending|sends|to send|(?:he|she|they)(?:'ll| will| can| is going to| are going to)|\b(?:will|to) (?:send|export|pull|share|provide|give|deliver|circulate|draft|prepare|book|schedule|set up))\b[^.]{0,80}\b(?:by|before|on)\b/;
/** A notes line reporting the seller's question: "Asked if we could get 30 min w/ Terrence.", "Asked re timing: ..." */
const NOTES_ASKED = /(?:^\s*|\b(?:i|we|when i|then i)\s+)(?:asked|ask)\b/i;
/** A notes line about the follow-up that reports what the buyer said ("No follow-up set; Rocío said \"let's talk after peak\""). */
const NOTES_STEP_CONTEXT = /\b(?:follow-?up|next steps?|next meeting|timing|timeline|check-?in|reconnect|another call|meeting set|start date|a date|pin down|book(?:ing)?|schedul\w+)\b/i;
/** Where the reported answer starts: a quote, "she said", or a colon. */
const NOTES_ANSWER = /["“]|\b(?:she|he|they) (?:said|says|replied|answered|told me)\b|:\s/;

/** An hour of the day: "ten o'clock", "9 a.m.", "at 3", "14:00". */
const TIME_OF_DAY = /\b(?:[a-z]+|\d{1,2}) o'clock\b|\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:a\.m\.|p\.m\.|am|pm)\b|\b(?:noon|midday|half (?:past )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\b/;

/** Cheap gate for FAINT_BUT: one of its adjectives must be there. */
const FAINT_WORD = /\b(?:fine|decent|okay|ok|alright|all right|nice|not bad|interesting|pretty good|promising)\b/;

/** The speaker is the one acting: "I"/"we" opens the cue or is its subject a few words before it ("I've already shown..."). */
function firstPersonAt(text: string, at: number): boolean {
  if (/^(?:i|we)\b/.test(text.slice(at))) return true;
  return /\b(?:i|we)(?:'ve|'m|'ll|'d)?(?:\s+[a-z']+){0,3}\s+$/.test(text.slice(Math.max(0, at - 40), at));
}

function negated(text: string, at: number): boolean {
  return NEGATORS.test(text.slice(Math.max(0, at - 30), at));
}

/** One alternation of a whole cue list, tested first: most sentences match none of its patterns. */
const unions = new WeakMap<readonly RegExp[], RegExp>();
function unionOf(patterns: readonly RegExp[]): RegExp {
  let u = unions.get(patterns);
  if (!u) {
    u = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
    unions.set(patterns, u);
  }
  return u;
}

/** First match of any pattern in `text` that is not negated; returns its index or -1. */
function firstCue(patterns: readonly RegExp[], text: string, checkNegation = true): number {
  if (patterns.length > 1 && !unionOf(patterns).test(text)) return -1;
  for (const re of patterns) {
    const m = re.exec(text);
    if (m && !(checkNegation && negated(text, m.index))) return m.index;
  }
  return -1;
}

const MAX_QUOTE_WORDS = 28;

/**
 * Long run-on sentences (caption ASR has no punctuation) are clipped to a window of words around
 * the cue, so a quote stays short and inside one caption.
 */
function clip(text: string, start: number, end: number, focus?: number): [number, number] {
  const seg = text.slice(start, end);
  const ws = [...seg.matchAll(/\S+/g)];
  if (ws.length <= MAX_QUOTE_WORDS) return [start, end];
  const at = focus === undefined ? 0 : focus;
  let k = ws.findIndex((w) => (w.index ?? 0) + w[0].length > at);
  if (k < 0) k = 0;
  const from = Math.max(0, k - 10);
  const to = Math.min(ws.length - 1, from + MAX_QUOTE_WORDS - 1);
  const a = ws[from]!;
  const b = ws[to]!;
  return [start + (a.index ?? 0), start + (b.index ?? 0) + b[0].length];
}

/** Words in `s` (runs of non-space), counted without allocating. */
function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const LUKEWARM_IN_ANSWER = [LUKEWARM_CONTEXTUAL];
const RELUCTANCE_ANYWHERE = INTRO_RELUCTANCE;

/** The kind of question in a seller's words (lower-case). */
function questionKind(qText: string, thirdPerson: boolean, dated: () => boolean, isQuestion: boolean): QuestionKind {
  if (WHY_QUESTION.test(qText)) return 'why';
  if (INTRO_QUESTION.test(qText) && thirdPerson && !/\bwith you\b/.test(qText)) return 'intro';
  if (TIMING_QUESTION.test(qText) || dated()) return 'timing';
  if (OPINION_QUESTION.test(qText)) return 'opinion';
  return isQuestion ? 'direct' : 'none';
}

/** Q&A notes: `A: ...` answers the `Q: ...` line above it; `why → "..."` answers a why. */
function qaPrompt(c: Conversation, people: People, t: Turn): Prompt | null {
  const why = /^\s*why\b[^"“\n]{0,20}?(?:→|->|:|\?)\s*/i.exec(t.text);
  if (why) return { kind: 'why', datedProposal: () => false, answerFrom: why[0].length };
  const a = /^\s*a\s*:\s*/i.exec(t.text);
  const q = c.turns[t.index - 1];
  if (!a || !q || !/^\s*q\s*:/i.test(q.text)) return null;
  const qText = q.lower.replace(/^\s*q\s*:\s*/, '');
  const thirdPerson = (people.mentionsIn.get(q.index) ?? []).some((x) => !x.person.present && x.person.side === 'buyer') || /\b(?:him|her|them|boss|cfo|ceo|vp|owner|md|gm)\b/.test(qText);
  return { kind: questionKind(qText, thirdPerson, () => false, true), datedProposal: () => false, answerFrom: a[0].length, topic: topicOf(qText) };
}

/** Typed notes: a line that reports the seller's question and the buyer's answer together. */
function notesPrompt(c: Conversation, people: People, t: Turn): Prompt | null {
  const qa = qaPrompt(c, people, t);
  if (qa) return qa;
  const m = NOTES_ASKED.exec(t.text);
  if (!m) {
    const a = NOTES_ANSWER.exec(t.text);
    if (!a || !NOTES_STEP_CONTEXT.test(t.text.slice(0, a.index))) return null;
    return { kind: 'timing', datedProposal: () => false, answerFrom: a.index };
  }
  const askedEnd = m.index + m[0].length;
  const rest = t.text.slice(askedEnd);
  const a = NOTES_ANSWER.exec(rest);
  if (!a) return null;
  const answerFrom = askedEnd + a.index;
  const qText = t.lower.slice(m.index, answerFrom);
  const thirdPerson = (people.mentionsIn.get(t.index) ?? []).some((x) => !x.person.present && x.person.side === 'buyer' && x.start < answerFrom) || /\b(?:him|her|them|boss|cfo|ceo|vp|owner)\b/.test(qText);
  const kind = questionKind(qText, thirdPerson, () => false, true);
  return { kind, datedProposal: () => false, answerFrom, topic: topicOf(qText) };
}

/** The seller's turn a buyer's turn answers, and what kind of question it was. */
function promptFor(c: Conversation, people: People, t: Turn, me: Person, voice: Array<Person | null>): Prompt {
  const none: Prompt = { kind: 'none', datedProposal: () => false };
  if (c.notes) return notesPrompt(c, people, t) ?? none;
  let k = t.index - 1;
  while (k >= 0 && voice[k] === me && c.turns[k]!.speaker === t.speaker) k--;
  const p = c.turns[k];
  if (!p || p.side !== 'seller' || t.index - k > 3) return none;
  // addressed to another buyer?
  const named = (people.mentionsIn.get(p.index) ?? []).map((m) => m.person).filter((x) => x.present && x.side === 'buyer');
  const lastQ = [...p.sentences].reverse().find((s) => s.text.includes('?'));
  const addressedOther = named.length > 0 && !named.includes(me) && lastQ && named.some((x) => x.mentions.some((m) => m.utterance === p.index && m.start >= (lastQ.start - 40)));
  if (addressedOther) return none;
  const noMarks = !c.transcript.utterances.some((u) => u.text.includes('?'));
  const qs = p.sentences.filter((s) => s.text.includes('?') || (noMarks && /\b(?:would|could|should|can|do|does|did|is|are|what|when|who|how|where|why)\b/.test(s.text.toLowerCase())));
  const tail = p.sentences.slice(-2);
  const qText = (qs.length ? qs : tail).map((s) => s.text.toLowerCase()).join(' ');
  const tailText = tail.map((s) => s.text.toLowerCase()).join(' ');
  const proposes = PROPOSAL.test(tailText) || /\bsuggest\b/.test(tailText);
  let memo: boolean | null = null;
  const dated = () => (memo ??= proposes && !!specificDate(tailText, c.refDate));
  const thirdPerson =
    named.some((x) => x !== me) ||
    (people.mentionsIn.get(p.index) ?? []).some((m) => !m.person.present && m.person.side === 'buyer') ||
    /\b(?:he|she|him|her|them|they|your (?:cfo|ceo|vp|boss|cmo|cto|ciso|controller|owner|committee|team|md|gm|coo|director|manager))\b/.test(qText);
  return { kind: questionKind(qText, thirdPerson, dated, qs.length > 0), datedProposal: dated, topic: topicOf(qText) };
}

export function detect(c: Conversation, people: People, voice: Array<Person | null>, test: ChampionTestResult): Finding[] {
  const out: Finding[] = [];
  const add = (kind: Finding['kind'], type: Finding['type'], person: Person | null, t: Turn, start: number, end: number, date?: string | null, focus?: number) => {
    const s = trimSpan(t.text, ...clip(t.text, start, end, focus));
    if (s.end > s.start) out.push({ kind, type, person, utterance: t.index, start: s.start, end: s.end, date });
  };

  for (const t of c.turns) {
    const me = voice[t.index];
    if (!me || t.header) continue;
    // a CRM field line is the author's record ("Econ buyer = Carla Jensen"), unless it reports
    // what a buyer in the room said or did ("Champion: Elif. Asked her...", "Next steps: Elif will...")
    if (t.field && !(people.mentionsIn.get(t.index) ?? []).some((m) => m.person.present && m.person.side === 'buyer')) continue;
    if (!c.notes && t.side !== 'buyer') continue;
    const prompt = promptFor(c, people, t, me, voice);
    const isTestAnswer = test.answerUtterance === t.index;
    const found = new Set<string>();
    const once = (type: string) => {
      if (found.has(type)) return false;
      found.add(type);
      return true;
    };
    let hasStep = false;

    t.sentences.forEach((s, si) => {
      const lower = t.lower.slice(s.start, s.end);
      const own = t.own.slice(s.start, s.end);
      const opening = si <= 1;
      const inReply = isTestAnswer && test.reply && s.start < test.reply.end && s.end > test.reply.start;
      if (inReply) return;

      // the cue lists below need two or more words (three for the longer phrases; insider facts six,
      // four in notes' shorthand): counting first spares most short sentences ("Yeah.", "Sure, go on.")
      const n = words(lower);
      let at = -1;
      if (n >= 2 && (at = firstCue(ARTICULATED_VALUE, own)) >= 0 && once('articulated_value')) add('signal', 'articulated_value', me, t, s.start, s.end, null, at);
      if (n >= 3 && (at = firstCue(INTRO_OFFERED, own)) >= 0 && firstCue(INTRO_RELUCTANCE, own, false) < 0 && once('intro_offered')) add('signal', 'intro_offered', me, t, s.start, s.end, null, at);
      if (n >= 3 && (at = firstCue(INTERNAL_ADVOCACY, own)) >= 0 && (c.notes || firstPersonAt(own, at)) && once('internal_advocacy')) add('signal', 'internal_advocacy', me, t, s.start, s.end, null, at);
      if (n >= (c.notes ? 4 : 6) && (at = firstCue(INSIDER_INFO, lower, false)) >= 0 && once('insider_info_shared')) add('signal', 'insider_info_shared', me, t, s.start, s.end, null, at);
      if ((at = firstCue(PERSONAL_WIN, own)) >= 0 && once('personal_win_stated')) add('signal', 'personal_win_stated', me, t, s.start, s.end, null, at);
      if (n >= 3 && (at = firstCue(RESOURCE_COMMITTED, own)) >= 0 && !/\binvite\b/.test(own) && once('resource_committed')) add('signal', 'resource_committed', me, t, s.start, s.end, null, at);
      if (n >= 2 && firstCue(DIRECT_COMMITMENT, own) >= 0 && !/\b(?:if|unless|until|once)\b/.test(own) && once('enthusiastic_commitment')) add('signal', 'enthusiastic_commitment', me, t, s.start, s.end);

      // a next step on a specific day: booked, or a task of theirs by a date
      const next = t.sentences[si + 1];
      const window = next ? `${own} ${t.own.slice(next.start, next.end)}` : own;
      const cue = SCHEDULE_CUE.exec(window) ?? TASK_BY_DATE.exec(own);
      if (cue && !negated(window, cue.index) && !HEDGE_WEAK.test(own) && !/\b(?:don't|do not|won't|rather not)\b/.test(own)) {
        const d = specificDate(own, c.refDate);
        if (d && !/\b(?:already|yesterday|ago)\b/.test(own) && !/\b(?:was|were|went|had|did|last)\b[^.]{0,30}$/.test(own.slice(0, d.index))) {
          hasStep = true;
          if (once('next_step_scheduled')) add('signal', 'next_step_scheduled', me, t, s.start, s.end, d.date, d.index);
        }
      }

      const faintBut = FAINT_WORD.test(own) ? FAINT_BUT.exec(own) : null;
      const next1 = t.sentences[si + 1];
      const heldBack = faintBut && (/,? (?:but|though|i guess|i suppose)\b/.test(faintBut[0]) || (!!next1 && /^(?:but|though|however)\b/.test(t.own.slice(next1.start, next1.end).trim())));
      if ((firstCue(LUKEWARM_INHERENT, own, false) >= 0 || (heldBack && !negated(own, faintBut.index))) && once('lukewarm_enthusiasm')) add('flag', 'lukewarm_enthusiasm', me, t, s.start, s.end);
      else if (prompt.kind === 'opinion' && opening && firstCue(LUKEWARM_IN_ANSWER, own) >= 0 && once('lukewarm_enthusiasm')) add('flag', 'lukewarm_enthusiasm', me, t, s.start, s.end);

      if (DEFERRAL.test(own) && once('next_step_hesitation')) add('flag', 'next_step_hesitation', me, t, s.start, s.end);

      if (firstCue(CHAMPION_AT_RISK, own) >= 0 && once('champion_at_risk')) add('flag', 'champion_at_risk', me, t, s.start, s.end);

      if (firstCue(RELUCTANCE_ANYWHERE, own, false) >= 0 && once('intro_reluctance')) add('flag', 'intro_reluctance', me, t, s.start, s.end);

      // someone resists: the speaker, or a third party whose words are reported
      const b = firstCue(BLOCKER, lower, false);
      if (b >= 0) {
        const inOwn = firstCue(BLOCKER, own, false) >= 0;
        let who: Person | null = me;
        if (!inOwn) {
          const before = (people.mentionsIn.get(t.index) ?? []).filter((m) => m.start < s.start + b && m.person !== me && m.person.side === 'buyer');
          who = before.length ? before[before.length - 1]!.person : null;
        }
        if (who && !found.has(`blocker:${who.id}`)) {
          found.add(`blocker:${who.id}`);
          add('flag', 'blocker_present', who, t, s.start, s.end);
        }
      }

      const answering = prompt.answerFrom === undefined ? opening : s.end > prompt.answerFrom && s.start <= prompt.answerFrom + 2;
      if (prompt.kind !== 'none' && answering) {
        const from = prompt.answerFrom !== undefined && prompt.answerFrom > s.start ? prompt.answerFrom - s.start : 0;
        const answer = own.slice(from).replace(/^[\s:"“]*(?:(?:she|he|they) (?:said|says|replied|answered|told me)[,:]?\s*["“]?)?/, '').replace(LEADING_FILLER, '');
        // "could we meet X?": a refusal or a deferral keeps the seller from X; agreeing but hedging
        // the time ("I'll ask him, I can't promise when") is hesitation about the step
        if (prompt.kind === 'intro' && !ACCEPT_START.test(answer.trim()) && firstCue(INTRO_OFFERED, own) < 0) {
          if (firstCue(RELUCTANCE_IN_ANSWER, answer, false) >= 0) {
            if (once('intro_reluctance')) add('flag', 'intro_reluctance', me, t, s.start, s.end);
          } else if (!found.has('intro_reluctance') && (VAGUE_STRONG.test(answer) || HEDGE_WEAK.test(answer)) && once('next_step_hesitation')) add('flag', 'next_step_hesitation', me, t, s.start, s.end);
        }
        // a non-answer, or a yes taken back in the same breath ("I do, but Karl has a point")
        const yesBut = (prompt.kind === 'direct' || prompt.kind === 'opinion') && /^(?:yes|yeah|i do|i would|i'd like to|i want to|sure|of course|in principle)\b[^.]{0,25}\bbut\b/.test(answer.trim());
        const nonAnswer = (prompt.kind === 'direct' || prompt.kind === 'opinion') && NON_ANSWER.test(answer);
        if ((prompt.kind === 'direct' || prompt.kind === 'timing' || prompt.kind === 'opinion' || prompt.kind === 'intro') && (VAGUE_STRONG.test(answer) || yesBut || nonAnswer) && once('vague_response')) add('flag', 'vague_response', me, t, s.start, s.end);
        if (prompt.kind === 'timing' && (VAGUE_STRONG.test(own) || HEDGE_WEAK.test(own)) && !ACCEPT_START.test(answer.trim()) && once('next_step_hesitation')) add('flag', 'next_step_hesitation', me, t, s.start, s.end);
        if (prompt.kind === 'timing' && si === 0 && ACCEPT_START.test(answer.trim()) && prompt.datedProposal() && !HEDGE_WEAK.test(own) && !/\b(?:but|don't|rather not)\b/.test(own)) {
          hasStep = true;
          if (once('next_step_scheduled')) add('signal', 'next_step_scheduled', me, t, s.start, s.end);
        }
        // asked when, the buyer names the day and the hour: "Tuesday the fifth, ten o'clock, here."
        if (prompt.kind === 'timing' && si <= 1 && TIME_OF_DAY.test(own) && !HEDGE_WEAK.test(own) && !/\b(?:but|don't|rather not|can't|cannot)\b/.test(own)) {
          const d = specificDate(own, c.refDate);
          if (d && once('next_step_scheduled')) {
            hasStep = true;
            add('signal', 'next_step_scheduled', me, t, s.start, s.end, d.date, d.index);
          }
        }
        if (prompt.kind === 'intro' && si === 0 && ACCEPT_START.test(answer.trim()) && !found.has('intro_reluctance') && !/\bsend\b/.test(own) && once('intro_offered')) add('signal', 'intro_offered', me, t, s.start, s.end);
        if (prompt.kind === 'why' && words(own) >= 6 && once('articulated_value')) add('signal', 'articulated_value', me, t, s.start, s.end);
        // a real answer (not a dodge) to "who decides?" or "what's in it for you?"
        const substantive = words(answer) >= 5 && !VAGUE_STRONG.test(answer) && !NON_ANSWER.test(answer) && !HEDGE_WEAK.test(answer);
        if (prompt.topic === 'inside' && substantive && once('insider_info_shared')) add('signal', 'insider_info_shared', me, t, s.start, s.end);
        if (prompt.topic === 'personal' && substantive && once('personal_win_stated')) add('signal', 'personal_win_stated', me, t, s.start, s.end);
      }
    });
    void hasStep;
  }

  // the champion test's consequences
  if (test.asked && test.person && test.reply) {
    const t = c.turns[test.reply.utterance]!;
    if (test.answer === 'enthusiastic') {
      add('signal', 'enthusiastic_commitment', test.person, t, test.reply.start, test.reply.end);
      if (test.reason) add('signal', 'articulated_value', test.person, t, test.reason.start, test.reason.end);
    }
    if (test.answer === 'hedged') add('flag', 'vague_response', test.person, t, test.reply.start, test.reply.end);
  }

  return out;
}

/**
 * A blocker is a `blocker_present` red flag when nobody on the seller side is working with them:
 * the champion keeps the seller away from them, they turned down a meeting, or they never joined.
 * Blocker evidence that fails this still makes the person a blocker (their stance), not a flag.
 */
export function unworkedBlockers(findings: readonly Finding[]): Set<Finding> {
  const reluctance = findings.some((f) => f.type === 'intro_reluctance');
  return new Set(
    findings.filter(
      (f) => f.type === 'blocker_present' && f.person && (!f.person.present || reluctance || findings.some((x) => x.type === 'next_step_hesitation' && x.person === f.person)),
    ),
  );
}
