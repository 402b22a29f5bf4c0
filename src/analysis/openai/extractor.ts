import OpenAI from 'openai';
import type { Extraction } from '../../../schemas/extraction.ts';
import type { Transcript } from '../../../schemas/transcript.ts';
import type { ExtractContext, Extractor } from '../extractor.ts';
import { planParts } from './chunk.ts';
import { ExtractionError, fromSdkError } from './errors.ts';
import { mergeExtractions } from './merge.ts';
import { readCompletion } from './output.ts';
import { buildMessages, lineTokens, newNonce, overheadTokens, PROMPT_VERSION, repairMessages, type ChatMessage, type Part } from './prompt.ts';
import { RESPONSE_SCHEMA, RESPONSE_SCHEMA_NAME } from './schema.ts';

/**
 * The `openai` extractor: the openai SDK's chat completions with a strict JSON-schema response
 * format, for OpenAI and any OpenAI-compatible server (Azure OpenAI's v1 API, vLLM, Ollama,
 * llama.cpp, LM Studio). One request per call up to the input budget; a longer call is split into
 * parts (src/analysis/openai/chunk.ts) whose extractions are merged. No tools are offered: the
 * reply is data, validated and grounded, and triggers nothing.
 *
 * The request depends only on the transcript (no workspace or deal context), so a stored
 * extraction can be reused for the same content, model and prompt version.
 */

export interface ModelSettings {
  /** OPENAI_API_KEY; a local server that needs none can leave it null (a placeholder is sent). */
  apiKey: string | null;
  /** OPENAI_BASE_URL; null for api.openai.com. */
  baseURL: string | null;
  /** BATON_MODEL: the model (Azure: the deployment) used when a request names none. */
  model: string;
  /** Estimated input tokens one request may take; a longer call is split. */
  inputTokenBudget: number;
  /** Output tokens one reply may take (`max_completion_tokens`). */
  maxOutputTokens: number;
  /** One HTTP attempt's timeout. */
  timeoutMs: number;
  /** The SDK's own retries of 408/409/429/5xx/timeouts, with its backoff. */
  maxRetries: number;
  /** Sent only when set (reasoning models reject it). */
  temperature: number | null;
}

export interface ModelUsage {
  /** Completions received (the SDK's retries of failed attempts are not counted). */
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Prompt tokens the server reported as served from its prefix cache. */
  cached_tokens: number;
  /** Parts the call was split into (1: one request for the whole call). */
  parts: number;
  /** Repair requests made after an invalid reply. */
  repairs: number;
  /** The estimate made before sending, for the whole call in one request. */
  estimated_input_tokens: number;
  /** True when a stored extraction was reused and no request was made. */
  reused: boolean;
  /** The model the server says answered (e.g. a dated snapshot of the one asked for). */
  served_model: string | null;
}

export const emptyUsage = (): ModelUsage => ({
  requests: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  total_tokens: 0,
  cached_tokens: 0,
  parts: 0,
  repairs: 0,
  estimated_input_tokens: 0,
  reused: false,
  served_model: null,
});

/** Azure OpenAI's v1 API (https://RESOURCE.openai.azure.com/openai/v1) also reads the key from `api-key`. */
const AZURE_HOST = /^https:\/\/[^/]+\.(?:openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)(?:\/|$)/i;

export function createClient(s: Pick<ModelSettings, 'apiKey' | 'baseURL' | 'timeoutMs' | 'maxRetries'>): OpenAI {
  const baseURL = s.baseURL ?? 'https://api.openai.com/v1';
  return new OpenAI({
    // a local server (Ollama, vLLM, llama.cpp, LM Studio) needs no key, the SDK needs one
    apiKey: s.apiKey ?? 'unused',
    baseURL,
    timeout: s.timeoutMs,
    maxRetries: s.maxRetries,
    ...(s.apiKey && AZURE_HOST.test(baseURL) ? { defaultHeaders: { 'api-key': s.apiKey } } : {}),
  });
}

export class OpenAIExtractor implements Extractor {
  readonly analyzer = 'openai' as const;
  readonly promptVersion = PROMPT_VERSION;
  readonly model: string;
  /** What this extractor's requests cost so far. */
  readonly usage: ModelUsage = emptyUsage();
  private readonly client: OpenAI;

  constructor(
    private readonly settings: ModelSettings,
    opts: { model?: string | null; client?: OpenAI } = {},
  ) {
    this.model = opts.model ?? settings.model;
    this.client = opts.client ?? createClient(settings);
  }

  async extract(transcript: Transcript, _ctx: ExtractContext): Promise<Extraction> {
    const plan = planParts(lineTokens(transcript), overheadTokens(transcript), this.settings.inputTokenBudget);
    this.usage.estimated_input_tokens = plan.estimatedTokens;
    this.usage.parts = plan.parts.length;
    const results: Extraction[] = [];
    // one part after the other: parts exist because the call is large, and rate limits are per minute
    for (const [i, part] of plan.parts.entries()) {
      results.push(await this.extractPart(transcript, plan.parts.length > 1 ? part : null, { k: i + 1, n: plan.parts.length }));
    }
    return mergeExtractions(results);
  }

  private async extractPart(t: Transcript, part: Part | null, index: { k: number; n: number }): Promise<Extraction> {
    const messages = buildMessages(t, newNonce(t), part, index);
    const first = await this.complete(messages);
    if (first.ok) return first.extraction;
    // one repair request carrying the validation errors, then a permanent failure
    this.usage.repairs++;
    const second = await this.complete([...messages, ...repairMessages(first.content, first.errors)]);
    if (second.ok) return second.extraction;
    throw new ExtractionError('invalid_output', `the reply did not match the schema after one repair request: ${second.errors.slice(0, 5).join('; ')}`);
  }

  private async complete(messages: ChatMessage[]) {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages,
        response_format: { type: 'json_schema', json_schema: { name: RESPONSE_SCHEMA_NAME, strict: true, schema: RESPONSE_SCHEMA } },
        max_completion_tokens: this.settings.maxOutputTokens,
        ...(this.settings.temperature !== null ? { temperature: this.settings.temperature } : {}),
      });
    } catch (err) {
      throw fromSdkError(err, this.settings.timeoutMs) ?? err;
    }
    this.usage.requests++;
    if (typeof completion.model === 'string' && completion.model) this.usage.served_model = completion.model;
    const u = completion.usage;
    if (u) {
      this.usage.prompt_tokens += u.prompt_tokens ?? 0;
      this.usage.completion_tokens += u.completion_tokens ?? 0;
      this.usage.total_tokens += u.total_tokens ?? 0;
      this.usage.cached_tokens += u.prompt_tokens_details?.cached_tokens ?? 0;
    }
    return readCompletion(completion, this.settings.maxOutputTokens);
  }
}
