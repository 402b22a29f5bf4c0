import { z } from '@hono/zod-openapi';
import type { ModelSettings } from './analysis/openai/extractor.ts';

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/** The model used when neither BATON_MODEL nor the request names one. */
export const DEFAULT_MODEL = 'gpt-4.1-mini';

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+/, 'must be an http:// or https:// URL')
  .transform((s) => s.replace(/\/+$/, ''));

const EnvSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  BATON_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.baton')),
  BATON_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  BATON_MAX_BODY_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(5 * 1024 * 1024)),
  BATON_SELLER_DOMAINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  BATON_LOG_LEVEL: z.preprocess(emptyAsUndefined, LogLevel.default('info')),
  BATON_MAX_UTTERANCES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(20_000)),
  BATON_MAX_TRANSCRIPT_CHARS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(2_000_000)),
  BATON_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(600)),
  BATON_WORKER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(64).default(2)),
  BATON_JOB_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(30_000)),
  BATON_JOB_POLL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).default(1_000)),
  BATON_JOB_BACKOFF_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(2_000)),
  BATON_SHUTDOWN_GRACE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(10_000)),
  // Call-recorder integrations (docs/integrations.md).
  BATON_PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  BATON_SECRETS_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  BATON_WEBHOOK_TOLERANCE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(300)),
  BATON_ZOOM_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.zoom.us')),
  BATON_ZOOM_OAUTH_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://zoom.us')),
  BATON_GONG_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.gong.io')),
  BATON_FIREFLIES_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://api.fireflies.ai/graphql')),
  BATON_RECALL_API_URL: z.preprocess(emptyAsUndefined, httpUrl.default('https://us-east-1.recall.ai')),
  // Model-backed analysis (docs/analyzers.md).
  BATON_ANALYZER: z.preprocess(emptyAsUndefined, z.enum(['openai', 'rules']).optional()),
  BATON_MODEL: z.preprocess(emptyAsUndefined, z.string().max(200).default(DEFAULT_MODEL)),
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  BATON_MODEL_INPUT_BUDGET: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2_000).default(60_000)),
  BATON_MODEL_MAX_OUTPUT_TOKENS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(256).default(16_000)),
  BATON_MODEL_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(120_000)),
  BATON_MODEL_MAX_RETRIES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(2)),
  BATON_MODEL_TEMPERATURE: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(2).optional()),
}).superRefine((e, ctx) => {
  if (e.BATON_ANALYZER === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['BATON_ANALYZER'], message: 'openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)' });
  }
});

export interface Config {
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  apiKey: string | null;
  maxBodyBytes: number;
  sellerDomains: string[];
  logLevel: LogLevel;
  maxUtterances: number;
  maxTranscriptChars: number;
  /** Requests per minute per API key; 0 turns the limit off. */
  rateLimitPerMinute: number;
  worker: {
    /** Jobs this process runs at once; 0 runs no worker here. */
    concurrency: number;
    leaseMs: number;
    pollMs: number;
    backoffBaseMs: number;
  };
  shutdownGraceMs: number;
  integrations: IntegrationSettings;
  analysis: AnalysisConfig;
}

/** Which analyzer runs by default, and the model settings (docs/analyzers.md). */
export interface AnalysisConfig {
  /** BATON_ANALYZER: the analyzer of an upload that names none. */
  analyzer: 'openai' | 'rules';
  /** The model settings; null when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set. */
  openai: ModelSettings | null;
}

/** What the call-recorder integrations need from the configuration (docs/integrations.md). */
export interface IntegrationSettings {
  /** The public origin of this server, used in the webhook URLs shown to users; else the request's origin. */
  publicUrl: string | null;
  /** Seals the integrations' stored secrets (AES-GCM); without it they are stored unsealed (never returned either way). */
  secretsKey: string | null;
  /** A signed webhook whose timestamp is further than this from now is refused as a replay. */
  webhookToleranceSeconds: number;
  /** Outbound base URLs, so that tests (or a proxy) can stand in for each provider. */
  zoomApiUrl: string;
  zoomOAuthUrl: string;
  gongApiUrl: string;
  firefliesApiUrl: string;
  recallApiUrl: string;
}

export class ConfigError extends Error {}

/** Reads the configuration once from an environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.BATON_DATA_DIR,
    apiKey: e.BATON_API_KEY ?? null,
    maxBodyBytes: e.BATON_MAX_BODY_BYTES,
    sellerDomains: e.BATON_SELLER_DOMAINS,
    logLevel: e.BATON_LOG_LEVEL,
    maxUtterances: e.BATON_MAX_UTTERANCES,
    maxTranscriptChars: e.BATON_MAX_TRANSCRIPT_CHARS,
    rateLimitPerMinute: e.BATON_RATE_LIMIT_PER_MINUTE,
    worker: {
      concurrency: e.BATON_WORKER_CONCURRENCY,
      leaseMs: e.BATON_JOB_LEASE_MS,
      pollMs: e.BATON_JOB_POLL_MS,
      backoffBaseMs: e.BATON_JOB_BACKOFF_MS,
    },
    shutdownGraceMs: e.BATON_SHUTDOWN_GRACE_MS,
    integrations: {
      publicUrl: e.BATON_PUBLIC_URL ?? null,
      secretsKey: e.BATON_SECRETS_KEY ?? null,
      webhookToleranceSeconds: e.BATON_WEBHOOK_TOLERANCE_SECONDS,
      zoomApiUrl: e.BATON_ZOOM_API_URL,
      zoomOAuthUrl: e.BATON_ZOOM_OAUTH_URL,
      gongApiUrl: e.BATON_GONG_API_URL,
      firefliesApiUrl: e.BATON_FIREFLIES_API_URL,
      recallApiUrl: e.BATON_RECALL_API_URL,
    },
    analysis: {
      analyzer: e.BATON_ANALYZER ?? (e.OPENAI_API_KEY ? 'openai' : 'rules'),
      openai:
        e.OPENAI_API_KEY || e.OPENAI_BASE_URL
          ? {
              apiKey: e.OPENAI_API_KEY ?? null,
              baseURL: e.OPENAI_BASE_URL ?? null,
              model: e.BATON_MODEL,
              inputTokenBudget: e.BATON_MODEL_INPUT_BUDGET,
              maxOutputTokens: e.BATON_MODEL_MAX_OUTPUT_TOKENS,
              timeoutMs: e.BATON_MODEL_TIMEOUT_MS,
              maxRetries: e.BATON_MODEL_MAX_RETRIES,
              temperature: e.BATON_MODEL_TEMPERATURE ?? null,
            }
          : null,
    },
  };
}
