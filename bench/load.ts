// Load: accepted calls per second for a 2,000-word transcript against the real server on a real
// Postgres, with the offline analyzer running in the same process, and afterwards the stored
// calls counted against the accepted ones. Run: npm run bench:load [-- --seconds 20 --connections 32]
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 4000);
const CONNECTIONS = arg('connections', 32);
const DEALS = arg('deals', 400);
const ADMIN_URL = process.env.BATON_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEY = 'bk_load_bench_key_0123456789';
const ROOT = resolve(import.meta.dirname, '..');

function transcript(words: number): string {
  const seller = 'Sam Seller: How do invoice approvals work today, who signs off on a purchase like ours, and what would it take to move forward this quarter?';
  const buyer = 'Priya Buyer: We route everything by email to the controller, it takes days, and honestly I would push for this because it saves my team ten hours a week.';
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const line = i % 2 ? buyer : seller;
    lines.push(line);
    n += line.split(' ').length - 2;
  }
  return lines.join('\n');
}

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

async function main() {
  const dbName = `baton_load_${Date.now()}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const port = await freePort();
  const server = spawn(process.execPath, [...(process.env.BATON_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/baton-prof'] : []), '--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, PORT: String(port), DATABASE_URL: url.toString(), BATON_API_KEY: KEY, BATON_LOG_LEVEL: 'warn', BATON_RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((res, rej) => {
      const t = setTimeout(() => rej(new Error('server did not start')), 60_000);
      const probe = setInterval(async () => {
        try {
          if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) {
            clearInterval(probe);
            clearTimeout(t);
            res();
          }
        } catch {
          // not yet
        }
      }, 200);
    });

    const text = transcript(2000);
    // Each request is a new call of one of DEALS deals, a day apart within its deal.
    let n = 0;
    const bodyOf = () => {
      const i = n++;
      return JSON.stringify({
        deal: { external_id: `load-deal-${i % DEALS}` },
        occurred_at: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / DEALS) * 86_400_000).toISOString(),
        transcript: text,
      });
    };
    console.log(
      `POST /v1/calls: ${REQUESTS} calls of ${text.split(/\s+/).length} words (${bodyOf().length} bytes) over ${DEALS} deals, ${CONNECTIONS} connections, offline analyzer in the same process`,
    );
    n = 0;
    const started = Date.now();
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/v1/calls`,
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: bodyOf() }) }],
      connections: CONNECTIONS,
      amount: REQUESTS,
    });
    const seconds = (Date.now() - started) / 1000;
    const accepted = result['2xx'];
    const fiveXX = result['5xx'];
    console.log(`load average       ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) at the end of the burst`);
    console.log(`accepted calls/s   ${(accepted / seconds).toFixed(1)}   (target >= 200; ${accepted} in ${seconds.toFixed(1)} s)`);
    console.log(`latency ms         p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`);
    console.log(`responses          2xx ${accepted}  4xx ${result['4xx']}  5xx ${fiveXX}  errors ${result.errors}  timeouts ${result.timeouts}`);

    const db = postgres(url.toString(), { max: 1 });
    const [{ n: stored }] = (await db.unsafe('select count(*)::int as n from calls')) as unknown as [{ n: number }];
    console.log(`stored calls       ${stored} of ${accepted} accepted  ${stored === accepted ? '(none lost)' : '(MISMATCH)'}`);
    // Then the queue drains: how long the analyses of the burst take.
    const drainStart = Date.now();
    let open = Infinity;
    while (open > 0 && Date.now() - drainStart < 300_000) {
      await new Promise((r) => setTimeout(r, 1000));
      [{ n: open }] = (await db.unsafe("select count(*)::int as n from calls where status in ('queued','analyzing')")) as unknown as [{ n: number }];
    }
    const [{ n: analysed }] = (await db.unsafe("select count(*)::int as n from calls where status = 'analyzed'")) as unknown as [{ n: number }];
    console.log(`analysed afterwards ${analysed} of ${stored}, queue drained in ${((Date.now() - drainStart) / 1000).toFixed(1)} s after the load`);
    await db.end();
    if (fiveXX > 0 || stored !== accepted) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
