import type { ChampionTestAnswer } from '../../schemas/extraction.ts';
import type { Conversation, Turn } from './convo.ts';
import { ANSWER_HEDGE, ANSWER_NO, ANSWER_YES, LEADING_FILLER, TEST_HYPOTHETICAL, TEST_WOULD } from './cues.ts';
import type { People, Person } from './people.ts';
import { quotedSpans, sentences, trimSpan, type Span } from './text.ts';

/**
 * The champion test: the seller asks some form of "if it were entirely your call, would you move
 * forward?". The question is a seller's sentence that puts the decision hypothetically in the
 * buyer's hands ("your call", "if nobody else had a vote", "setting the committee aside") and asks
 * "would you". The answer is the addressed buyer's next turn (in typed notes, the quoted answer in
 * the line or the next line), classed by how it opens: an unqualified yes is `enthusiastic`, a yes
 * with conditions or a "probably" is `hedged`, a no is `declined`, and anything else (a story, a
 * question back) is `unanswered`.
 */

export interface Located {
  utterance: number;
  start: number;
  end: number;
}

export interface ChampionTestResult {
  asked: boolean;
  person: Person | null;
  answer: ChampionTestAnswer | null;
  question: Located | null;
  /** The opening of the answer that carries the verdict. */
  reply: Located | null;
  /** The first sentence after an enthusiastic yes that gives the reason, if any. */
  reason: Located | null;
  /** The answer's sentences, for the other detectors to skip. */
  answerUtterance: number | null;
}

const NOT_ASKED = /\b(?:didn't|did not|never|forgot to|didn't get to|ran out of time|next time|will|to) (?:get to |ask(?:ed)? )?[^.]{0,20}\b(?:the )?["“]?(?:your call|if it were)|\bdidn't get to\b|\bran out of time\b|\bask (?:on|next|at)\b/;
/** Words that close an affirmative opening: "yes i would", "yeah absolutely", "yes, definitely, we would". */
const YES_TAIL = /^(?:[,.!]?\s*(?:i would|i'd|we would|we'd|i will|absolutely|definitely|for sure|totally|100%|a hundred percent|i'd do it|no question|yes|yeah))+\b/;

/** A notes line that reports the seller asking ("I asked her...", "Asked Owen the ... question", "the if-it-were-her-call q."). */
const ASKED = /\b(?:asked|ask|asking|question|q)\b/;
/** Hyphenated shorthand reads as words ("if-it-were-her-call" -> "if it were her call"). */
const dehyphen = (s: string) => s.replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
const isTestQuote = (s: string) => TEST_HYPOTHETICAL.test(dehyphen(s.toLowerCase()));

export function classifyAnswer(text: string): ChampionTestAnswer {
  const lower = text.toLowerCase().trim().replace(/^["“']+/, '');
  // a stammered start ("I— yeah. Yeah. I'd sign.") is not the answer
  const opening = lower.replace(/^(?:\p{L}{1,3}[—–-]+\s*)+/u, '').replace(LEADING_FILLER, '').trim();
  const firstTwo = sentences(opening)
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ');
  // a verdict closing the first sentence counts as its opening ("Not at this price, no.", "Honestly, at that price, no.")
  if (ANSWER_NO.test(opening) || /,\s*(?:no|nope|nah)[.!]*$/.test(sentences(opening)[0]?.text ?? '')) return 'declined';
  if (ANSWER_YES.test(opening)) return ANSWER_HEDGE.test(firstTwo) || /^\w+\?/.test(opening) ? 'hedged' : 'enthusiastic';
  if (ANSWER_HEDGE.test(sentences(opening)[0]?.text ?? '')) return 'hedged';
  // the verdict can come second ("Good question. Yes, I would.", "I'd never say no to X. Yes, tomorrow.")
  const second = (sentences(opening)[1]?.text ?? '').replace(LEADING_FILLER, '');
  // ...unless the first sentence asks something back; a short echo ("If it were only me?", "Honestly?") does not
  const first = sentences(opening)[0]!.text;
  if (second && (!/\?$/.test(first) || first.split(/\s+/).length <= 6)) {
    if (ANSWER_NO.test(second)) return 'declined';
    if (ANSWER_YES.test(second)) return ANSWER_HEDGE.test(second) ? 'hedged' : 'enthusiastic';
  }
  return 'unanswered';
}

function questionSpan(t: Turn): Span | null {
  for (const s of t.sentences) {
    const l = s.text.toLowerCase();
    if (TEST_HYPOTHETICAL.test(l) && TEST_WOULD.test(l)) return s;
  }
  // the hypothetical and the question can be two sentences ("Setting the committee aside... Would you...")
  // ...or a short aside between them ("Say it sat with you and only you. No Fenella, no committee. Would you...?")
  for (let i = 0; i + 1 < t.sentences.length; i++) {
    const a = t.sentences[i]!;
    if (!TEST_HYPOTHETICAL.test(a.text.toLowerCase())) continue;
    for (let j = i + 1; j < Math.min(t.sentences.length, i + 3); j++) {
      const b = t.sentences[j]!;
      if (TEST_WOULD.test(b.text.toLowerCase())) return { start: a.start, end: b.end, text: t.text.slice(a.start, b.end) };
    }
  }
  return null;
}

/**
 * The test put after the buyer has set up the hypothetical themselves: "It is totally my call, it's
 * my name on the trucks." — "So would you do it?" A short would-you question from the seller, right
 * after a buyer says the decision is theirs alone.
 */
const OWN_AUTHORITY = /\b(?:it(?:'s| is) (?:totally |entirely |all |100% |completely )?(?:my|me) (?:call|decision|money|budget|choice)|(?:my|me) (?:call|decision) (?:alone|entirely)|it(?:'s| is) (?:up to|down to) me|i (?:make|have) the (?:final )?(?:call|say)|i decide\b|i'm the one who (?:decides|signs))/;
const SHORT_WOULD = /^[^?]{0,30}\b(?:would you (?:[a-z]+ ){0,3}(?:it|this|us|ahead|forward|in)\b|(?:so )?is (?:it|that) a yes|are you in|do we have a deal|yes or no)[^?]{0,30}\?/;
function afterOwnAuthority(c: Conversation, t: Turn): Span | null {
  const prev = c.turns[t.index - 1];
  if (!prev || prev.side === 'seller' || !OWN_AUTHORITY.test(prev.lower)) return null;
  for (const s of t.sentences) if (SHORT_WOULD.test(s.text.toLowerCase().trim())) return s;
  return null;
}

/** The opening sentences that hold the verdict, and the first reason sentence after a yes. */
function splitReply(text: string, offset: number, answer: ChampionTestAnswer): { reply: Span; reason: Span | null } {
  const ss = sentences(text);
  let k = 0;
  // a yes is often several short sentences: "Yes. Absolutely. I'd sign it tomorrow."
  while (k + 1 < ss.length && k < 3 && answer === 'enthusiastic' && ss[k + 1]!.text.split(/\s+/).length <= 6 && !/^because\b/i.test(ss[k + 1]!.text)) k++;
  const first = ss[0] ?? { start: 0, end: text.length, text };
  const last = ss[k] ?? first;
  let reply = trimSpan(text, first.start, last.end);
  let reason: Span | null = null;
  if (answer === 'enthusiastic') {
    const r = ss.slice(k + 1).find((s) => s.text.split(/\s+/).length >= 6);
    if (r) reason = r;
    // unpunctuated captions run the yes and the why together ("yes i would if it does what you
    // showed me that's a week a month back"): the words after the yes are the reason
    else if (ss.length === 1 && first.text.split(/\s+/).length > 10) {
      const lower = first.text.toLowerCase();
      const filler = LEADING_FILLER.exec(lower)?.[0].length ?? 0;
      const yes = ANSWER_YES.exec(lower.slice(filler));
      if (yes) {
        let end = filler + yes[0].length;
        const more = YES_TAIL.exec(lower.slice(end));
        if (more) end += more[0].length;
        const rest = trimSpan(text, first.start + end, first.end);
        if (rest.text.split(/\s+/).length >= 6) {
          reply = trimSpan(text, first.start, first.start + end);
          reason = rest;
        }
      }
    }
  }
  return {
    reply: { start: offset + reply.start, end: offset + reply.end, text: reply.text },
    reason: reason ? { start: offset + reason.start, end: offset + reason.end, text: reason.text } : null,
  };
}

export function detectChampionTest(c: Conversation, people: People, voice: Array<Person | null>): ChampionTestResult {
  const none: ChampionTestResult = { asked: false, person: null, answer: null, question: null, reply: null, reason: null, answerUtterance: null };
  // the last time the question is asked counts: a grade says where the buyer stands at the end
  let last: ChampionTestResult = none;
  for (const t of c.turns) {
    if (c.notes) {
      if (t.header) continue;
      const l = dehyphen(t.lower);
      if (!TEST_HYPOTHETICAL.test(l) && !/your call|up to you|your decision|nobody else had a vote|if it were|test question|the test\b/.test(l)) continue;
      if (!ASKED.test(l)) continue;
      if (NOT_ASKED.test(l)) return none;
      const person = voice[t.index] ?? null;
      // the answer: a quote after the question in the same line, else the next line's quote
      const qs = quotedSpans(t.text).filter((q) => !isTestQuote(q.text));
      let answerTurn = t;
      let quote = qs[0];
      if (!quote) {
        const next = c.turns[t.index + 1];
        // a heading over the question ('The "your call" question') leaves it to the line that asks it
        if (next && !next.header && TEST_HYPOTHETICAL.test(dehyphen(next.lower)) && ASKED.test(dehyphen(next.lower))) continue;
        if (next && !next.header) {
          answerTurn = next;
          quote = quotedSpans(next.text)[0] ?? { start: 0, end: next.text.length, text: next.text };
        }
      }
      if (!quote) return { ...none, asked: true, person, answer: 'unanswered', question: { utterance: t.index, start: 0, end: t.text.length } };
      const inner = trimSpan(answerTurn.text, quote.start + 1, quote.end - 1);
      const answer = classifyAnswer(inner.text);
      const { reply, reason } = splitReply(inner.text, inner.start, answer);
      const qEnd = t.sentences.find((s) => isTestQuote(s.text)) ?? t.sentences[0]!;
      return {
        asked: true,
        person,
        answer,
        question: { utterance: t.index, start: qEnd.start, end: qEnd.end },
        reply: { utterance: answerTurn.index, start: reply.start, end: reply.end },
        reason: reason ? { utterance: answerTurn.index, start: reason.start, end: reason.end } : null,
        answerUtterance: answerTurn.index,
      };
    }
    if (t.side !== 'seller') continue;
    const q = questionSpan(t) ?? afterOwnAuthority(c, t);
    if (!q) continue;
    // the addressee: a present buyer named in the question turn, else the next buyer to speak
    const named = (people.mentionsIn.get(t.index) ?? []).map((m) => m.person).filter((p) => p.present && p.side === 'buyer');
    let answerTurn: Turn | undefined;
    for (let k = t.index + 1; k < Math.min(c.turns.length, t.index + 4); k++) {
      const u = c.turns[k]!;
      const who = voice[k];
      if (!who) {
        if (u.side === 'seller' && k > t.index + 1) break;
        continue;
      }
      if (named.length > 0 && !named.includes(who)) continue;
      answerTurn = u;
      break;
    }
    if (!answerTurn) {
      last = { ...none, asked: true, person: named[0] ?? null, answer: 'unanswered', question: { utterance: t.index, start: q.start, end: q.end } };
      continue;
    }
    const answer = classifyAnswer(answerTurn.text);
    const { reply, reason } = splitReply(answerTurn.text, 0, answer);
    last = {
      asked: true,
      person: voice[answerTurn.index] ?? null,
      answer,
      question: { utterance: t.index, start: q.start, end: q.end },
      reply: { utterance: answerTurn.index, start: reply.start, end: reply.end },
      reason: reason ? { utterance: answerTurn.index, start: reason.start, end: reason.end } : null,
      answerUtterance: answerTurn.index,
    };
  }
  return last;
}
