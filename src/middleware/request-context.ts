import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../deps.ts';

const INCOMING_ID = /^[\w.:-]{1,128}$/;

/** Webhook URLs carry the connection's token (for some recorders the only credential): never log it. */
const redact = (path: string) => path.replace(/^(\/webhooks\/[^/]+\/)[^/]+/, '$1[redacted]');

/** Gives every request its deps, a request id (echoed as X-Request-Id) and a logger carrying it. */
export function requestContext(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    const logger = deps.logger.child({ request_id: requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: redact(new URL(c.req.url).pathname),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      workspace_id: c.get('workspace')?.id,
    });
  };
}
