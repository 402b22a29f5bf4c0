/**
 * baton: the command line. Offline: no server, no database, no network.
 *
 *   baton analyze <files...> [--out DIR] [--deal] [--own-domain DOMAIN]... [--occurred-at ISO]
 *
 * One file prints its analysis JSON to stdout (unless --out is given). Several files write
 * DIR/<file name>.json each (DIR defaults to ./baton-out), with a progress line on stderr when it
 * is a terminal. A file that cannot be read or parsed is reported on stderr and skipped; the exit
 * code is then 1, after the other files are done. --deal treats the files as the calls of one deal
 * in the order given, so deal-level facts (single-threaded, economic buyer access, champions two
 * deep, last agreed next step) use the earlier calls.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CallAnalysis } from '../schemas/analysis.ts';
import { analyzeTranscript } from './analysis/analyze.ts';
import type { HistoryEntry } from './analysis/deal.ts';
import { TranscriptError } from './ingest/errors.ts';
import { normalizeTranscript } from './ingest/normalize.ts';

const USAGE = `usage: baton analyze <files...> [--out DIR] [--deal] [--own-domain DOMAIN]... [--occurred-at ISO]

  Analyses sales-call transcripts and notes offline (.txt speaker lines, .md notes, .vtt, .srt,
  .json) and prints or writes the analysis JSON.

  --out DIR          write DIR/<file name>.json for each file (default with several files: ./baton-out)
  --deal             the files are calls of one deal, oldest first: deal facts use the earlier ones
  --own-domain D     an email domain of your own company (seller side); repeatable
  --occurred-at ISO  when the call took place (single file), to resolve "Thursday" to a date
`;

interface Options {
  files: string[];
  out: string | null;
  deal: boolean;
  ownDomains: string[];
  occurredAt: string | null;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { files: [], out: null, deal: false, ownDomains: [], occurredAt: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--out' || a === '-o') o.out = value();
      else if (a.startsWith('--out=')) o.out = a.slice(6);
      else if (a === '--deal') o.deal = true;
      else if (a === '--own-domain') o.ownDomains.push(value());
      else if (a === '--occurred-at') {
        // The same instant as the API stores it, so CLI and API analyses read alike.
        const when = new Date(value());
        if (Number.isNaN(when.getTime())) throw new Error(`--occurred-at needs an ISO 8601 date-time`);
        o.occurredAt = when.toISOString();
      }
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else o.files.push(a);
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (o.files.length === 0) return 'no files given';
  return o;
}

function message(err: unknown): string {
  if (err instanceof TranscriptError) return `cannot parse: ${err.message}`;
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') return `cannot read: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message}`;
  return err instanceof Error ? err.message : String(err);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'analyze') {
    process.stderr.write(`baton: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const opts = parseArgs(rest);
  if (typeof opts === 'string') {
    process.stderr.write(`baton: ${opts}\n${USAGE}`);
    return 2;
  }
  const toStdout = opts.files.length === 1 && opts.out === null;
  const outDir = opts.out ?? 'baton-out';
  if (!toStdout) mkdirSync(outDir, { recursive: true });
  const tty = !toStdout && process.stderr.isTTY === true;
  const history: HistoryEntry[] = [];
  let failed = 0;
  for (const [i, file] of opts.files.entries()) {
    if (tty) process.stderr.write(`\r\x1b[K[${i + 1}/${opts.files.length}] ${file}`);
    let analysis: CallAnalysis;
    let occurredAt: string | null;
    try {
      const content = readFileSync(file, 'utf8');
      const { transcript, meta } = normalizeTranscript({ content, ownDomains: opts.ownDomains });
      occurredAt = opts.occurredAt ?? (meta.occurred_at ? new Date(meta.occurred_at).toISOString() : null);
      analysis = await analyzeTranscript(transcript, { ownDomains: opts.ownDomains, occurredAt, history: opts.deal ? history : [] });
    } catch (err) {
      failed++;
      if (tty) process.stderr.write('\r\x1b[K');
      process.stderr.write(`baton: ${file}: ${message(err)}\n`);
      continue;
    }
    if (opts.deal) history.push({ occurred_at: occurredAt, analysis });
    const json = `${JSON.stringify(analysis, null, 2)}\n`;
    if (toStdout) process.stdout.write(json);
    else writeFileSync(join(outDir, `${basename(file)}.json`), json);
  }
  if (tty) process.stderr.write(`\r\x1b[K${opts.files.length - failed}/${opts.files.length} analysed -> ${outDir}\n`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`baton: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
