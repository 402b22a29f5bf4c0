import { and, count, eq, gt, inArray, max, min, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Deal, IngestCallBody } from '../../schemas/api.ts';
import type { DbOrTx, Db } from '../db/client.ts';
import { accounts, calls, deals } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { isId, newId } from '../lib/ids.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { notFound } from '../lib/problem.ts';

type DealInput = IngestCallBody['deal'];

/**
 * The deal an upload names, created on first sight with its account. An account is found by its
 * external id, else by its exact name; a deal uploaded without one gets an account of its own so
 * that its people can still be resolved across calls.
 */
export async function upsertDeal(tx: DbOrTx, workspace: WorkspaceContext, input: DealInput) {
  const [existing] = await tx
    .select()
    .from(deals)
    .where(and(eq(deals.workspaceId, workspace.id), eq(deals.externalId, input.external_id)))
    .limit(1);
  if (existing) {
    if (input.name && input.name !== existing.name) {
      await tx.update(deals).set({ name: input.name, updatedAt: new Date() }).where(eq(deals.id, existing.id));
    }
    return existing;
  }
  const accountId = await upsertAccount(tx, workspace, input.account ?? null, input.name ?? input.external_id);
  const [created] = await tx
    .insert(deals)
    .values({ id: newId('deal'), workspaceId: workspace.id, accountId, externalId: input.external_id, name: input.name ?? null })
    .onConflictDoUpdate({ target: [deals.workspaceId, deals.externalId], set: { updatedAt: new Date() } })
    .returning();
  if (!created) throw new Error('deal upsert returned no row');
  return created;
}

async function upsertAccount(
  tx: DbOrTx,
  workspace: WorkspaceContext,
  input: { external_id?: string | null; name?: string | null } | null,
  fallbackName: string,
): Promise<string> {
  if (input?.external_id) {
    const [row] = await tx
      .insert(accounts)
      .values({ id: newId('acct'), workspaceId: workspace.id, externalId: input.external_id, name: input.name ?? null })
      .onConflictDoUpdate({
        target: [accounts.workspaceId, accounts.externalId],
        set: { name: sql`coalesce(excluded.name, ${accounts.name})` },
      })
      .returning({ id: accounts.id });
    return row!.id;
  }
  if (input?.name) {
    const [found] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspace.id), eq(accounts.name, input.name)))
      .limit(1);
    if (found) return found.id;
  }
  const id = newId('acct');
  await tx.insert(accounts).values({ id, workspaceId: workspace.id, name: input?.name ?? fallbackName });
  return id;
}

export async function getDeal(db: Db, workspace: WorkspaceContext, id: string): Promise<z.infer<typeof Deal>> {
  if (!isId('deal', id)) throw notFound('deal', id);
  const [row] = await selectDeals(db, workspace, [eq(deals.id, id)], 1);
  if (!row) throw notFound('deal', id);
  return row;
}

export interface ListDealsQuery {
  account?: string;
  cursor?: string;
  limit: number;
}

/** Deals in creation (id) order, keyset-paginated; `account` is an account id or external id. */
export async function listDeals(db: Db, workspace: WorkspaceContext, q: ListDealsQuery) {
  const conditions: SQL[] = [];
  if (q.account !== undefined) {
    conditions.push(isId('acct', q.account) ? eq(accounts.id, q.account) : eq(accounts.externalId, q.account));
  }
  if (q.cursor) {
    const [afterId] = decodeCursor(q.cursor, 1) as [string];
    conditions.push(gt(deals.id, afterId));
  }
  const rows = await selectDeals(db, workspace, conditions, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { data: page, next_cursor: rows.length > q.limit && last ? encodeCursor([last.id]) : null };
}

/** These deals of the workspace, in the order of `ids` (unknown ids are left out). */
export async function dealsByIds(db: DbOrTx, workspace: WorkspaceContext, ids: string[]): Promise<z.infer<typeof Deal>[]> {
  if (ids.length === 0) return [];
  const rows = await selectDeals(db, workspace, [inArray(deals.id, ids)], ids.length);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((d): d is z.infer<typeof Deal> => d !== undefined);
}

async function selectDeals(db: DbOrTx, workspace: WorkspaceContext, where: SQL[], limit: number): Promise<z.infer<typeof Deal>[]> {
  const rows = await db
    .select({ deal: deals, account: { id: accounts.id, externalId: accounts.externalId, name: accounts.name } })
    .from(deals)
    .leftJoin(accounts, eq(accounts.id, deals.accountId))
    .where(and(eq(deals.workspaceId, workspace.id), ...where))
    .orderBy(deals.id)
    .limit(limit);
  if (rows.length === 0) return [];
  const stats = await db
    .select({ dealId: calls.dealId, callCount: count(calls.id), firstCallAt: min(calls.occurredAt), lastCallAt: max(calls.occurredAt) })
    .from(calls)
    .where(and(eq(calls.workspaceId, workspace.id), inArray(calls.dealId, rows.map((r) => r.deal.id))))
    .groupBy(calls.dealId);
  const byDeal = new Map(stats.map((s) => [s.dealId, s]));
  return rows.map(({ deal, account }) => {
    const s = byDeal.get(deal.id);
    return {
      id: deal.id,
      external_id: deal.externalId,
      name: deal.name,
      account: account ? { id: account.id, external_id: account.externalId, name: account.name } : null,
      call_count: Number(s?.callCount ?? 0),
      first_call_at: toIso(s?.firstCallAt),
      last_call_at: toIso(s?.lastCallAt),
      created_at: deal.createdAt.toISOString(),
      links: { self: `/v1/deals/${deal.id}`, calls: `/v1/calls?deal=${deal.id}` },
    };
  });
}

function toIso(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
