import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Logger } from './lib/logger.ts';

/** What the app needs from its host: built once by src/server.ts (Node), a test, or a Worker. */
export interface Deps {
  db: Db;
  config: Pick<Config, 'maxBodyBytes' | 'maxUtterances' | 'maxTranscriptChars' | 'rateLimitPerMinute'>;
  logger: Logger;
  /** Tells this process's job worker, if any, that a job was queued. */
  wakeWorker?: () => void;
}

/** The workspace a request acts for, resolved from its API key. */
export interface WorkspaceContext {
  id: string;
  name: string;
  sellerDomains: string[];
  timezone: string;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    logger: Logger;
    workspace: WorkspaceContext;
  };
}
