import { describe, expect, it } from 'vitest';
import { Extraction } from '../../schemas/extraction.ts';
import type { ExtractionError } from '../../src/analysis/openai/errors.ts';
import { readCompletion } from '../../src/analysis/openai/output.ts';
import { clampOutput, LIMITS, ModelOutput, RESPONSE_SCHEMA } from '../../src/analysis/openai/schema.ts';

type Node = Record<string, unknown>;
function walk(node: unknown, visit: (n: Node) => void) {
  if (Array.isArray(node)) node.forEach((x) => walk(x, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const v of Object.values(node as Node)) walk(v, visit);
  }
}

const valid = {
  stakeholders: [{ name: 'Jo Marsh', email: null, title: null, side: 'buyer', present: true, role: 'user_buyer', stance: 'ally', evidence: [{ utterance: 1, quote: 'We want it.' }] }],
  signals: [{ type: 'articulated_value', stakeholder: 'Jo Marsh', evidence: [{ utterance: 1, quote: 'the best trial' }] }],
  red_flags: [{ type: 'vague_response', stakeholder: 'Jo Marsh', evidence: [{ utterance: 3, quote: 'hard to say' }] }],
  champion_test: { asked: false, stakeholder: null, answer: null, evidence: [] },
};
const reply = (content: string | null, finish_reason = 'stop', refusal: string | null = null) => ({ choices: [{ finish_reason, message: { content, refusal } }] });

describe('the response schema', () => {
  it('is strict: every object closed with every property required; no numeric or length keywords; output capped by maxItems', () => {
    let objects = 0;
    walk(RESPONSE_SCHEMA, (n) => {
      for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', '$schema', 'format', 'pattern']) expect(n).not.toHaveProperty(k);
      if (n.type === 'object') {
        objects++;
        expect(n.additionalProperties).toBe(false);
        expect(n.required).toEqual(Object.keys(n.properties as object));
      }
    });
    expect(objects).toBe(9);
    const props = RESPONSE_SCHEMA.properties as Record<string, Node>;
    expect(props.stakeholders!.maxItems).toBe(LIMITS.stakeholders);
    expect(props.signals!.maxItems).toBe(LIMITS.signals);
    expect(props.red_flags!.maxItems).toBe(LIMITS.redFlags);
    // call- and deal-level flags are computed, never asked for
    const flagEnum = ((props.red_flags!.items as Node).properties as Record<string, Node>).type!.enum as string[];
    expect(flagEnum).not.toContain('no_clear_next_step');
    expect(flagEnum).not.toContain('single_threaded');
    expect(flagEnum).not.toContain('no_economic_buyer_access');
  });

  it('a valid reply is an Extraction; caps are applied by cutting, not by failing', () => {
    const long = 'word '.repeat(200).trim();
    const big = {
      ...valid,
      stakeholders: Array.from({ length: 20 }, (_, i) => ({ ...valid.stakeholders[0]!, name: `Person ${i}`, evidence: Array.from({ length: 5 }, () => ({ utterance: -2, quote: long })) })),
      signals: [...Array.from({ length: 40 }, () => valid.signals[0]!), { type: 'intro_offered', stakeholder: '  ', evidence: [{ utterance: 0, quote: '   ' }] }],
    };
    const x = clampOutput(ModelOutput.parse(big));
    expect(Extraction.safeParse(x).success).toBe(true);
    expect(x.stakeholders).toHaveLength(LIMITS.stakeholders);
    expect(x.stakeholders[0]!.evidence).toHaveLength(LIMITS.evidence);
    expect(x.stakeholders[0]!.evidence[0]!.quote.length).toBeLessThanOrEqual(LIMITS.quoteChars);
    expect(x.stakeholders[0]!.evidence[0]!.quote.endsWith('word')).toBe(true);
    expect(x.stakeholders[0]!.evidence[0]!.utterance).toBe(0);
    expect(x.signals).toHaveLength(LIMITS.signals);
  });
});

describe('reading a completion', () => {
  it('a valid reply', () => {
    const r = readCompletion(reply(JSON.stringify(valid)), 1000);
    expect(r).toEqual({ ok: true, extraction: valid });
  });

  it('refusal, truncation and the content filter are permanent errors', () => {
    const fail = (c: ReturnType<typeof reply>) => {
      try {
        readCompletion(c, 1000);
      } catch (err) {
        return err as ExtractionError;
      }
      throw new Error('no error');
    };
    expect(fail(reply(null, 'stop', 'I cannot help with that'))).toMatchObject({ failure: 'refusal', transient: false });
    expect(fail(reply('{"stakeh', 'length'))).toMatchObject({ failure: 'truncated', transient: false });
    expect(fail(reply(null, 'content_filter'))).toMatchObject({ failure: 'content_filter', transient: false });
  });

  it('empty, invalid JSON and schema-invalid replies ask for a repair, with the errors', () => {
    expect(readCompletion(reply(''), 1000)).toMatchObject({ ok: false, errors: [expect.stringMatching(/empty/)] });
    expect(readCompletion({ choices: [] }, 1000)).toMatchObject({ ok: false });
    expect(readCompletion(reply('{"stakeholders": ['), 1000)).toMatchObject({ ok: false, errors: [expect.stringMatching(/not valid JSON/)] });
    const bad = readCompletion(reply(JSON.stringify({ ...valid, red_flags: [{ type: 'single_threaded', stakeholder: null, evidence: [] }], champion_test: {} })), 1000);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.some((e) => e.startsWith('red_flags.0.type:'))).toBe(true);
      expect(bad.errors.some((e) => e.startsWith('champion_test.asked:'))).toBe(true);
    }
  });
});
