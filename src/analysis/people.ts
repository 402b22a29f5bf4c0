import type { Side } from '../../schemas/transcript.ts';
import type { Role } from '../../schemas/extraction.ts';
import type { Conversation, Turn } from './convo.ts';
import { isCommonWord, isFirstName, isFunctionWord, isLastName, isNonPersonProper, isNoun, isUnknownWord, isVerb } from './lexicon.ts';
import { nameKey, quotedSpans } from './text.ts';

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

const ATTENDEE_LINE = /^\s*(?:attendees|participants|present|invitees|their side|our side|customer side|client side|buyer side|vendor side|us)\s*:/i;
const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?$/i;
/** Words of job titles and organisations: a capitalised run containing one is not a person's name. */
const NOT_NAME_WORD = /^(?:mgr|manager|director|dir|vp|ops|operations|infrastructure|engineer|engineering|lead|head|officer|chief|president|team|group|dept|department|office|committee|board|inc|llc|ltd|corp|co|company|partners|health|dental|metals|systems|labs|cloud|software|services|solutions|analytics|logistics|capital|bank|university|hospital|clinic|center|centre|meeting|call|notes|review|attendees|context|budget|pilot|demo|q\d|county|city|district|council|authority|water|power|energy|electric|utilities|port|ports|airport|school|schools|college|academy|institute|foundation|trust|association|society|club|museum|library|hotel|hotels|resort|credit|union|insurance|freight|foods|farms|motors|airlines|media|press|publishing|pharma|therapeutics|industries|holdings|ventures|textiles|mills|group|recap|subject|update|buyer|buyers|champion|pain|metrics|criteria|process|competition|identify|economic|decision|paper|side|account|stage|summary)$/i;
const GENERIC_SPEAKER = /^(?:speaker|spk|participant|guest|caller|attendee|unknown|unknown speaker)\s*[_-]?\s*\w{0,3}$|^\+?[\d\s().-]{7,}$/i;
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'their', 'its', 'our']);
const DEPARTMENTS = /^(?:it|hr|finance|legal|security|procurement|ops|operations|compliance|engineering|infosec|accounting|payroll|marketing|sales|the [a-z]+ (?:team|office|side|department))$/i;
const THIRD_PARTY_BEFORE = /\b(?:company|vendor|partner|reseller|integrator|customer|client|bank|agency|firm|broker|distributor|supplier|consultant|competitor|carrier|reference|rep|account manager|account exec(?:utive)?|salesperson|sales rep|sales engineer|solutions engineer|se|ae|sdr|bdr|recruiter|auditor|investor|lender|factor|factoring company|insurer|guy at|woman at|someone at)\s*,?\s*(?:[a-z0-9&'’-]+,?\s+){0,2}$/i;
/** "their rep, Gianni Russo", "Their CEO, Olivia Brandt": in a transcript "their" is another company. */
const THIRD_PARTY_THEIR = /\b(?:their|from their)\s*,?\s*(?:[a-z0-9&'’-]+,?\s+){0,2}$/i;
const THIRD_PARTY_AFTER = /^\s*,\s*(?:their|our|the|an?)\s+(?:outside|external|independent)\s+(?:counsel|solicitor|lawyer|attorney|consultant|auditor|adviser|advisor|accountant)\b|^\s*\((?:[A-Z][\w&'’.-]*\s+){0,3}(?:Consulting|Consultants|Partners|LLP|Ltd|Inc|Advisory|Advisors|Solicitors|Law|Legal)\)|^\s*(?:,\s*)?(?:the|their|our|a|an)?\s*(?:[A-Z][\w&'’-]*\s+)?(?:rep|representative|account manager|salesperson|sales rep|ceo of|founder of|over there|over at|at [A-Z][\w&'’-]*|from [A-Z][\w&'’-]*|who works (?:at|for))\b|^\s+over (?:there|at)\b/;
const PERSON_AFTER = /^(?:,\s*|\s+)(?:he|she)(?:'s|’s| is| was| does| doesn't| has| runs| will|'ll| said| says| wants)\b/i;

/** Titles that decide or screen a purchase: a reference by one of them alone makes a stakeholder. */
/** Departments a title can name ("VP of Finance", "GM Finance", "Head of IT"). */
const DEPT = String.raw`(?:finance|operations|ops|sales|marketing|it|hr|people|procurement|purchasing|engineering|production|quality|supply chain|logistics|technology|product|customer service|research|security|compliance|legal|facilities|transportation|construction|[a-z]+ operations)`;
const TITLE = String.raw`(?:cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|chro|cmio|cno|controller|comptroller|boss|owner|founder|president|general counsel|gc|chief exec(?:utive)?|managing (?:director|partner)|(?:executive|site|plant|regional|general|country|division(?:al)?) (?:director|manager)|(?:gm|md|dgm|agm|svp|evp|avp|vp|vice president)(?:,? (?:of )?${DEPT})?|head of [a-z]+(?: and [a-z]+| [a-z]+ services)?|director of [a-z]+|(?:finance|privacy|security|compliance|procurement|purchasing|front office|hr|facilities|quality|qa|risk|data protection) (?:manager|officer|director|lead)|procurement (?:lead|manager|director)|purchasing manager|it director|security director|finance director)`;
const TITLE_REF = new RegExp(String.raw`\b(our|my|your|their|the) (${TITLE})\b`, 'g');
/** Titles distinct enough that "the X" in a buyer's words or in notes means their X ("the controller", "the MD"). */
const THE_TITLE = /^(?:cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|chro|cmio|controller|comptroller|md|gm|managing director|general manager|director of [a-z]+|head of [a-z]+|(?:svp|evp|vp)\b.*|(?:finance|privacy|security|compliance|procurement|front office|facilities|data protection) (?:manager|officer|director|lead))$/;
const TITLE_AFTER_NAME = new RegExp(String.raw`^(?:,\s*|\s*\(\s*|\s*-\s*|\s*=\s*)(?:(?:our|my|your|the|their)\s+)?(${TITLE}|[a-z]+ (?:manager|director|lead|engineer|mgr|analyst|admin|administrator))\b`, 'i');
const TITLE_BEFORE_NAME = new RegExp(String.raw`\b(?:our|my|your|the|his|her|their) (${TITLE}|[a-z]+ (?:engineer|manager|lead|director|analyst|nurse|officer|partner|supervisor|coordinator|administrator|admin))\s*[,(]\s*$`, 'i');
/** The same without the comma, for lower-case captions ("our vp of finance darnell ward"). */
const TITLE_BEFORE_NAME_BARE = new RegExp(String.raw`\b(?:our|my|your|the|his|her|their) (${TITLE}|[a-z]+ (?:engineer|manager|lead|director|analyst|nurse|officer|partner|supervisor))\s*,?\s*$`, 'i');
/** A job title right before a name, making it an appositive ("our head nurse, Bronwen Price"). */
const APPOSITIVE_BEFORE = /\b(?:our|my|your|his|her|their|the) (?:[a-z-]+ ){0,3}[a-z-]+\s*,\s*$/;
/** "Beatriz is our controller", "Brett's our CFO". */
const IS_OUR_TITLE = new RegExp(String.raw`^(?:'s|’s| is) (?:the|our|their) (${TITLE})\b`, 'i');
const PRONOUN_TITLE = new RegExp(String.raw`\b(?:he|she)(?:'s|’s| is) (?:the|our) (${TITLE})\b`, 'i');

const ECONOMIC_CUES = /\b(?:signs?(?: off)? (?:anything|everything|all|off|the|on)|signs\b|sign off|final (?:call|say|decision|sign-?off|approval)|(?:real|ultimate) decision|decision maker|owns? the (?:[a-z]+ )?budget|budget (?:owner|holder|sits with|is (?:his|hers|theirs))|(?:his|her|their) (?:money|call|budget|decision)|makes? the (?:final )?call|econ(?:omic)? buyer|holds? the (?:purse|budget|money|purse strings)|controls? the (?:[a-z]+ )?budget|writes the checks?|approves? (?:the )?(?:budget|spend|purchase)|approves? (?:anything|everything|all|any|every)|(?:needs?|requires?) (?:his|her|their) signature|funding (?:for (?:this|it) )?comes from|chairs the (?:board|committee)|goes across (?:his|her) desk|has the final|money is (?:my|his|her|their) call)\b/;
/** Screening words around a "sign off": signing off an integration or a test is not releasing money. */
const SCREENING_CONTEXT = /\b(?:integration|security|technical|test(?:ing|s)?|sso|architecture|data|compliance|legal|network|interface|pms|erp|it side|design)\b/;
const MONEY_CONTEXT = /\b(?:budget|money|spend|contracts?|purchases?|anything over|anything above|capex|\d+k|thousand|lakhs?|crores?|million)\b|[$£€]/;
/** The speaker's own authority: "I sign", "it's my budget", "above my sign-off", "I'm the one who writes the cheque". */
const SELF_ECONOMIC = /\bi sign\b|\bit(?:'s| is) (?:totally |entirely |all |100% |completely |ultimately )?my (?:call|money|budget|decision)\b|\b(?:comes?|lands?|goes) (?:across|to|on) my desk\b|\bmy budget\b|\bi (?:approve|own the budget|hold the budget)\b|\b(?:above|over|within|under) my (?:sign-?off|signing authority|authority|limit|approval limit)\b|\bi(?:'m| am) the (?:one|person) who (?:writes|signs|approves|pays)\b|\b(?:write|writes|sign|signs) the (?:cheques?|checks?)\b|\bi(?:'m| am) the (?:managing director|md|ceo|cfo|coo|owner|founder|president|budget holder|decision maker)\b/;

/** Not a statement of fact about anyone: a question, or a hypothetical ("if it were her decision"). */
const NOT_A_FACT = /\?|\b(?:if (?:it|this|that|the decision) (?:were|was)|imagine|suppose|what if|would you|if you (?:were|had))\b/;
const TECHNICAL_CUES = /\b(?:security|infosec|procurement|legal|compliance|controller|network|infrastructure|integration|engineer|architect|data|vlan|sso|soc ?2|api|veto|can say no|needs? to bless|bless|second approval|technical review|screen|systems team|storage|repository|it systems)\b/;
/**
 * Shapes the decision without holding it: "it's not his budget", "he doesn't decide but people listen
 * to him", "has the CEO's ear", an adviser or an executive sponsor.
 */
const INFLUENCER_CUES = /\b(?:not (?:his|her|their) (?:budget|call|decision|money|signature)|(?:doesn't|does not|don't|won't) (?:decide|get the final say|hold the budget|own the budget|have (?:the )?budget|control the budget)|(?:people|everyone|everybody|the board|the team|they|leadership) (?:really )?listens? to (?:him|her|them)|has (?:the|his|her|their|[a-z]+'s) ear|(?:exec(?:utive)?|business) sponsor|advis[eo]r|influential|(?:his|her|their) (?:opinion|word|view) (?:matters|carries|counts)|carries (?:a lot of )?weight)\b/;
/** The speaker's own screening duties: "I look after the network and the servers", "my job is to make sure this doesn't break anything". */
const SELF_TECHNICAL = /\bi (?:look after|run|manage|own|handle|head up|head|lead|oversee|support|am responsible for|'m responsible for|am in charge of|'m in charge of)\b[^.]{0,30}\b(?:network|servers?|infrastructure|security|it|systems|integrations?|data|compliance|procurement|contracts|vendor management|legal|architecture|platforms?|identity|devops)\b|\bmake sure (?:this|it|nothing) (?:doesn't|does not|won't|will not) (?:break|open|expose)\b|\b(?:security|compliance|legal|procurement|it) (?:sign-?off|review|approval) (?:is|comes from|sits with) me\b/;
const USER_CUES = /\b(?:my team|my analysts|my guys|my people|on my team|my associates|my hygienists|my supervisors|my billers|ops manager|operations manager|manager|supervisor|runs the team|day to day|would use|users?)\b/;
const CFO_LIKE = /^(?:cfo|ceo|coo|cmo|cro|owner|founder|president|md|managing (?:director|partner)|chief exec(?:utive)?.*|(?:svp|evp|vp|vice president).*|general manager)$/;
/** A head of a screening function reviews; a head of anything else runs a team that uses it. */
const SCREENING_HEAD = /^head of (?:risk|compliance|internal audit|audit|security|infosec|information security|it|legal|procurement|purchasing|data|technology|engineering|information|architecture)\b/;
const TECH_TITLE = /^(?:cto|cio|ciso|controller|comptroller|general counsel|gc|procurement.*|purchasing.*|it .*|.*(?:engineer|security|infrastructure|it|compliance|legal|network|integration).*)$/;

function titleRole(title: string | null): Role | null {
  if (!title) return null;
  const t = title.toLowerCase().replace(/[.,]/g, '').trim();
  if (/\b(?:econ|owner|cfo|ceo|coo|president|founder|md|managing (?:director|partner)|chief exec(?:utive)?)\b/.test(t)) return 'economic_buyer';
  if (TECH_TITLE.test(t) || /\bit\b/.test(t) || SCREENING_HEAD.test(t)) return 'technical_buyer';
  if (/^head of\b/.test(t)) return 'user_buyer';
  if (CFO_LIKE.test(t) || /\bvp\b|\bvice president\b/.test(t)) return 'economic_buyer';
  if (/\b(?:mgr|manager|director|dir|ops|operations|lead|supervisor|analyst|coordinator|nurse|head)\b/.test(t)) return 'user_buyer';
  return null;
}

/** Display form of a title reference: acronyms upper-case ("CTO"), others as spoken ("VP of construction"). */
function titleName(t: string): string {
  return t.replace(/\b(cfo|ceo|coo|cto|cio|ciso|cmo|cro|cpo|chro|cmio|cno|svp|evp|avp|vp|gc|gm|md|dgm|agm|it|hr)\b/g, (m) => m.toUpperCase());
}

/** "Dr Nkechi Adeyemi" -> "Nkechi Adeyemi": a stakeholder is named without the honorific when a full name remains. */
export function withoutHonorific(name: string): string {
  const parts = name.trim().split(/\s+/);
  let k = 0;
  while (k < parts.length && HONORIFIC.test(parts[k]!)) k++;
  return k > 0 && parts.length - k >= 2 ? parts.slice(k).join(' ') : name;
}

/** A speaker label that is a job title ("CFO", "VP Sales", "Head of IT"): the person is known only by it. */
const TITLE_LABEL = new RegExp(String.raw`^(?:${TITLE}|(?:svp|evp|vp|avp) [a-z]+|head of [a-z ]+|[a-z]+ director|it|procurement|legal|finance|security)$`, 'i');

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
  // lower-case captions: a known given name (or one introduced as a person elsewhere in the call),
  // with the unknown word after it as a surname; after a title ("our vp of finance darnell ward")
  // any word that is not a verb or a function word is the surname
  const toks = [...text.matchAll(NAME_TOKEN)].map(toTok);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const w = stripPossessive(t.w);
    if (w.length < 3 || !((isFirstName(w) && !isCommonWord(w)) || knownFirst.has(nameKey(w)))) continue;
    const next = toks[i + 1];
    const words = [w];
    let end = t.start + w.length;
    const nextW = next ? stripPossessive(next.w) : '';
    const afterTitle = TITLE_BEFORE_NAME_BARE.test(turn.lower.slice(Math.max(0, t.start - 40), t.start));
    const surname = isUnknownWord(nextW) || isLastName(nextW) || (afterTitle && !isFunctionWord(nextW) && !isVerb(nextW) && !isNonPersonProper(nextW));
    if (next && next.start === t.end + 1 && /^[a-z]{3,}$/.test(nextW) && surname && !t.w.endsWith("'s")) {
      words.push(nextW);
      end = next.start + nextW.length;
      i++;
    }
    out.push({ utterance: turn.index, start: t.start, end, words, honorific: false });
  }
  return out;
}

/** A title before a name ("Superintendent Dr. Harold Greene", "Operations Director Graham Petrie"). */
function isTitleWord(run: ReadonlyArray<{ w: string }>, w: string): boolean {
  return run.length > 1 && isCommonWord(w) && !isFirstName(w) && (HONORIFIC.test(run[1]!.w) || isFirstName(stripPossessive(run[1]!.w)));
}

/** Greeting words, shared by the two greeting patterns below. */
const GREETINGS = 'hi|hey|hello|hiya|morning|afternoon|welcome|thanks|cheers|bye';
/** Greetings before a name ("Morning Aisyah", "Kia ora", "Cheers Tom"): never part of it. */
const GREETING_WORD = new RegExp(String.raw`^(?:${GREETINGS}|evening|goodbye|kia|ora|mōrena|morena|howzit|g'day|gday|namaste|salaam|shalom|bonjour|hola|ciao)$`, 'i');

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
      // a title before the name ("Superintendent Dr. Harold Greene", "Professor Adaeze Nwosu" keeps its honorific)
      if (/^I(?:['’](?:m|d|ll|ve))?$/.test(w) || GREETING_WORD.test(w) || isNonPersonProper(w) || isFunctionWord(w) || (initial && run.length === 1 && isCommonWord(w) && !isFirstName(w)) || (initial && nextIsName && !isFirstName(w)) || isTitleWord(run, w)) {
        run = run.slice(1);
        continue;
      }
      break;
    }
    // cut at a non-person word (place, month, organisation); an ordinary word is still a surname
    // right after a given name in an appositive ("our head nurse, Bronwen Price")
    let cut = -1;
    for (let k = 1; k < run.length && cut < 0; k++) {
      const w = stripPossessive(run[k]!.w);
      if (isNonPersonProper(w)) cut = k;
      else if (isCommonWord(w) && !(k === 1 && run.length === 2 && !isFunctionWord(w) && !NOT_NAME_WORD.test(w) && (isLastName(w) || APPOSITIVE_BEFORE.test(turn.lower.slice(Math.max(0, run[0]!.start - 50), run[0]!.start))))) cut = k;
    }
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
    const person = newPerson(nextId++, withoutHonorific(p.name), c.sides.get(p.name) ?? 'unknown', true);
    person.speaker = p.name;
    person.email = p.email;
    person.title = p.title;
    if (!p.title && TITLE_LABEL.test(p.name.trim())) {
      // "CFO:" speaks: the person is the holder of the title ("your CFO" is them)
      person.title = titleName(p.name.trim().toLowerCase());
      person.first = null;
      person.last = null;
    }
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
    let k = knownByKey.get(nameKey(p.name)) ?? (p.email ? known.find((x) => x.email && x.email.toLowerCase() === p.email!.toLowerCase()) : undefined);
    // "Pieter" in this call's attendee list is the deal's Pieter van der Merwe from an earlier call
    if (!k && p.first && !p.last && !p.titleOnly) {
      const same = known.filter((x) => splitName(x.name).first === p.first);
      if (same.length === 1 && !all.some((o) => o !== p && o.first === p.first)) {
        k = same[0]!;
        Object.assign(p, { name: k.name, key: nameKey(k.name), last: splitName(k.name).last });
      }
    }
    if (k) {
      p.priorRole = k.role;
      p.title ??= k.title;
    }
  }

  const lowerCaseText = c.turns.every((t) => !/\p{Lu}/u.test(t.text.replace(/\b(?:I|I'm|I'd|I'll|I've)\b/g, '')));

  // pass 1: candidates
  const knownFirst = new Set<string>([...all.map((p) => p.first ?? ''), ...known.map((k) => splitName(k.name).first ?? '')].filter(Boolean));
  if (lowerCaseText) for (const w of introducedLowerNames(c)) knownFirst.add(w);
  const cands: Array<{ cand: Candidate; turn: Turn; sentence: { start: number; end: number } }> = [];
  for (const turn of c.turns) {
    if (turn.header || ATTENDEE_LINE.test(turn.text)) continue;
    const lc = lowerCaseText || !/\p{Lu}/u.test(turn.text.replace(/\bI\b/g, ''));
    // a CRM field's label ("Economic Buyer: ...", "Identify Pain: ...") names no one
    const labelEnd = turn.field ? turn.text.search(/[:=]/) : -1;
    for (const s of turn.sentences) for (const cand of nameCandidates(turn, s.start, s.end, lc, knownFirst)) if (cand.start > labelEnd) cands.push({ cand, turn, sentence: s });
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
      // a speaker known by the given name alone ("Hana:") saying or hearing their full name ("Hana Kobayashi.")
      const firstOnly = all.filter((p) => p.present && p.speaker && p.first === words[0] && p.last === null && !p.titleOnly);
      if (!initial && firstOnly.length === 1 && !all.some((p) => p.first === words[0] && p.last !== null)) {
        const p = firstOnly[0]!;
        p.name = cand.words.join(' ');
        p.key = key;
        p.last = last;
        return p;
      }
      // the first words of a longer known name ("Mei Lin" of "Mei Lin Tan", "Ana Belén" of "Ana Belén Ruiz")
      const prefix = all.filter((p) => p.key.startsWith(`${key} `));
      if (prefix.length === 1) return prefix[0]!;
      if (prefix.length > 1) return 'ambiguous';
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
  // "Ola from procurement", "hye-jin from IT" are colleagues; "Luc Bergeron from ShelfSight" is not
  const fromDepartment = (after: string) => {
    const from = /^\s*from\s+([\p{L}]+)/u.exec(after);
    return !!from && DEPARTMENTS.test(from[1]!);
  };
  /** Described right after the name as another company's person ("Niamh Kehoe, their outside solicitor at Hegarty & Co"). */
  const outsiderAfter = (cand: Candidate, turn: Turn): boolean => {
    const after = turn.text.slice(cand.end, cand.end + 60);
    return THIRD_PARTY_AFTER.test(after) && !fromDepartment(after);
  };
  /** Named as another company's person, before or after the name ("their rep, Gianni Russo"). */
  const thirdPartyContext = (cand: Candidate, turn: Turn): boolean => {
    const before = turn.text.slice(Math.max(0, cand.start - 60), cand.start).toLowerCase();
    const after = turn.text.slice(cand.end, cand.end + 60);
    return (THIRD_PARTY_BEFORE.test(before) || (!c.notes && THIRD_PARTY_THEIR.test(before)) || THIRD_PARTY_AFTER.test(after)) && !fromDepartment(after);
  };
  const accept = (cand: Candidate, turn: Turn): boolean => {
    const before = turn.text.slice(Math.max(0, cand.start - 60), cand.start);
    const after = turn.text.slice(cand.end, cand.end + 60);
    const prevWord = /([\p{L}'’]+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    const firstKey = nameKey(cand.words[0]!);
    if (cand.words.length === 1 ? DETERMINER.has(prevWord) : /^(?:the|a|an)$/.test(prevWord)) return false;
    if (cand.words.length === 1 && (attributive.has(firstKey) || thirdParty.has(firstKey))) return false;
    if (thirdPartyContext(cand, turn)) {
      thirdParty.add(firstKey);
      return false;
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
      // "Mr. Sethi", "Dr. Okafor": an honorific makes a person of a surname alone
      if (cand.honorific && !isCommonWord(w) && !isNonPersonProper(w)) return true;
      const introduced = lowerCaseText && knownFirst.has(nameKey(w));
      if (!isFirstName(w) && !introduced) return false;
      if (!introduced && nextWord && /^\p{Ll}/u.test(nextWord) && isNoun(nextWord) && !/^(?:on|from|and|said|says)$/.test(nextWord)) return false;
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
  // a person named once in passing and elsewhere described as another company's ("Niamh Kehoe, their
  // outside solicitor at Hegarty & Co") is a third party wherever else they are named
  const outsiders = new Set<Person>();
  for (const item of ordered) {
    const r = resolve(item.cand);
    if (r === 'ambiguous') continue;
    if (r) {
      if (!r.present && outsiderAfter(item.cand, item.turn)) outsiders.add(r);
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
  for (const p of outsiders) {
    all.splice(all.indexOf(p), 1);
    for (const [k, list] of mentionsIn) mentionsIn.set(k, list.filter((m) => m.person !== p));
  }
  for (const list of mentionsIn.values()) list.sort((a, b) => a.start - b.start);

  linkInitials(c, all, mentionsIn);
  linkTitles(c, all, mentionsIn, () => nextId++);
  if (c.notes) markPresentByActs(c, mentionsIn);
  assignRoles(c, all, mentionsIn);
  return { all, bySpeaker, mentionsIn };
}

/**
 * Acts that only someone on the call does, written right after their name in notes: "Gideon
 * Achterberg (COO) joined for the last 20 minutes", "Mei-Ling walked Farah through the backlog",
 * "Ravi answered: ...". Notes without an attendee list name the people in the room this way.
 */
const ACT_IN_CALL = /^(?:\s*\([^)]{0,60}\))?\s*(?:(?:also|then|later|finally|quickly|only) )?(?:joined|dropped(?: off| out)?|left (?:at|early|after|before)|walked (?:us|me|[\p{Lu}][\p{L}'’-]+) through|answered|replied|told (?:us|me)\b|put it (?:as|like this)|was (?:more |less |very |quite )?(?:guarded|quiet|keen|positive|sceptical|skeptical|enthusiastic|cautious|engaged|direct|blunt)|led (?:for|the call|the meeting)|did most of the talking|asked (?:us|me|about|whether|if|what|how|why|when|who)|said[,:]?\s*["“])/u;
/** Hearsay: the act happened elsewhere ("Seo apparently said", "per M, Seo said"). */
const HEARSAY = /\b(?:apparently|reportedly|per|according to|heard|told (?:her|him|them))\b[^.]{0,40}$/i;

function markPresentByActs(c: Conversation, mentionsIn: People['mentionsIn']) {
  for (const turn of c.turns) {
    if (turn.header) continue;
    for (const m of mentionsIn.get(turn.index) ?? []) {
      const p = m.person;
      if (p.present || p.side !== 'buyer' || p.titleOnly) continue;
      if (ACT_IN_CALL.test(turn.text.slice(m.end, m.end + 80)) && !HEARSAY.test(turn.text.slice(Math.max(0, m.start - 60), m.start))) p.present = true;
    }
  }
}

const LOWER_PERSON_AFTER = /\b([a-z][a-z'’-]{2,})(?:\s+([a-z][a-z'’-]{2,}))?(?=,?\s+(?:he|she)(?:'s|’s| is| was| runs| does| has| handles| owns| signs| will|'ll| said| says| wants)\b)/g;
const LOWER_AFTER_TITLE = new RegExp(String.raw`\b(?:our|my|your|the) ${TITLE}\s*,?\s+([a-z][a-z'’-]{2,})`, 'g');
/** Someone who could not come: "jun's out sick", "raj is off today" (only people are out sick). */
const LOWER_ABSENT = /\b([a-z][a-z'’-]{2,})(?:'s|’s| is) (?:out sick|out today|off sick|off today|on leave|on holiday|on vacation|not feeling well|out of office|ooo)\b/g;

/**
 * Words of lower-case captions that the call itself introduces as a person although the lexicon
 * does not know them as given names: "aigerim bekova, she's the director", "our cfo renee".
 */
function introducedLowerNames(c: Conversation): Set<string> {
  const out = new Set<string>();
  for (const t of c.turns) {
    for (const re of [LOWER_PERSON_AFTER, LOWER_AFTER_TITLE]) {
      re.lastIndex = 0;
      for (const m of t.lower.matchAll(re)) {
        const w = m[1]!;
        if ((isUnknownWord(w) || isFirstName(w)) && !isNonPersonProper(w)) out.add(nameKey(w));
      }
    }
    for (const m of t.lower.matchAll(LOWER_ABSENT)) {
      const w = m[1]!;
      if (!isFunctionWord(w) && !isNoun(w) && !isVerb(w)) out.add(nameKey(w));
    }
  }
  return out;
}

const SELF_INTRO = /\b(?:it's|it is|this is|i'm|i am|my name is|name's)\s+([\p{L}'’-]{3,})(?:\s+([\p{L}'’-]{2,}))?/giu;
/** A name right after a greeting or an acknowledgement is said to someone: "hi nadia", "no worries dolores", "makes sense, Lucia". */
const GREETING = new RegExp(String.raw`\b(?:${GREETINGS}|thank you|no worries|no problem|makes sense|got it|fair enough|sounds good|of course|understood|perfect|great|okay|ok|right|sure|love it|appreciate (?:it|that))[,!.\s]+([\p{L}'’-]{3,})(?![\p{L}'’])`, 'giu');
/** After a self-introduced name: a surname, the end, or words that go with an introduction ("it's wanjiru kamau from category"). */
const INTRO_TAIL = /^(?:$|[,.!?]|\s+(?:from|here|speaking|calling|with|at|on|and|in)\b)/iu;

/**
 * "Speaker 2" and phone numbers get a name from the call: what they call themselves ("it's
 * wanjiru kamau"), and the name others use when they answer them or hand them the word. A name
 * said to someone at the start or end of a turn ("No problem, Lucia.", "raymond anything from your
 * side", "hi nadia") votes for the speaker before and the speaker after that turn; the votes of the
 * whole call decide, most certain speaker first, one name per speaker.
 */
function resolveGenericSpeakers(c: Conversation, all: Person[]) {
  const generic = all.filter((p) => p.speaker && GENERIC_SPEAKER.test(p.speaker));
  if (generic.length === 0) return;
  const taken = new Set(all.filter((p) => !generic.includes(p)).map((p) => p.first ?? '').filter(Boolean));
  const isGeneric = (speaker: string | undefined) => !!speaker && generic.some((g) => g.speaker === speaker);
  const votes = new Map<string, Map<string, number>>();
  const vote = (speaker: string | undefined, name: string, n: number) => {
    if (!speaker || !isGeneric(speaker)) return;
    const m = votes.get(speaker) ?? new Map<string, number>();
    m.set(name, (m.get(name) ?? 0) + n);
    votes.set(speaker, m);
  };
  const nameLike = (w: string, introduced: ReadonlySet<string>) => {
    const k = nameKey(w);
    return k.length >= 3 && !taken.has(k) && (introduced.has(k) || (isFirstName(w) && !isCommonWord(w)) || (/^\p{Lu}/u.test(w) && isUnknownWord(w)));
  };
  // self-introductions first: they also make the name known for the vocatives
  const introduced = new Set<string>();
  for (const t of c.turns) {
    if (!isGeneric(t.speaker)) continue;
    for (const m of t.text.matchAll(SELF_INTRO)) {
      const w = m[1]!;
      if (isCommonWord(w) && !isFirstName(w)) continue;
      if (isFunctionWord(w) || isNonPersonProper(w)) continue;
      // an unknown word is a name only when what follows fits an introduction ("it's wanjiru kamau
      // from category"), not any word after "it's" ("it's brutal we've got...")
      if (!isFirstName(w)) {
        const firstEnd = (m.index ?? 0) + m[0].indexOf(w) + w.length;
        const second = m[2];
        const surname = second !== undefined && (isUnknownWord(second) || isLastName(second)) && !isFunctionWord(second);
        const tail = surname ? t.text.slice((m.index ?? 0) + m[0].length) : t.text.slice(firstEnd);
        if (!INTRO_TAIL.test(tail)) continue;
      }
      introduced.add(nameKey(w));
      vote(t.speaker, nameKey(w), 4);
    }
  }
  for (let k = 0; k < c.turns.length; k++) {
    const t = c.turns[k]!;
    const prev = c.turns[k - 1]?.speaker;
    const next = c.turns[k + 1]?.speaker;
    const addressed = new Set<string>();
    const first = /^[\s,]*(?:(?:hi|hey|hello|so|and|ok|okay|right|great|perfect|sorry|thanks|thank you|no problem|got it)[,!.\s]+)*([\p{L}'’-]{3,})[,?!.\s]/iu.exec(t.text);
    if (first) addressed.add(first[1]!);
    const last = /[,\s]([\p{L}'’-]{3,})[.?!]*\s*$/u.exec(t.text);
    if (last) addressed.add(last[1]!);
    for (const m of t.text.matchAll(GREETING)) addressed.add(m[1]!);
    for (const s of t.sentences) {
      // "Lucia, ...", "..., Lucia?", and in unpunctuated captions a name opening the sentence ("raymond anything from your side")
      const m = /^(?:(?:hi|hey|so|and|ok|okay|right)[,\s]+)*([\p{L}'’-]{3,})\b/iu.exec(s.text) ?? /,\s*([\p{L}'’-]{3,})[.?!]+$/u.exec(s.text);
      if (m) addressed.add(m[1]!);
    }
    for (const w of addressed) {
      if (!nameLike(w, introduced)) continue;
      // a name followed by a verb or an 's is talked about, not talked to ("jun's out sick", "kwabena signs")
      const at = t.text.search(new RegExp(`(?<![\\p{L}'’])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'));
      const after = at >= 0 ? t.text.slice(at + w.length, at + w.length + 30) : '';
      if (/^['’]s\b/.test(after)) continue;
      const nextWord = /^\s+([\p{L}'’]+)/u.exec(after)?.[1] ?? '';
      if (nextWord && isVerb(nextWord) && !/^(?:let|thanks|thank|can|could|would|will|do|did|are|is)$/i.test(nextWord)) continue;
      const key = nameKey(w);
      if (prev !== t.speaker) vote(prev, key, 1);
      if (next !== t.speaker) vote(next, key, prev === next ? 2 : 1);
    }
  }
  const order = generic
    .filter((g) => votes.has(g.speaker!))
    .map((g) => ({ g, best: [...votes.get(g.speaker!)!].sort((a, b) => b[1] - a[1]) }))
    .sort((a, b) => b.best[0]![1] - a.best[0]![1]);
  const used = new Set<string>();
  for (const { g, best } of order) {
    const pick = best.find(([name, n]) => !used.has(name) && n >= 2);
    if (!pick) continue;
    used.add(pick[0]);
    const w = pick[0];
    // a full name used elsewhere ("nadia haddad", "Lucia Fernandez")
    const re = new RegExp(`\\b${w}\\s+([\\p{L}'’-]+)`, 'iu');
    let full = w;
    for (const u of c.turns) {
      const mm = re.exec(u.text);
      if (mm && (isUnknownWord(mm[1]!) || isLastName(mm[1]!)) && !isFunctionWord(mm[1]!)) {
        full = `${w} ${mm[1]}`;
        break;
      }
    }
    g.name = full.split(' ').map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(' ');
    g.key = nameKey(g.name);
    const sp = splitName(g.name);
    g.first = sp.first;
    g.last = sp.last;
  }
}

const NOT_INITIALS = new Set(['IT', 'HR', 'VP', 'AE', 'SE', 'PM', 'AM', 'QA', 'OK', 'US', 'UK', 'EU', 'CEO', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'CPO', 'GM', 'MD', 'SSO', 'API', 'ERP', 'CRM', 'ROI', 'KPI', 'SLA', 'SOC', 'TBD', 'FYI', 'EOD', 'EOW', 'ASAP', 'POC', 'RFP', 'NDA', 'MSA', 'DPA', 'SOW', 'PO']);

/** Where a lone capital is someone's initial: after "asked", "per" or "w/", or opening a clause before a colon, an arrow or a verb. */
function isSingleInitial(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  const after = text.slice(at + 1, at + 14);
  if (/\b(?:asked|per|w\/|with)\s$/.test(before)) return true;
  const opensClause = at === 0 || /(?:^|[.;:,(]|\band)\s+$/.test(before) || /^\s+$/.test(text.slice(0, at));
  return opensClause && /^(?:\s*(?::|→|->)|\s+(?:says|said|thinks|thought|wants|setting|sending|sends|to|will|is|was|has|had|agreed|offered|asked|confirmed|owns|runs|booked|walked|ran|already|also)\b)/.test(after);
}
/** Initials typed notes use for a person ("JB: budget is hers", "MOH wants it under 40 min") are mentions of them. */
function linkInitials(c: Conversation, all: Person[], mentionsIn: People['mentionsIn']) {
  const byInitials = new Map<string, Person | null>();
  for (const p of all) {
    if (p.titleOnly || !p.name.includes(' ')) continue;
    const ini = withoutHonorific(p.name).split(/[\s-]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase()).join('');
    if (ini.length < 2 || NOT_INITIALS.has(ini)) continue;
    byInitials.set(ini, byInitials.has(ini) ? null : p);
  }
  if (!c.notes) return;
  // shorthand by one letter for a buyer in the room, where it can only be a person: "asked M: ...",
  // "per M", "M says ...", "M setting up mtg w/ Seo" (never I, nor the A and Q of Q&A notes)
  const byLetter = new Map<string, Person | null>();
  for (const p of all) {
    if (!p.present || p.side !== 'buyer' || p.titleOnly || !p.first) continue;
    const k = p.first.charAt(0).toUpperCase();
    if (k !== 'I' && k !== 'A' && k !== 'Q') byLetter.set(k, byLetter.has(k) ? null : p);
  }
  for (const [k, p] of byLetter) if (p) byInitials.set(k, p);
  if (byInitials.size === 0) return;
  for (const turn of c.turns) {
    if (turn.header) continue;
    for (const m of turn.text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{1,4})(?![\p{L}\p{N}])/gu)) {
      if (m[1]!.length === 1 && !isSingleInitial(turn.text, m.index ?? 0)) continue;
      const p = byInitials.get(m[1]!);
      if (!p) continue;
      const start = m.index ?? 0;
      const list = mentionsIn.get(turn.index) ?? [];
      if (list.some((x) => x.start === start)) continue;
      p.mentions.push({ utterance: turn.index, start, end: start + m[1]!.length });
      list.push({ person: p, start, end: start + m[1]!.length });
      list.sort((a, b) => a.start - b.start);
      mentionsIn.set(turn.index, list);
    }
  }
}

/** Links "our CFO" to the person who holds that title; otherwise a title-only stakeholder. */
function linkTitles(c: Conversation, all: Person[], mentionsIn: People['mentionsIn'], id: () => number) {
  // titles stated next to a name (each pattern needs its punctuation next to the name: checked first, cheaply)
  for (const turn of c.turns) {
    const list = mentionsIn.get(turn.index) ?? [];
    if (list.length === 0) continue;
    const lowerCaseTurn = !/\p{Lu}/u.test(turn.text);
    for (const m of list) {
      if (m.person.title) continue;
      const after = turn.text.slice(m.end, m.end + 60);
      const before = turn.text.slice(Math.max(0, m.start - 50), m.start);
      const a =
        (/^\s*[,(=-]/.test(after) ? TITLE_AFTER_NAME.exec(after) : null) ??
        (/[,(]\s*$/.test(before) ? TITLE_BEFORE_NAME.exec(before) : null) ??
        (lowerCaseTurn ? TITLE_BEFORE_NAME_BARE.exec(before) : null);
      if (a) {
        m.person.title = titleName(a[1]!.toLowerCase());
        continue;
      }
      const pr = /^(?:['’]s|\s+is|\s*,?\s*(?:he|she))\b/i.test(after) ? (PRONOUN_TITLE.exec(after.slice(0, 40)) ?? IS_OUR_TITLE.exec(after) ?? /^'s (?:the|our) ([a-z ]+?)\b(?:\s|$|,)/i.exec(after)) : null;
      if (pr) {
        m.person.title = titleName(pr[1]!.toLowerCase());
        continue;
      }
      // "Ola from procurement", "hye-jin from IT": the department is the title
      const dept = /^\s+(?:from|in|runs|heads|leads) (it|procurement|purchasing|security|infosec|legal|compliance|finance)\b/i.exec(after);
      if (dept && (dept[1] !== 'it' || /^\s+\S+ IT\b/.test(after) || lowerCaseTurn)) m.person.title = titleName(dept[1]!.toLowerCase());
    }
    // "He's the CFO" after a name earlier in the same turn
    const pt = PRONOUN_TITLE.exec(turn.text);
    if (pt && list.length > 0) {
      const at = pt.index;
      const prev = list.filter((m) => m.end <= at).pop();
      if (prev && !prev.person.title && !prev.person.present) prev.person.title = titleName(pt[1]!.toLowerCase());
    }
  }
  // notes: a present attendee known only by a title ("Them: the VP Ops") is mentioned by it bare ("VP Ops joined at 10:15")
  if (c.notes) {
    for (const p of all.filter((x) => x.titleOnly && x.present)) {
      const re = new RegExp(String.raw`(?<![\p{L}])${p.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}])`, 'gu');
      for (const turn of c.turns) {
        if (turn.header) continue;
        for (const m of turn.lower.matchAll(re)) {
          const start = m.index ?? 0;
          if ((mentionsIn.get(turn.index) ?? []).some((x) => x.start <= start && x.end > start)) continue;
          addTitleMention(p, { turn, start, end: start + m[0].length }, mentionsIn);
        }
      }
    }
  }
  // title references
  const refs: Array<{ turn: Turn; title: string; start: number; end: number; possessive: string }> = [];
  for (const turn of c.turns) {
    if (turn.header || turn.field) continue;
    for (const m of turn.lower.matchAll(TITLE_REF)) {
      const possessive = m[1]!;
      const buyerVoice = turn.side !== 'seller' || c.notes;
      // "the CFO" of their company, but not "I'm the managing director" (a title of someone in the room)
      if (possessive === 'the' && (!buyerVoice || !THE_TITLE.test(m[2]!) || /\b(?:i'm|i am|i was|he's|she's|he is|she is|is|was|as|being|be|been)\s+$/.test(turn.lower.slice(Math.max(0, (m.index ?? 0) - 14), m.index ?? 0)))) continue;
      if (possessive === 'their' && !c.notes) continue;
      if (possessive === 'your' ? turn.side !== 'seller' || c.notes : !buyerVoice) continue;
      // in notes "our" is the author's company, unless it is inside a buyer's quoted words
      if (c.notes && (possessive === 'our' || possessive === 'my') && !quotedSpans(turn.text).some((q) => (m.index ?? 0) > q.start && (m.index ?? 0) < q.end)) continue;
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

/** The seller asks who holds the decision ("Who would make the final call?", "who signs off on the spend?"). */
const WHO_DECIDES = /\bwho(?:'s| is| would be| will be)? (?:ultimately |actually |really )?(?:makes?|would make|has|holds?|owns?|signs?|approves?|decides?|controls?)\b[^?]{0,30}(?:\?|$)|\bwho(?:'s| is) the (?:decision maker|economic buyer|budget holder)\b/;

/** Evidence of each person's part in the decision, from the sentences about them and their own words. */
function assignRoles(c: Conversation, all: Person[], mentionsIn: People['mentionsIn']) {
  const bySpeaker = new Map(all.filter((p) => p.speaker).map((p) => [p.speaker!, p]));
  // the person a buyer names in answer to "who decides?" holds the decision
  if (!c.notes) {
    for (const turn of c.turns) {
      if (turn.side !== 'seller' || !turn.isQuestion || !WHO_DECIDES.test(turn.lower)) continue;
      const reply = c.turns.slice(turn.index + 1, turn.index + 3).find((t) => t.side === 'buyer');
      if (!reply) continue;
      const first = reply.sentences[0];
      const named = (mentionsIn.get(reply.index) ?? []).filter((m) => !m.person.present && m.person.side === 'buyer' && (!first || m.start < first.end + 1));
      // not when the answer says they only screen it ("Dev, our IT lead, has to sign off the integration")
      const screening = first && (SCREENING_CONTEXT.test(reply.lower.slice(first.start, first.end)) || TECHNICAL_CUES.test(reply.lower.slice(first.start, first.end)));
      if (!screening && named.length >= 1 && new Set(named.map((m) => m.person)).size === 1) named[0]!.person.role.economic += 2;
    }
  }
  for (const turn of c.turns) {
    if (turn.header) continue;
    const list = mentionsIn.get(turn.index) ?? [];
    let last: Person | null = null;
    for (const s of clauses(turn)) {
      const lower = turn.lower.slice(s.start, s.end);
      const inClause = list.filter((m) => m.start >= s.start && m.end <= s.end);
      const inS = inClause.map((m) => m.person);
      let about = inS.filter((p) => !(p.present && p.speaker === turn.speaker && !c.notes));
      if (about.length === 0 && last && (/\b(?:he|she|he's|she's|his|her|him)\b/.test(lower) || (c.notes && /^\s*(?:signs?|approves?|owns?|holds?|controls?|runs?|makes?|has|decides?)\b/.test(lower)))) about = [last];
      if (about.length > 0) last = about[about.length - 1]!;
      // questions and hypotheticals say nothing about anyone's part in the decision
      const fact = !NOT_A_FACT.test(lower);
      if (about.length > 0 && fact) {
        const econ = ECONOMIC_CUES.exec(lower);
        const screening = econ && /\bsign/.test(econ[0]) && SCREENING_CONTEXT.test(lower) && !MONEY_CONTEXT.test(lower);
        // a cue belongs to the person named last before it ("Nkechi walked me through it: Callum signs...")
        let p = about[0]!;
        if (econ && inClause.length > 1) {
          const at = s.start + econ.index;
          const before = inClause.filter((m) => m.end <= at && about.includes(m.person));
          if (before.length > 0) p = before[before.length - 1]!.person;
        }
        const influence = INFLUENCER_CUES.test(lower);
        if (influence) p.role.influencer += 2;
        if (econ && !screening && !influence) p.role.economic += 2;
        else if (/\bgoes to\b/.test(lower)) p.role.economic += 1;
        if (screening || TECHNICAL_CUES.test(lower) || /\bIT\b/.test(turn.text.slice(s.start, s.end)) || (!/\p{Lu}/u.test(turn.text) && /\b(?:from|in|runs|heads|leads) it\b(?:\s+(?:with|for|side|team|department)|[,.]|$)/.test(lower))) p.role.technical += 1;
        if (/\bon my team\b|\bmy team\b|\bops\b|\boperations\b/.test(lower)) p.role.user += 1;
      }
      const self = bySpeaker.get(turn.speaker);
      if (self && self.side === 'buyer' && !c.notes) {
        if (fact && SELF_ECONOMIC.test(lower)) self.role.economic += 2;
        if (USER_CUES.test(lower)) self.role.user += 0.5;
        if (turn.isQuestion && /\b(?:sso|saml|mfa|single sign-on|identity provider|api|apis|integration|integrate|security|soc ?2|hosted|hosting|data|export|vlan|residency|migration|convert|backup|offline|baa|encryption|tms|pms|timeclocks?|sensors?|imaging|interface|epic|storage|network|wi-?fi|firewall|permissions|server|servers|ingest|s3|feed|sync|connect|connection|gateway|sla|validation|validated|tenant|azure|aws|gcp|on-prem|deploy|deployment|install|installation|documentation|historian|scada|opc)\b/.test(lower)) self.role.technical += 1;
        if (/\b(?:from the it side|i run it|runs? compliance|procurement side|security review)\b/.test(lower)) self.role.technical += 1;
        if (fact && SELF_TECHNICAL.test(lower)) self.role.technical += 2;
      }
    }
  }
}

/** The person's role in the decision, from the cues gathered and their title. */
export function decideRole(p: Person, hasEconomic: boolean): Role {
  const r = p.role;
  const byTitle = titleRole(p.title);
  if (r.economic >= 2) return 'economic_buyer';
  // said to shape the decision without holding it, whatever the title ("our CEO loves it, but it's not his budget")
  if (r.influencer >= 2) return 'influencer';
  // a senior title on the call is not the economic buyer when the call names someone else who is
  const titleEconomic = byTitle === 'economic_buyer';
  if (titleEconomic && !(hasEconomic && r.economic === 0 && p.present)) return 'economic_buyer';
  if (p.priorRole && p.priorRole !== 'unknown') return p.priorRole;
  if (byTitle && !titleEconomic) return byTitle;
  if ((r.technical >= 2 && r.technical > r.user) || (!p.present && r.technical >= 1 && r.technical > r.user)) return 'technical_buyer';
  if (r.economic >= 1 && !hasEconomic) return 'economic_buyer';
  if (r.user > 0 || p.present) return 'user_buyer';
  return 'unknown';
}
