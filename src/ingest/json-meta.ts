/** Top-level fields of a recorder JSON export: the participant list, the call title and date. */
import { isObject, pickString, type JsonObject } from './json-fields.ts';
import type { ContentMeta, RawParticipant } from './types.ts';

const PARTICIPANT_LIST_KEYS = ['participants', 'attendees', 'speakers', 'parties', 'people'];
const NAME_KEYS = ['name', 'display_name', 'displayName', 'full_name', 'fullName', 'speaker_name', 'speakerName'];
const EMAIL_KEYS = ['email', 'email_address', 'emailAddress', 'mail'];
const TITLE_KEYS = ['title', 'job_title', 'jobTitle', 'position', 'role'];
const SIDE_KEYS = ['side', 'affiliation', 'party', 'team'];
const ID_KEYS = ['speakerId', 'speaker_id', 'id', 'participant_id', 'participantId'];
const TITLE_META_KEYS = ['title', 'meeting_title', 'meetingTitle', 'topic', 'subject', 'call_title'];
const DATE_META_KEYS = ['occurred_at', 'occurredAt', 'date', 'started_at', 'startedAt', 'start_time', 'startTime', 'meeting_date', 'scheduled_at', 'created_at', 'createdAt', 'dateString'];

const SIDE_WORDS: Record<string, RawParticipant['side']> = {
  buyer: 'buyer', seller: 'seller', unknown: 'unknown',
  internal: 'seller', external: 'buyer', prospect: 'buyer', customer: 'buyer', client: 'buyer', vendor: 'seller',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "andre.costa@procura.io" -> "Andre Costa"; null when the local part is not first.last style. */
export function nameFromEmail(email: string): string | null {
  const local = email.slice(0, email.indexOf('@'));
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^\p{L}{2,}$/u.test(p))) return null;
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

export interface JsonParticipants {
  participants: RawParticipant[];
  /** Participant ids (Gong `speakerId`) to names, for segments that carry only an id. */
  names: Map<string, string>;
}

/** Objects where top-level fields may live: the root and a few common wrappers. */
export function metaContainers(root: JsonObject): JsonObject[] {
  const out = [root];
  for (const k of ['transcript', 'meeting', 'metadata', 'call', 'data', 'recording']) {
    const v = root[k];
    if (isObject(v)) out.push(v);
  }
  return out;
}

export function readParticipants(root: JsonObject): JsonParticipants {
  const participants: RawParticipant[] = [];
  const names = new Map<string, string>();
  const list = metaContainers(root)
    .flatMap((c) => PARTICIPANT_LIST_KEYS.map((k) => c[k]))
    .find((v): v is unknown[] => Array.isArray(v));
  for (const item of list ?? []) {
    if (typeof item === 'string' && item.trim()) {
      // a bare address ("andre.costa@procura.io") names its owner when the local part spells a name
      if (EMAIL.test(item.trim())) {
        const who = nameFromEmail(item.trim());
        if (who) participants.push({ name: who, email: item.trim() });
      } else participants.push({ name: item });
      continue;
    }
    if (!isObject(item)) continue;
    const inner = isObject(item.participant) ? item.participant : item;
    const email = pickString(inner, EMAIL_KEYS);
    const name = pickString(inner, NAME_KEYS) ?? (email ? nameFromEmail(email) : null);
    if (!name) continue;
    const side = pickString(inner, SIDE_KEYS)?.trim().toLowerCase();
    participants.push({
      name,
      email,
      title: pickString(inner, TITLE_KEYS),
      side: side ? (SIDE_WORDS[side] ?? null) : null,
    });
    const id = pickString(inner, ID_KEYS);
    if (id) names.set(id, name);
  }
  return { participants, names };
}

export function readMeta(root: JsonObject): ContentMeta {
  let title: string | null = null;
  let occurred: string | null = null;
  for (const c of metaContainers(root)) {
    title ??= pickString(c, TITLE_META_KEYS)?.trim().slice(0, 500) ?? null;
    for (const k of DATE_META_KEYS) occurred ??= isoDate(c[k]);
  }
  return { title, occurred_at: occurred };
}

/** An ISO-8601 timestamp for a date string or an epoch (seconds or milliseconds), else null. */
function isoDate(v: unknown): string | null {
  let ms: number;
  if (typeof v === 'string' && v.trim() && v.length <= 100 && /\d/.test(v)) ms = Date.parse(v);
  else if (typeof v === 'number' && v >= 1e9) ms = v >= 1e11 ? v : v * 1000;
  else return null;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}
