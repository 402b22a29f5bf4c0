import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { calls, jobs } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';

/**
 * A job as claimed. `callId` is '' for kinds that run before their call exists (fetching a call
 * recorder's transcript, src/services/integrations.ts): their `call_id` column is null.
 */
export type Job = Omit<typeof jobs.$inferSelect, 'callId'> & { callId: string };

const withCallId = (row: typeof jobs.$inferSelect): Job => ({ ...row, callId: row.callId ?? '' });

export interface AnalyzeOptions {
  /** `rules` or `openai`; null means the server's default. */
  analyzer?: string | null;
  model?: string | null;
  /** Make a fresh extraction even when a stored one could be reused. */
  force?: boolean;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Queues an analysis of a call and marks the call `queued`: call it in the transaction that stores the call. */
export async function enqueueAnalysis(tx: DbOrTx, workspaceId: string, callId: string, options: AnalyzeOptions = {}, maxAttempts = DEFAULT_MAX_ATTEMPTS) {
  const id = await addAnalysisJob(tx, workspaceId, callId, options, maxAttempts);
  await tx
    .update(calls)
    .set({ status: 'queued', statusReason: null, updatedAt: new Date() })
    .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId)));
  return id;
}

/** Inserts the analysis job of a call that is already marked `queued` (a call stored just now). */
export async function addAnalysisJob(tx: DbOrTx, workspaceId: string, callId: string, options: AnalyzeOptions = {}, maxAttempts = DEFAULT_MAX_ATTEMPTS) {
  const id = newId('job');
  await tx.insert(jobs).values({ id, workspaceId, callId, kind: 'analyze', options, status: 'queued', maxAttempts });
  return id;
}

/**
 * Queues a job of a kind that has no call (yet), e.g. fetching a recorder's transcript; its input
 * is `payload`. Call it in the transaction that records why the job exists. Returns the job id.
 */
export async function enqueueJob(tx: DbOrTx, workspaceId: string, kind: string, payload: unknown, opts: { maxAttempts?: number; runAt?: Date } = {}) {
  const id = newId('job');
  await tx.insert(jobs).values({
    id,
    workspaceId,
    callId: null,
    kind,
    payload,
    status: 'queued',
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ...(opts.runAt ? { runAt: opts.runAt } : {}),
  });
  return id;
}

/**
 * Claims up to `limit` jobs for `owner` with a lease of `leaseMs`: queued jobs whose time has come,
 * and running jobs whose worker stopped renewing (its lease expired). SKIP LOCKED lets several
 * processes claim from one database without waiting on each other or taking the same job.
 */
export async function claimJobs(db: DbOrTx, owner: string, limit: number, leaseMs: number): Promise<Job[]> {
  const result = await db.execute(sql`
    update ${jobs} j set status = 'running', lease_owner = ${owner},
      lease_expires_at = now() + (${leaseMs} * interval '1 millisecond'),
      attempts = j.attempts + 1, updated_at = now()
    from (
      select id from ${jobs}
      where (status = 'queued' and run_at <= now()) or (status = 'running' and lease_expires_at < now())
      order by run_at
      limit ${limit}
      for update skip locked
    ) picked
    where j.id = picked.id
    returning j.id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = (await db.select().from(jobs).where(sql`${jobs.id} in ${ids}`)).map(withCallId);
  const callIds = claimed.map((j) => j.callId).filter((id) => id !== '');
  if (callIds.length) {
    await db
      .update(calls)
      .set({ status: 'analyzing', updatedAt: new Date() })
      .where(sql`${calls.id} in ${callIds} and ${calls.status} <> 'analyzed'`);
  }
  return claimed;
}

/** Extends the lease of a job this owner still holds; false when the lease was lost. */
export async function renewLease(db: DbOrTx, job: Job, owner: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseExpiresAt: sql`now() + (${leaseMs} * interval '1 millisecond')`, updatedAt: new Date() })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.leaseOwner, owner)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Marks a job done; call it inside the transaction that stores its result, so the result and the
 * job's end commit together. Throws (rolling the result back) when this owner no longer holds the job.
 */
export async function completeJob(tx: DbOrTx, job: Job, owner: string) {
  const rows = await tx
    .update(jobs)
    .set({ status: 'succeeded', leaseOwner: null, leaseExpiresAt: null, lastError: null, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.leaseOwner, owner)))
    .returning({ id: jobs.id });
  if (rows.length === 0) throw new LeaseLostError(job.id);
}

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this worker`);
  }
}

/** Exponential backoff with full jitter: attempt 1 waits up to base, then doubling, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Records a failed attempt: retried later (queued with a backoff) while attempts remain and the
 * error is transient, otherwise failed for good with the call marked `failed` and the reason.
 */
export async function failJob(db: DbOrTx, job: Job, owner: string, error: string, opts: { permanent: boolean; retryInMs: number }) {
  const final = opts.permanent || job.attempts >= job.maxAttempts;
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(jobs)
      .set(
        final
          ? { status: 'failed', lastError: error, leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date(), updatedAt: new Date() }
          : {
              status: 'queued',
              lastError: error,
              leaseOwner: null,
              leaseExpiresAt: null,
              runAt: sql`now() + (${opts.retryInMs} * interval '1 millisecond')`,
              updatedAt: new Date(),
            },
      )
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.leaseOwner, owner)))
      .returning({ id: jobs.id });
    if (rows.length === 0 || !job.callId) return; // someone else holds it now, or it has no call
    await tx
      .update(calls)
      .set({
        status: final ? 'failed' : 'queued',
        statusReason: final ? error.slice(0, 1000) : `retrying after attempt ${job.attempts}: ${error}`.slice(0, 1000),
        attempts: job.attempts,
        updatedAt: new Date(),
      })
      .where(and(eq(calls.id, job.callId), sql`${calls.status} <> 'analyzed'`));
  });
  return final ? 'failed' : 'retrying';
}

/** Puts jobs this owner holds back in the queue (a graceful stop), without counting the attempt. */
export async function releaseJobs(db: DbOrTx, owner: string) {
  const released = await db
    .update(jobs)
    .set({ status: 'queued', leaseOwner: null, leaseExpiresAt: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)`, updatedAt: new Date() })
    .where(and(eq(jobs.status, 'running'), eq(jobs.leaseOwner, owner)))
    .returning({ callId: jobs.callId });
  const callIds = released.map((r) => r.callId).filter((id): id is string => id !== null);
  if (callIds.length) {
    await db
      .update(calls)
      .set({ status: 'queued', updatedAt: new Date() })
      .where(sql`${calls.id} in ${callIds} and ${calls.status} = 'analyzing'`);
  }
  return released.length;
}

/** Rows of a db.execute result, whichever driver ran it (postgres.js returns an array, PGlite {rows}). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
