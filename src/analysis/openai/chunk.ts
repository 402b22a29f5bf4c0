import type { Part } from './prompt.ts';

/**
 * Splits a call that is over the input budget into parts on utterance boundaries. Each part holds
 * as many utterances as fit in the budget beside the prompt and a read-only context of the turns
 * just before it (at most a tenth of the budget, at most CONTEXT_TURNS turns). Parts are balanced:
 * the same number of requests, each about the same size, rather than full parts and a small tail.
 */

export const CONTEXT_SHARE = 0.1;
export const CONTEXT_TURNS = 40;
/** Tokens kept free for the part's own header line ("This is part k of n ..."). */
const PART_HEADER_TOKENS = 40;

export interface Plan {
  parts: Part[];
  /** Estimated input tokens of the whole call in one request. */
  estimatedTokens: number;
}

export function planParts(lines: readonly number[], overhead: number, budget: number): Plan {
  const n = lines.length;
  const body = lines.reduce((a, b) => a + b, 0);
  const estimatedTokens = overhead + body;
  if (estimatedTokens <= budget || n <= 1) return { parts: [{ from: 0, to: n - 1, contextFrom: 0 }], estimatedTokens };

  const contextBudget = Math.floor(budget * CONTEXT_SHARE);
  // what one part's own lines may take; a single line over it still goes alone in its part
  const capacity = Math.max(1, budget - overhead - contextBudget - PART_HEADER_TOKENS);
  const count = Math.max(2, Math.ceil(body / capacity));
  const target = Math.min(capacity, Math.ceil(body / count));

  const parts: Part[] = [];
  let from = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = lines[i]!;
    if (i > from && (sum + t > capacity || sum >= target)) {
      parts.push({ from, to: i - 1, contextFrom: from });
      from = i;
      sum = 0;
    }
    sum += t;
  }
  parts.push({ from, to: n - 1, contextFrom: from });

  for (const p of parts) {
    let ctx = 0;
    let k = p.from;
    while (k > 0 && p.from - k < CONTEXT_TURNS && ctx + lines[k - 1]! <= contextBudget) {
      ctx += lines[k - 1]!;
      k--;
    }
    p.contextFrom = k;
  }
  return { parts, estimatedTokens };
}
