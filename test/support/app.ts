import { inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { authorizedRequest } from './request.ts';
import { openDatabase } from '../../src/db/node.ts';
import type { Database } from '../../src/db/node.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { jobHandler } from '../../src/jobs/handlers.ts';
import type { AnalysisSettings } from '../../src/services/analysis.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import { createWorkspace } from '../../src/services/workspaces.ts';
import { createOwnDatabase } from './postgres-url.ts';

export interface TestWorkspace {
  id: string;
  key: string;
  /** Sends a request as this workspace. */
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, body: unknown, init?: RequestInit): Promise<{ res: Response; body: T }>;
}

export interface TestContext {
  app: ReturnType<typeof createApp>;
  database: Database;
  driver: 'pglite' | 'postgres';
  workspace(opts?: { sellerDomains?: string[] }): Promise<TestWorkspace>;
  close(): Promise<void>;
}

export const TEST_MAX_BODY_BYTES = 256 * 1024;
export const TEST_MAX_UTTERANCES = 2_000;

/**
 * The app over a real database: an in-memory PGlite, or the fresh Postgres database of this run
 * (BATON_TEST_DRIVER chooses; see vitest.config.ts). Workspaces keep tests apart on Postgres.
 */
export async function createTestContext(opts: { worker?: boolean; analysis?: AnalysisSettings } = {}): Promise<TestContext> {
  const driver = process.env.BATON_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
  // Workers claim any queued job of their database: a context with its own analysis settings gets
  // a database of its own on Postgres, so that other test files' workers never run its jobs.
  const own = driver === 'postgres' && opts.analysis ? await createOwnDatabase(inject('postgresUrl'), 'app') : null;
  const database = await openDatabase({
    databaseUrl: driver === 'postgres' ? own?.url ?? inject('postgresUrl') : null,
    dataDir: null,
    poolSize: 4,
  });
  const logger = createLogger(process.env.BATON_TEST_LOG === '1' ? 'debug' : 'silent');
  const worker = opts.worker === false ? null : startWorker({
    db: database.db,
    logger,
    handler: jobHandler({ db: database.db, analysis: opts.analysis }),
    concurrency: 2,
    leaseMs: 5_000,
    pollMs: 50,
    backoffBaseMs: 50,
    backoffCapMs: 1_000,
  });
  const app = createApp({
    db: database.db,
    config: { maxBodyBytes: TEST_MAX_BODY_BYTES, maxUtterances: TEST_MAX_UTTERANCES, maxTranscriptChars: 200_000, rateLimitPerMinute: 0 },
    logger,
    wakeWorker: worker?.wake,
  });
  let n = 0;
  return {
    app,
    database,
    driver,
    async workspace(opts = {}) {
      const { workspace, apiKey } = await createWorkspace(database.db, { name: `test-${++n}`, sellerDomains: opts.sellerDomains });
      const request = authorizedRequest(app, apiKey);
      return {
        id: workspace.id,
        key: apiKey,
        request,
        async json<T>(path: string, body: unknown, init: RequestInit = {}) {
          const res = await request(path, {
            method: 'POST',
            ...init,
            headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
            body: JSON.stringify(body),
          });
          return { res, body: (await res.json()) as T };
        },
      };
    },
    async close() {
      await worker?.stop(5_000);
      await database.close();
      await own?.drop();
    },
  };
}
