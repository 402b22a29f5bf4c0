import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { DEV_CORPUS, devCorpus } from '../support/corpus.ts';

// The analysis of an uploaded call, read through the API, has the same content as the CLI's
// analysis of the same file (ids, which only storage assigns, and timings aside).

const ROOT = resolve(import.meta.dirname, '../..');
let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

type Analysis = { stakeholders: { id: unknown }[]; meta: { ms: unknown } };
const comparable = (analysis: Analysis) => ({
  ...analysis,
  stakeholders: analysis.stakeholders.map((s) => ({ ...s, id: null })),
  meta: { ...analysis.meta, ms: 0 },
});

it.each(['c-ledgerline-discovery.txt', 'c-northwind-security.vtt', 'b-tamarack-notes.md'])('%s: API and CLI agree', async (file) => {
  const { text, gold } = devCorpus().find((f) => f.file === file)!;
  const fd = new FormData();
  fd.set('deal_external_id', `parity-${file}`);
  fd.set('occurred_at', gold.occurred_at);
  fd.set('file', new File([text], file));
  const res = await ws.request('/v1/calls', { method: 'POST', body: fd, headers: { prefer: 'wait=30' } });
  expect(res.status).toBe(200);
  const { id } = (await res.json()) as { id: string };
  const fromApi = (await (await ws.request(`/v1/calls/${id}/analysis`)).json()) as Analysis;

  const { stdout } = await promisify(execFile)(process.execPath, ['bin/baton.js', 'analyze', join(DEV_CORPUS, file), '--occurred-at', gold.occurred_at], { cwd: ROOT });
  const fromCli = JSON.parse(stdout) as Analysis;
  expect(comparable(fromCli)).toEqual(comparable(fromApi));
});
