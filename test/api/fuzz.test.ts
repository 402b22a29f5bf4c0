import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { devCorpus } from '../support/corpus.ts';

// Property-based: whatever arrives at the upload route, the answer is a 2xx or a 4xx problem,
// never a 500 and never a crash.

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

const RUNS = Number(process.env.BATON_FUZZ_RUNS ?? 60);

async function expectHandled(res: Response) {
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  await res.arrayBuffer();
}

const valid = {
  deal: { external_id: 'fuzz-deal' },
  occurred_at: '2026-01-01T00:00:00Z',
  transcript: 'Ana Seller: If it were your call, would you buy?\nBo Buyer: Yes, and I will book my CFO for Tuesday.',
};

/** A valid body with one part replaced by anything at all. */
const mutatedBody = fc.oneof(
  fc.anything().map((v) => ({ ...valid, transcript: v })),
  fc.anything().map((v) => ({ ...valid, deal: v })),
  fc.anything().map((v) => ({ ...valid, occurred_at: v })),
  fc.anything().map((v) => ({ ...valid, participants: v })),
  fc.anything().map((v) => ({ ...valid, format: v })),
  fc.dictionary(fc.string(), fc.anything()).map((extra) => ({ ...extra, ...valid })),
  fc.anything(),
);

/** Text shaped like the formats Baton reads, cut and spliced at random. */
const corpusTexts = devCorpus().map((f) => f.text);
const mutatedTranscript = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.tuple(fc.constantFrom(...corpusTexts), fc.nat(), fc.nat(), fc.string({ maxLength: 50 })).map(([text, a, b, insert]) => {
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 400));
    return text.slice(0, i) + insert + text.slice(j);
  }),
  fc.constantFrom('WEBVTT', 'WEBVTT\n\n00:00.000 --> ', '1\n00:00:01,000 --> 00:00:02,000\n', '{"utterances": [', '[{"speaker": 1}]', '{"segments": [{"text": null}]}'),
);

describe('the upload route under random input', () => {
  it('random and mutated JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody, async (body) => {
        const res = await ws.request('/v1/calls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) ?? 'null' });
        await expectHandled(res);
      }),
      { numRuns: RUNS },
    );
  });

  it('random raw bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom('application/json', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', ''), async (body, type) => {
        const res = await ws.request('/v1/calls', { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
        await expectHandled(res);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated caption files, transcripts and JSON exports as uploads', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedTranscript, fc.boolean(), async (text, asFile) => {
        let res: Response;
        if (asFile) {
          const fd = new FormData();
          fd.set('deal_external_id', 'fuzz-file');
          fd.set('occurred_at', '2026-01-01T00:00:00Z');
          fd.set('file', new File([text], 'upload.txt'));
          res = await ws.request('/v1/calls', { method: 'POST', body: fd });
        } else {
          res = await ws.request('/v1/calls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...valid, transcript: text }) });
        }
        await expectHandled(res);
      }),
      { numRuns: RUNS },
    );
  });

  it('the worker analyses whatever was accepted without crashing', async () => {
    // Everything the properties above got accepted is analysed or failed with a reason, none stuck.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = (await (await ws.request('/v1/calls?limit=200')).json()) as { data: { status: string; status_reason: string | null }[] };
      const open = page.data.filter((c) => c.status === 'queued' || c.status === 'analyzing');
      if (open.length === 0) {
        expect(page.data.filter((c) => c.status === 'failed')).toEqual([]);
        return;
      }
      if (Date.now() > deadline) throw new Error(`${open.length} calls still open`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
