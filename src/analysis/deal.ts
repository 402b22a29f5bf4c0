import type { CallAnalysis, DealFacts, Grade, NextStep, Signal, Stakeholder } from '../../schemas/analysis.ts';
import type { Role } from '../../schemas/extraction.ts';
import { findDates } from './dates.ts';
import { nameKey } from './text.ts';

/**
 * Facts about the deal over every call so far (earlier analyses, oldest first, plus this call).
 * People are matched across calls by email, else by normalised full name; a single given name
 * ("Victor") joins the one person of the deal with that first name, and is left alone when two
 * people share it (two Anas are never merged).
 */

export interface HistoryEntry {
  occurred_at: string | null;
  analysis: CallAnalysis;
}

export interface CallView {
  occurred_at: string | null;
  stakeholders: Array<Pick<Stakeholder, 'name' | 'email' | 'side' | 'present' | 'role' | 'title'> & { grade: Grade }>;
  signals: Signal[];
}

interface DealPerson {
  key: string;
  name: string;
  email: string | null;
  first: string;
  role: Role;
  title: string | null;
  engaged: boolean;
  grade: Grade | null;
}

function first(name: string): string {
  return nameKey(name).split(' ')[0] ?? '';
}

/** Resolves each call's buyer-side people to deal-wide people. */
export class DealPeople {
  readonly people: DealPerson[] = [];

  find(s: { name: string; email: string | null }): DealPerson | undefined {
    const email = s.email?.toLowerCase() ?? null;
    if (email) {
      const byEmail = this.people.find((p) => p.email === email);
      if (byEmail) return byEmail;
    }
    const key = nameKey(s.name);
    const exact = this.people.find((p) => p.key === key);
    if (exact) return exact;
    const f = first(s.name);
    const single = key.split(' ').length === 1;
    const sameFirst = this.people.filter((p) => p.first === f);
    if (single && sameFirst.length === 1) return sameFirst[0];
    // a full name that a first-name-only person of an earlier call turns out to have
    if (!single && sameFirst.length === 1 && sameFirst[0]!.key.split(' ').length === 1) return sameFirst[0];
    return undefined;
  }

  add(s: CallView['stakeholders'][number]): DealPerson {
    let p = this.find(s);
    if (!p) {
      p = { key: nameKey(s.name), name: s.name, email: s.email?.toLowerCase() ?? null, first: first(s.name), role: s.role, title: s.title, engaged: false, grade: null };
      this.people.push(p);
    } else if (nameKey(s.name).split(' ').length > p.key.split(' ').length) {
      p.key = nameKey(s.name);
      p.name = s.name;
    }
    if (s.email && !p.email) p.email = s.email.toLowerCase();
    if (s.role !== 'unknown') p.role = s.role;
    p.title ??= s.title;
    if (s.present) p.engaged = true;
    if (s.grade !== 'unassessed') p.grade = s.grade;
    return p;
  }
}

export function viewOf(h: HistoryEntry): CallView {
  return {
    occurred_at: h.occurred_at,
    stakeholders: h.analysis.stakeholders.map((s) => ({ ...s, grade: s.champion.grade })),
    signals: h.analysis.signals,
  };
}

function nextStepOf(call: CallView): NextStep | null {
  const steps = call.signals.filter((s) => s.type === 'next_step_scheduled' && s.evidence.length > 0);
  const last = steps[steps.length - 1];
  if (!last) return null;
  const ev = last.evidence[0]!;
  const ref = call.occurred_at ? new Date(call.occurred_at) : null;
  const d = findDates(ev.quote, ref && !Number.isNaN(ref.getTime()) ? ref : null).find((x) => x.specific && x.date);
  return { date: d?.date ?? null, description: ev.quote, quote: ev.quote, stakeholder: last.stakeholder, call_occurred_at: call.occurred_at };
}

/** Deal facts over `calls` (oldest first; the last one is the current call). */
export function dealFacts(calls: readonly CallView[]): DealFacts {
  const people = new DealPeople();
  let step: NextStep | null = null;
  for (const call of calls) {
    for (const s of call.stakeholders) if (s.side === 'buyer') people.add(s);
    step = nextStepOf(call) ?? step;
  }
  const champions = people.people.filter((p) => p.grade === 'champion').map((p) => p.name);
  const engaged = people.people.filter((p) => p.engaged).map((p) => p.name);
  const economic = people.people.filter((p) => p.role === 'economic_buyer' && p.engaged).map((p) => p.name);
  return {
    calls: calls.length,
    champion_count: champions.length,
    champions,
    two_deep: champions.length >= 2,
    economic_buyer_engaged: economic.length > 0,
    economic_buyers: economic,
    buyer_contacts_engaged: engaged.length,
    engaged_contacts: engaged,
    single_threaded: engaged.length < 2,
    last_agreed_next_step: step,
  };
}

/** The deal's buyer-side people from earlier calls, for resolving names in this one. */
export function knownPeople(history: readonly HistoryEntry[]): Array<{ name: string; email: string | null; title: string | null; role: Role }> {
  const people = new DealPeople();
  for (const h of history) for (const s of viewOf(h).stakeholders) if (s.side === 'buyer') people.add(s);
  return people.people.map((p) => ({ name: p.name, email: p.email, title: p.title, role: p.role }));
}

/** The grade each deal person had in the last call where they were assessed. */
export function previousGrades(history: readonly HistoryEntry[]): (s: { name: string; email: string | null }) => Grade | null {
  const people = new DealPeople();
  for (const h of history) for (const s of viewOf(h).stakeholders) if (s.side === 'buyer') people.add(s);
  return (s) => people.find(s)?.grade ?? null;
}
