import type { CallAnalysis } from '../../schemas/analysis.ts';
import type { Side, Transcript } from '../../schemas/transcript.ts';
import { analyzeTranscript, type AnalyzeOptions } from '../../src/analysis/analyze.ts';

/**
 * Builds a canonical transcript from "Name: text" lines (a test fixture, not a parser). Sides are
 * left `unknown` unless given, so the analyzer's own side inference is exercised.
 */
export function call(script: string, sides: Record<string, Side> = {}, format: Transcript['format'] = 'speaker_lines'): Transcript {
  const utterances: Transcript['utterances'] = [];
  const names: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([^:]{1,40}):\s+(.*)$/.exec(line);
    const speaker = m ? m[1]!.trim() : 'Me';
    const text = m ? m[2]! : line;
    if (!names.includes(speaker)) names.push(speaker);
    utterances.push({ index: utterances.length, speaker, side: sides[speaker] ?? 'unknown', start: null, end: null, text });
  }
  return { format, participants: names.map((name) => ({ name, email: null, title: null, side: sides[name] ?? 'unknown' })), utterances };
}

/** Typed notes: every line is the author's. */
export function notes(author: string, attendees: Array<{ name: string; title?: string }>, body: string): Transcript {
  const lines = body
    .split('\n')
    .map((l) => l.trim().replace(/^[-*]\s+/, ''))
    .filter(Boolean);
  return {
    format: 'notes',
    participants: [{ name: author, email: null, title: null, side: 'seller' }, ...attendees.map((a) => ({ name: a.name, email: null, title: a.title ?? null, side: 'unknown' as const }))],
    utterances: lines.map((text, index) => ({ index, speaker: author, side: 'seller' as const, start: null, end: null, text })),
  };
}

export async function analyze(t: Transcript, opts: AnalyzeOptions = {}): Promise<CallAnalysis> {
  return analyzeTranscript(t, { occurredAt: '2026-06-01T15:00:00Z', ...opts });
}

export const signalTypes = (a: CallAnalysis, who?: string) => a.signals.filter((s) => !who || s.stakeholder === who).map((s) => s.type);
export const flagTypes = (a: CallAnalysis, who?: string) => a.red_flags.filter((s) => !who || s.stakeholder === who).map((s) => s.type);
export const grade = (a: CallAnalysis, who: string) => a.stakeholders.find((s) => s.name === who)?.champion.grade;
export const person = (a: CallAnalysis, who: string) => a.stakeholders.find((s) => s.name === who);
