import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Router } from '../lib/router.ts';
import { problem } from '../lib/openapi.ts';
import { ProblemError } from '../lib/problem.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['service'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'Serving, database reachable',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.literal('ok') }) } },
    },
    503: problem('Database unreachable'),
  },
});

export function registerHealth(app: Router) {
  app.openapi(healthRoute, async (c) => {
    try {
      await c.var.deps.db.execute(sql`select 1`);
    } catch (err) {
      c.var.logger.error('health check: database unreachable', { error: (err as Error).message });
      throw new ProblemError('service-unavailable', 'the database is not reachable');
    }
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
