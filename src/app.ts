import { swaggerUI } from '@hono/swagger-ui';
import { HTTPException } from 'hono/http-exception';
import type { Context } from 'hono';
import type { AppEnv, Deps } from './deps.ts';
import { ProblemError } from './lib/problem.ts';
import { RateLimiter } from './lib/rate-limit.ts';
import type { Problem } from './lib/problem.ts';
import { createRouter } from './lib/router.ts';
import { authenticate } from './middleware/auth.ts';
import { requestContext } from './middleware/request-context.ts';
import { registerAnalyses } from './routes/analyses.ts';
import { registerCallAssign } from './routes/call-assign.ts';
import { registerCalls } from './routes/calls.ts';
import { registerDeals } from './routes/deals.ts';
import { registerHealth } from './routes/health.ts';
import { registerIntegrations } from './routes/integrations.ts';
import { registerTrends } from './routes/trends.ts';
import { registerWebhooks } from './routes/webhooks.ts';
import { registerWorkspace } from './routes/workspace.ts';

export const API_VERSION = '0.1.0';

/**
 * The Baton HTTP app. Runtime-agnostic: everything host-specific (database driver, config source,
 * logger sink) arrives in `deps`, so Node, tests and Workers build it the same way.
 */
export function createApp(deps: Deps) {
  const app = createRouter();

  app.use('*', requestContext(deps));
  registerHealth(app);
  const limiter = deps.config.rateLimitPerMinute > 0 ? new RateLimiter(deps.config.rateLimitPerMinute) : null;
  registerWebhooks(app, deps.config.maxBodyBytes); // signed by the recorders, not under /v1's API keys
  app.use('/v1/*', authenticate(limiter));
  registerCalls(app, deps.config.maxBodyBytes);
  registerCallAssign(app);
  registerAnalyses(app);
  registerDeals(app);
  registerTrends(app);
  registerWorkspace(app);
  registerIntegrations(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of the workspace. The first start prints one (or uses BATON_API_KEY).',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Baton API',
      version: API_VERSION,
      description:
        'Baton reads sales-call transcripts and call notes, finds the buyer-side stakeholders and their commitment signals, grades each one\'s champion strength, and keeps every result so champion strength can be followed over time. Errors are RFC 9457 problem details (`application/problem+json`).',
    },
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json', title: 'Baton API reference' }));

  app.notFound((c) => problemResponse(c, new ProblemError('not-found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    if (err instanceof HTTPException) {
      const slug = err.status === 413 ? 'payload-too-large' : err.status === 401 ? 'unauthorized' : 'bad-request';
      return problemResponse(c, new ProblemError(slug, err.message || 'the request cannot be read'));
    }
    c.var.logger?.error('unhandled error', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return problemResponse(c, new ProblemError('internal-error', 'something went wrong on our side; the request id identifies it in our logs'));
  });

  return app;
}
export type App = ReturnType<typeof createApp>;

function problemResponse(c: Context<AppEnv>, err: ProblemError) {
  const body: Problem = err.toProblem({ instance: new URL(c.req.url).pathname, request_id: c.var.requestId });
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.body(JSON.stringify(body), err.status as 400, { 'content-type': 'application/problem+json' });
}
