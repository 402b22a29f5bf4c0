/**
 * The fields around the segments of a recorder JSON export: participant lists (all of them:
 * Fireflies has both `participants` as bare emails and `meeting_attendees` as objects), the call
 * title and date. They are read from the objects json-locate.ts found around the segments.
 */
import { isoDate } from './dates.ts';
import { isObject, pickString, type JsonObject } from './json-fields.ts';
import { isGenericSpeaker } from './names.ts';
import type { ContentMeta, RawParticipant } from './types.ts';

const PARTICIPANT_LIST_KEYS = ['participants', 'attendees', 'meeting_attendees', 'meetingAttendees', 'speakers', 'parties', 'people', 'invitees'];
const NAME_KEYS = ['name', 'display_name', 'displayName', 'full_name', 'fullName', 'speaker_name', 'speakerName'];
const EMAIL_KEYS = ['email', 'email_address', 'emailAddress', 'mail'];
const TITLE_KEYS = ['title', 'job_title', 'jobTitle', 'position', 'role'];
const ORG_KEYS = ['company', 'company_name', 'companyName', 'organization', 'organisation', 'org'];
const SIDE_KEYS = ['side', 'affiliation', 'party', 'team'];
const ID_KEYS = ['speakerId', 'speaker_id', 'id', 'participant_id', 'participantId'];
const TITLE_META_KEYS = ['title', 'meeting_title', 'meetingTitle', 'topic', 'subject', 'call_title'];
const DATE_META_KEYS = ['occurred_at', 'occurredAt', 'date', 'started_at', 'startedAt', 'start_time', 'startTime', 'meeting_date', 'scheduled_at', 'created_at', 'createdAt', 'dateString'];

const SIDE_WORDS: Record<string, RawParticipant['side']> = {
  buyer: 'buyer', seller: 'seller', unknown: 'unknown',
  internal: 'seller', external: 'buyer', prospect: 'buyer', customer: 'buyer', client: 'buyer', vendor: 'seller',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Shared mailboxes and recorder bots: an address, not a person. */
const MAILBOXES = new Set([
  'sales', 'info', 'support', 'hello', 'team', 'admin', 'contact', 'office', 'help', 'noreply', 'no-reply', 'notifications',
  'calendar', 'meetings', 'notetaker', 'fred', 'bot', 'assistant', 'recorder',
]);

/** "andre.costa@procura.io" -> "Andre Costa"; null when the local part is not first.last style. */
export function nameFromEmail(email: string): string | null {
  const local = email.slice(0, email.indexOf('@'));
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^\p{L}{2,}$/u.test(p))) return null;
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

/** Letters only, without accents, lower-case: "Tomás" and "tomas" compare equal. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether the local part of an address spells `name`: first.last, firstlast, first, flast, f.last, firstl. */
function spells(local: string[], name: string): boolean {
  const words = fold(name).split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).filter(Boolean);
  if (words.length === 0) return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const joined = local.join('');
  if (joined === words.join('') || (words.length > 1 && joined === first + last)) return true;
  if (local.length === 1) return joined === first || (words.length > 1 && (joined === first[0] + last || joined === first + last[0]));
  return local.length === 2 && words.length > 1 && (local[0] === first || local[0] === first[0]) && (local[1] === last || local[1] === last[0]);
}

/** The one speaker an address belongs to, by its local part; null when none or several match. */
function ownerOf(email: string, speakers: readonly string[]): string | null {
  const local = fold(email.slice(0, email.indexOf('@'))).split(/[._-]+/).filter(Boolean);
  if (local.length === 0 || !local.every((p) => /^\p{L}+$/u.test(p))) return null;
  const hits = speakers.filter((s) => !isGenericSpeaker(s) && spells(local, s));
  return hits.length === 1 ? hits[0]! : null;
}

/** A name for an address nobody speaks under: first.last, or the capitalised local part. */
function nameOfAddress(email: string): string | null {
  const local = email.slice(0, email.indexOf('@'));
  if (MAILBOXES.has(local.toLowerCase())) return null;
  return nameFromEmail(email) ?? (/^\p{L}{2,30}$/u.test(local) ? local.charAt(0).toUpperCase() + local.slice(1).toLowerCase() : null);
}

export interface JsonParticipants {
  participants: RawParticipant[];
  /** Participant ids (Gong `speakerId`) to names, for segments that carry only an id. */
  names: Map<string, string>;
  /** Addresses listed without a name: their owners are found among the speakers (`nameEmails`). */
  emails: string[];
}

export function readParticipants(containers: readonly JsonObject[]): JsonParticipants {
  const participants: RawParticipant[] = [];
  const names = new Map<string, string>();
  const emails: string[] = [];
  const lists = containers.flatMap((c) => PARTICIPANT_LIST_KEYS.map((k) => c[k])).filter((v): v is unknown[] => Array.isArray(v));
  for (const item of lists.flat()) {
    if (typeof item === 'string' && item.trim()) {
      if (EMAIL.test(item.trim())) emails.push(item.trim());
      else participants.push({ name: item });
      continue;
    }
    if (!isObject(item)) continue;
    const inner = isObject(item.participant) ? item.participant : item;
    const email = pickString(inner, EMAIL_KEYS);
    const name = pickString(inner, NAME_KEYS);
    if (!name) {
      if (email && EMAIL.test(email.trim())) emails.push(email.trim());
      continue;
    }
    const side = pickString(inner, SIDE_KEYS)?.trim().toLowerCase();
    participants.push({
      name,
      email,
      title: pickString(inner, TITLE_KEYS),
      org: pickString(inner, ORG_KEYS),
      side: side ? (SIDE_WORDS[side] ?? null) : null,
    });
    const id = pickString(inner, ID_KEYS);
    if (id) names.set(id, name);
  }
  return { participants, names, emails };
}

/**
 * Participants for addresses listed without a name: the speaker the address spells
 * (`owen@...` is the speaker Owen Gallagher), else a name made from the address. Addresses
 * already on a named participant are skipped.
 */
export function nameEmails(emails: readonly string[], speakers: readonly string[], named: readonly RawParticipant[]): RawParticipant[] {
  const known = new Set(named.flatMap((p) => (p.email ? [p.email.toLowerCase()] : [])));
  const out: RawParticipant[] = [];
  for (const email of emails) {
    if (known.has(email.toLowerCase())) continue;
    known.add(email.toLowerCase());
    const name = ownerOf(email, speakers) ?? nameOfAddress(email);
    if (name) out.push({ name, email });
  }
  return out;
}

export function readMeta(containers: readonly JsonObject[]): ContentMeta {
  let title: string | null = null;
  let occurred: string | null = null;
  for (const c of containers) {
    title ??= pickString(c, TITLE_META_KEYS)?.trim().slice(0, 500) ?? null;
    for (const k of DATE_META_KEYS) occurred ??= isoDate(c[k]);
  }
  return { title, occurred_at: occurred };
}
