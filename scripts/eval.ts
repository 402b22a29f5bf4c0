/**
 * npm run eval [-- --corpus DIR] [--out DIR] [--verbose] [--json]
 * e.g. npx tsx scripts/eval.ts --corpus test/fixtures/heldout --verbose (the held-out-style corpus)
 * Analyses every input of the evaluation corpus (default ../shared/eval/dev), feeding the calls of
 * each deal in occurred_at order as deal history, writes eval-out/<input>.json, and scores them
 * with ../shared/eval/score.mjs. From the gold files only `file`, `deal` and `occurred_at` are read
 * (upload metadata a client would send), never the labels.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTranscript } from '../src/analysis/analyze.ts';
import type { HistoryEntry } from '../src/analysis/deal.ts';
import { normalizeTranscript } from '../src/ingest/normalize.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = resolve(root, opt('--corpus') ?? '../shared/eval/dev');
const out = resolve(root, opt('--out') ?? 'eval-out');
// the shared scorer, wherever the corpus lives (a corpus may bring its own score.mjs beside it)
const scorer = [resolve(corpus, '../score.mjs'), resolve(root, '../shared/eval/score.mjs')].find((p) => existsSync(p)) ?? resolve(root, '../shared/eval/score.mjs');

interface Upload {
  file: string;
  deal: string;
  occurred_at: string | null;
}

const uploads: Upload[] = readdirSync(corpus)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => {
    const g = JSON.parse(readFileSync(join(corpus, f), 'utf8')) as Record<string, unknown>;
    return { file: String(g.file), deal: String(g.deal ?? g.file), occurred_at: typeof g.occurred_at === 'string' ? g.occurred_at : null };
  });

const deals = new Map<string, Upload[]>();
for (const u of uploads) deals.set(u.deal, [...(deals.get(u.deal) ?? []), u]);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let failed = 0;
let totalMs = 0;
for (const calls of deals.values()) {
  calls.sort((a, b) => String(a.occurred_at).localeCompare(String(b.occurred_at)));
  const history: HistoryEntry[] = [];
  for (const call of calls) {
    try {
      const { transcript, meta } = normalizeTranscript({ content: readFileSync(join(corpus, call.file), 'utf8') });
      const occurredAt = call.occurred_at ?? meta.occurred_at;
      const analysis = await analyzeTranscript(transcript, { history, occurredAt });
      totalMs += analysis.meta.ms;
      writeFileSync(join(out, `${call.file}.json`), `${JSON.stringify(analysis, null, 2)}\n`);
      history.push({ occurred_at: occurredAt, analysis });
    } catch (err) {
      failed++;
      console.error(`${call.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
if (!args.includes('--json')) console.log(`analysed ${uploads.length - failed}/${uploads.length} calls in ${totalMs.toFixed(0)} ms -> ${out}`);

const pass = ['--verbose', '--json'].filter((f) => args.includes(f));
const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--pred', out, ...pass], { stdio: 'inherit' });
process.exit(failed > 0 ? 1 : (r.status ?? 1));
