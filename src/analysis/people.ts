import type { Side } from '../../schemas/transcript.ts';
import type { Role } from '../../schemas/extraction.ts';
import type { Conversation, Turn } from './convo.ts';
import { isCommonWord, isFirstName, isFunctionWord, isLastName, isNonPersonProper, isNoun, isUnknownWord } from './lexicon.ts';
import { nameKey } from './text.ts';

/**
 * Who the call is about: the participants (with their sides) and the people who are only named
 * ("Victor Alvarez, our CFO", "Luz on my team") or referred to by title ("our CTO"). A name is a
 * run of capitalised words (or, in lower-case captions, a known given name) that compromise's
 * lexicon does not know as a place, month or ordinary word. A named person becomes a stakeholder
 * only when a buyer names them, or the seller names them as the buyer's ("your CMO, Grace Liu"),
 * and nothing places them at a third company ("Brett Hollings, the Archwire rep", "terrence over
 * there"). Mentions are resolved to one person by full name, then by a given name or a surname
 * that only one known person has: two people who share a first name are never merged.
 */

export interface Mention {
  utterance: number;
  start: number;
  end: number;
}

export interface Person {
  id: number;
  name: string;
  /** nameKey(name), kept in step with name. */
  key: string;
  first: string | null;
  last: string | null;
  side: Side;
  present: boolean;
  /** Speaker label in the transcript when the person speaks. */
  speaker: string | null;
  email: string | null;
  title: string | null;
  /** Set when the person is only referred to by title ("our CTO"). */
  titleOnly: boolean;
  mentions: Mention[];
  role: { economic: number; technical: number; user: number; influencer: number };
  /** Role carried over from earlier calls of the deal. */
  priorRole: Role | null;
}

export interface KnownPerson {
  name: string;
  email: string | null;
  title: string | null;
  role: Role;
}

export interface People {
  all: Person[];
  bySpeaker: Map<string, Person>;
  /** The person a mention at (utterance, offset) refers to. */
  mentionsIn: Map<number, Array<{ person: Person; start: number; end: number }>>;
}

const HONORIFIC = /^(?:dr|mr|mrs|ms|prof)\.?$/i;
/** Words of job titles and organisations: a capitalised run containing one is not a person's name. */
const NOT_NAME_WORD = /^(?:mgr|manager|director|dir|vp|ops|operations|infrastructure|engineer|engineering|lead|head|officer|chief|president|team|group|dept|department|office|committee|board|inc|llc|ltd|corp|co|company|partners|health|dental|metals|systems|labs|cloud|software|services|solutions|analytics|logistics|capital|bank|university|hospital|clinic|center|centre|meeting|call|notes|review|attendees|context|budget|pilot|demo|q\d)$/i;
const GENERIC_SPEAKER = /^(?:speaker|spk|participant|guest|caller|attendee|unknown|unknown speaker)\s*[_-]?\s*\w{0,3}$|^\+?[\d\s().-]{7,}$/i;
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'their', 'its', 'our']);
const DEPARTMENTS = /^(?:it|hr|finance|legal|security|procurement|ops|operations|compliance|engineering|infosec|accounting|payroll|marketing|sales|the [a-z]+ (?:team|office|side|department))$/i;
const THIRD_PARTY_BEFORE = /\b(?:company|vendor|partner|reseller|integrator|customer|client|bank|agency|firm|broker|distributor|supplier|consultant|competitor|carrier|reference|rep|account manager|salesperson|sales rep|recruiter|auditor|investor|lender|factor|factoring company|insurer|guy at|woman at|someone at|their|from their)\s*(?:[a-z0-9&'’-]+\s+){0,2}$/i;
const THIRD_PARTY_AFTER = /^\s*(?:,\s*)?(?:the|their|our|a|an)?\s*(?:[A-Z][\w&'’-]*\s+)?(?:rep|representative|account manager|salesperson|sales rep|ceo of|founder of|over there|over at|at [A-Z]|from [A-Z]|who works (?:at|for))\b|^\s+over (?:there|at)\b/;
const PERSON_AFTER = /^(?:,\s*|\s+)(?:he|she)(?:'s|’s| is| was| does| doesn't| has| runs| will|'ll| said| says| wants)\b/i;

/** Titles that decide or screen a purchase: a reference by one of them alone makes a stakeholder. */
const TITLE = String.raw`(?:cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|chro|cmio|cno|controller|comptroller|boss|owner|founder|president|general counsel|gc|head of [a-z]+|(?:svp|evp|vp|vice president)(?: of [a-z]+)?|director of [a-z]+|procurement (?:lead|manager|director)|purchasing manager|it director|security director|finance director)`;
const TITLE_REF = new RegExp(String.raw`\b(our|my|your) (${TITLE})\b`, 'g');
const TITLE_AFTER_NAME = new RegExp(String.raw`^(?:,\s*|\s*\(\s*|\s*-\s*|\s*=\s*)(?:(?:our|my|your|the)\s+)?(${TITLE}|[a-z]+ (?:manager|director|lead|engineer|mgr|analyst|admin|administrator))\b`, 'i');
const TITLE_BEFORE_NAME = new RegExp(String.raw`\b(?:our|my|your|the) (${TITLE}|[a-z]+ (?:engineer|manager|lead|director|analyst))\s*,\s*$`, 'i');
const PRONOUN_TITLE = new RegExp(String.raw`\b(?:he|she)(?:'s|’s| is) (?:the|our) (${TITLE})\b`, 'i');

const ECONOMIC_CUES = /\b(?:signs?(?: off)? (?:anything|everything|all|off|the|on)|signs\b|sign off|final (?:call|say|decision|sign-?off)|(?:real|ultimate) decision|decision maker|owns? the (?:[a-z]+ )?budget|budget owner|(?:his|her|their) (?:money|call|budget|decision)|makes? the (?:final )?call|econ(?:omic)? buyer|holds the purse|writes the checks?|approves? (?:the )?(?:budget|spend|purchase)|goes across (?:his|her) desk|has the final)\b/;
const TECHNICAL_CUES = /\b(?:security|infosec|procurement|legal|compliance|controller|network|infrastructure|integration|engineer|architect|data|vlan|sso|soc ?2|api|veto|can say no|needs? to bless|bless|second approval|technical review|screen)\b/;
const USER_CUES = /\b(?:my team|my analysts|my guys|my people|on my team|my associates|my hygienists|my supervisors|my billers|ops manager|operations manager|manager|supervisor|runs the team|day to day|would use|users?)\b/;
const CFO_LIKE = /^(?:cfo|ceo|coo|cmo|cro|owner|founder|president|(?:svp|evp|vp|vice president).*|head of .*|general manager)$/;
const TECH_TITLE = /^(?:cto|cio|ciso|controller|comptroller|general counsel|gc|procurement.*|purchasing.*|it .*|.*(?:engineer|security|infrastructure|it|compliance|legal|network|integration).*)$/;

function titleRole(title: string | null): Role | null {
  if (!title) return null;
  const t = title.toLowerCase().replace(/[.,]/g, '').trim();
  if (/\b(?:econ|owner|cfo|ceo|coo|president|founder)\b/.test(t)) return 'economic_buyer';
  if (TECH_TITLE.test(t) || /\bit\b/.test(t)) return 'technical_buyer';
  if (CFO_LIKE.test(t) || /\bvp\b|\bvice president\b/.test(t)) return 'economic_buyer';
  if (/\b(?:mgr|manager|director|dir|ops|operations|lead|supervisor|analyst|coordinator)\b/.test(t)) return 'user_buyer';
  return null;
}

/** Display form of a title reference: acronyms upper-case ("CTO"), others as spoken ("VP of construction"). */
function titleName(t: string): string {
  return t.replace(/\b(cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|chro|cmio|cno|svp|evp|vp|gc|it)\b/g, (m) => m.toUpperCase());
}

function splitName(name: string): { first: string | null; last: string | null } {
  const parts = name.split(/\s+/).filter((p) => !HONORIFIC.test(p));
  if (parts.length === 0) return { first: null, last: null };
  return { first: nameKey(parts[0]!), last: parts.length > 1 ? nameKey(parts[parts.length - 1]!) : null };
}

interface Candidate {
  utterance: number;
  start: number;
  end: number;
  words: string[];
  honorific: boolean;
}

const NAME_TOKEN = /[\p{L}][\p{L}\p{M}'’-]*\.?/gu;
/** Capitalised words and honorifics, not preceded by a letter. */
const CAP_TOKEN = /(?<![\p{L}\p{M}'’-])(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|(?:dr|mr|mrs|ms|prof)\.)/gu;

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  if (c >= 65 && c <= 90) {
    const d = w.charCodeAt(1);
    // all-caps acronyms (CFO, IT) are not names
    return !(d >= 65 && d <= 90 && /^[A-Z]{2,}$/.test(w.replace(/[.'’-]/g, '')));
  }
  return /^\p{Lu}/u.test(w) && !/^\p{Lu}{2,}$/u.test(w.replace(/[.'’-]/g, ''));
}

function stripPossessive(w: string): string {
  return w.replace(/['’]s$/u, '').replace(/\.$/, '');
}

/** Capitalised runs in one sentence of a turn that could be a person's name. */
function nameCandidates(turn: Turn, sStart: number, sEnd: number, lowerCase: boolean, knownFirst: ReadonlySet<string>): Candidate[] {
  const text = turn.text.slice(sStart, sEnd);
  const out: Candidate[] = [];
  const toTok = (m: RegExpMatchArray) => ({ w: m[0], start: sStart + (m.index ?? 0), end: sStart + (m.index ?? 0) + m[0].length });
  if (!lowerCase) return capitalRuns(turn, text, sStart, knownFirst, [...text.matchAll(CAP_TOKEN)].map(toTok), out);
  // lower-case captions: a known given name, with the unknown word after it as a surname
  const toks = [...text.matchAll(NAME_TOKEN)].map(toTok);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const w = stripPossessive(t.w);
    if (!isFirstName(w) || isCommonWord(w) || w.length < 3) continue;
    const next = toks[i + 1];
    const words = [w];
    let end = t.start + w.length;
    const nextW = next ? stripPossessive(next.w) : '';
    if (next && next.start === t.end + 1 && /^[a-z]{3,}$/.test(nextW) && isUnknownWord(nextW) && !t.w.endsWith("'s")) {
      words.push(nextW);
      end = next.start + nextW.length;
      i++;
    }
    out.push({ utterance: turn.index, start: t.start, end, words, honorific: false });
  }
  return out;
}

/** Runs of capitalised words (and honorifics) joined by single spaces, trimmed to likely names. */
function capitalRuns(turn: Turn, text: string, sStart: number, knownFirst: ReadonlySet<string>, tokens: Array<{ w: string; start: number; end: number }>, out: Candidate[]): Candidate[] {
  const caps = tokens.filter((t) => isCap(t.w) || HONORIFIC.test(t.w));
  const lead = /[\p{L}]/u.exec(text);
  const initialStart = lead ? sStart + lead.index : -1;
  let i = 0;
  while (i < caps.length) {
    let j = i;
    while (j + 1 < caps.length) {
      const a = caps[j]!;
      const b = caps[j + 1]!;
      const gap = turn.text.slice(a.end, b.start);
      if (gap !== ' ' || !isCap(b.w) || a.w.endsWith("'s") || a.w.endsWith('’s')) break;
      if (a.w.endsWith('.') && !(HONORIFIC.test(a.w) || /^\p{Lu}\.$/u.test(a.w))) break;
      j++;
    }
    let run = caps.slice(i, j + 1);
    // drop leading words that are not names ("Honestly Bill", "Thanks Mike", "Unless Desmond")
    while (run.length > 0) {
      const w = stripPossessive(run[0]!.w);
      if (HONORIFIC.test(run[0]!.w)) break;
      const initial = run[0]!.start === initialStart;
      const nextIsName = run.length > 1 && knownFirst.has(nameKey(stripPossessive(run[1]!.w)));
      if (/^I(?:['’](?:m|d|ll|ve))?$/.test(w) || isNonPersonProper(w) || isFunctionWord(w) || (initial && run.length === 1 && isCommonWord(w) && !isFirstName(w)) || (initial && nextIsName && !isFirstName(w))) {
        run = run.slice(1);
        continue;
      }
      break;
    }
    // cut at a non-person word (place, month, organisation)
    const cut = run.findIndex((x, k) => k > 0 && (isNonPersonProper(stripPossessive(x.w)) || isCommonWord(stripPossessive(x.w))));
    if (cut > 0) run = run.slice(0, cut);
    if (run.length > 0 && run.length <= 4) {
      const honorific = HONORIFIC.test(run[0]!.w);
      const words = run.map((x) => stripPossessive(x.w)).filter((w) => !HONORIFIC.test(w));
      const bad = words.some((w) => isNonPersonProper(w) || NOT_NAME_WORD.test(w) || /['’](?:t|ll|re|ve|d|m)$/i.test(w)) || (words.length > 1 && words[0]!.length === 1);
      if (words.length > 0 && !bad) {
        const last = run[run.length - 1]!;
        const end = last.start + stripPossessive(last.w).length;
        out.push({ utterance: turn.index, start: run[0]!.start, end, words, honorific });
      }
    }
    i = j + 1;
  }
  return out;
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function newPerson(id: number, name: string, side: Side, present: boolean): Person {
  const { first, last } = splitName(name);
  return {
    id,
    name,
    key: nameKey(name),
    first,
    last,
    side,
    present,
    speaker: null,
    email: null,
    title: null,
    titleOnly: false,
    mentions: [],
    role: { economic: 0, technical: 0, user: 0, influencer: 0 },
    priorRole: null,
  };
}

/** Finds the people of a conversation. `known` are the deal's buyer-side people from earlier calls. */
export function findPeople(c: Conversation, known: readonly KnownPerson[] = []): People {
  const all: Person[] = [];
  const bySpeaker = new Map<string, Person>();
  const mentionsIn = new Map<number, Array<{ person: Person; start: number; end: number }>>();
  let nextId = 0;

  // participants
  for (const p of c.transcript.participants) {
    const person = newPerson(nextId++, p.name, c.sides.get(p.name) ?? 'unknown', true);
    person.speaker = p.name;
    person.email = p.email;
    person.title = p.title;
    all.push(person);
    bySpeaker.set(p.name, person);
  }
  resolveGenericSpeakers(c, all);
  // a speaker label that is only the given name of one other participant ("Marcus" and "Marcus Lee")
  for (const p of [...all]) {
    if (!p.speaker || p.speaker.trim().includes(' ')) continue;
    const same = all.filter((x) => x !== p && x.first === p.first && x.last !== null);
    if (same.length !== 1) continue;
    bySpeaker.set(p.speaker, same[0]!);
    all.splice(all.indexOf(p), 1);
  }

  const knownByKey = new Map(known.map((k) => [nameKey(k.name), k]));
  for (const p of all) {
    const k = knownByKey.get(nameKey(p.name)) ?? (p.email ? known.find((x) => x.email && x.email.toLowerCase() === p.email!.toLowerCase()) : undefined);
    if (k) {
      p.priorRole = k.role;
      p.title ??= k.title;
    }
  }

  const lowerCaseText = c.turns.every((t) => !/\p{Lu}/u.test(t.text.replace(/\b(?:I|I'm|I'd|I'll|I've)\b/g, '')));

  // pass 1: candidates
  const knownFirst = new Set<string>([...all.map((p) => p.first ?? ''), ...known.map((k) => splitName(k.name).first ?? '')].filter(Boolean));
  const cands: Array<{ cand: Candidate; turn: Turn; sentence: { start: number; end: number } }> = [];
  for (const turn of c.turns) {
    if (turn.header || /^\s*(?:attendees|participants|present|invitees)\s*:/i.test(turn.text)) continue;
    const lc = lowerCaseText || !/\p{Lu}/u.test(turn.text.replace(/\bI\b/g, ''));
    for (const s of turn.sentences) for (const cand of nameCandidates(turn, s.start, s.end, lc, knownFirst)) cands.push({ cand, turn, sentence: s });
  }

  const addMention = (person: Person, cand: Candidate) => {
    person.mentions.push({ utterance: cand.utterance, start: cand.start, end: cand.end });
    const list = mentionsIn.get(cand.utterance) ?? [];
    list.push({ person, start: cand.start, end: cand.end });
    mentionsIn.set(cand.utterance, list);
  };

  const resolve = (cand: Candidate): Person | null | 'ambiguous' => {
    const key = nameKey(cand.words.join(' '));
    const exact = all.filter((p) => p.key === key);
    if (exact.length === 1) return exact[0]!;
    const words = cand.words.map((w) => nameKey(w));
    if (words.length >= 2) {
      const last = words[words.length - 1]!;
      const initial = /^[a-z]$/.test(last);
      const m = all.filter((p) => p.first === words[0] && (initial ? (p.last ?? '').startsWith(last) : p.last === last));
      if (m.length === 1) return m[0]!;
      if (m.length > 1) return 'ambiguous';
      return null;
    }
    const w = words[0]!;
    if (cand.honorific) {
      const bySurname = all.filter((p) => p.last === w || (w.length === 1 && (p.last ?? '').startsWith(w)));
      if (bySurname.length === 1) return bySurname[0]!;
      if (bySurname.length > 1) return 'ambiguous';
    }
    const byFirst = all.filter((p) => p.first === w);
    if (byFirst.length === 1) return byFirst[0]!;
    if (byFirst.length > 1) return 'ambiguous';
    if (cand.honorific) return null;
    const bySurname = all.filter((p) => p.last === w && !p.titleOnly);
    if (bySurname.length === 1) return bySurname[0]!;
    return null;
  };

  // a word used as an attribute anywhere ("the Gilbert server", "the Savannah DC") is not a person here
  const attributive = new Set<string>();
  const thirdParty = new Set<string>();
  for (const { cand, turn } of cands) {
    const before = turn.text.slice(Math.max(0, cand.start - 20), cand.start);
    const prevWord = /([\p{L}'’]+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (cand.words.length === 1 && DETERMINER.has(prevWord) && /\s$/.test(before)) attributive.add(nameKey(cand.words[0]!));
  }
  const accept = (cand: Candidate, turn: Turn): boolean => {
    const before = turn.text.slice(Math.max(0, cand.start - 60), cand.start);
    const after = turn.text.slice(cand.end, cand.end + 60);
    const prevWord = /([\p{L}'’]+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    const firstKey = nameKey(cand.words[0]!);
    if (cand.words.length === 1 ? DETERMINER.has(prevWord) : /^(?:the|a|an)$/.test(prevWord)) return false;
    if (cand.words.length === 1 && (attributive.has(firstKey) || thirdParty.has(firstKey))) return false;
    if (THIRD_PARTY_BEFORE.test(before.toLowerCase()) || THIRD_PARTY_AFTER.test(after)) {
      const from = /^\s*from\s+([\p{L}]+)/u.exec(after);
      if (!(from && DEPARTMENTS.test(from[1]!))) {
        thirdParty.add(firstKey);
        return false;
      }
    }
    if (known.some((k) => nameKey(k.name) === nameKey(cand.words.join(' ')) || (cand.words.length === 1 && splitName(k.name).first === firstKey))) {
      return turn.side !== 'seller' || c.notes || /\byour\b/.test(turn.lower.slice(Math.max(0, cand.start - 40), cand.end + 40)) || true;
    }
    // only a buyer's words, or the seller naming the buyer's people ("your CMO, Grace Liu")
    if (turn.side === 'seller' && !c.notes) {
      const window = turn.lower.slice(Math.max(0, cand.start - 40), cand.end + 40);
      if (!/\byour\b/.test(window)) return false;
    }
    const words = cand.words;
    const nextWord = /^\s+([\p{L}]+)/u.exec(after)?.[1] ?? '';
    if (words.length === 1) {
      const w = words[0]!;
      if (w.length < 3) return false;
      if (PERSON_AFTER.test(after) && !isCommonWord(w)) return true;
      if (!isFirstName(w)) return false;
      if (nextWord && /^\p{Ll}/u.test(nextWord) && isNoun(nextWord) && !/^(?:on|from|and|said|says)$/.test(nextWord)) return false;
      if (/^\s*\p{Lu}{2,}\b/u.test(after)) return false;
      return true;
    }
    if (cand.honorific) return true;
    if (words.some((w) => w.length < 2)) return false;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    if (isFunctionWord(first)) return false;
    return isFirstName(first) || isUnknownWord(first) || isLastName(last) || isUnknownWord(last) || isFirstName(last);
  };

  // pass 1a: multi-word names first, so that single given names resolve to them
  const ordered = [...cands].sort((a, b) => b.cand.words.length - a.cand.words.length || a.cand.utterance - b.cand.utterance);
  const pending: typeof cands = [];
  for (const item of ordered) {
    const r = resolve(item.cand);
    if (r === 'ambiguous') continue;
    if (r) {
      addMention(r, item.cand);
      continue;
    }
    if (!accept(item.cand, item.turn)) continue;
    // a name known from earlier calls of the deal
    const key = nameKey(item.cand.words.join(' '));
    const single = item.cand.words.length === 1;
    const fromHistory = single ? known.filter((k) => splitName(k.name).first === key) : [];
    const name = fromHistory.length === 1 ? fromHistory[0]!.name : item.cand.words.map(cap).join(' ');
    if (single && !fromHistory.length) {
      pending.push(item);
      continue;
    }
    const p = newPerson(nextId++, name, 'buyer', false);
    const k = knownByKey.get(nameKey(name));
    if (k) {
      p.priorRole = k.role;
      p.title = k.title;
      p.email = k.email;
    }
    all.push(p);
    addMention(p, item.cand);
  }
  for (const item of pending) {
    const r = resolve(item.cand);
    if (r === 'ambiguous') continue;
    if (r) {
      addMention(r, item.cand);
      continue;
    }
    const p = newPerson(nextId++, cap(item.cand.words[0]!), 'buyer', false);
    all.push(p);
    addMention(p, item.cand);
  }
  for (const list of mentionsIn.values()) list.sort((a, b) => a.start - b.start);

  linkTitles(c, all, mentionsIn, () => nextId++);
  assignRoles(c, all, mentionsIn);
  return { all, bySpeaker, mentionsIn };
}

/** "Speaker 2" and phone numbers get the name the others greet them by ("hi nadia"). */
function resolveGenericSpeakers(c: Conversation, all: Person[]) {
  for (const p of all) {
    if (!p.speaker || !GENERIC_SPEAKER.test(p.speaker)) continue;
    const first = c.turns.findIndex((t) => t.speaker === p.speaker);
    if (first < 0) continue;
    for (let k = first + 1; k <= Math.min(first + 3, c.turns.length - 1); k++) {
      const t = c.turns[k]!;
      if (t.speaker === p.speaker) continue;
      const m = /^(?:hi|hey|hello|welcome|morning|good morning|thanks|thank you)[,!\s]+([\p{L}'’-]+)/iu.exec(t.text.trim());
      const w = m?.[1];
      if (!w || !isFirstName(w) || all.some((x) => x.first === nameKey(w))) continue;
      // a full name used elsewhere ("nadia haddad")
      const re = new RegExp(`\\b${nameKey(w)}\\s+([\\p{L}'’-]+)`, 'iu');
      let full = w;
      for (const u of c.turns) {
        const mm = re.exec(u.text);
        if (mm && isUnknownWord(mm[1]!)) {
          full = `${w} ${mm[1]}`;
          break;
        }
      }
      p.name = full.split(' ').map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(' ');
      p.key = nameKey(p.name);
      const s = splitName(p.name);
      p.first = s.first;
      p.last = s.last;
      break;
    }
  }
}

/** Links "our CFO" to the person who holds that title; otherwise a title-only stakeholder. */
function linkTitles(c: Conversation, all: Person[], mentionsIn: People['mentionsIn'], id: () => number) {
  // titles stated next to a name
  for (const turn of c.turns) {
    const list = mentionsIn.get(turn.index) ?? [];
    for (const m of list) {
      const after = turn.text.slice(m.end, m.end + 60);
      const before = turn.text.slice(Math.max(0, m.start - 50), m.start);
      const a = TITLE_AFTER_NAME.exec(after) ?? TITLE_BEFORE_NAME.exec(before);
      if (a && !m.person.title) m.person.title = titleName(a[1]!.toLowerCase());
      const pr = PRONOUN_TITLE.exec(after.slice(0, 40)) ?? /^'s (?:the|our) ([a-z ]+?)\b(?:\s|$|,)/i.exec(after);
      if (pr && !m.person.title) m.person.title = titleName(pr[1]!.toLowerCase());
    }
    // "He's the CFO" after a name earlier in the same turn
    const pt = PRONOUN_TITLE.exec(turn.text);
    if (pt && list.length > 0) {
      const at = pt.index;
      const prev = list.filter((m) => m.end <= at).pop();
      if (prev && !prev.person.title && !prev.person.present) prev.person.title = titleName(pt[1]!.toLowerCase());
    }
  }
  // title references
  const refs: Array<{ turn: Turn; title: string; start: number; end: number; possessive: string }> = [];
  for (const turn of c.turns) {
    if (turn.header || turn.field) continue;
    for (const m of turn.lower.matchAll(TITLE_REF)) {
      const possessive = m[1]!;
      const buyerVoice = turn.side !== 'seller' || c.notes;
      if (possessive === 'your' ? turn.side !== 'seller' || c.notes : !buyerVoice) continue;
      if (c.notes && possessive !== 'your') {
        // in notes "our" is the author's company; "her/his" would be the buyer's
        continue;
      }
      const start = (m.index ?? 0) + possessive.length + 1;
      refs.push({ turn, title: m[2]!, start, end: (m.index ?? 0) + m[0].length, possessive });
    }
  }
  for (const r of refs) {
    const key = r.title.toLowerCase();
    const holder = all.find((p) => p.title && p.title.toLowerCase() === key && p.side === 'buyer');
    if (holder) {
      addTitleMention(holder, r, mentionsIn);
      continue;
    }
    // the seller asks about "your VP of construction" and the buyer's answer names one new person
    if (r.possessive === 'your') {
      const next = c.turns.slice(r.turn.index + 1, r.turn.index + 3).find((t) => t.side === 'buyer');
      const named = (next ? mentionsIn.get(next.index) ?? [] : []).map((m) => m.person).filter((p) => !p.present && !p.title);
      const uniq = [...new Set(named)];
      if (uniq.length === 1) {
        uniq[0]!.title = titleName(key);
        addTitleMention(uniq[0]!, r, mentionsIn);
        continue;
      }
    }
    // an appositive name right after ("our CFO, Dana Ortiz") was linked above; else a title-only person
    let p = all.find((x) => x.titleOnly && x.name.toLowerCase() === titleName(key).toLowerCase());
    if (!p) {
      p = newPerson(id(), titleName(key), 'buyer', false);
      p.titleOnly = true;
      p.title = titleName(key);
      p.first = null;
      p.last = null;
      all.push(p);
    }
    addTitleMention(p, r, mentionsIn);
  }
  // title-only people whose title a named person turned out to hold
  for (const p of all.filter((x) => x.titleOnly)) {
    const holder = all.find((x) => !x.titleOnly && x.title && x.title.toLowerCase() === p.name.toLowerCase());
    if (holder) {
      holder.mentions.push(...p.mentions);
      for (const m of p.mentions) {
        const list = mentionsIn.get(m.utterance) ?? [];
        for (const e of list) if (e.person === p) e.person = holder;
      }
      all.splice(all.indexOf(p), 1);
    }
  }
}

function addTitleMention(p: Person, r: { turn: Turn; start: number; end: number }, mentionsIn: People['mentionsIn']) {
  p.mentions.push({ utterance: r.turn.index, start: r.start, end: r.end });
  const list = mentionsIn.get(r.turn.index) ?? [];
  list.push({ person: p, start: r.start, end: r.end });
  list.sort((a, b) => a.start - b.start);
  mentionsIn.set(r.turn.index, list);
}

/** Sentences split further at ", and", ", but" and ";" so that a cue binds to its own clause. */
function clauses(turn: Turn): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of turn.sentences) {
    let from = s.start;
    const seg = turn.lower.slice(s.start, s.end);
    for (const m of seg.matchAll(/,\s*(?:and|but|while|whereas)\s+|;\s+/g)) {
      const at = s.start + (m.index ?? 0);
      out.push({ start: from, end: at });
      from = at + m[0].length;
    }
    out.push({ start: from, end: s.end });
  }
  return out;
}

/** Evidence of each person's part in the decision, from the sentences about them and their own words. */
function assignRoles(c: Conversation, all: Person[], mentionsIn: People['mentionsIn']) {
  const bySpeaker = new Map(all.filter((p) => p.speaker).map((p) => [p.speaker!, p]));
  for (const turn of c.turns) {
    if (turn.header) continue;
    const list = mentionsIn.get(turn.index) ?? [];
    let last: Person | null = null;
    for (const s of clauses(turn)) {
      const lower = turn.lower.slice(s.start, s.end);
      const inS = list.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.person);
      let about = inS.filter((p) => !(p.present && p.speaker === turn.speaker && !c.notes));
      if (about.length === 0 && /\b(?:he|she|he's|she's|his|her|him)\b/.test(lower) && last) about = [last];
      if (about.length > 0) last = about[about.length - 1]!;
      for (const p of about.slice(0, 1)) {
        if (ECONOMIC_CUES.test(lower) || /\bgoes to\b/.test(lower)) p.role.economic += ECONOMIC_CUES.test(lower) ? 2 : 1;
        if (TECHNICAL_CUES.test(lower) || /\bIT\b/.test(turn.text.slice(s.start, s.end))) p.role.technical += 1;
        if (/\bon my team\b|\bmy team\b|\bops\b|\boperations\b/.test(lower)) p.role.user += 1;
      }
      const self = bySpeaker.get(turn.speaker);
      if (self && self.side === 'buyer' && !c.notes) {
        if (/\bi sign\b|\bit's my (?:call|money|budget)\b|\bmy budget\b|\bi (?:approve|own the budget)\b/.test(lower)) self.role.economic += 2;
        if (USER_CUES.test(lower)) self.role.user += 0.5;
        if (turn.isQuestion && /\b(?:sso|saml|mfa|api|integration|integrate|security|soc ?2|hosted|hosting|data|export|vlan|residency|migration|convert|backup|offline|baa|encryption|tms|timeclocks?|sensors?|imaging|interface|epic)\b/.test(lower)) self.role.technical += 1;
        if (/\b(?:from the it side|i run it|runs? compliance|procurement side|security review)\b/.test(lower)) self.role.technical += 1;
      }
    }
  }
}

/** The person's role in the decision, from the cues gathered and their title. */
export function decideRole(p: Person, hasEconomic: boolean): Role {
  const r = p.role;
  const byTitle = titleRole(p.title);
  if (r.economic >= 2) return 'economic_buyer';
  if (byTitle === 'economic_buyer' && !(hasEconomic && r.economic === 0 && p.present)) return 'economic_buyer';
  if (p.priorRole && p.priorRole !== 'unknown') return p.priorRole;
  if (byTitle) return byTitle;
  if ((r.technical >= 2 && r.technical > r.user) || (!p.present && r.technical >= 1 && r.technical > r.user)) return 'technical_buyer';
  if (r.economic >= 1 && !hasEconomic) return 'economic_buyer';
  if (r.user > 0 || p.present) return 'user_buyer';
  return 'unknown';
}
