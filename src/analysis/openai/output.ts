import type { Extraction } from '../../../schemas/extraction.ts';
import { ExtractionError } from './errors.ts';
import { clampOutput, ModelOutput } from './schema.ts';

/**
 * Reads one chat completion. Each outcome is handled on purpose:
 *  - a refusal, `finish_reason: content_filter`, or `length` (the reply was cut at the output
 *    cap) throw a permanent ExtractionError: asking again the same way gives the same answer;
 *  - no content, invalid JSON, or JSON that does not match the schema return `invalid` with the
 *    errors, for the one repair request (src/analysis/openai/extractor.ts);
 *  - a valid reply is clamped to the output caps and returned.
 */

export interface CompletionLike {
  choices: Array<{ finish_reason: string | null; message: { content: string | null; refusal?: string | null } }>;
}

export type Reading = { ok: true; extraction: Extraction } | { ok: false; content: string; errors: string[] };

const MAX_ERRORS = 20;

/** Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode. */
function unfence(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  return m ? m[1]! : text;
}

export function readCompletion(completion: CompletionLike, maxOutputTokens: number): Reading {
  const choice = completion.choices[0];
  if (!choice) return { ok: false, content: '', errors: ['the reply had no choices'] };
  const refusal = choice.message.refusal;
  if (refusal) throw new ExtractionError('refusal', `the model refused: ${refusal.slice(0, 300)}`);
  if (choice.finish_reason === 'content_filter') throw new ExtractionError('content_filter', "the provider's content filter stopped the reply");
  if (choice.finish_reason === 'length') throw new ExtractionError('truncated', `the reply was cut at the output limit of ${maxOutputTokens} tokens (finish_reason length)`);
  const content = choice.message.content ?? '';
  if (!content.trim()) return { ok: false, content, errors: ['the reply was empty: expected one JSON object'] };
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch (err) {
    return { ok: false, content, errors: [`the reply is not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const parsed = ModelOutput.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, MAX_ERRORS).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    if (parsed.error.issues.length > MAX_ERRORS) errors.push(`... and ${parsed.error.issues.length - MAX_ERRORS} more`);
    return { ok: false, content, errors };
  }
  return { ok: true, extraction: clampOutput(parsed.data) };
}
