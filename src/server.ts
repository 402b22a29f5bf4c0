// Node entry point: reads the configuration, opens the database (PGlite or Postgres), makes sure a
// workspace and key exist, and serves the app.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/node.ts';
import { jobHandler } from './jobs/handlers.ts';
import { startWorker } from './jobs/worker.ts';
import { createLogger } from './lib/logger.ts';
import { bootstrapWorkspace } from './services/workspaces.ts';

async function main() {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`baton: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, { service: 'baton' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info('database ready', {
    driver: database.driver,
    ...(database.driver === 'pglite' ? { data_dir: config.dataDir } : {}),
  });

  const boot = await bootstrapWorkspace(database.db, { apiKey: config.apiKey, sellerDomains: config.sellerDomains });
  if (boot.created && !boot.keyFromEnv) {
    // Printed once, on the first start; only its hash is stored.
    process.stdout.write(
      `\n  Baton created workspace "${boot.workspace.name}" (${boot.workspace.id}).\n  Its API key, shown only this once:\n\n    ${boot.apiKey}\n\n  Use it as: Authorization: Bearer <key>\n\n`,
    );
  } else if (boot.created) {
    logger.info('workspace created; its key is BATON_API_KEY', { workspace_id: boot.workspace.id });
  }

  const worker =
    config.worker.concurrency > 0
      ? startWorker({
          db: database.db,
          logger,
          handler: jobHandler({
            db: database.db,
            analysis: config.analysis,
            integrations: config.integrations,
            limits: { maxUtterances: config.maxUtterances, maxTranscriptChars: config.maxTranscriptChars },
            logger,
          }),
          concurrency: config.worker.concurrency,
          leaseMs: config.worker.leaseMs,
          pollMs: config.worker.pollMs,
          backoffBaseMs: config.worker.backoffBaseMs,
          backoffCapMs: 5 * 60_000,
        })
      : null;

  const app = createApp({ db: database.db, config, logger, wakeWorker: worker?.wake });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    logger.info('listening', { url: `http://localhost:${info.port}`, docs: `http://localhost:${info.port}/docs` });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: no new requests; finishing in-flight requests and jobs', { signal });
    // Hard stop if a step hangs; the job leases then expire and other workers take the jobs up.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 10_000).unref();
    server.close(async () => {
      await worker?.stop(config.shutdownGraceMs);
      await database.close();
      logger.info('stopped');
      process.exit(0);
    });
    // Idle keep-alive connections would hold server.close() open.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error('baton: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
