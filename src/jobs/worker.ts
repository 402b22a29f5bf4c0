import type { Db } from '../db/client.ts';
import type { Logger } from '../lib/logger.ts';
import { isPermanent } from './errors.ts';
import { backoffMs, claimJobs, failJob, LeaseLostError, releaseJobs, renewLease } from './queue.ts';
import type { Job } from './queue.ts';

/** Does one job; must finish it with completeJob(tx, job, owner) in the transaction storing its result. */
export type JobHandler = (job: Job, owner: string) => Promise<void>;

export interface WorkerOptions {
  db: Db;
  logger: Logger;
  handler: JobHandler;
  /** Jobs run at once by this worker. */
  concurrency: number;
  /** A claimed job is this worker's for this long, renewed every third of it while it runs. */
  leaseMs: number;
  /** How often to look for due jobs when not woken. */
  pollMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Identifies this worker in leases; unique per process. */
  owner?: string;
}

export interface JobWorker {
  readonly owner: string;
  /** Look for jobs now (e.g. right after one was queued in this process). */
  wake(): void;
  /** Stops claiming, waits up to `graceMs` for running jobs, then returns the rest to the queue. */
  stop(graceMs?: number): Promise<void>;
}

export function startWorker(opts: WorkerOptions): JobWorker {
  const owner = opts.owner ?? `worker-${crypto.randomUUID()}`;
  const log = opts.logger.child({ worker: owner });
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let wakeUp: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const sleep = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, opts.pollMs);
    }).finally(() => {
      wakeUp = null;
      if (timer) clearTimeout(timer);
    });

  async function run(job: Job) {
    const renew = setInterval(() => {
      renewLease(opts.db, job, owner, opts.leaseMs).catch((err) => log.warn('lease renewal failed', { job_id: job.id, error: String(err) }));
    }, Math.max(50, Math.floor(opts.leaseMs / 3)));
    const started = performance.now();
    try {
      await opts.handler(job, owner);
      log.info('job succeeded', { job_id: job.id, call_id: job.callId, attempt: job.attempts, ms: Math.round(performance.now() - started) });
    } catch (err) {
      if (err instanceof LeaseLostError) {
        log.warn('job lease lost; its result was discarded', { job_id: job.id });
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      const permanent = isPermanent(err);
      try {
        const outcome = await failJob(opts.db, job, owner, message, {
          permanent,
          retryInMs: backoffMs(job.attempts, opts.backoffBaseMs, opts.backoffCapMs),
        });
        log.warn(`job ${outcome === 'failed' ? 'failed' : 'will be retried'}`, { job_id: job.id, call_id: job.callId, attempt: job.attempts, permanent, error: message });
      } catch (failErr) {
        log.error('could not record a job failure; its lease will expire and it will run again', { job_id: job.id, error: String(failErr) });
      }
    } finally {
      clearInterval(renew);
    }
  }

  const loop = (async () => {
    while (!stopping) {
      const free = opts.concurrency - running.size;
      let claimed: Job[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(opts.db, owner, free, opts.leaseMs);
        } catch (err) {
          log.error('claiming jobs failed', { error: String(err) });
        }
      }
      for (const job of claimed) {
        const p = run(job).finally(() => {
          running.delete(job.id);
          wakeUp?.();
        });
        running.set(job.id, p);
      }
      if (claimed.length === 0 || running.size >= opts.concurrency) await sleep();
    }
  })();

  return {
    owner,
    wake: () => wakeUp?.(),
    async stop(graceMs = 10_000) {
      stopping = true;
      wakeUp?.();
      await loop;
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled(running.values()),
        new Promise((resolve) => {
          graceTimer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(graceTimer);
      const released = await releaseJobs(opts.db, owner);
      if (released) log.info('returned unfinished jobs to the queue', { released });
    },
  };
}
