/**
 * npm run bench:analyzer  (tsx bench/analyzer.ts [--runs N])
 * Times analyzeTranscript (extract + ground + grade + deal facts, offline rules) on transcripts of
 * about 1k, 10k and 100k words, built by cycling the dev corpus's utterances over distinct
 * speakers. Prints median / min / max wall-clock ms and ms per 1k words (process CPU time beside
 * it); the target is a 10k-word transcript in at most 50 ms median, with cost growing linearly.
 * On a shared machine other processes inflate the figures: compare runs at similar load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transcript, Utterance } from '../schemas/transcript.ts';
import { analyzeTranscript } from '../src/analysis/analyze.ts';
import { wordCount } from '../src/analysis/text.ts';
import { normalizeTranscript } from '../src/ingest/normalize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/eval/dev');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 15;
/** Runs first, untimed, so the JIT has compiled the hot paths (as in a long-running server). */
const WARMUP = 8;

// the dev corpus's utterances, with the side of their speaker
const pool: Array<{ side: 'buyer' | 'seller'; text: string }> = [];
for (const f of readdirSync(corpus).filter((x) => !x.endsWith('.gold.json') && !x.endsWith('.md')).sort()) {
  const { transcript } = normalizeTranscript({ content: readFileSync(join(corpus, f), 'utf8') });
  const gold = JSON.parse(readFileSync(join(corpus, f.replace(/\.[a-z]+$/, '.gold.json')), 'utf8')) as { seller: string[] };
  const sellers = new Set(gold.seller.map((s) => s.toLowerCase()));
  for (const u of transcript.utterances) pool.push({ side: sellers.has(u.speaker.toLowerCase()) ? 'seller' : 'buyer', text: u.text });
}

const FIRST = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Reese', 'Sawyer', 'Taylor'];
const LAST = ['Abbott', 'Barnes', 'Carver', 'Dalton', 'Ellison', 'Fischer', 'Garrison', 'Holloway', 'Irving', 'Jennings', 'Kessler', 'Lambert'];

function build(targetWords: number): Transcript {
  const buyers = Array.from({ length: 12 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`);
  const seller = 'Sam Seller';
  const utterances: Utterance[] = [];
  let words = 0;
  let i = 0;
  while (words < targetWords) {
    const p = pool[i % pool.length]!;
    const speaker = p.side === 'seller' ? seller : buyers[Math.floor(i / 7) % buyers.length]!;
    utterances.push({ index: utterances.length, speaker, side: 'unknown', start: null, end: null, text: p.text });
    words += wordCount(p.text);
    i++;
  }
  return {
    format: 'speaker_lines',
    participants: [seller, ...buyers].map((name) => ({ name, email: null, title: null, side: name === seller ? 'seller' : 'unknown' })),
    utterances,
  };
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
}

console.log(`node ${process.version}, ${RUNS} timed runs each after ${WARMUP} warm-up runs, one core; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('wall-clock ms per analysis; last column: process CPU ms (includes V8 GC helper threads, so it can exceed wall time)');
console.log('words      utterances  median ms   min ms   max ms   ms/1k words   cpu ms');
const rows: Array<{ words: number; median: number }> = [];
for (const target of [1_000, 10_000, 100_000]) {
  const t = build(target);
  const words = t.utterances.reduce((a, u) => a + wordCount(u.text), 0);
  for (let w = 0; w < WARMUP; w++) await analyzeTranscript(t, { occurredAt: '2026-03-01T15:00:00Z' });
  const times: number[] = [];
  const walls: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await analyzeTranscript(t, { occurredAt: '2026-03-01T15:00:00Z' });
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  const s = stats(walls);
  const cpu = stats(times);
  rows.push({ words, median: s.median });
  console.log(
    `${String(words).padEnd(10)} ${String(t.utterances.length).padEnd(11)} ${s.median.toFixed(1).padStart(9)} ${s.min.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)} ${((s.median / words) * 1000).toFixed(2).padStart(12)} ${cpu.median.toFixed(1).padStart(10)}`,
  );
}
const ten = rows.find((r) => r.words >= 10_000 && r.words < 20_000);
if (ten) console.log(`10k-word target (<= 50 ms median): ${ten.median <= 50 ? 'met' : 'MISSED'} (${ten.median.toFixed(1)} ms)`);
