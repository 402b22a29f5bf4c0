import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiKeys, workspaces } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { newApiKey, sha256Hex } from '../lib/crypto.ts';
import { newId } from '../lib/ids.ts';

export interface NewWorkspace {
  name: string;
  sellerDomains?: string[];
  timezone?: string;
  /** Use this key instead of generating one. */
  apiKey?: string;
}

/** Creates a workspace and its first API key; the key is returned once and stored only hashed. */
export async function createWorkspace(db: Db, input: NewWorkspace): Promise<{ workspace: WorkspaceContext; apiKey: string }> {
  const apiKey = input.apiKey ?? newApiKey();
  const keyHash = await sha256Hex(apiKey);
  const workspace: WorkspaceContext = {
    id: newId('ws'),
    name: input.name,
    sellerDomains: (input.sellerDomains ?? []).map((d) => d.toLowerCase()),
    timezone: input.timezone ?? 'UTC',
  };
  await db.transaction(async (tx) => {
    await tx.insert(workspaces).values(workspace);
    await tx.insert(apiKeys).values({ id: newId('key'), workspaceId: workspace.id, keyHash, prefix: apiKey.slice(0, 7) });
  });
  return { workspace, apiKey };
}

export type Bootstrap =
  | { created: true; workspace: WorkspaceContext; apiKey: string; keyFromEnv: boolean }
  | { created: false; workspace: WorkspaceContext | null; keyAdded: boolean };

/**
 * First start: with no workspace yet, creates one and its key (BATON_API_KEY when given). Later
 * starts with BATON_API_KEY set make sure that key opens the first workspace.
 */
export async function bootstrapWorkspace(db: Db, opts: { apiKey: string | null; sellerDomains: string[] }): Promise<Bootstrap> {
  const [first] = await db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id)).limit(1);
  if (!first) {
    const made = await createWorkspace(db, { name: 'default', sellerDomains: opts.sellerDomains, apiKey: opts.apiKey ?? undefined });
    return { created: true, workspace: made.workspace, apiKey: made.apiKey, keyFromEnv: opts.apiKey !== null };
  }
  const workspace = toContext(first);
  if (!opts.apiKey) return { created: false, workspace, keyAdded: false };
  const keyHash = await sha256Hex(opts.apiKey);
  const inserted = await db
    .insert(apiKeys)
    .values({ id: newId('key'), workspaceId: first.id, keyHash, prefix: opts.apiKey.slice(0, 7), name: 'BATON_API_KEY' })
    .onConflictDoNothing()
    .returning({ id: apiKeys.id });
  return { created: false, workspace, keyAdded: inserted.length > 0 };
}

/** The workspace an API key opens, or null for an unknown or revoked key. */
export async function workspaceForKey(db: Db, apiKey: string): Promise<WorkspaceContext | null> {
  const keyHash = await sha256Hex(apiKey);
  const [row] = await db
    .select({ ws: workspaces })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ? toContext(row.ws) : null;
}

function toContext(row: typeof workspaces.$inferSelect): WorkspaceContext {
  return { id: row.id, name: row.name, sellerDomains: row.sellerDomains, timezone: row.timezone };
}
