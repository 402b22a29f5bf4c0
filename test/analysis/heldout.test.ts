import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../src/analysis/analyze.ts';
import type { HistoryEntry } from '../../src/analysis/deal.ts';
import { normalizeTranscript } from '../../src/ingest/normalize.ts';

/**
 * The held-out-style corpora run through the offline analyzer as scripts/eval.ts does (each deal's
 * calls in order, earlier ones as history) and scored by the shared scorer:
 *  - test/fixtures/heldout: calls in formats, styles and phrasings the dev corpus does not use,
 *    labelled from TAXONOMY.md alone;
 *  - test/fixtures/heldout-blind: batches scored blind before any fix (see its README).
 * Each floor sits a little below the current figure, to catch regressions.
 */

const CORPORA = [
  { dir: 'heldout', floor: 0.95, minFiles: 12 },
  { dir: 'heldout-blind', floor: 0.81, minFiles: 60 },
];

const scorer = fileURLToPath(new URL('../../../shared/eval/score.mjs', import.meta.url));
const outs: string[] = [];
afterAll(() => outs.forEach((o) => rmSync(o, { recursive: true, force: true })));

interface Upload {
  file: string;
  deal: string;
  occurred_at: string | null;
}

async function predict(corpus: string, out: string): Promise<number> {
  const uploads: Upload[] = readdirSync(corpus)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => {
      const g = JSON.parse(readFileSync(join(corpus, f), 'utf8')) as Upload;
      return { file: g.file, deal: g.deal ?? g.file, occurred_at: g.occurred_at ?? null };
    });
  const deals = new Map<string, Upload[]>();
  for (const u of uploads) deals.set(u.deal, [...(deals.get(u.deal) ?? []), u]);
  for (const calls of deals.values()) {
    calls.sort((a, b) => String(a.occurred_at).localeCompare(String(b.occurred_at)));
    const history: HistoryEntry[] = [];
    for (const call of calls) {
      const { transcript, meta } = normalizeTranscript({ content: readFileSync(join(corpus, call.file), 'utf8') });
      const occurredAt = call.occurred_at ?? meta.occurred_at;
      const analysis = await analyzeTranscript(transcript, { history, occurredAt });
      writeFileSync(join(out, `${call.file}.json`), JSON.stringify(analysis));
      history.push({ occurred_at: occurredAt, analysis });
    }
  }
  return uploads.length;
}

describe.each(CORPORA)('held-out-style corpus $dir', ({ dir, floor, minFiles }) => {
  it.skipIf(!existsSync(scorer))(`scores a headline of at least ${floor * 100}% with the shared scorer`, async () => {
    const corpus = fileURLToPath(new URL(`../fixtures/${dir}/`, import.meta.url));
    const out = mkdtempSync(join(tmpdir(), 'baton-heldout-'));
    outs.push(out);
    const files = await predict(corpus, out);
    expect(files).toBeGreaterThanOrEqual(minFiles);
    const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--pred', out, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { headline: number; missing_predictions: string[]; grounded_quote_share: number; per_file: Array<{ file: string; notes: string[] }> };
    const misses = result.per_file.filter((f) => f.notes.length > 0).map((f) => `${f.file}: ${f.notes.join('; ')}`);
    expect(result.missing_predictions).toEqual([]);
    expect(result.grounded_quote_share).toBe(1);
    expect(result.headline, misses.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});
