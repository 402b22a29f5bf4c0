import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled dev corpus beside the repo (../shared/eval/dev). */
export const DEV_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/eval/dev');

export interface CorpusFile {
  file: string;
  text: string;
  gold: { deal: string; occurred_at: string; seller: string[]; stakeholders: { name: string; present: boolean }[] };
}

export function devCorpus(): CorpusFile[] {
  return readdirSync(DEV_CORPUS)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((g) => {
      const gold = JSON.parse(readFileSync(join(DEV_CORPUS, g), 'utf8'));
      return { file: gold.file, text: readFileSync(join(DEV_CORPUS, gold.file), 'utf8'), gold };
    });
}
