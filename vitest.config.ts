import { connect } from 'node:net';
import { defineConfig } from 'vitest/config';
import type { ViteUserConfig } from 'vitest/config';
import { adminDatabaseUrl } from './test/support/postgres-url.ts';

/** Whether the real Postgres server the suite also runs against answers on its port. */
function postgresReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Three projects: pure unit tests once, and the database-backed tests twice, on the embedded
// PGlite and on a real Postgres (a fresh database per run). In CI the Postgres run is mandatory.
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = process.env.CI === 'true' || (await postgresReachable(adminDatabaseUrl()));
  if (!withPostgres) console.warn('[baton tests] no Postgres at', adminDatabaseUrl(), '- running the database tests on PGlite only');
  const dbTests = ['test/api/**/*.test.ts', 'test/db/**/*.test.ts'];
  return {
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: dbTests, env: { BATON_TEST_POSTGRES: withPostgres ? '1' : '0' } } },
        { extends: true, test: { name: 'pglite', include: dbTests, env: { BATON_TEST_DRIVER: 'pglite' } } },
        ...(withPostgres
          ? [
              {
                extends: true as const,
                test: {
                  name: 'postgres',
                  include: dbTests,
                  env: { BATON_TEST_DRIVER: 'postgres' },
                  globalSetup: ['test/support/postgres-setup.ts'],
                },
              },
            ]
          : []),
      ],
    },
  };
});
