import postgres from 'postgres';

/** The server the Postgres test project uses: BATON_TEST_DATABASE_URL, else the local one. */
export function adminDatabaseUrl(): string {
  return process.env.BATON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A fresh, empty database on the server of `serverUrl` (named after that URL's database and
 * `tag`), for tests whose workers must not meet another file's jobs; `drop()` removes it.
 */
export async function createOwnDatabase(serverUrl: string, tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || 'baton'}_${tag}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
