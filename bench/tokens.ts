/**
 * npx tsx bench/tokens.ts
 * What the openai analyzer's prompt costs, on the dev corpus (../shared/eval/dev, normalised as an
 * upload is). Counted with a real tokenizer (gpt-tokenizer, o200k_base: the GPT-4o / GPT-4.1 /
 * GPT-5 family), beside the estimate the analyzer makes before sending (src/analysis/openai/tokens.ts).
 *
 *  - prompt overhead: every input token that is not a transcript line (system prompt, the user
 *    message's frame with nonce, participants and delimiters, the JSON schema of the response
 *    format, chat framing). Target: at most 2,000.
 *  - tokens per 1,000 transcript words: the transcript lines as sent ("[n] Speaker (side): text").
 *  - estimate / real: the pre-send estimate over the real count (above 1 means it over-counts,
 *    so a request planned under the budget fits in it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { SYSTEM_PROMPT } from '../prompts/extraction.ts';
import { buildMessages, lineTokens, overheadTokens, PROMPT_VERSION, renderUtterance } from '../src/analysis/openai/prompt.ts';
import { RESPONSE_SCHEMA } from '../src/analysis/openai/schema.ts';
import { MESSAGE_OVERHEAD_TOKENS } from '../src/analysis/openai/tokens.ts';
import { wordCount } from '../src/analysis/text.ts';
import { normalizeTranscript } from '../src/ingest/normalize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/eval/dev');
const files = readdirSync(corpus)
  .filter((f) => !f.endsWith('.gold.json') && f !== 'README.md')
  .sort();

const tok = (s: string) => encode(s).length;
const schemaTokens = tok(JSON.stringify(RESPONSE_SCHEMA));
const systemTokens = tok(SYSTEM_PROMPT);

interface Row {
  file: string;
  words: number;
  lines: number;
  overhead: number;
  overheadEst: number;
  perKWords: number;
  lineEst: number;
  /** Tokens of the utterances' text alone, without "[n] Speaker: ". */
  textOnly: number;
}
const rows: Row[] = [];
for (const f of files) {
  const { transcript } = normalizeTranscript({ content: readFileSync(join(corpus, f), 'utf8') });
  const [system, user] = buildMessages(transcript, '0123456789abcdef');
  const lineText = transcript.utterances.map(renderUtterance);
  const lines = lineText.reduce((a, l) => a + tok(l) + 1, 0);
  const words = transcript.utterances.reduce((a, u) => a + wordCount(u.text), 0);
  const request = tok(system!.content) + tok(user!.content) + schemaTokens + 3 * MESSAGE_OVERHEAD_TOKENS;
  rows.push({
    file: f,
    words,
    lines,
    overhead: request - lines,
    overheadEst: overheadTokens(transcript),
    perKWords: (lines / words) * 1000,
    lineEst: lineTokens(transcript).reduce((a, b) => a + b, 0),
    textOnly: transcript.utterances.reduce((a, u) => a + tok(u.text), 0),
  });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`prompt ${PROMPT_VERSION}: system prompt ${systemTokens} tokens, response schema ${schemaTokens} tokens (o200k_base)\n`);
console.log(`${'file'.padEnd(34)} ${pad('words', 6)} ${pad('line tok', 8)} ${pad('tok/1k w', 8)} ${pad('overhead', 8)} ${pad('est', 6)} ${pad('est/real', 8)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(34)} ${pad(r.words, 6)} ${pad(r.lines, 8)} ${pad(r.perKWords.toFixed(0), 8)} ${pad(r.overhead, 8)} ${pad(r.overheadEst, 6)} ${pad((r.lineEst / r.lines).toFixed(2), 8)}`);
}
const sum = (k: keyof Row) => rows.reduce((a, r) => a + (r[k] as number), 0);
const overheads = rows.map((r) => r.overhead).sort((a, b) => a - b);
console.log('');
console.log(`prompt overhead beyond the transcript: median ${overheads[Math.floor(overheads.length / 2)]}, max ${overheads[overheads.length - 1]} tokens (target <= 2000)`);
console.log(`transcript tokens per 1,000 words: ${((sum('lines') / sum('words')) * 1000).toFixed(0)} as sent (numbered lines with speaker names), ${((sum('textOnly') / sum('words')) * 1000).toFixed(0)} for the words alone; ${sum('words')} words in ${rows.length} calls`);
console.log(`pre-send estimate / real: transcript lines ${(sum('lineEst') / sum('lines')).toFixed(2)}, overhead ${(sum('overheadEst') / sum('overhead')).toFixed(2)}`);
