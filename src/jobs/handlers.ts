import type { Db } from '../db/client.ts';
import { runAnalysisJob } from '../services/analysis.ts';
import { PermanentError } from './errors.ts';
import type { Job } from './queue.ts';
import type { JobHandler } from './worker.ts';

/** What job handlers may use; built once by the host (Node server, tests). */
export interface JobDeps {
  db: Db;
}

type KindHandler = (deps: JobDeps, job: Job, owner: string) => Promise<void>;

/** Every job kind and the function that does it. A new kind of work gets a line here. */
const HANDLERS: Record<string, KindHandler> = {
  analyze: (deps, job, owner) => runAnalysisJob(deps.db, job, owner),
};

/** The worker's handler: runs each job by its kind; an unknown kind fails for good. */
export function jobHandler(deps: JobDeps): JobHandler {
  return (job, owner) => {
    const handle = HANDLERS[job.kind];
    if (!handle) return Promise.reject(new PermanentError(`unknown job kind ${JSON.stringify(job.kind)}`));
    return handle(deps, job, owner);
  };
}
