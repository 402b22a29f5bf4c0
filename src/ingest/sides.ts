/**
 * Participants and their sides: the certain part only (TAXONOMY.md, "Sides"). In order:
 *  1. a side given by the uploader, then one stated in the content (a given `unknown` counts as
 *     not given);
 *  2. the email domain against the workspace's own domains; a company named in the content
 *     (`Sophie Tremblay (ClauseCraft):`) that is an own domain (`clausecraft.com`) is the seller;
 *  3. a role (roles.ts): a speaker known only as `AE` or `Customer (Ops)`, or a title such as
 *     `Account Executive` from any source;
 *  4. colleagues: people of one company (named in the content, or sharing a non-webmail domain)
 *     share the side any of them has; when the call has exactly two companies and one is known,
 *     the other is on the other side.
 * Otherwise `unknown`.
 */
import type { Participant, Side } from '../../schemas/transcript.ts';
import { cleanName, memoize, nameKey } from './names.ts';
import { companyKey, roleSide } from './roles.ts';
import type { RawParticipant } from './types.ts';

const SIDES = new Set<unknown>(['buyer', 'seller', 'unknown']);

/** Webmail domains: people on them need not work together. */
const WEBMAIL = new Set(['gmail', 'googlemail', 'outlook', 'hotmail', 'live', 'msn', 'yahoo', 'icloud', 'me', 'aol', 'proton', 'protonmail', 'gmx', 'mail', 'yandex', 'qq']);
/** Second-level labels under a country code (`acme.co.uk`). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc']);

function domainOf(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '') || null;
}

/** The company a domain names: `eu.acme.com` and `acme.co.uk` -> `acme`. */
function domainCompany(domain: string): string {
  const labels = domain.split('.');
  if (labels.length > 1) labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop();
  return companyKey(labels[labels.length - 1] ?? '');
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
  org: string | null;
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

/** The company key of a person: the company the content names, else a non-webmail email domain. */
function companyOf(org: string | null, email: string | null): string | null {
  if (org) return companyKey(org) || null;
  const domain = domainOf(email);
  const key = domain ? domainCompany(domain) : '';
  return key && !WEBMAIL.has(key) ? key : null;
}

function decideSides(drafts: ReadonlyMap<string, Draft>, own: readonly string[]): Map<string, Participant> {
  const ownCompanies = new Set(own.map(domainCompany));
  const final = new Map<string, Participant>();
  const companyOfKey = new Map<string, string | null>();
  for (const [k, d] of drafts) {
    const email = d.callerEmail ?? d.email;
    const title = d.callerTitle ?? d.title;
    const company = companyOf(d.org, email);
    let s = resolveSide(d.callerSide ?? d.side, email, own);
    if (s === 'unknown' && d.org && company && ownCompanies.has(company)) s = 'seller';
    if (s === 'unknown') s = roleSide(d.name) ?? roleSide(title) ?? 'unknown';
    final.set(k, { name: d.name, email, title, side: s });
    companyOfKey.set(k, company);
  }
  // colleagues share a side; with two companies, the unknown one is the other side
  const sideOfCompany = new Map<string, Side | 'mixed'>();
  for (const [k, p] of final) {
    const c = companyOfKey.get(k);
    if (!c) continue;
    const was = sideOfCompany.get(c);
    if (p.side === 'unknown') {
      if (was === undefined) sideOfCompany.set(c, 'unknown');
    } else if (was === undefined || was === 'unknown') sideOfCompany.set(c, p.side);
    else if (was !== p.side) sideOfCompany.set(c, 'mixed');
  }
  if (sideOfCompany.size === 2) {
    const [a, b] = [...sideOfCompany.keys()] as [string, string];
    for (const [c, other] of [[a, b], [b, a]] as const) {
      const known = sideOfCompany.get(other);
      if (sideOfCompany.get(c) === 'unknown' && (known === 'buyer' || known === 'seller')) sideOfCompany.set(c, known === 'buyer' ? 'seller' : 'buyer');
    }
  }
  for (const [k, p] of final) {
    const c = companyOfKey.get(k);
    const s = c ? sideOfCompany.get(c) : undefined;
    if (p.side === 'unknown' && (s === 'buyer' || s === 'seller')) p.side = s;
  }
  return final;
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
      d = { name, email: null, title: null, org: null, side: null, callerSide: null, callerEmail: null, callerTitle: null };
      byKey.set(k, d);
    }
    return d;
  };
  for (const p of content) {
    const d = add(p?.name);
    if (!d) continue;
    d.email ??= str(p.email);
    d.title ??= str(p.title);
    d.org ??= str(p.org);
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
  const final = decideSides(byKey, normalizeDomains(ownDomains));
  const lookup = memoize((name: string) => final.get(nameKey(cleanName(name))) ?? null);
  return {
    canonical: (name) => lookup(name)?.name ?? cleanName(name),
    sideOf: (name) => lookup(name)?.side ?? 'unknown',
    participants: () => [...final.values()],
  };
}
