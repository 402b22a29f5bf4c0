import type { Extraction, ExtractedEvidence, ExtractedStakeholder, Role } from '../../../schemas/extraction.ts';
import type { Side } from '../../../schemas/transcript.ts';
import { nameKey } from '../text.ts';

/**
 * Names and merging for model output.
 *
 * resolveNames: inside one extraction, a signal's or flag's `stakeholder` is made the exact name
 * of the stakeholder it means ("Priya" -> "Priya Shah") when only one stakeholder fits.
 *
 * mergeExtractions: the parts of a long call become one extraction. Stakeholders are one person
 * when they have the same email, or the same full name (and no different emails); a bare first
 * (or last) name joins the one full name it fits, and is left alone when it fits two people (two
 * Anas are never merged). Evidence is merged when quotes overlap (same utterance, one quote
 * within the other). Signals and flags of the same type and person are one item only when their
 * evidence overlaps (a part's context can make two parts report the same moment); otherwise they
 * stay separate items, as the rubric reads each one's place in the call.
 */

const words = (name: string) => nameKey(name).split(' ').filter(Boolean);

/** The one name among `names` that `name` means, or null (none, or more than one fits). */
export function resolveName(name: string, names: readonly string[]): string | null {
  const key = nameKey(name);
  const exact = names.filter((n) => nameKey(n) === key);
  if (exact.length >= 1) return exact[0]!;
  const w = words(name);
  if (w.length === 1) {
    const fits = names.filter((n) => {
      const nw = words(n);
      return nw.length > 1 && (nw[0] === w[0] || nw[nw.length - 1] === w[0]);
    });
    return fits.length === 1 ? fits[0]! : null;
  }
  // a full name for a stakeholder only known by a first name
  const short = names.filter((n) => words(n).length === 1 && words(n)[0] === w[0]);
  const sameFirst = names.filter((n) => words(n).length > 1 && words(n)[0] === w[0]);
  return short.length === 1 && sameFirst.length === 0 ? short[0]! : null;
}

/** Makes every `stakeholder` reference the exact name of one stakeholder where one fits. */
export function resolveNames(x: Extraction): Extraction {
  const names = x.stakeholders.map((s) => s.name);
  const ref = (n: string | null) => (n === null ? null : resolveName(n, names) ?? n);
  return {
    ...x,
    signals: x.signals.map((s) => ({ ...s, stakeholder: ref(s.stakeholder) })),
    red_flags: x.red_flags.map((f) => ({ ...f, stakeholder: ref(f.stakeholder) })),
    champion_test: { ...x.champion_test, stakeholder: ref(x.champion_test.stakeholder) },
  };
}

const normQuote = (q: string) => q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function overlaps(a: ExtractedEvidence, b: ExtractedEvidence): boolean {
  if (a.utterance !== b.utterance) return false;
  const x = normQuote(a.quote);
  const y = normQuote(b.quote);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** Adds `more` to `list`, keeping the longer quote where two overlap. */
export function mergeEvidence(list: readonly ExtractedEvidence[], more: readonly ExtractedEvidence[]): ExtractedEvidence[] {
  const out = [...list];
  for (const e of more) {
    const i = out.findIndex((o) => overlaps(o, e));
    if (i < 0) out.push(e);
    else if (e.quote.length > out[i]!.quote.length) out[i] = e;
  }
  return out;
}

interface Entry {
  key: string;
  name: string;
  email: string | null;
  title: string | null;
  sides: Side[];
  present: boolean;
  role: Role;
  stance: ExtractedStakeholder['stance'];
  evidence: ExtractedEvidence[];
}

/** Merges the extractions of the parts of one call, in call order. */
export function mergeExtractions(parts: readonly Extraction[]): Extraction {
  if (parts.length === 1) return resolveNames(parts[0]!);
  const resolved = parts.map(resolveNames);

  // a bare name joins the one full name (over all parts) it fits
  const fullNames = [...new Set(resolved.flatMap((x) => x.stakeholders.map((s) => s.name)).filter((n) => words(n).length > 1))];
  const canonical = (name: string): string => {
    const w = words(name);
    if (w.length > 1) return nameKey(name);
    const fits = fullNames.filter((n) => {
      const nw = words(n);
      return nw[0] === w[0] || nw[nw.length - 1] === w[0];
    });
    const distinct = new Set(fits.map(nameKey));
    return distinct.size === 1 ? [...distinct][0]! : nameKey(name);
  };

  const entries: Entry[] = [];
  const renamed = resolved.map(() => new Map<string, Entry>());
  resolved.forEach((x, i) => {
    for (const s of x.stakeholders) {
      const key = canonical(s.name);
      const email = s.email?.toLowerCase() ?? null;
      let e = email ? entries.find((en) => en.email === email) : undefined;
      e ??= entries.find((en) => en.key === key && !(email && en.email && en.email !== email));
      if (!e) {
        e = { key, name: s.name, email, title: s.title, sides: [], present: false, role: 'unknown', stance: s.stance, evidence: [] };
        entries.push(e);
      }
      if (words(s.name).length > words(e.name).length) e.name = s.name;
      e.email ??= email;
      e.title ??= s.title;
      e.sides.push(s.side);
      e.present ||= s.present;
      if (s.role !== 'unknown') e.role = s.role;
      e.stance = s.stance; // where they stand at the end of the call: the latest part says
      e.evidence = mergeEvidence(e.evidence, s.evidence);
      renamed[i]!.set(s.name, e);
    }
  });
  // a reference takes the final name of its person (names grow when a later part gives the full one)
  const nameIn = (i: number, n: string | null) => (n === null ? null : renamed[i]!.get(n)?.name ?? n);

  const side = (sides: Side[]): Side => {
    const known = sides.filter((s) => s !== 'unknown');
    if (known.length === 0) return 'unknown';
    const buyer = known.filter((s) => s === 'buyer').length;
    const seller = known.length - buyer;
    return buyer > seller ? 'buyer' : seller > buyer ? 'seller' : known[known.length - 1]!;
  };

  const items = <T extends { type: string; stakeholder: string | null; evidence: ExtractedEvidence[] }>(pick: (x: Extraction) => readonly T[]): T[] => {
    const out: T[] = [];
    resolved.forEach((x, i) => {
      for (const it of pick(x)) {
        const stakeholder = nameIn(i, it.stakeholder);
        const same = out.find((o) => o.type === it.type && o.stakeholder === stakeholder && o.evidence.some((a) => it.evidence.some((b) => overlaps(a, b))));
        if (same) same.evidence = mergeEvidence(same.evidence, it.evidence);
        else out.push({ ...it, stakeholder, evidence: [...it.evidence] });
      }
    });
    return out;
  };

  const signals = items((x) => x.signals);
  const red_flags = items((x) => x.red_flags).filter((f) => f.type !== 'no_clear_next_step');
  if (!signals.some((s) => s.type === 'next_step_scheduled')) red_flags.push({ type: 'no_clear_next_step', stakeholder: null, evidence: [] });

  // the last part in which the test was asked: the last time it is asked counts
  let champion_test: Extraction['champion_test'] = { asked: false, stakeholder: null, answer: null, evidence: [] };
  resolved.forEach((x, i) => {
    if (x.champion_test.asked) champion_test = { ...x.champion_test, stakeholder: nameIn(i, x.champion_test.stakeholder) };
  });

  return {
    stakeholders: entries.map((e) => ({ name: e.name, email: e.email, title: e.title, side: side(e.sides), present: e.present, role: e.role, stance: e.stance, evidence: e.evidence })),
    signals,
    red_flags,
    champion_test,
  };
}
