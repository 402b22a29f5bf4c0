/**
 * What counts as a person's name in a speaker label, and how names are spelled and compared.
 *
 * Upper-case labels (`RACHEL KIM:`) are title-cased (`Rachel Kim`) so the same person is spelled
 * the same way across formats; role acronyms (`CFO`, `VP`, `IT`) stay upper-case. Other spellings
 * are kept as written.
 */
import { isRoleLabel } from './roles.ts';

const PARTICLES = new Set([
  'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'van', 'von',
  'bin', 'binti', 'ibn', 'al', 'el', 'y', 'e', 'ter', 'ten', 'zu', 'af', 'av', 'of',
]);

/** Acronyms kept upper-case when an all-caps label is title-cased. */
const ACRONYMS = new Set([
  'CEO', 'CFO', 'CTO', 'COO', 'CIO', 'CISO', 'CMO', 'CRO', 'CPO', 'CHRO', 'CSO', 'CDO', 'CCO', 'CMIO',
  'VP', 'SVP', 'EVP', 'AVP', 'GM', 'IT', 'HR', 'AE', 'SE', 'SA', 'SDR', 'BDR', 'CSM', 'AM', 'PM', 'QA',
  'RN', 'MD', 'DDS', 'DMD', 'PHD', 'MBA', 'CPA', 'II', 'III', 'IV', 'US', 'UK', 'EU', 'ERP', 'RCM',
]);

/** Words that start prose or note lines with a colon ("Note: ...") and are never speakers. */
const STOP_LABELS = new Set([
  'note', 'notes', 'nb', 'ps', 'fyi', 'todo', 'to do', 'tbd', 'edit', 'update', 'updates', 'important',
  'warning', 'tip', 'example', 'e.g', 'i.e', 'eg', 'ie', 'also', 'summary', 'agenda', 'date', 'time',
  'subject', 'attendees', 'participants', 'present', 'absent', 're', 'fwd', 'from', 'to', 'cc', 'bcc',
  'title', 'location', 'duration', 'meeting', 'call', 'topic', 'topics', 'recording', 'transcript',
  'source', 'link', 'links', 'url', 'http', 'https', 'mailto', 'ftp', 'email', 'phone', 'tel', 'fax',
  'budget', 'timeline', 'timing', 'pricing', 'price', 'cost', 'costs', 'decision', 'decisions',
  'outcome', 'outcomes', 'status', 'owner', 'owners', 'risk', 'risks', 'concern', 'concerns',
  'blocker', 'blockers', 'competitor', 'competitors', 'competition', 'context', 'background', 'goal',
  'goals', 'objective', 'objectives', 'question', 'questions', 'answer', 'answers', 'q', 'a',
  'result', 'results', 'takeaway', 'takeaways', 'highlights', 'requirements', 'pain', 'pains',
  'challenges', 'issues', 'issue', 'priority', 'priorities', 'deadline', 'deadlines', 'champion',
  'why', 'what', 'how', 'when', 'where', 'who', 'quote', 'feedback', 'comment', 'comments',
  'reminder', 'translation', 'disclaimer', 'caveat', 'verdict', 'action', 'actions', 'action items',
  'next', 'next steps', 'follow up', 'follow-up', 'followup', 'conclusion', 'conclusions', 'overview',
  'recap', 'intro', 'introduction', 'bottom line', 'headline', 'key', 'keys', 'day', 'week', 'total',
  'step', 'steps', 'phase', 'part', 'section', 'chapter', 'slide', 'page', 'booked', 'scheduled',
  'confirmed', 'cancelled', 'canceled', 'done', 'pending', 'open', 'closed', 'yes', 'no', 'ok', 'okay',
  'warning', 'error', 'info', 'debug', 'tags', 'tag', 'category', 'type', 'stage', 'deal', 'account',
  'company', 'customer name', 'contact', 'contacts', 'role', 'roles', 'team', 'product', 'products',
  'metrics', 'process', 'paper process', 'economic buyer', 'decision criteria', 'decision process',
  'identify pain', 'econ buyer', 'stakeholders', 'stakeholder', 'internal', 'external',
]);

const GENERIC_SPEAKER =
  /^(?:speaker|spk|participant|guest|caller|attendee|person|unknown speaker|interviewer|interviewee|host|moderator|customer|prospect|rep|user|agent)(?:[ _-]?\d{1,3}|[ _-][A-Za-z])?$/i;
const PHONE = /^\+?[\d\s().-]{7,24}$/;
const WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u;
const LOWER_PREFIXED = /^(?:d|l|o)['’]\p{L}/u;

export interface NameOptions {
  /** Accept any letter case (caption ASR output); default false requires capitalised words. */
  anyCase?: boolean;
}

/** A per-run cache for string functions: speaker names repeat on every turn. */
export function memoize<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Case- and space-insensitive key under which participants are matched. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Removes control and zero-width characters and collapses spaces. */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const s = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060\ufeff]/g, ' ');
  return s.replace(/\s+/g, ' ').trim().slice(0, 200).trim();
}

export function isGenericSpeaker(name: string): boolean {
  return name.length <= 40 && GENERIC_SPEAKER.test(name);
}

export function isAcronym(word: string): boolean {
  return ACRONYMS.has(word.replace(/[.]/g, '').toUpperCase());
}

export function isStopLabel(name: string): boolean {
  return STOP_LABELS.has(nameKey(name));
}

function isPhone(name: string): boolean {
  return PHONE.test(name) && (name.match(/\d/g)?.length ?? 0) >= 7;
}

/** Labels repeat on every turn, so verdicts are remembered (bounded, cleared when full). */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 5000;

/** Whether a speaker label looks like a person's name, a numbered speaker, a role (`Customer (Ops)`) or a phone. */
export function isNameLike(raw: string, opts: NameOptions = {}): boolean {
  const key = (opts.anyCase ? '1' : '0') + raw;
  let v = verdicts.get(key);
  if (v === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    v = judgeName(raw, opts);
    verdicts.set(key, v);
  }
  return v;
}

function judgeName(raw: string, opts: NameOptions): boolean {
  const name = raw.trim();
  if (name.length === 0 || name.length > 60) return false;
  if (isStopLabel(name)) return false;
  if (isGenericSpeaker(name) || isPhone(name) || isRoleLabel(name)) return true;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  if (!words.every((w) => WORD.test(w))) return false;
  if (opts.anyCase) return true;
  const first = words[0] ?? '';
  if (!startsUpper(first) && !LOWER_PREFIXED.test(first)) return false;
  return words.every((w) => startsUpper(w) || PARTICLES.has(w.toLowerCase()) || LOWER_PREFIXED.test(w));
}

function startsUpper(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** `RACHEL KIM` becomes `Rachel Kim` (acronyms such as `CFO` stay); anything else is kept. */
export function displayName(raw: string): string {
  const name = cleanName(raw);
  if (!/\p{Lu}/u.test(name) || /\p{Ll}/u.test(name)) return name;
  return name
    .split(' ')
    .map((w) => (isAcronym(w) || /\d/.test(w) ? w : titleCaseWord(w)))
    .join(' ');
}

function titleCaseWord(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  let upNext = true;
  for (const ch of lower) {
    out += upNext ? ch.toUpperCase() : ch;
    upNext = ch === '-' || ch === "'" || ch === '’' || ch === '.' || ch === '(';
  }
  return out;
}
