import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../../src/ingest/normalize.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { devCorpus } from '../support/corpus.ts';

let ctx: TestContext;
let ws: TestWorkspace;
beforeAll(async () => {
  ctx = await createTestContext();
  ws = await ctx.workspace();
});
afterAll(() => ctx?.close());

const form = (fields: Record<string, string>, file: { name: string; text: string }) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  fd.set('file', new File([file.text], file.name, { type: 'text/plain' }));
  return fd;
};

type Accepted = { id: string; deal_id: string; status: string; links: Record<string, string> };
type CallBody = {
  id: string;
  deal_id: string;
  status: string;
  format: string;
  occurred_at: string;
  title: string | null;
  utterance_count: number;
  participants: { name: string; side: string }[];
  transcript: { utterances: { index: number; speaker: string; text: string }[] };
};

describe('uploading the dev corpus', () => {
  for (const { file, text, gold } of devCorpus()) {
    it(`${file}: multipart upload reads back with its speakers and utterances`, async () => {
      const res = await ws.request('/v1/calls', {
        method: 'POST',
        body: form({ deal_external_id: gold.deal, occurred_at: gold.occurred_at, title: file }, { name: file, text }),
      });
      expect(res.status).toBe(202);
      const accepted = (await res.json()) as Accepted;
      expect(accepted.id).toMatch(/^call_/);
      expect(accepted.deal_id).toMatch(/^deal_/);
      expect(accepted.status).toBe('queued');
      expect(accepted.links.self).toBe(`/v1/calls/${accepted.id}`);

      const back = await ws.request(`/v1/calls/${accepted.id}`);
      expect(back.status).toBe(200);
      const call = (await back.json()) as CallBody;
      const expected = normalizeTranscript({ content: text }).transcript;
      expect(call.format).toBe(expected.format);
      expect(call.utterance_count).toBe(expected.utterances.length);
      expect(call.transcript.utterances.map((u) => u.text)).toEqual(expected.utterances.map((u) => u.text));
      expect(call.occurred_at).toBe(new Date(gold.occurred_at).toISOString());
      // Every seller of a verbatim transcript speaks under their own name.
      if (expected.format !== 'notes') {
        const speakers = new Set(call.transcript.utterances.map((u) => u.speaker.toLowerCase()));
        for (const seller of gold.seller.filter((s) => text.toLowerCase().includes(`${s.toLowerCase()}:`) || text.includes(`<v ${s}`))) {
          expect(speakers).toContain(seller.toLowerCase());
        }
      }
    });
  }

  it('takes the same call as JSON with a string transcript', async () => {
    const { file, text, gold } = devCorpus().find((f) => f.file.endsWith('.txt'))!;
    const { res, body } = await ws.json<Accepted>('/v1/calls', {
      deal: { external_id: `${gold.deal}-json`, name: 'JSON deal', account: { external_id: 'acct-ext-1', name: 'Account One' } },
      occurred_at: gold.occurred_at,
      title: file,
      transcript: text,
    });
    expect(res.status).toBe(202);
    const call = (await (await ws.request(`/v1/calls/${body.id}`)).json()) as CallBody;
    expect(call.format).toBe('speaker_lines');
    const deal = (await (await ws.request(`/v1/deals/${body.deal_id}`)).json()) as { name: string; account: { external_id: string; name: string }; call_count: number };
    expect(deal).toMatchObject({ name: 'JSON deal', account: { external_id: 'acct-ext-1', name: 'Account One' }, call_count: 1 });
  });

  it('takes structured utterances and participants with sides', async () => {
    const { res, body } = await ws.json<Accepted>('/v1/calls', {
      deal: { external_id: 'structured-1' },
      occurred_at: '2026-04-01T10:00:00+02:00',
      participants: [
        { name: 'Ana Seller', email: 'ana@vendor.example', side: 'seller' },
        { name: 'Bo Buyer', email: 'bo@buyer.example', title: 'Ops lead', side: 'buyer' },
      ],
      transcript: {
        utterances: [
          { speaker: 'Ana Seller', start: 0, end: 3.5, text: 'How does the team handle approvals today?' },
          { speaker: 'Bo Buyer', start: 4, end: 9, text: 'By email, and it is slow.' },
        ],
      },
    });
    expect(res.status).toBe(202);
    const call = (await (await ws.request(`/v1/calls/${body.id}`)).json()) as CallBody;
    expect(call.occurred_at).toBe('2026-04-01T08:00:00.000Z');
    expect(call.transcript.utterances).toHaveLength(2);
    expect(call.participants.find((p) => p.name === 'Bo Buyer')).toMatchObject({ side: 'buyer' });
    expect(call.participants.find((p) => p.name === 'Ana Seller')).toMatchObject({ side: 'seller' });
  });

  it('returns the stored call when the same source and external id arrive again', async () => {
    const upload = {
      deal: { external_id: 'dup-deal' },
      occurred_at: '2026-04-01T10:00:00Z',
      source: 'zoom',
      external_id: 'meeting-42',
      transcript: 'Ana: Hello there.\nBo: Hi Ana, good to meet you.',
    };
    const first = await ws.json<Accepted>('/v1/calls', upload);
    const second = await ws.json<Accepted>('/v1/calls', upload);
    expect(first.res.status).toBe(202);
    expect(second.res.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });
});

it('accepts NUL characters (which Postgres cannot store) as U+FFFD, in the transcript and the raw input', async () => {
  // Found by the fuzz test: a file with a NUL in it made a 500.
  const fd = new FormData();
  fd.set('deal_external_id', 'nul-deal');
  fd.set('occurred_at', '2026-01-01T00:00:00Z');
  fd.set('title', 'a\u0000b');
  fd.set('file', new File(['Ana: hello\u0000 there\nBo: \u3400\u0000'], 'nul.txt'));
  const res = await ws.request('/v1/calls', { method: 'POST', body: fd });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as Accepted;
  const call = (await (await ws.request(`/v1/calls/${id}`)).json()) as CallBody;
  expect(call.title).toBe('a\uFFFDb');
  const text = call.transcript.utterances.map((u) => u.text).join('\n');
  expect(text).toContain('hello\uFFFD there');
  expect(text).not.toContain('\u0000');
});

describe('listing', () => {
  it('pages calls of a deal newest first with a cursor, and filters by time', async () => {
    const ids: string[] = [];
    for (let day = 1; day <= 5; day++) {
      const { body } = await ws.json<Accepted>('/v1/calls', {
        deal: { external_id: 'paged-deal', account: { name: 'Paged Inc' } },
        occurred_at: `2026-06-0${day}T12:00:00Z`,
        transcript: `Seller: Call number ${day}.\nBuyer: Noted, call ${day}.`,
      });
      ids.push(body.id);
    }
    const dealId = ((await (await ws.request(`/v1/calls/${ids[0]}`)).json()) as CallBody).deal_id;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await ws.request(`/v1/calls?deal=${dealId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: { id: string }[]; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const window = (await (await ws.request(`/v1/calls?deal=${dealId}&from=2026-06-02T00:00:00Z&to=2026-06-04T00:00:00Z`)).json()) as { data: { id: string }[] };
    expect(window.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
  });

  it('lists deals by account external id and by account id', async () => {
    await ws.json('/v1/calls', {
      deal: { external_id: 'acc-deal-1', account: { external_id: 'globex', name: 'Globex' } },
      occurred_at: '2026-06-01T12:00:00Z',
      transcript: 'Seller: Hello.\nBuyer: Hi.',
    });
    await ws.json('/v1/calls', {
      deal: { external_id: 'acc-deal-2', account: { external_id: 'globex' } },
      occurred_at: '2026-06-02T12:00:00Z',
      transcript: 'Seller: Hello again.\nBuyer: Hi again.',
    });
    const byExternal = (await (await ws.request('/v1/deals?account=globex')).json()) as { data: { external_id: string; account: { id: string } }[] };
    expect(byExternal.data.map((d) => d.external_id)).toEqual(['acc-deal-1', 'acc-deal-2']);
    const byId = (await (await ws.request(`/v1/deals?account=${byExternal.data[0]!.account.id}`)).json()) as { data: unknown[] };
    expect(byId.data).toHaveLength(2);
    const page = (await (await ws.request('/v1/deals?limit=1')).json()) as { data: unknown[]; next_cursor: string };
    expect(page.data).toHaveLength(1);
    expect(page.next_cursor).toBeTruthy();
  });
});
