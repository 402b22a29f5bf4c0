import { describe, it, expect } from 'vitest';
import { Transcript, type TranscriptFormat } from '../../schemas/transcript.ts';
import { UNEXPECTED_FAILURE_PREFIX } from '../../src/ingest/errors.ts';
import { normalizeTranscript, TranscriptError, type NormalizeInput } from '../../src/ingest/normalize.ts';

/** mulberry32: a small seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS: string[] = [
  'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500 align:start\n<v Ana Silva>Hello &amp; welcome.</v>\n\n2\n00:02.600 --> 00:04.000\nBen Ode: Thanks.\n',
  '1\n00:00:01,000 --> 00:00:02,000\nANA SILVA: Hi.\n\n2\n00:00:02,500 --> 00:00:03,000\nBEN ODE: Hey.\n',
  '[00:00:01] Ana Silva (CFO, Acme): Hi.\n[00:00:04] Ben Ode - AE: Hello.\ncontinued\n**Ana:** ok\n',
  'Ana Silva  0:03\nHello there.\n\nBen Ode  0:10\nHi.\n',
  '# Notes\nAttendees: Ana Silva (CFO), me (Ben Ode). Others.\n- Ana: "yes"\n- next call Friday\n',
  JSON.stringify({ title: 't', date: '2026-01-01', participants: [{ name: 'Ana', email: 'a@x.com' }], utterances: [{ speaker: 'Ana', text: 'hi', start: 1, end: 2 }] }),
  JSON.stringify([{ participant: { name: 'Ana' }, words: [{ text: 'hi', start_timestamp: { relative: 1 } }] }]),
];
const ALPHABET = ['a', 'Z', ' ', '\n', '\r', '\t', ':', '-', '>', '<', '[', ']', '(', ')', '{', '}', '"', ',', '.', '*', '#', '0', '9', '\u0000', '\uFEFF', 'é', '😀', '\\', '/', 'v', 'WEBVTT', '-->', '00:00:01.000', '00:01,5', 'Speaker 2:'];
const FORMATS: (TranscriptFormat | undefined)[] = [undefined, undefined, 'speaker_lines', 'notes', 'vtt', 'srt', 'json'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function randomString(r: () => number, max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += pick(r, ALPHABET);
  return s;
}

function mutate(r: () => number, s: string): string {
  let out = s;
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const len = Math.floor(r() * 12);
    switch (Math.floor(r() * 4)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 1:
        out = out.slice(0, at) + randomString(r, 8) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + len).repeat(3) + out.slice(at + len);
        break;
      default:
        out = out.slice(0, at) + pick(r, ALPHABET) + out.slice(at + 1);
    }
  }
  return out;
}

/** normalizeTranscript returns a schema-valid transcript or throws a TranscriptError, nothing else. */
function check(input: NormalizeInput): void {
  try {
    const { transcript, meta } = normalizeTranscript(input);
    expect(Transcript.safeParse(transcript).success).toBe(true);
    expect(meta.title === null || typeof meta.title === 'string').toBe(true);
    expect(meta.occurred_at === null || !Number.isNaN(Date.parse(meta.occurred_at))).toBe(true);
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    expect(['empty', 'unparseable']).toContain(e.kind);
    expect(e.message.startsWith(UNEXPECTED_FAILURE_PREFIX), e.message).toBe(false);
  }
}

describe('robustness', () => {
  it('random strings: transcript or TranscriptError', () => {
    const r = prng(1234);
    for (let i = 0; i < 400; i++) check({ content: randomString(r, 60), format: pick(r, FORMATS) });
  });

  it('mutated valid inputs: transcript or TranscriptError', () => {
    const r = prng(98765);
    for (let i = 0; i < 600; i++) check({ content: mutate(r, pick(r, SEEDS)), format: pick(r, FORMATS), ownDomains: ['x.com'] });
  });

  it('random bytes decoded as text', () => {
    const r = prng(42);
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256));
      check({ content: new TextDecoder().decode(bytes) });
    }
  });

  it('odd structured content', () => {
    const odd: unknown[] = [
      { utterances: [{ speaker: null, text: 5 }] },
      { utterances: [{ speaker: { name: { deep: 1 } }, text: 'x', start: { relative: { relative: 3 } } }] },
      { utterances: [{ speaker: 'A', text: 'x', start: Number.MAX_VALUE, end: 1e308 }] },
      { utterances: [{ speaker: '\u0000\u200b', text: '\u0000 hi' }] },
      { transcript: { segments: [{ speaker: 'A', words: [null, 1, { text: {} }, { word: 'ok' }] }] } },
      { utterances: [{ speaker: 'A', text: 'x' }], participants: 'nope', title: { a: 1 }, date: 1e20 },
      [],
      { utterances: new Array(3).fill(null) },
    ];
    for (const content of odd) check({ content: content as never, participants: [{ name: 'A', side: 'weird' as never }] });
  });
});

describe('linear time on hostile inputs', () => {
  const big = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
  const cases: [string, string][] = [
    ['one long line of colons and brackets', big('(a[b:c ', 2_000_000)],
    ['many short label lines', big('Ana Silva: hi there\n', 3_000_000)],
    ['long whitespace runs', `Ana:${' '.repeat(1_000_000)}x\n${'\t'.repeat(1_000_000)}`],
    ['stars and underscores', big('*_', 1_000_000)],
    ['a huge caption file', `WEBVTT\n\n${big('00:00:01.000 --> 00:00:02.000\nAna Silva: hello there\n\n', 3_000_000)}`],
    ['many distinct speakers', Array.from({ length: 50_000 }, (_, i) => `Speaker ${i % 999}: line ${i}`).join('\n')],
    ['attendees line with a huge list', `Attendees: ${big('Ana Silva (CFO, x), ', 500_000)}`],
    ['deeply nested JSON', `${'['.repeat(500_000)}${']'.repeat(500_000)}`],
    ['unterminated nested JSON', '{"a":'.repeat(200_000)],
    ['entities and tags in a cue', `WEBVTT\n\n00:01.000 --> 00:02.000\n${big('<v A>&amp;&#x1F600;<i>', 1_000_000)}`],
    ['timestamps everywhere', big('[00:00:01] 00:02 (00:03) ', 1_000_000)],
    ['an unclosed voice tag with a long tail', `WEBVTT\n\n00:01.000 --> 00:02.000\n<v${' '.repeat(300_000)}x`],
    ['many unclosed voice tags', `WEBVTT\n\n00:01.000 --> 00:02.000\n${big('<v a ', 1_000_000)}`],
    ['a notes author line ending in dots', `Notes by: ${'.'.repeat(1_000_000)}x\n- hi`],
    ['an attendee entry full of dots', `Attendees: ${'.'.repeat(3000)}x, me (Ana Silva)`],
    ['a label followed by a huge line', `Ana Silva: ${big('word ', 2_000_000)}\nBen Ode: ${big('x: ', 1_000_000)}`],
  ];
  it.each(cases)('%s', (_name, content) => {
    const t0 = performance.now();
    check({ content });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
