import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_CORPUS } from '../support/corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'baton-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** Starts `npm start`'s command with this environment and waits until it listens. */
async function start(env: Record<string, string>): Promise<{ child: ChildProcessWithoutNullStreams; out: () => string; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, BATON_DATA_DIR: dataDir, PORT: String(port), ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 45_000);
    child.stdout.on('data', () => {
      if (out.includes('"msg":"listening"')) {
        clearTimeout(timer);
        res();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, out: () => out, port };
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((res) => {
    child.once('exit', (code) => res(code));
    child.kill('SIGTERM');
  });
}

describe('the Node server on its embedded defaults', () => {
  it('creates a workspace and prints its key once, keeps data across restarts, and stops on SIGTERM', async () => {
    const first = await start({});
    const key = /\b(bk_[\w-]{20,})/.exec(first.out())?.[1];
    expect(key).toBeTruthy();
    const base = `http://127.0.0.1:${first.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const fd = new FormData();
    fd.set('deal_external_id', 'server-test');
    fd.set('occurred_at', '2026-02-10T16:00:00Z');
    fd.set('file', new File([readFileSync(join(DEV_CORPUS, 'c-ledgerline-discovery.txt'))], 'c-ledgerline-discovery.txt'));
    const upload = await fetch(`${base}/v1/calls`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: fd });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    expect(await stop(first.child)).toBe(0);

    const second = await start({});
    expect(second.out()).not.toContain(key!);
    const back = await fetch(`http://127.0.0.1:${second.port}/v1/calls/${id}`, { headers: { authorization: `Bearer ${key}` } });
    expect(back.status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  });

  it('takes BATON_API_KEY as a key of the workspace', async () => {
    const chosen = 'bk_chosen_by_the_operator_123';
    const s = await start({ BATON_API_KEY: chosen });
    const res = await fetch(`http://127.0.0.1:${s.port}/v1/calls`, { headers: { authorization: `Bearer ${chosen}` } });
    expect(res.status).toBe(200);
    await stop(s.child);
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, BATON_DATA_DIR: dataDir, PORT: 'eighty' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((res) => child.on('exit', res));
    expect(code).toBe(2);
    expect(err).toMatch(/PORT/);
  });
});
