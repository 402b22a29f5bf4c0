import { describe, expect, it } from 'vitest';
import { CONTEXT_SHARE, CONTEXT_TURNS, planParts } from '../../src/analysis/openai/chunk.ts';

describe('planning requests under the input budget', () => {
  it('a call that fits is one request', () => {
    const plan = planParts([100, 100, 100], 2000, 60_000);
    expect(plan).toEqual({ parts: [{ from: 0, to: 2, contextFrom: 0 }], estimatedTokens: 2300 });
  });

  it('a longer call is split on utterance boundaries into balanced parts, each with context before it, all within the budget', () => {
    const lines = Array.from({ length: 500 }, (_, i) => 20 + (i % 7) * 10);
    const overhead = 2000;
    const budget = 8000;
    const { parts, estimatedTokens } = planParts(lines, overhead, budget);
    expect(estimatedTokens).toBe(overhead + lines.reduce((a, b) => a + b, 0));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.from).toBe(0);
    expect(parts[parts.length - 1]!.to).toBe(lines.length - 1);
    const sum = (a: number, b: number) => lines.slice(a, b + 1).reduce((x, y) => x + y, 0);
    for (const [i, p] of parts.entries()) {
      if (i > 0) expect(p.from).toBe(parts[i - 1]!.to + 1);
      expect(p.contextFrom).toBeLessThanOrEqual(p.from);
      if (i > 0) expect(p.contextFrom).toBeLessThan(p.from);
      expect(p.from - p.contextFrom).toBeLessThanOrEqual(CONTEXT_TURNS);
      const context = p.contextFrom < p.from ? sum(p.contextFrom, p.from - 1) : 0;
      expect(context).toBeLessThanOrEqual(budget * CONTEXT_SHARE);
      expect(overhead + context + sum(p.from, p.to)).toBeLessThanOrEqual(budget);
    }
    // balanced: no small tail
    const sizes = parts.map((p) => sum(p.from, p.to));
    expect(Math.min(...sizes)).toBeGreaterThan(Math.max(...sizes) * 0.6);
  });

  it('an utterance larger than a part goes alone in its own part', () => {
    const { parts } = planParts([50, 50, 9000, 50, 50], 1000, 3000);
    expect(parts.some((p) => p.from === 2 && p.to === 2)).toBe(true);
    expect(parts[parts.length - 1]!.to).toBe(4);
  });
});
