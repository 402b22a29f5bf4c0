/** The server the Postgres test project uses: BATON_TEST_DATABASE_URL, else the local one. */
export function adminDatabaseUrl(): string {
  return process.env.BATON_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
