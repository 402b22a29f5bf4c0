import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext } from '../support/app.ts';
import type { TestContext } from '../support/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

it('GET /healthz answers without a key', async () => {
  const res = await ctx.app.request('/healthz');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
});

it('GET /openapi.json describes every route with its schemas', async () => {
  const res = await ctx.app.request('/openapi.json');
  expect(res.status).toBe(200);
  const spec = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
  expect(spec.openapi).toBe('3.1.0');
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/calls', '/v1/calls/{id}', '/v1/deals', '/v1/deals/{id}', '/healthz']));
  expect(Object.keys(spec.paths['/v1/calls']!)).toEqual(expect.arrayContaining(['get', 'post']));
  expect(spec.paths['/v1/calls']!.post!.responses).toHaveProperty('202');
  expect(spec.paths['/v1/calls']!.post!.responses).toHaveProperty('413');
  expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['IngestCall', 'Call', 'Transcript', 'Deal', 'Problem']));
});

it('GET /docs serves a reference page', async () => {
  const res = await ctx.app.request('/docs');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(await res.text()).toContain('/openapi.json');
});

it('echoes a request id, or makes one', async () => {
  const given = await ctx.app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
  expect(given.headers.get('x-request-id')).toBe('abc-123');
  const made = await ctx.app.request('/healthz');
  expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});
