import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MAX_BODY_BYTES, createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

type Problem = { type: string; title: string; status: number; detail: string; request_id: string; errors?: { in: string; path: string; message: string }[] };

async function expectProblem(res: Response, status: number, slug: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Problem;
  expect(body.type).toBe(`https://baton.dev/problems/${slug}`);
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
  expect(body.request_id).toBe(res.headers.get('x-request-id'));
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  return body;
}

const valid = { deal: { external_id: 'd-1' }, occurred_at: '2026-01-01T00:00:00Z', transcript: 'Ana: Hello.\nBo: Hi.' };
const post = (body: string, contentType?: string) =>
  ws.request('/v1/calls', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

describe('problems', () => {
  it('malformed JSON', async () => {
    const p = await expectProblem(await post('{"deal": ', 'application/json'), 400, 'malformed-json');
    expect(p.detail).toMatch(/not valid JSON/);
  });

  it('a wrong content type', async () => {
    const p = await expectProblem(await post('Ana: hi', 'text/csv'), 415, 'unsupported-media-type');
    expect(p.errors?.[0]?.path).toBe('content-type');
  });

  it('every failing field with its path', async () => {
    const p = await expectProblem(
      await post(JSON.stringify({ deal: {}, occurred_at: 'yesterday', participants: [{ email: 'nope' }], transcript: 'x' }), 'application/json'),
      422,
      'validation-error',
    );
    const paths = p.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['deal.external_id', 'occurred_at', 'participants.0.name', 'participants.0.email']));
    expect(p.errors!.every((e) => e.in === 'body')).toBe(true);
  });

  it('a missing occurred_at when the transcript does not carry one', async () => {
    const p = await expectProblem(await post(JSON.stringify({ ...valid, occurred_at: undefined }), 'application/json'), 422, 'validation-error');
    expect(p.errors?.[0]?.path).toBe('occurred_at');
  });

  it('an empty transcript', async () => {
    await expectProblem(await post(JSON.stringify({ ...valid, transcript: '   \n\n ' }), 'application/json'), 422, 'empty-transcript');
  });

  it('an unparseable caption file', async () => {
    const fd = new FormData();
    fd.set('deal_external_id', 'd-1');
    fd.set('occurred_at', '2026-01-01T00:00:00Z');
    fd.set('file', new File(['WEBVTT\n\n1\nthis is not a timestamp\nAna: hello\n\n2\nnor this\nBo: hi\n'], 'broken.vtt'));
    const p = await expectProblem(await ws.request('/v1/calls', { method: 'POST', body: fd }), 422, 'unparseable-transcript');
    expect(p.errors?.[0]?.path).toBe('transcript');
  });

  it('an unparseable JSON transcript', async () => {
    await expectProblem(await post(JSON.stringify({ ...valid, transcript: '{"nothing": "here"}' }), 'application/json'), 422, 'unparseable-transcript');
  });

  it('a multipart upload without a file, or with bad participants, names the form field', async () => {
    const fd = new FormData();
    fd.set('deal_external_id', 'd-1');
    let p = await expectProblem(await ws.request('/v1/calls', { method: 'POST', body: fd }), 422, 'validation-error');
    expect(p.errors?.[0]).toMatchObject({ in: 'form', path: 'file' });
    fd.set('file', new File(['Ana: hello\nBo: hi'], 'a.txt'));
    fd.set('participants', '[{"name": ');
    p = await expectProblem(await ws.request('/v1/calls', { method: 'POST', body: fd }), 422, 'validation-error');
    expect(p.errors?.[0]).toMatchObject({ in: 'form', path: 'participants' });
    fd.set('participants', '[]');
    fd.delete('deal_external_id');
    fd.set('occurred_at', 'soon');
    p = await expectProblem(await ws.request('/v1/calls', { method: 'POST', body: fd }), 422, 'validation-error');
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['deal_external_id', 'occurred_at']);
  });

  it('an oversized body', async () => {
    const big = 'Ana: ' + 'word '.repeat(TEST_MAX_BODY_BYTES / 4) + '\nBo: hi';
    await expectProblem(await post(JSON.stringify({ ...valid, transcript: big }), 'application/json'), 413, 'payload-too-large');
  });

  it('an unknown route', async () => {
    await expectProblem(await ws.request('/v1/nothing-here'), 404, 'not-found');
    await expectProblem(await ctx.app.request('/nowhere'), 404, 'not-found');
  });

  it('unknown and malformed ids', async () => {
    await expectProblem(await ws.request('/v1/calls/call_00000000000000000000000000'), 404, 'not-found');
    await expectProblem(await ws.request('/v1/calls/not-an-id'), 404, 'not-found');
    await expectProblem(await ws.request(`/v1/calls/${encodeURIComponent("'; drop table calls; --")}`), 404, 'not-found');
    await expectProblem(await ws.request('/v1/deals/deal_zzzzzzzzzzzzzzzzzzzzzzzzzz'), 404, 'not-found');
  });

  it('bad query parameters', async () => {
    let p = await expectProblem(await ws.request('/v1/calls?cursor=garbage'), 422, 'validation-error');
    expect(p.errors?.[0]).toMatchObject({ in: 'query', path: 'cursor' });
    p = await expectProblem(await ws.request('/v1/calls?from=last-week&limit=0'), 422, 'validation-error');
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['from', 'limit']);
  });

  it('a missing, malformed or wrong key', async () => {
    await expectProblem(await ctx.app.request('/v1/calls'), 401, 'unauthorized');
    await expectProblem(await ctx.app.request('/v1/calls', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
    const res = await ctx.app.request('/v1/calls', { headers: { authorization: 'Bearer bk_wrong' } });
    await expectProblem(res, 401, 'unauthorized');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
