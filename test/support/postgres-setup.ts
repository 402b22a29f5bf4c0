import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { adminDatabaseUrl } from './postgres-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Creates a fresh database for this test run and drops it afterwards. */
export default async function setup(project: TestProject) {
  const admin = adminDatabaseUrl();
  const name = `baton_test_${Date.now()}_${process.pid}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  project.provide('postgresUrl', url.toString());
  return async () => {
    const drop = postgres(admin, { max: 1, onnotice: () => {} });
    await drop.unsafe(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
}
