/**
 * Participants and their sides: the certain part only (TAXONOMY.md, "Sides"). A side given by
 * the uploader wins, then one stated in the content; otherwise the email domain decides against
 * the workspace's own domains; otherwise `unknown`. A given `unknown` counts as not given.
 */
import type { Participant, Side } from '../../schemas/transcript.ts';
import { cleanName, memoize, nameKey } from './names.ts';
import type { RawParticipant } from './types.ts';

const SIDES = new Set<unknown>(['buyer', 'seller', 'unknown']);

function domainOf(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '') || null;
}

function normalizeDomains(ownDomains: readonly unknown[] | undefined): string[] {
  return (ownDomains ?? [])
    .filter((d): d is string => typeof d === 'string')
    .map((d) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, ''))
    .filter(Boolean);
}

/** The side of one person from a stated side, an email and the workspace's own domains. */
export function resolveSide(side: Side | null | undefined, email: string | null | undefined, ownDomains: readonly string[]): Side {
  if (side === 'buyer' || side === 'seller') return side;
  const own = normalizeDomains(ownDomains);
  const domain = domainOf(email ?? null);
  if (!domain || own.length === 0) return 'unknown';
  return own.some((d) => domain === d || domain.endsWith(`.${d}`)) ? 'seller' : 'buyer';
}

interface Draft {
  name: string;
  email: string | null;
  title: string | null;
  side: Side | null;
  callerSide: Side | null;
  callerEmail: string | null;
  callerTitle: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function side(v: unknown): Side | null {
  return SIDES.has(v) && v !== 'unknown' ? (v as Side) : null;
}

export interface ParticipantBook {
  /** Canonical spelling of a name (first spelling seen), to write on utterances. */
  canonical(name: string): string;
  sideOf(name: string): Side;
  participants(): Participant[];
}

/**
 * Merges the content's participants, the utterance speakers and the uploader's participants, in
 * that order; names match case-insensitively and keep the first spelling seen. The uploader's
 * email, title and side win over the content's.
 */
export function buildParticipants(
  content: readonly RawParticipant[],
  speakers: readonly string[],
  caller: readonly unknown[] | undefined,
  ownDomains: readonly string[] | undefined,
): ParticipantBook {
  const byKey = new Map<string, Draft>();
  const add = (rawName: unknown): Draft | null => {
    if (typeof rawName !== 'string') return null;
    const name = cleanName(rawName);
    if (!name) return null;
    const k = nameKey(name);
    let d = byKey.get(k);
    if (!d) {
      d = { name, email: null, title: null, side: null, callerSide: null, callerEmail: null, callerTitle: null };
      byKey.set(k, d);
    }
    return d;
  };
  for (const p of content) {
    const d = add(p?.name);
    if (!d) continue;
    d.email ??= str(p.email);
    d.title ??= str(p.title);
    d.side ??= side(p.side);
  }
  for (const s of speakers) add(s);
  for (const raw of Array.isArray(caller) ? caller : []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const p = raw as Record<string, unknown>;
    const d = add(p.name);
    if (!d) continue;
    d.callerEmail ??= str(p.email);
    d.callerTitle ??= str(p.title);
    d.callerSide ??= side(p.side);
  }
  const own = normalizeDomains(ownDomains);
  const final = new Map<string, Participant>();
  for (const [k, d] of byKey) {
    const email = d.callerEmail ?? d.email;
    final.set(k, { name: d.name, email, title: d.callerTitle ?? d.title, side: resolveSide(d.callerSide ?? d.side, email, own) });
  }
  const lookup = memoize((name: string) => final.get(nameKey(cleanName(name))) ?? null);
  return {
    canonical: (name) => lookup(name)?.name ?? cleanName(name),
    sideOf: (name) => lookup(name)?.side ?? 'unknown',
    participants: () => [...final.values()],
  };
}
