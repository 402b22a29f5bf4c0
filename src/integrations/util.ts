import { ProblemError } from '../lib/problem.ts';

// Small readers for untrusted JSON from the recorders: never throw on a missing field.

export type Json = Record<string, unknown>;

export function asRecord(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** A verified delivery's body as JSON; a body that is not JSON is a 400 (the sender must fix it). */
export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new ProblemError('malformed-json', `the body is not valid JSON: ${(err as Error).message}`);
  }
}

/** An ISO 8601 date-time from an ISO string or epoch milliseconds; null when neither. */
export function isoTime(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof v === 'string' && v.trim()) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
}

/** Joins word tokens into text, without a space before punctuation. */
export function joinWords(words: string[]): string {
  return words
    .map((w) => w.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+([.,!?;:%)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1');
}
