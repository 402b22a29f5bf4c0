import type { Evidence } from '../../schemas/analysis.ts';
import type { ExtractedEvidence, Extraction } from '../../schemas/extraction.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import { contentTokens, tokenize, type Token } from './text.ts';

/**
 * Grounding: every quote an extractor cites is found in the transcript and returned as it stands
 * there, with its utterance and character offsets. Search order: the exact text in the cited
 * utterance; the same words ignoring case, punctuation and fillers (um, uh, like, you know) in the
 * cited utterance, then its neighbours, then anywhere in the transcript. The whole-transcript step
 * uses an index from each word to where it occurs, so a quote costs the number of places its
 * first word occurs, not a rescan of the transcript.
 */

/**
 * Words of each utterance and where each word occurs. Built on first use: quotes found verbatim
 * in the cited utterance (the common case) never need it.
 */
export class TranscriptIndex {
  readonly texts: string[];
  private tok: Array<Token[] | undefined>;
  private whereMap: Map<string, Array<[number, number]>> | null = null;

  constructor(t: Transcript) {
    this.texts = t.utterances.map((u) => u.text);
    this.tok = new Array(this.texts.length);
  }

  tokens(u: number): Token[] | undefined {
    if (u < 0 || u >= this.texts.length) return undefined;
    return (this.tok[u] ??= contentTokens(tokenize(this.texts[u]!)));
  }

  /** word -> [utterance, position in tokens(utterance)] */
  get where(): Map<string, Array<[number, number]>> {
    if (!this.whereMap) {
      const where = new Map<string, Array<[number, number]>>();
      for (let u = 0; u < this.texts.length; u++)
        this.tokens(u)!.forEach((tok, i) => {
          const list = where.get(tok.norm);
          if (list) list.push([u, i]);
          else where.set(tok.norm, [[u, i]]);
        });
      this.whereMap = where;
    }
    return this.whereMap;
  }
}

export function buildIndex(t: Transcript): TranscriptIndex {
  return new TranscriptIndex(t);
}

function tokensMatchAt(hay: Token[], at: number, needle: Token[]): boolean {
  if (at + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[at + k]!.norm !== needle[k]!.norm) return false;
  return true;
}

function span(index: TranscriptIndex, u: number, start: number, end: number): Evidence {
  return { utterance: u, quote: index.texts[u]!.slice(start, end), start, end };
}

function tolerantIn(index: TranscriptIndex, u: number, needle: Token[]): Evidence | null {
  const hay = index.tokens(u);
  if (!hay || needle.length === 0) return null;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (tokensMatchAt(hay, i, needle)) return span(index, u, hay[i]!.start, hay[i + needle.length - 1]!.end);
  }
  return null;
}

function exactIn(index: TranscriptIndex, u: number, quote: string): Evidence | null {
  const text = index.texts[u];
  if (text === undefined) return null;
  const at = text.indexOf(quote);
  return at >= 0 ? span(index, u, at, at + quote.length) : null;
}

/** Locates one quote; null when it is not in the transcript. `accept` can reject an utterance. */
export function locate(index: TranscriptIndex, e: ExtractedEvidence, accept: (u: number) => boolean = () => true): Evidence | null {
  const quote = e.quote.trim();
  if (!quote) return null;
  const n = index.texts.length;
  const cited = Math.min(Math.max(0, e.utterance), n - 1);
  if (accept(cited)) {
    const exact = exactIn(index, cited, quote);
    if (exact) return exact;
  }
  const needle = contentTokens(tokenize(quote));
  if (needle.length === 0) return null;
  const tryAt = (u: number) => (u >= 0 && u < n && accept(u) ? exactIn(index, u, quote) ?? tolerantIn(index, u, needle) : null);
  const near = tryAt(cited) ?? tryAt(cited - 1) ?? tryAt(cited + 1) ?? tryAt(cited - 2) ?? tryAt(cited + 2);
  if (near) return near;
  for (const [u, i] of index.where.get(needle[0]!.norm) ?? []) {
    if (!accept(u)) continue;
    const hay = index.tokens(u)!;
    if (tokensMatchAt(hay, i, needle)) return span(index, u, hay[i]!.start, hay[i + needle.length - 1]!.end);
  }
  return null;
}

export type OwnerCheck = (person: string, utterance: number, kind: 'spoken' | 'about') => boolean;

export interface GroundedExtraction {
  stakeholders: Array<Omit<Extraction['stakeholders'][number], 'evidence'> & { evidence: Evidence[] }>;
  signals: Array<Omit<Extraction['signals'][number], 'evidence'> & { evidence: Evidence[] }>;
  red_flags: Array<Omit<Extraction['red_flags'][number], 'evidence'> & { evidence: Evidence[] }>;
  champion_test: Omit<Extraction['champion_test'], 'evidence'> & { evidence: Evidence[] };
  dropped: number;
}

/** Flags about the whole call or deal: they need no quote. */
const NO_QUOTE_FLAGS = new Set(['no_clear_next_step', 'single_threaded', 'no_economic_buyer_access']);

/**
 * Grounds every item of an extraction. Person-level evidence must come from an utterance the
 * person owns: spoken by them when they were on the call, or about them (naming them, or a typed
 * notes line about them) when they were not, or when the item reports what others say of them
 * (a blocker). Items left with no grounded evidence are dropped and counted.
 */
export function groundExtraction(x: Extraction, t: Transcript, owns: OwnerCheck, index: TranscriptIndex = buildIndex(t)): GroundedExtraction {
  let dropped = 0;
  const presentOf = new Map(x.stakeholders.map((s) => [s.name, s.present]));
  const groundList = (list: readonly ExtractedEvidence[], person: string | null, kind: 'spoken' | 'about') => {
    const out: Evidence[] = [];
    for (const e of list) {
      const g = locate(index, e, person ? (u) => owns(person, u, kind) : undefined);
      if (g && !out.some((o) => o.utterance === g.utterance && o.start === g.start)) out.push(g);
    }
    return out;
  };
  const kindFor = (person: string | null, type: string): 'spoken' | 'about' => (person && presentOf.get(person) && type !== 'blocker_present' ? 'spoken' : 'about');

  const stakeholders: GroundedExtraction['stakeholders'] = [];
  for (const s of x.stakeholders) {
    const evidence = groundList(s.evidence, s.name, 'about');
    if (s.evidence.length > 0 && evidence.length === 0) {
      dropped++;
      continue;
    }
    stakeholders.push({ ...s, evidence });
  }
  const known = new Set(stakeholders.map((s) => s.name));
  const items = <T extends { type: string; stakeholder: string | null; evidence: ExtractedEvidence[] }>(list: readonly T[]) => {
    const out: Array<Omit<T, 'evidence'> & { evidence: Evidence[] }> = [];
    for (const it of list) {
      if (NO_QUOTE_FLAGS.has(it.type) && it.evidence.length === 0) {
        out.push({ ...it, evidence: [] });
        continue;
      }
      const person = it.stakeholder && known.has(it.stakeholder) ? it.stakeholder : null;
      const evidence = groundList(it.evidence, person, kindFor(person, it.type));
      if (evidence.length === 0) {
        dropped++;
        continue;
      }
      out.push({ ...it, stakeholder: person, evidence });
    }
    return out;
  };
  const signals = items(x.signals);
  const red_flags = items(x.red_flags);
  let champion_test: GroundedExtraction['champion_test'] = { ...x.champion_test, evidence: groundList(x.champion_test.evidence, null, 'about') };
  if (x.champion_test.asked && x.champion_test.evidence.length > 0 && champion_test.evidence.length === 0) {
    dropped++;
    champion_test = { asked: false, stakeholder: null, answer: null, evidence: [] };
  }
  if (champion_test.stakeholder && !known.has(champion_test.stakeholder)) champion_test = { ...champion_test, stakeholder: null };
  return { stakeholders, signals, red_flags, champion_test, dropped };
}
