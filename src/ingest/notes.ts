/**
 * Typed call notes: no speakers, the whole text is the seller's notes. Every non-empty line or
 * bullet becomes one utterance, written as-is except for the list marker, heading hashes and
 * whole-line emphasis (`**Context**` -> `Context`), so quotes from it can be found word for word.
 */
import { attendeeListOf, firstSentence, isOwnSideLine, parseAttendee, parseAttendees, splitTopLevel, type Attendee } from './attendees.ts';
import { isNameLike } from './names.ts';
import { endsWithTitleWord, roleSide } from './roles.ts';
import { hasWordChar, isHeading, isRule, splitLines, stripBullet, stripHeading, trimMarks, trimTrailingPunctuation, unwrapEmphasis } from './text-lines.ts';
import type { ParsedContent, RawParticipant } from './types.ts';

/** Speaker of notes whose author is not named. */
export const NOTES_SPEAKER = 'Notes';

const AUTHOR_LINE = /^(?:notes?\s+(?:by|from)|notes\s*[:：]|author|written by|taken by|logged by|entered by|notetaker|note taker)\s*[:：-]?\s*/i;
/** Header fields naming the seller's own people besides their roles (`AE:`, `SE:`): `Reviewed by: Tom O'Connell`. */
const OWN_FIELD_KEY = /^(?:reviewed by|prepared by|deal owner|opp(?:ortunity)? owner)$/i;
/** One header line often holds several fields: `att: A, B | us: me, C` or `AE: X · Reviewed by: Y`. */
const FIELD_SEPARATOR = /(?<=\s)[|·•—–](?=\s)/; // segments are trimmed; a lookaround keeps long space runs linear
/** A signature closing the notes: `- Kieran B.`, `— Ama`. */
const SIGNATURE = /^[-–—~]\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,2})\s*$/u;

/** A bold label opening a line: `**Tamar:** text` or `**Tamar**: text`. */
const BOLD_LABEL = /^(\*\*|__)([^*_\n]{1,60}?)(:?)\1(:?)\s*/;

/** The text of a notes line as an utterance, or '' when it holds no words. */
export function noteLineText(line: string): string {
  let t = line.trim();
  if (!t || isRule(t)) return '';
  t = stripHeading(t).trim();
  t = stripBullet(t).text.trim();
  t = unwrapEmphasis(t);
  // a bold label reads as a plain one, so `**Tamar:** "..."` is the line `Tamar: "..."`
  const b = BOLD_LABEL.exec(t);
  if (b && (b[3] || b[4]) && t.length > b[0].length) t = `${b[2]!.trim()}: ${t.slice(b[0].length)}`;
  return hasWordChar(t) ? t : '';
}

/** `Call with Dominika Nowicka (Head of Finance) and her analyst Rafael Ortega - 9 Feb`. */
const WITH_LINE = /(?:^(?:with|w\/)\s+(.+)$)|\b(?:(?:call|meeting|chat|sync|demo|visit|lunch|catch-?up|check-?in|discovery|disco|intro|notes|debrief|review|conversation|session)\s+(?:with|w\/)|(?:spoke|talked|met|speaking)\s+(?:with|to))\s+(.+)$/i;
const ORG_WORD = /\b(?:inc|llc|ltd|corp|co|company|group|partners|health|labs|systems|bank|university|hospital|team|department)\b\.?$/i;

/** People named in a notes title line that says who the call was with, when no attendee list does. */
export function attendeesFromTitle(line: string): Attendee[] {
  const m = WITH_LINE.exec(trimMarks(stripBullet(stripHeading(line.trim())).text).slice(0, 400));
  if (!m) return [];
  let list = (m[1] ?? m[2])!;
  // a trailing "- 9 Feb" or "(3/4)" is the date
  for (const sep of [' - ', ' – ', ' — ', ' | ']) {
    let depth = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if (depth === 0 && list.startsWith(sep, i)) {
        list = list.slice(0, i);
        break;
      }
    }
  }
  // the list ends with the sentence ("... and Ibrahim Haddad (SCADA Engineer) at Solano County Water.")
  list = list.replace(/\.\s.*$|\.$/, '');
  const out: Attendee[] = [];
  for (const entry of list.split(/,(?![^()]*\))|;|\s+and\s+(?![^()]*\))|\s+[&+]\s+/)) {
    let e = entry.trim();
    if (!e) continue;
    let title: string | null = null;
    const open = e.indexOf('(');
    if (open > 0) {
      title = (e.slice(open + 1).replace(/\).*$/, '').split(',')[0] ?? '').trim() || null;
      e = e.slice(0, open).trim();
    }
    // "Ibrahim Haddad at Solano County Water": the company is not part of the name
    e = e.replace(/\s+(?:at|from|of)\s+\p{Lu}.*$/u, '');
    // "her AP analyst Rafael Ortega": the trailing capitalised words are the name, the rest a title
    const words = e.split(/\s+/);
    let k = words.length;
    while (k > 0 && /^\p{Lu}[\p{L}'’-]*$/u.test(words[k - 1]!)) k--;
    const name = words.slice(k).join(' ');
    if (words.length - k < 2 || words.length - k > 4 || ORG_WORD.test(name) || !isNameLike(name)) continue;
    const lead = words.slice(0, k).filter((w) => !/^(?:her|his|their|our|my|the|a|an)$/i.test(w)).join(' ');
    out.push({ name, title: title ?? (lead || null), isAuthor: false });
  }
  return out;
}

function authorFromLine(line: string): string | null {
  for (const seg of line.trim().split(FIELD_SEPARATOR)) {
    const t = trimMarks(stripBullet(seg.trim()).text).trim();
    const m = AUTHOR_LINE.exec(t);
    if (!m) continue;
    const name = trimTrailingPunctuation(trimMarks(t.slice(m[0].length, m[0].length + 200))).trim();
    if (isNameLike(name)) return name;
  }
  return null;
}

/** The seller's people named in header fields (`AE: Farah Siddiqui`, `Reviewed by: Tom O'Connell`). */
function ownRoleFields(line: string): Attendee[] {
  const out: Attendee[] = [];
  for (const seg of line.trim().split(FIELD_SEPARATOR)) {
    const t = trimMarks(stripBullet(seg.trim()).text).trim();
    const colon = t.search(/[:：]/);
    if (colon <= 0 || colon > 30) continue;
    const key = t.slice(0, colon).trim();
    if (roleSide(key) !== 'seller' && !OWN_FIELD_KEY.test(key)) continue;
    const a = parseAttendee(t.slice(colon + 1, colon + 200));
    if (a) out.push({ ...a, ownSide: true });
  }
  return out;
}

/**
 * A first line that is only a list of who was there, without an `Attendees:` key:
 * `Tariq Mahmood (Sales Operations Manager) and me (Chidi Okonkwo).`, `Pieter, Zanele, Marius (CFO), me, Sipho.`,
 * `Olumide Bankole, Facilities Coordinator.` Every entry must read as a person (or `me`), and
 * something must mark it as a list of people: the author in it, a title in brackets, or a title after a name.
 */
export function keylessAttendees(line: string): Attendee[] | null {
  const t = trimMarks(stripBullet(stripHeading(line.trim())).text).trim();
  if (!t || t.length > 400) return null;
  const entries = splitTopLevel(firstSentence(t)).map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const out: Attendee[] = [];
  let marked = false;
  for (const e of entries) {
    const bare = trimTrailingPunctuation(e.replace(/^(?:and|&)\s+/i, '')).trim();
    if (/^(?:me|myself|i)$/i.test(bare)) {
      marked = true;
      continue;
    }
    // "Olumide Bankole, Facilities Coordinator": an entry ending in a title word is the previous person's title
    if (out.length > 0 && !bare.includes('(') && endsWithTitleWord(bare) && bare.split(/\s+/).length <= 5 && !out[out.length - 1]!.title) {
      out[out.length - 1] = { ...out[out.length - 1]!, title: bare };
      marked = true;
      continue;
    }
    // "Lindqvist Marine — discovery" is a title line, not "Name — Title"; words after a bracket make it prose
    if (/\s[-–—]\s/.test(bare) || /\)[^)]*\p{L}[^)]*$/u.test(bare)) return null;
    const a = parseAttendee(bare);
    // a shouted heading ("DEAL REVIEW (matter intake)") is not a person
    if (!a || a.titleOnly || (/\p{Lu}{3}/u.test(a.name) && a.name === a.name.toUpperCase())) return null;
    if (a.isAuthor || a.title) marked = true;
    out.push(a);
  }
  return marked && out.length > 0 ? out : null;
}

export function parseNotes(text: string): ParsedContent {
  const lines = splitLines(text);
  const attendees: Attendee[] = [];
  const ownSide: Attendee[] = [];
  let author: string | null = null;
  let title: string | null = null;
  let attendeeBlock = false;
  const texts: string[] = [];

  for (const raw of lines) {
    const line = raw.trim();
    // a header line may hold several fields: `att: A (Dir. Purchasing), B | us: me, Ines F. (SE)`
    const segments = line.split(FIELD_SEPARATOR);
    const lists = segments.map((seg) => ({ seg, list: attendeeListOf(seg) })).filter((x) => x.list !== null);
    ownSide.push(...ownRoleFields(line));
    if (lists.length > 0) {
      for (const { seg, list } of lists) {
        const found = parseAttendees(list!);
        // "Our side: Jonah Whitfield (AE)": the author's colleagues; "us: me, Ines F." names the author's side
        if (isOwnSideLine(seg)) found.forEach((a) => attendees.push({ ...a, ownSide: true }));
        else attendees.push(...found);
      }
      attendeeBlock = lists.length === 1 && lists[0]!.list === '';
    } else if (attendeeBlock && line && stripBullet(line).bullet) {
      const a = parseAttendee(stripBullet(line).text);
      if (a) attendees.push(a);
    } else {
      attendeeBlock = false;
      author ??= authorFromLine(line);
    }
    if (title === null && isHeading(line)) title = noteLineText(line) || null;
    const t = noteLineText(line);
    if (t) texts.push(t);
  }

  if (attendees.length === 0) {
    // "Call with A (title) and B" in the title, a bare list of who was there, or the first lines of an email recap
    for (const l of lines.filter((x) => x.trim()).slice(0, 6)) {
      const found = attendeesFromTitle(l);
      const listed = found.length > 0 ? found : keylessAttendees(l) ?? [];
      if (listed.length > 0) {
        attendees.push(...listed);
        break;
      }
    }
  }
  // "... Me: Ruairi Gallagher." in the opening lines
  for (const l of lines.slice(0, 8)) {
    const me = /(?:^|[.;|]\s+)(?:[Mm]e|[Aa]uthor)\s*[:：]\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3})/u.exec(l.trim());
    if (me && isNameLike(trimTrailingPunctuation(me[1]!))) {
      author ??= trimTrailingPunctuation(me[1]!);
      break;
    }
  }
  // a signature closing the notes: "- Kieran B."
  const last = lines.filter((x) => x.trim()).at(-1)?.trim() ?? '';
  const signed = SIGNATURE.exec(last);
  if (signed && isNameLike(signed[1]!)) author ??= signed[1]!;
  // "Our side: Jonah Whitfield (AE), me": the first of the author's side is the author when nobody else is
  const own = attendees.filter((a) => a.ownSide);
  if (!author && !attendees.some((a) => a.isAuthor) && own.length > 0 && ownSide.length === 0) own[0]!.isAuthor = true;
  attendees.push(...ownSide.filter((o) => !attendees.some((a) => a.name === o.name)));
  author ??= attendees.find((a) => a.isAuthor)?.name ?? null;
  const speaker = author ?? NOTES_SPEAKER;
  const participants: RawParticipant[] = [{ name: speaker, side: 'seller' }];
  for (const a of attendees) {
    if (!a.isAuthor && a.name !== speaker && !participants.some((p) => p.name === a.name)) participants.push({ name: a.name, title: a.title, side: a.ownSide ? 'seller' : roleSide(a.title?.split(',')[0]) });
  }
  return {
    utterances: texts.map((t) => ({ speaker, start: null, end: null, text: t })),
    participants,
    meta: { title, occurred_at: null },
  };
}
