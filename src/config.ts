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
});

export interface Config {
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  apiKey: string | null;
  maxBodyBytes: number;
  sellerDomains: string[];
  logLevel: LogLevel;
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
  };
}
