// Node-only: opens the database for the Node server, the CLI and tests. Never imported by src/app.ts.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Db } from './client.ts';
import { lockDataDir } from './pglite-lock.ts';
import * as schema from './schema.ts';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when null, an embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database; `memory://` (or null) keeps it in memory. */
  dataDir: string | null;
  /** Connections in the postgres.js pool. */
  poolSize?: number;
}

/** Opens the database and applies pending migrations before returning. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    // Several processes may start at once against one server: migrate under an advisory lock.
    const lockConn = postgres(opts.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await lockConn`select pg_advisory_lock(727001)`;
      await migratePostgres(drizzlePostgres(lockConn, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      await lockConn`select pg_advisory_unlock(727001)`;
    } finally {
      await lockConn.end({ timeout: 5 });
    }
    return { db: db as unknown as Db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = opts.dataDir && opts.dataDir !== 'memory://' ? resolve(opts.dataDir) : null;
  if (dir) mkdirSync(dir, { recursive: true });
  const release = dir ? lockDataDir(dir) : () => {};
  try {
    const client = dir ? new PGlite(dir) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
    await db.execute(sql`select 1`);
    return {
      db: db as unknown as Db,
      driver: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
