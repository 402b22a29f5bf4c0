import { z } from '@hono/zod-openapi';

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

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
  };
}
