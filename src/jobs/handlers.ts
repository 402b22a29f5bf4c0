import type { IntegrationSettings } from '../config.ts';
import type { Db } from '../db/client.ts';
import { hostConfigFromEnv } from '../integrations/settings.ts';
import { createLogger } from '../lib/logger.ts';
import type { Logger } from '../lib/logger.ts';
import { runAnalysisJob } from '../services/analysis.ts';
import type { AnalysisSettings } from '../services/analysis.ts';
import { FETCH_JOB, GONG_SYNC_JOB, runFetchJob, runGongSyncJob } from '../services/integrations.ts';
import type { IntegrationJobDeps } from '../services/integrations.ts';
import type { TranscriptLimits } from '../services/calls.ts';
import { PermanentError } from './errors.ts';
import type { Job } from './queue.ts';
import type { JobHandler } from './worker.ts';

/** What job handlers may use; built once by the host (Node server, tests). */
export interface JobDeps {
  db: Db;
  /** The default analyzer and the model to reach (src/config.ts); rules only when absent. */
  analysis?: AnalysisSettings;
  /**
   * The call-recorder settings (outbound base URLs, the key of the sealed secrets). They must be
   * the app's: when the host gives none, they are read from the process environment, as the app's were.
   */
  integrations?: IntegrationSettings;
  /** Transcript limits for recorded calls; the environment's when not given. */
  limits?: TranscriptLimits;
  logger?: Logger;
}

type KindHandler = (deps: JobDeps, job: Job, owner: string) => Promise<void>;

/** Every job kind and the function that does it. A new kind of work gets a line here. */
const HANDLERS: Record<string, KindHandler> = {
  analyze: (deps, job, owner) => runAnalysisJob(deps.db, job, owner, deps.analysis),
  [FETCH_JOB]: (deps, job, owner) => runFetchJob(integrationDeps(deps), job, owner),
  [GONG_SYNC_JOB]: (deps, job, owner) => runGongSyncJob(integrationDeps(deps), job, owner),
};

const resolved = new WeakMap<JobDeps, IntegrationJobDeps>();

function integrationDeps(deps: JobDeps): IntegrationJobDeps {
  let out = resolved.get(deps);
  if (!out) {
    const env = deps.integrations && deps.limits ? null : hostConfigFromEnv();
    out = {
      db: deps.db,
      settings: deps.integrations ?? env!.integrations,
      limits: deps.limits ?? { maxUtterances: env!.maxUtterances, maxTranscriptChars: env!.maxTranscriptChars },
      logger: deps.logger ?? createLogger('silent'),
    };
    resolved.set(deps, out);
  }
  return out;
}

/** The worker's handler: runs each job by its kind; an unknown kind fails for good. */
export function jobHandler(deps: JobDeps): JobHandler {
  return (job, owner) => {
    const handle = HANDLERS[job.kind];
    if (!handle) return Promise.reject(new PermanentError(`unknown job kind ${JSON.stringify(job.kind)}`));
    return handle(deps, job, owner);
  };
}
