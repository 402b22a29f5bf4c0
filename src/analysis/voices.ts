import type { Conversation, Turn } from './convo.ts';
import type { People, Person } from './people.ts';
import { nameKey, quotedSpans } from './text.ts';

/**
 * Whose words or acts each utterance reports. In a transcript, a buyer's utterance speaks for that
 * buyer. In typed notes every line is written by the seller, so a line speaks for the buyer it is
 * about: the first attendee named in it, else the buyer its section is about ("What Tamsin said"),
 * else an initial ("T offered..."), else the buyer of the line before when it starts with a
 * pronoun ("His answer: ..."), else a buyer named in it, else the only buyer in the room. The
 * author's own sections ("My notes", "Me: ...", the "Q:" of Q&A notes) and headers speak for nobody.
 */
export function voices(c: Conversation, people: People): Array<Person | null> {
  const out: Array<Person | null> = [];
  if (!c.notes) {
    for (const t of c.turns) {
      const p = people.bySpeaker.get(t.speaker) ?? null;
      out.push(p && p.side === 'buyer' ? p : null);
    }
    return out;
  }
  const buyers = people.all.filter((p) => p.side === 'buyer');
  const present = buyers.filter((p) => p.present);
  const sectionPerson = new Map<string, Person | null>();
  let prev: Person | null = null;
  for (const t of c.turns) {
    if (t.header || isAuthorLine(t)) {
      out.push(null);
      if (t.header) prev = null;
      continue;
    }
    const mentions = (people.mentionsIn.get(t.index) ?? []).filter((m) => m.person.side === 'buyer');
    const mentioned = mentions.map((m) => m.person);
    // a name inside the quoted words is who they talk about ("I can see why Pieter likes it"), not who speaks
    const quotes = quotedSpans(t.text);
    const outside = mentions.filter((m) => !quotes.some((q) => m.start >= q.start && m.end <= q.end)).map((m) => m.person);
    let who: Person | null = outside.find((p) => p.present) ?? null;
    if (!who && t.section) {
      if (!sectionPerson.has(t.section)) {
        // compared as name keys, so "### Geneviève" finds Geneviève (keys fold accents)
        const words = new Set(nameKey(t.section).split(' '));
        sectionPerson.set(t.section, buyers.find((p) => p.first && words.has(nameKey(p.first))) ?? null);
      }
      who = sectionPerson.get(t.section) ?? null;
    }
    if (!who) {
      const initial = /^\s*([A-Z])\s+(?:said|says|offered|wants|sending|sends|committed|mentioned|asked|agreed|thinks|to|will|is|was|has)\b/.exec(t.text);
      if (initial) {
        const m = present.filter((p) => p.first?.startsWith(initial[1]!.toLowerCase()));
        if (m.length === 1) who = m[0]!;
      }
    }
    // the buyer of the line before, when this line goes on about them: it opens with a pronoun
    // ("His answer: ..."), reports the seller's question and their reply ("Asked if we could meet
    // Terrence. She said ..."), or names someone of theirs ("Budget sits with her boss, ...")
    if (!who && prev && (/^\s*(?:his|her|he|she|him|asked (?:him|her)|they)\b/i.test(t.text) || REPLY_REPORTED.test(t.text) || THEIR_PERSON.test(t.text) || CONTINUES.test(t.text))) who = prev;
    // a present buyer tells the seller about an absent one: the line speaks for the one in the room
    if (!who && present.length === 1) who = present[0]!;
    if (!who) who = mentioned[0] ?? null;
    out.push(who);
    prev = who ?? prev;
  }
  return out;
}

/** A shorthand line that goes on about the same person: "why → ...", "→ ...", "already walked the DC mgrs through it". */
const CONTINUES = /^\s*(?:why\b[^"“]{0,20}(?:→|->|:)|→|->|["“]|(?:already|also|then|plus|and) [a-z]+(?:ed|t)\b)/i;
const REPLY_REPORTED = /^\s*(?:i\s+)?(?:asked|ask)\b.*(?:\b(?:she|he|they) (?:said|says|replied|answered|told me)\b|["“]|:\s)/i;
const THEIR_PERSON = /\b(?:her|his) (?:boss|manager|director|cfo|ceo|coo|vp|md|team|analyst|colleague|deputy|assistant)\b/i;

/** A notes line in the author's own voice: the "My notes" section, or "Me: ...". */
function isAuthorLine(t: Turn): boolean {
  // "Me: ...", and the questions of Q&A notes ("Q: Who decides on something like this?")
  if (/^\s*(?:me|i|q)\s*:/i.test(t.text)) return true;
  return !!t.section && /^(?:my (?:notes|thoughts|take|todo|to-?dos|follow-?ups)|me|internal|notes to self|for me)\b/.test(t.section);
}
