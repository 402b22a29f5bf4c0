// Cloudflare Workers entry point: the same app as the Node server, over postgres.js.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { Db } from './db/client.ts';
import * as schema from './db/schema.ts';
import { createLogger } from './lib/logger.ts';

interface Env {
  DATABASE_URL?: string;
  HYPERDRIVE?: { connectionString: string };
  BATON_MAX_BODY_BYTES?: string;
  BATON_SELLER_DOMAINS?: string;
  BATON_LOG_LEVEL?: string;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    // Env and the database connection are per request on Workers, never module globals.
    const config = loadConfig({
      DATABASE_URL: env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL,
      BATON_MAX_BODY_BYTES: env.BATON_MAX_BODY_BYTES,
      BATON_SELLER_DOMAINS: env.BATON_SELLER_DOMAINS,
      BATON_LOG_LEVEL: env.BATON_LOG_LEVEL,
    });
    if (!config.databaseUrl) {
      return new Response(JSON.stringify({ type: 'https://baton.dev/problems/service-unavailable', title: 'Service unavailable', status: 503, detail: 'DATABASE_URL (or a HYPERDRIVE binding) is not configured' }), {
        status: 503,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const client = postgres(config.databaseUrl, { max: 5, fetch_types: false });
    const db = drizzle(client, { schema }) as unknown as Db;
    const app = createApp({ db, config, logger: createLogger(config.logLevel, { service: 'baton' }) });
    const response = await app.fetch(request);
    ctx.waitUntil(client.end());
    return response;
  },
};
