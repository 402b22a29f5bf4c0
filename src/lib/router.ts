import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../deps.ts';
import { validationError } from './problem.ts';

const TARGET_TO_LOCATION = { json: 'body', form: 'form', query: 'query', param: 'path', header: 'header', cookie: 'header' } as const;

/** A router whose request validation failures become problem+json, naming every failing field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = TARGET_TO_LOCATION[result.target as keyof typeof TARGET_TO_LOCATION] ?? 'body';
        throw validationError(where, result.error);
      }
    },
  });
}
export type Router = ReturnType<typeof createRouter>;
