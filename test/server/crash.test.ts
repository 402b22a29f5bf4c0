import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/node.ts';
import { adminDatabaseUrl, createOwnDatabase } from '../support/postgres-url.ts';

// Accepted calls survive a SIGKILL of the server while their analyses are in flight, and each
// ends analysed exactly once after a restart: on the embedded PGlite and on a real Postgres.

const ROOT = resolve(import.meta.dirname, '../..');
const KEY = 'bk_crash_test_key_0123456789';
const CALLS = 16;

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!,
      PORT: String(port),
      BATON_API_KEY: KEY,
      BATON_LOG_LEVEL: 'info',
      BATON_WORKER_CONCURRENCY: '1',
      BATON_JOB_LEASE_MS: '1500',
      BATON_JOB_POLL_MS: '100',
      BATON_RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 45_000);
    child.stdout!.on('data', () => {
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        res();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, out: () => out };
}

/** Resolves with the exit code once the process has ended (at once if it already has, also by a signal). */
const exited = (child: ChildProcess) =>
  new Promise((res) => (child.exitCode !== null || child.signalCode !== null ? res(child.exitCode) : child.once('exit', res)));

/** A long call (about 4,000 words) so that analyses are still queued or running at the kill. */
function transcript(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 150; i++) {
    lines.push(`Sam Seller: Question ${i} of call ${n}: how do approvals work for invoices in your team today, and who else is involved?`);
    lines.push(`Priya Buyer: Answer ${i}: we route them by email to the controller, it takes days, and I would love to fix that before the audit in March.`);
  }
  return lines.join('\n');
}

/**
 * Fires all uploads at once and kills the server with SIGKILL as soon as half of them have been
 * accepted: the accepted calls then still wait for (or are in) their analysis, and the rest of the
 * uploads die with the connection. Returns the ids of the accepted calls.
 */
async function uploadAndKill(base: string, child: ChildProcess): Promise<string[]> {
  const accepted: string[] = [];
  let killed = false;
  await Promise.allSettled(
    Array.from({ length: CALLS }, (_, n) =>
      upload(base, n).then((id) => {
        if (killed) return;
        accepted.push(id);
        if (accepted.length === CALLS / 2) {
          killed = true;
          child.kill('SIGKILL');
        }
      }),
    ),
  );
  await exited(child);
  return accepted;
}

async function upload(base: string, n: number): Promise<string> {
  {
    const res = await fetch(`${base}/v1/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        deal: { external_id: `crash-deal-${n % 4}` },
        occurred_at: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
        participants: [{ name: 'Sam Seller', side: 'seller' }],
        transcript: transcript(n),
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }
}

/** The status of every stored call (the accepted ones, and any whose upload was cut off after it was stored). */
async function statuses(base: string): Promise<string[]> {
  const res = await fetch(`${base}/v1/calls?limit=200`, { headers: { authorization: `Bearer ${KEY}` } });
  return ((await res.json()) as { data: { status: string }[] }).data.map((c) => c.status);
}

const UNANALYSED = "select count(*)::int as n from calls where status <> 'analyzed'";

async function waitAllAnalyzed(base: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const now = await statuses(base);
    if (now.every((s) => s === 'analyzed')) return;
    if (Date.now() > deadline) throw new Error(`not all analysed: ${JSON.stringify(now)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function crashAndRecover(env: Record<string, string>, unanalysedNow: () => Promise<number>) {
  const first = await startServer(env);
  const ids = await uploadAndKill(first.base, first.child);
  expect(ids).toHaveLength(CALLS / 2);
  // The kill found accepted calls not yet analysed (what the restart must finish).
  expect(await unanalysedNow()).toBeGreaterThan(0);

  const second = await startServer(env);
  await waitAllAnalyzed(second.base).catch((err: Error) => {
    throw new Error(`${err.message}\nserver output:\n${second.out().slice(-3000)}`);
  });
  second.child.kill('SIGTERM');
  expect(await exited(second.child)).toBe(0);
  return ids;
}

type Counts = { call_id: string; n: number }[];
/** Analyses per stored call: accepted calls are all there, and every stored call has exactly one. */
const COUNTS = 'select c.id as call_id, count(a.id)::int as n from calls c left join analyses a on a.call_id = c.id group by c.id';

describe('a SIGKILL while analyses are in flight', () => {
  it('loses no accepted call on the embedded PGlite, and analyses each once', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-crash-'));
    try {
      const query = async <T>(text: string): Promise<T[]> => {
        const database = await openDatabase({ databaseUrl: null, dataDir });
        try {
          return (((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows);
        } finally {
          await database.close();
        }
      };
      const ids = await crashAndRecover({ BATON_DATA_DIR: dataDir }, async () => (await query<{ n: number }>(UNANALYSED))[0]!.n);
      const counts = await query<Counts[number]>(COUNTS);
      expect(counts.map((c) => c.call_id)).toEqual(expect.arrayContaining(ids));
      expect(counts.every((c) => c.n === 1)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe.runIf(process.env.BATON_TEST_POSTGRES === '1')('on Postgres', () => {
    let own: Awaited<ReturnType<typeof createOwnDatabase>> | null = null;
    afterAll(async () => {
      await own?.drop();
    });

    it('loses no accepted call on a real Postgres, and analyses each once', { timeout: 180_000 }, async () => {
      own = await createOwnDatabase(adminDatabaseUrl(), 'crash');
      const url = new URL(own.url);
      const check = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const ids = await crashAndRecover({ DATABASE_URL: url.toString() }, async () => ((await check.unsafe(UNANALYSED)) as unknown as { n: number }[])[0]!.n);
        const counts = (await check.unsafe(COUNTS)) as unknown as Counts;
        expect(counts.map((c) => c.call_id)).toEqual(expect.arrayContaining(ids));
        expect(counts.every((c) => c.n === 1)).toBe(true);
      } finally {
        await check.end();
      }
    });
  });
});
