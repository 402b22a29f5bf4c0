// Leases here are short: on Postgres the run's database is shared with other test files, whose
// jobs these claims may take for a moment.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, jobs } from '../../src/db/schema.ts';
import { PermanentError, TransientError } from '../../src/jobs/errors.ts';
import { backoffMs, claimJobs, completeJob, LeaseLostError } from '../../src/jobs/queue.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import type { JobHandler } from '../../src/jobs/worker.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext({ worker: false });
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

/** A stored call with a queued analysis job; returns the call id. */
async function queuedCall(name: string): Promise<string> {
  const res = await ws.json<{ id: string }>('/v1/calls', {
    deal: { external_id: `jobs-${name}` },
    occurred_at: '2026-01-01T00:00:00Z',
    transcript: 'Ana: Hello.\nBo: Hi.',
  });
  return res.body.id;
}

const jobOf = async (callId: string) => (await ctx.database.db.select().from(jobs).where(eq(jobs.callId, callId)))[0]!;
const callOf = async (callId: string) => (await ctx.database.db.select().from(calls).where(eq(calls.id, callId)))[0]!;

function worker(handler: JobHandler) {
  return startWorker({ db: ctx.database.db, logger: createLogger('silent'), handler, concurrency: 2, leaseMs: 300, pollMs: 20, backoffBaseMs: 20, backoffCapMs: 100 });
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the job queue', () => {
  it('an accepted call is stored with a queued job in one go', async () => {
    const id = await queuedCall('accepted');
    expect((await callOf(id)).status).toBe('queued');
    expect(await jobOf(id)).toMatchObject({ kind: 'analyze', status: 'queued', attempts: 0 });
  });

  it('retries transient failures with backoff until the attempt limit, then fails with the reason', async () => {
    const id = await queuedCall('transient');
    const seen: number[] = [];
    const w = worker(async (job) => {
      if (job.callId !== id) return;
      seen.push(Date.now());
      throw new TransientError('model timed out');
    });
    await until(async () => (await jobOf(id)).status === 'failed');
    await w.stop();
    const job = await jobOf(id);
    expect(job.attempts).toBe(job.maxAttempts);
    expect(seen).toHaveLength(job.maxAttempts);
    expect(await callOf(id)).toMatchObject({ status: 'failed', statusReason: 'model timed out', attempts: job.maxAttempts });
  });

  it('fails a permanent error at once', async () => {
    const id = await queuedCall('permanent');
    const w = worker(async (job) => {
      if (job.callId === id) throw new PermanentError('the model refused');
    });
    await until(async () => (await jobOf(id)).status === 'failed');
    await w.stop();
    expect((await jobOf(id)).attempts).toBe(1);
    expect((await callOf(id)).statusReason).toBe('the model refused');
  });

  it('takes up a job whose worker died when its lease expires, and the dead worker cannot finish it', async () => {
    const id = await queuedCall('lease');
    // A worker claims it and dies (never renews, never finishes).
    const [claimed] = (await claimJobs(ctx.database.db, 'dead-worker', 50, 100)).filter((j) => j.callId === id);
    expect(claimed).toBeTruthy();
    expect((await callOf(id)).status).toBe('analyzing');
    await new Promise((r) => setTimeout(r, 150));
    const [again] = (await claimJobs(ctx.database.db, 'live-worker', 50, 300)).filter((j) => j.callId === id);
    expect(again?.attempts).toBe(2);
    await expect(ctx.database.db.transaction((tx) => completeJob(tx, claimed!, 'dead-worker'))).rejects.toBeInstanceOf(LeaseLostError);
    await ctx.database.db.transaction((tx) => completeJob(tx, again!, 'live-worker'));
    expect((await jobOf(id)).status).toBe('succeeded');
  });

  it('returns unfinished jobs to the queue on a graceful stop', async () => {
    const id = await queuedCall('graceful');
    let started = false;
    const w = worker(async (job) => {
      if (job.callId !== id) return;
      started = true;
      await new Promise((r) => setTimeout(r, 5_000));
    });
    await until(async () => started);
    await w.stop(50);
    expect(await jobOf(id)).toMatchObject({ status: 'queued', leaseOwner: null, attempts: 0 });
    expect((await callOf(id)).status).toBe('queued');
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('never hands one job to two claimers at once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => queuedCall(`race-${i}`)));
    const [a, b] = await Promise.all([claimJobs(ctx.database.db, 'a', 100, 300), claimJobs(ctx.database.db, 'b', 100, 300)]);
    const mine = [...a, ...b].filter((j) => ids.includes(j.callId));
    expect(mine).toHaveLength(6);
    expect(new Set(mine.map((j) => j.id)).size).toBe(6);
  });
});
