import type { MiddlewareHandler } from 'hono';
import type { AppEnv, WorkspaceContext } from '../deps.ts';
import { ProblemError } from '../lib/problem.ts';
import type { RateLimiter } from '../lib/rate-limit.ts';
import { workspaceForKey } from '../services/workspaces.ts';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="baton"' };

/** `Authorization: Bearer <key>` opens the key's workspace, and only that one; each key has a rate limit. */
export function authenticate(limiter: RateLimiter | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new ProblemError('unauthorized', 'no Authorization header: send Authorization: Bearer <api key>', { headers: CHALLENGE });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new ProblemError('unauthorized', 'the Authorization header must be "Bearer <api key>"', { headers: CHALLENGE });
    }
    const workspace: WorkspaceContext | null = await workspaceForKey(c.var.deps.db, match[1]!);
    if (!workspace) throw new ProblemError('unauthorized', 'the API key is not valid', { headers: CHALLENGE });
    if (limiter) {
      const wait = limiter.take(match[1]!);
      if (wait > 0) {
        throw new ProblemError('rate-limited', `this API key made too many requests; try again in ${wait} s`, { headers: { 'Retry-After': String(wait) } });
      }
    }
    c.set('workspace', workspace);
    await next();
  };
}
