import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../../src/ingest/normalize.ts';
import { buildMessages, lineTokens, overheadTokens, renderUtterance } from '../../src/analysis/openai/prompt.ts';
import { RESPONSE_SCHEMA } from '../../src/analysis/openai/schema.ts';
import { devCorpus } from '../support/corpus.ts';

// The pre-send estimate against a real tokenizer (o200k_base), on the dev corpus: it must not
// under-count (a request planned under the budget must fit), and the prompt overhead beyond the
// transcript stays under 2,000 tokens.
const tok = (s: string) => encode(s).length;

describe('token estimate', () => {
  for (const { file, text } of devCorpus()) {
    it(`${file}: the estimate is above the real count, and the overhead is under 2,000 tokens`, () => {
      const { transcript } = normalizeTranscript({ content: text });
      const real = transcript.utterances.reduce((a, u) => a + tok(renderUtterance(u)) + 1, 0);
      const estimate = lineTokens(transcript).reduce((a, b) => a + b, 0);
      expect(estimate).toBeGreaterThanOrEqual(real);
      expect(estimate).toBeLessThan(real * 1.35);
      const [system, user] = buildMessages(transcript, '0123456789abcdef');
      const overhead = tok(system!.content) + tok(user!.content) + tok(JSON.stringify(RESPONSE_SCHEMA)) - real;
      expect(overhead).toBeLessThanOrEqual(2000);
      expect(overheadTokens(transcript)).toBeGreaterThanOrEqual(overhead);
    });
  }
});
