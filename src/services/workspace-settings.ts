import { eq, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Db } from '../db/client.ts';
import { workspaces } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { ProblemError, notFound } from '../lib/problem.ts';
import type { Workspace } from './trends-schemas.ts';
import { relocalizeCallFacts } from './trends-summary.ts';

// GET/PATCH /v1/workspace: the settings of the caller's workspace (time zone, seller domains, name).

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/** The canonical spelling of an IANA time zone name ("europe/paris" -> "Europe/Paris"), or null when it is not one. */
export function canonicalZone(name: string): string | null {
  if (!ZONE_SHAPE.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
export const isDomain = (d: string) => DOMAIN.test(d);

function toWorkspace(row: typeof workspaces.$inferSelect): z.infer<typeof Workspace> {
  return { id: row.id, name: row.name, timezone: row.timezone, seller_domains: row.sellerDomains, created_at: row.createdAt.toISOString() };
}

export async function getWorkspace(db: Db, workspace: WorkspaceContext): Promise<z.infer<typeof Workspace>> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspace.id)).limit(1);
  if (!row) throw notFound('workspace', workspace.id);
  return toWorkspace(row);
}

export interface WorkspacePatch {
  name?: string;
  timezone?: string;
  seller_domains?: string[];
}

/** Changes the workspace's settings; the time zone must be one the database can bucket in too. */
export async function updateWorkspace(db: Db, workspace: WorkspaceContext, patch: WorkspacePatch): Promise<z.infer<typeof Workspace>> {
  const set: Partial<typeof workspaces.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.timezone !== undefined) {
    const zone = canonicalZone(patch.timezone);
    const message = `not an IANA time zone name such as Europe/Berlin or America/New_York`;
    const invalid = () => new ProblemError('validation-error', `body field timezone: ${message}`, { errors: [{ in: 'body', path: 'timezone', message }] });
    if (!zone) throw invalid();
    try {
      await db.execute(sql`select now() at time zone ${zone}`);
    } catch {
      throw invalid();
    }
    set.timezone = zone;
  }
  if (patch.seller_domains !== undefined) set.sellerDomains = [...new Set(patch.seller_domains.map((d) => d.trim().toLowerCase()))];
  if (Object.keys(set).length === 0) return getWorkspace(db, workspace);
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspace.id)).for('no key update');
    const [row] = await tx.update(workspaces).set(set).where(eq(workspaces.id, workspace.id)).returning();
    if (!before || !row) throw notFound('workspace', workspace.id);
    // the trend summaries keep each call's local day, week and month: move them to the new zone
    if (row.timezone !== before.timezone) await relocalizeCallFacts(tx, workspace.id, row.timezone);
    return toWorkspace(row);
  });
}
