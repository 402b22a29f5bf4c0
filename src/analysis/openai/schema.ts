import { z } from 'zod';
import { ChampionTestAnswer, Role, SignalType, Stance, type Extraction, type ExtractedEvidence, type RedFlagType } from '../../../schemas/extraction.ts';
import { Side } from '../../../schemas/transcript.ts';

/**
 * What the model is asked to return: the shape of schemas/extraction.ts (every field required,
 * null for absent values) with the output capped, and only the red flags that are about a person
 * (call- and deal-level flags are computed, never asked for). Two forms of one definition:
 *  - RESPONSE_SCHEMA, the strict JSON schema sent with the request, with `maxItems` caps;
 *  - ModelOutput, the zod schema the reply is validated with locally: structure, types and enums
 *    only. Caps and lengths are then enforced by clampOutput (cut, never a failure), so an
 *    over-long list costs no repair request.
 */

export const LIMITS = {
  stakeholders: 15,
  signals: 30,
  redFlags: 20,
  /** Quotes per item. */
  evidence: 3,
  /** Characters per quote (about 50 words); a longer quote is cut at a word boundary. */
  quoteChars: 300,
  nameChars: 120,
  titleChars: 120,
} as const;

/** The flags a model may report: about one person. Call- and deal-level flags are computed. */
export const PERSON_FLAGS = ['vague_response', 'lukewarm_enthusiasm', 'intro_reluctance', 'next_step_hesitation', 'champion_at_risk', 'blocker_present'] as const satisfies readonly RedFlagType[];
const PersonFlag = z.enum(PERSON_FLAGS);

function build(capped: boolean) {
  const list = <T extends z.ZodType>(item: T, max: number) => (capped ? z.array(item).max(max) : z.array(item));
  const Evidence = z.object({ utterance: z.number().int(), quote: z.string() });
  const evidence = list(Evidence, LIMITS.evidence);
  return z.object({
    stakeholders: list(
      z.object({
        name: z.string(),
        email: z.string().nullable(),
        title: z.string().nullable(),
        side: Side,
        present: z.boolean(),
        role: Role,
        stance: Stance,
        evidence,
      }),
      LIMITS.stakeholders,
    ),
    signals: list(z.object({ type: SignalType, stakeholder: z.string().nullable(), evidence }), LIMITS.signals),
    red_flags: list(z.object({ type: PersonFlag, stakeholder: z.string().nullable(), evidence }), LIMITS.redFlags),
    champion_test: z.object({ asked: z.boolean(), stakeholder: z.string().nullable(), answer: ChampionTestAnswer.nullable(), evidence }),
  });
}

/** The reply as validated locally (no caps: clampOutput applies them). */
export const ModelOutput = build(false);
export type ModelOutput = z.infer<typeof ModelOutput>;

const DROP_KEYS = new Set(['$schema', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'format', 'pattern', 'default']);

/**
 * A JSON schema in the subset strict structured output accepts (OpenAI, Azure, and the grammar
 * engines of vLLM, llama.cpp and Ollama): every object closed and every property required; no
 * numeric or string-length keywords (enforced locally instead); `maxItems` kept.
 */
export function strictJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (DROP_KEYS.has(k)) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([p, s]) => [p, strictJsonSchema(s)])) : strictJsonSchema(v);
  }
  if (out.type === 'object' && out.properties) {
    out.required = Object.keys(out.properties as object);
    out.additionalProperties = false;
  }
  return out;
}

/** The JSON schema sent as `response_format.json_schema.schema` (strict). */
export const RESPONSE_SCHEMA = strictJsonSchema(z.toJSONSchema(build(true), { target: 'draft-7', io: 'output' })) as Record<string, unknown>;
export const RESPONSE_SCHEMA_NAME = 'call_extraction';

function cut(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  const space = head.lastIndexOf(' ');
  return (space > max / 2 ? head.slice(0, space) : head).trim();
}

function evidenceOf(list: readonly { utterance: number; quote: string }[]): ExtractedEvidence[] {
  return list
    .filter((e) => e.quote.trim().length > 0)
    .slice(0, LIMITS.evidence)
    .map((e) => ({ utterance: Math.max(0, e.utterance), quote: cut(e.quote, LIMITS.quoteChars) }));
}

const nameOrNull = (s: string | null) => (s && s.trim() ? cut(s, LIMITS.nameChars) : null);

/** Applies the caps (items, quotes per item, quote length) and returns the shared Extraction shape. */
export function clampOutput(x: ModelOutput): Extraction {
  const asked = x.champion_test.asked;
  return {
    stakeholders: x.stakeholders
      .filter((s) => s.name.trim().length > 0)
      .slice(0, LIMITS.stakeholders)
      .map((s) => ({
        name: cut(s.name, LIMITS.nameChars),
        email: s.email && s.email.trim() ? s.email.trim() : null,
        title: s.title && s.title.trim() ? cut(s.title, LIMITS.titleChars) : null,
        side: s.side,
        present: s.present,
        role: s.role,
        stance: s.stance,
        evidence: evidenceOf(s.evidence),
      })),
    signals: x.signals.slice(0, LIMITS.signals).map((s) => ({ type: s.type, stakeholder: nameOrNull(s.stakeholder), evidence: evidenceOf(s.evidence) })),
    red_flags: x.red_flags.slice(0, LIMITS.redFlags).map((f) => ({ type: f.type, stakeholder: nameOrNull(f.stakeholder), evidence: evidenceOf(f.evidence) })),
    champion_test: asked
      ? { asked: true, stakeholder: nameOrNull(x.champion_test.stakeholder), answer: x.champion_test.answer, evidence: evidenceOf(x.champion_test.evidence) }
      : { asked: false, stakeholder: null, answer: null, evidence: [] },
  };
}
