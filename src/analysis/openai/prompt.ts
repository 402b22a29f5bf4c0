import { PART_TEMPLATE, PROMPT_NAME, REPAIR_TEMPLATE, SYSTEM_PROMPT, USER_TEMPLATE } from '../../../prompts/extraction.ts';
import type { Transcript, Utterance } from '../../../schemas/transcript.ts';
import { RESPONSE_SCHEMA } from './schema.ts';
import { sha256Sync } from './sha256.ts';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './tokens.ts';

/**
 * Prompt rendering: the static system prompt first, then one user message that ends with the
 * call between `<<<CALL nonce>>>` and `<<<END CALL nonce>>>`. The nonce is random per request, so
 * text in the transcript cannot close the delimiter; each utterance is one line (its line breaks
 * become spaces), so it cannot fake another numbered utterance either.
 */

/** Everything that shapes what the model is asked, joined: the version is its hash. */
export function promptVersionOf(parts: readonly string[]): string {
  return `${PROMPT_NAME}-${sha256Sync(parts.join('\n\u0000\n')).slice(0, 12)}`;
}

/** Changes whenever the prompt text, a template or the response schema changes. */
export const PROMPT_VERSION = promptVersionOf([SYSTEM_PROMPT, USER_TEMPLATE, PART_TEMPLATE, REPAIR_TEMPLATE, JSON.stringify(RESPONSE_SCHEMA)]);

/** Fills `{name}` placeholders in one pass: text put in is never scanned for placeholders again. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

const oneLine = (s: string) => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();

export function renderUtterance(u: Utterance): string {
  return `[${u.index}] ${oneLine(u.speaker)}: ${oneLine(u.text)}`;
}

export function renderParticipants(t: Transcript): string {
  if (t.participants.length === 0) return '- (none listed)';
  return t.participants
    .map((p) => {
      let line = `- ${oneLine(p.name)}`;
      if (p.email) line += ` <${oneLine(p.email)}>`;
      if (p.title) line += `, ${oneLine(p.title)}`;
      if (p.side !== 'unknown') line += ` (${p.side})`;
      return line;
    })
    .join('\n');
}

/** 16 random hex characters that occur nowhere in the transcript. */
export function newNonce(t: Transcript): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    const nonce = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (!t.utterances.some((u) => u.text.includes(nonce) || u.speaker.includes(nonce)) && !t.participants.some((p) => `${p.name}${p.email}${p.title}`.includes(nonce))) return nonce;
  }
}

/** A slice of the call: utterances [from, to] are analysed, [contextFrom, from) only read. */
export interface Part {
  from: number;
  to: number;
  contextFrom: number;
}

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export function renderUserMessage(t: Transcript, nonce: string, part: Part | null, index?: { k: number; n: number }): string {
  const lines = (a: number, b: number) => t.utterances.slice(a, b + 1).map(renderUtterance).join('\n');
  const from = part?.from ?? 0;
  const to = part?.to ?? t.utterances.length - 1;
  const contextFrom = part?.contextFrom ?? from;
  return fill(USER_TEMPLATE, {
    nonce,
    part: index && index.n > 1 ? fill(PART_TEMPLATE, { k: String(index.k), n: String(index.n), from: String(from), to: String(to) }) : '',
    participants: renderParticipants(t),
    context: contextFrom < from ? `<<<CONTEXT ${nonce}>>>\n${lines(contextFrom, from - 1)}\n<<<END CONTEXT ${nonce}>>>\n` : '',
    utterances: lines(from, to),
  });
}

export function buildMessages(t: Transcript, nonce: string, part: Part | null = null, index?: { k: number; n: number }): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: renderUserMessage(t, nonce, part, index) },
  ];
}

/** The two messages that ask for a corrected reply, after the model's invalid one. */
export function repairMessages(invalid: string, errors: readonly string[]): ChatMessage[] {
  return [
    { role: 'assistant', content: invalid },
    { role: 'user', content: fill(REPAIR_TEMPLATE, { errors: errors.map((e) => `- ${e}`).join('\n') }) },
  ];
}

/** The JSON schema is punctuation-heavy but tokenizes well (about 4.1 characters a token): its own estimate. */
const SCHEMA_TOKENS = Math.ceil(JSON.stringify(RESPONSE_SCHEMA).length / 3.8);

/**
 * Estimated input tokens of everything but the transcript's lines: system prompt, the user
 * message's frame with the participants, and the response schema (servers put it in the context).
 */
export function overheadTokens(t: Transcript): number {
  const frame = fill(USER_TEMPLATE, { nonce: '0123456789abcdef', part: PART_TEMPLATE, participants: renderParticipants(t), context: '', utterances: '' });
  return estimateTokens(SYSTEM_PROMPT) + estimateTokens(frame) + SCHEMA_TOKENS + 3 * MESSAGE_OVERHEAD_TOKENS;
}

/** Estimated tokens of each utterance's line (with its newline). */
export function lineTokens(t: Transcript): number[] {
  return t.utterances.map((u) => estimateTokens(renderUtterance(u)) + 1);
}
