import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../schemas/transcript.ts';
import { overheadTokens } from '../../src/analysis/openai/prompt.ts';
import { createTestContext } from '../support/app.ts';
import type { TestContext, TestWorkspace } from '../support/app.ts';
import { extractionReply, partRange, startFakeOpenAI, userMessage, type FakeOpenAI } from '../support/fake-openai.ts';

// A call over the input budget: split on utterance boundaries into several requests, each with the
// turns before it as read-only context, and merged into one analysis.

const SELLER = 'Sam Longcall';
const lines: Array<[string, string]> = [];
for (let i = 0; i < 60; i++) {
  if (i % 2 === 0) lines.push([SELLER, `Thanks, that helps with point number ${i}, can you tell me more about how the team handles it today?`]);
  else lines.push([i > 40 ? 'Raj Patel' : 'Ana Lopez', `Sure, on point ${i} we mostly do it by hand in spreadsheets and it takes a while every week.`]);
}
const set = (i: number, who: string, text: string) => (lines[i] = [who, text]);
set(5, 'Ana Lopez', 'Our CFO Dana Ortiz owns the budget for this.');
set(25, 'Ana Lopez', 'I already pitched this to Dana and she liked it.');
set(45, 'Raj Patel', 'Dana will want the security review first.');
set(50, SELLER, 'If it were entirely your call, would you move forward?');
set(51, 'Ana Lopez', 'Yes, absolutely. I would sign it tomorrow.');
set(54, SELLER, 'Could we meet with Dana?');
set(55, 'Ana Lopez', 'Let us meet with Dana on Friday at 10.');

/** What the model sees in each utterance: the facts a part reports when the utterance is in it. */
const facts = {
  people: [
    { who: 'Ana Lopez', u: 5, quote: 'Our CFO Dana Ortiz owns the budget for this.', role: 'user_buyer', present: true },
    { who: 'Dana Ortiz', u: 5, quote: 'Dana Ortiz owns the budget', role: 'economic_buyer', present: false },
    { who: 'Ana Lopez', u: 25, quote: 'I already pitched this to Dana', role: 'user_buyer', present: true },
    { who: 'Dana Ortiz', u: 25, quote: 'pitched this to Dana', role: 'economic_buyer', present: false },
    { who: 'Raj Patel', u: 45, quote: 'Dana will want the security review first.', role: 'technical_buyer', present: true },
    { who: 'Ana Lopez', u: 51, quote: 'Yes, absolutely.', role: 'user_buyer', present: true },
  ],
  signals: [
    { type: 'insider_info_shared', who: 'Ana Lopez', u: 5, quote: 'Our CFO Dana Ortiz owns the budget for this.' },
    { type: 'internal_advocacy', who: 'Ana Lopez', u: 25, quote: 'I already pitched this to Dana and she liked it.' },
    { type: 'insider_info_shared', who: 'Raj Patel', u: 45, quote: 'Dana will want the security review first.' },
    { type: 'enthusiastic_commitment', who: 'Ana Lopez', u: 51, quote: 'Yes, absolutely.' },
    { type: 'next_step_scheduled', who: 'Ana Lopez', u: 55, quote: 'Let us meet with Dana on Friday at 10.' },
  ],
};

let fake: FakeOpenAI;
let ctx: TestContext;
let ws: TestWorkspace;
let budget: number;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const approx: Transcript = {
    format: 'speaker_lines',
    participants: [SELLER, 'Ana Lopez', 'Raj Patel'].map((name) => ({ name, email: null, title: null, side: name === SELLER ? 'seller' : 'buyer' })),
    utterances: lines.map(([speaker, text], index) => ({ index, speaker, side: 'unknown', start: null, end: null, text })),
  };
  budget = overheadTokens(approx) + 900;
  ctx = await createTestContext({
    analysis: { analyzer: 'openai', openai: { apiKey: 'sk-test', baseURL: fake.url, model: 'test-model', inputTokenBudget: budget, maxOutputTokens: 2000, timeoutMs: 5000, maxRetries: 0, temperature: null } },
  });
  ws = await ctx.workspace();
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

describe('a call over the input budget', () => {
  it('is split into parts with context, and the parts are merged into one analysis', async () => {
    fake.on(SELLER, (req) => {
      const r = partRange(req)!;
      // the first part knows full names; later parts only say first names (as people do)
      const name = (who: string) => (r.k === 1 ? who : who.split(' ')[0]!);
      // a part also cites the context turn before it when it is about the same fact (overlap)
      const inPart = (u: number) => (u >= r.from && u <= r.to) || (r.k > 1 && u === r.from - 1);
      const people = facts.people.filter((p) => inPart(p.u));
      const names = [...new Set(people.map((p) => p.who))];
      const q = /\[50\] .* would you move forward\?/.test(userMessage(req)) && r.from <= 51 && r.to >= 51;
      return extractionReply({
        stakeholders: names.map((who) => {
          const mine = people.filter((p) => p.who === who);
          return { name: name(who), email: null, title: null, side: 'buyer', present: mine[0]!.present, role: mine[0]!.role, stance: 'neutral', evidence: mine.map((p) => ({ utterance: p.u, quote: p.quote })) };
        }),
        signals: facts.signals.filter((s) => inPart(s.u)).map((s) => ({ type: s.type, stakeholder: name(s.who), evidence: [{ utterance: s.u, quote: s.quote }] })),
        red_flags: [],
        champion_test: q
          ? { asked: true, stakeholder: 'Ana', answer: 'enthusiastic', evidence: [{ utterance: 50, quote: 'If it were entirely your call, would you move forward?' }, { utterance: 51, quote: 'Yes, absolutely.' }] }
          : { asked: false, stakeholder: null, answer: null, evidence: [] },
      });
    });
    const { body } = await ws.json<{ id: string; status: string; analysis: { stakeholders: Array<{ name: string; present: boolean; role: string; evidence: Array<{ utterance: number }>; champion: { grade: string } }>; signals: Array<{ type: string; stakeholder: string | null }>; champion_test: { stakeholder: string | null; answer: string | null }; meta: { usage: { parts: number; requests: number; estimated_input_tokens: number } } } }>(
      '/v1/calls',
      {
        deal: { external_id: 'long-call' },
        occurred_at: '2026-03-02T15:00:00Z',
        transcript: lines.map(([who, text]) => `${who}: ${text}`).join('\n'),
        participants: [
          { name: SELLER, side: 'seller' },
          { name: 'Ana Lopez', side: 'buyer' },
          { name: 'Raj Patel', side: 'buyer' },
        ],
      },
      { headers: { prefer: 'wait=30' } },
    );
    expect(body.status).toBe('analyzed');
    const reqs = fake.requestsFor(SELLER);
    const a = body.analysis;
    expect(a.meta.usage.estimated_input_tokens).toBeGreaterThan(budget);
    expect(reqs.length).toBeGreaterThanOrEqual(2);
    expect(a.meta.usage).toMatchObject({ parts: reqs.length, requests: reqs.length });

    // the parts cover every utterance once, in order; later parts carry earlier turns as context
    const ranges = reqs.map((r) => partRange(r)!);
    expect(ranges[0]!.from).toBe(0);
    expect(ranges[ranges.length - 1]!.to).toBe(59);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from).toBe(ranges[i - 1]!.to + 1);
    for (const [i, req] of reqs.entries()) {
      const user = userMessage(req);
      const nonce = /^Nonce: ([0-9a-f]{16})$/m.exec(user)![1]!;
      expect(user.trimEnd().endsWith(`<<<END CALL ${nonce}>>>`)).toBe(true);
      const callPart = user.slice(user.indexOf(`<<<CALL ${nonce}>>>`));
      expect(callPart).toContain(`[${ranges[i]!.from}] `);
      expect(callPart).not.toContain(`[${ranges[i]!.from - 1}] `);
      if (i > 0) {
        const context = user.slice(user.indexOf(`<<<CONTEXT ${nonce}>>>`), user.indexOf(`<<<END CONTEXT ${nonce}>>>`));
        expect(context).toContain(`[${ranges[i]!.from - 1}] `);
      } else expect(user).not.toContain('<<<CONTEXT');
    }

    // one person per person: "Ana" joins Ana Lopez, "Dana" joins Dana Ortiz, "Raj" is Raj Patel
    expect(a.stakeholders.map((s) => s.name).sort()).toEqual(['Ana Lopez', 'Dana Ortiz', 'Raj Patel']);
    const ana = a.stakeholders.find((s) => s.name === 'Ana Lopez')!;
    expect(ana.champion.grade).toBe('champion');
    const dana = a.stakeholders.find((s) => s.name === 'Dana Ortiz')!;
    expect(dana).toMatchObject({ present: false, role: 'economic_buyer' });
    // overlapping evidence (a context turn cited again) is kept once
    const us = dana.evidence.map((e) => e.utterance);
    expect(new Set(us).size).toBe(us.length);
    expect(a.signals.filter((s) => s.type === 'internal_advocacy')).toEqual([expect.objectContaining({ stakeholder: 'Ana Lopez' })]);
    expect(a.signals.filter((s) => s.stakeholder === 'Raj Patel').map((s) => s.type)).toEqual(['insider_info_shared']);
    expect(a.champion_test).toMatchObject({ stakeholder: 'Ana Lopez', answer: 'enthusiastic' });
  });
});
