import { and, eq } from 'drizzle-orm';
import { Extraction } from '../../schemas/extraction.ts';
import type { DbOrTx } from '../db/client.ts';
import { extractions } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';

/**
 * Stored model extractions, kept for reuse: the same transcript content (the call's content
 * hash), analyzer, model and prompt version give the same extraction without a model request.
 * The model request depends on nothing else (src/analysis/openai/extractor.ts), so reuse is exact.
 */

export interface ExtractionKey {
  workspaceId: string;
  contentHash: string;
  analyzer: string;
  model: string;
  promptVersion: string;
}

export interface StoredExtraction {
  id: string;
  extraction: Extraction;
  usage: unknown;
}

const where = (k: ExtractionKey) =>
  and(
    eq(extractions.workspaceId, k.workspaceId),
    eq(extractions.contentHash, k.contentHash),
    eq(extractions.analyzer, k.analyzer),
    eq(extractions.model, k.model),
    eq(extractions.promptVersion, k.promptVersion),
  );

/** The stored extraction for this key, or null (none, or one that no longer parses). */
export async function findExtraction(db: DbOrTx, key: ExtractionKey): Promise<StoredExtraction | null> {
  const [row] = await db.select({ id: extractions.id, extraction: extractions.extraction, usage: extractions.usage }).from(extractions).where(where(key)).limit(1);
  if (!row) return null;
  const parsed = Extraction.safeParse(row.extraction);
  return parsed.success ? { id: row.id, extraction: parsed.data, usage: row.usage } : null;
}

/**
 * Stores a fresh extraction for this key; one made again (a forced re-analysis) replaces the
 * stored one, so later reuse gets the latest. Returns the row's id.
 */
export async function saveExtraction(db: DbOrTx, key: ExtractionKey, extraction: Extraction, usage: unknown): Promise<string> {
  const [row] = await db
    .insert(extractions)
    .values({ id: newId('ext'), ...key, extraction, usage })
    .onConflictDoUpdate({
      target: [extractions.workspaceId, extractions.contentHash, extractions.analyzer, extractions.model, extractions.promptVersion],
      set: { extraction, usage, createdAt: new Date() },
    })
    .returning({ id: extractions.id });
  return row!.id;
}
