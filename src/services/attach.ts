import { and, desc, eq, sql } from 'drizzle-orm';
import type { IngestCallBody } from '../../schemas/api.ts';
import type { Side, Transcript } from '../../schemas/transcript.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { accounts, analyses, assessments, calls, deals, redFlags, signals } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import type { CrmContext } from '../integrations/types.ts';
import { enqueueAnalysis } from '../jobs/queue.ts';
import { isId } from '../lib/ids.ts';
import { notFound, ProblemError } from '../lib/problem.ts';
import { upsertDeal } from './deals.ts';
import { getCallRow } from './calls.ts';
import { refreshDealSummaries } from './trends-summary.ts';

// Which deal a recorded call belongs to (docs/integrations.md#attaching-calls-to-deals):
//   1. the recorder's CRM context (Gong's opportunity, a Recall bot's metadata, the sender's deal);
//   2. else the external participants' email domains -> the one account they point at (its
//      `domain`, or the accounts of people already seen with emails at those domains) -> that
//      account's open deal, taken as its most recently active one (Baton keeps no deal stage);
//   3. else none: the call is kept unassigned, and PATCH /v1/calls/{id} assigns it later.
// Seller-side people are the ones at the workspace's own domains (workspaces.seller_domains).

/** Free-mail domains say nothing about which company someone works for. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com', 'yandex.com',
  'yandex.ru', 'qq.com', '163.com', 'fastmail.com', 'hey.com',
]);

export interface Attendee {
  email: string | null;
  side?: Side | null;
}

export interface Attachment {
  dealId: string | null;
  accountId: string | null;
  via: 'crm' | 'domain' | null;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();

export function isSellerDomain(domain: string, sellerDomains: readonly string[]): boolean {
  return sellerDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}

/** The company domains of the call's buyer-side (or unknown-side) attendees, sorted. */
export function externalDomains(workspace: WorkspaceContext, attendees: readonly Attendee[]): string[] {
  const out = new Set<string>();
  for (const a of attendees) {
    if (!a.email || !a.email.includes('@') || a.side === 'seller') continue;
    const domain = domainOf(a.email);
    if (!domain || FREE_MAIL.has(domain) || isSellerDomain(domain, workspace.sellerDomains)) continue;
    out.add(domain);
  }
  return [...out].sort();
}

/** The deal a recorded call goes to: by CRM context, else by its attendees' domains, else none. */
export async function resolveDeal(tx: DbOrTx, workspace: WorkspaceContext, input: { crm: CrmContext | null; attendees: readonly Attendee[] }): Promise<Attachment> {
  const domains = externalDomains(workspace, input.attendees);
  if (input.crm) {
    const deal = await upsertDeal(tx, workspace, toDealInput(input.crm));
    if (deal.accountId) await learnAccountDomain(tx, workspace, deal.accountId, domains);
    return { dealId: deal.id, accountId: deal.accountId, via: 'crm' };
  }
  if (domains.length === 0) return { dealId: null, accountId: null, via: null };
  const accountIds = await accountsForDomains(tx, workspace, domains);
  if (accountIds.length !== 1) return { dealId: null, accountId: null, via: null };
  const accountId = accountIds[0]!;
  const [deal] = await tx
    .select({ id: deals.id })
    .from(deals)
    .leftJoin(calls, and(eq(calls.dealId, deals.id), eq(calls.workspaceId, deals.workspaceId)))
    .where(and(eq(deals.workspaceId, workspace.id), eq(deals.accountId, accountId)))
    .groupBy(deals.id, deals.updatedAt)
    .orderBy(sql`max(${calls.occurredAt}) desc nulls last`, desc(deals.updatedAt), desc(deals.id))
    .limit(1);
  return deal ? { dealId: deal.id, accountId, via: 'domain' } : { dealId: null, accountId, via: null };
}

function toDealInput(crm: CrmContext): IngestCallBody['deal'] {
  return {
    external_id: crm.deal.external_id,
    name: crm.deal.name ?? null,
    account: crm.account && (crm.account.external_id || crm.account.name) ? { external_id: crm.account.external_id ?? null, name: crm.account.name ?? null } : null,
  };
}

/** Accounts whose domain is one of these, or whose people have emails at one of them. */
async function accountsForDomains(tx: DbOrTx, workspace: WorkspaceContext, domains: string[]): Promise<string[]> {
  const byDomain = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspace.id), sql`lower(${accounts.domain}) in ${domains}`));
  if (byDomain.length) return [...new Set(byDomain.map((r) => r.id))];
  const rows = await tx.execute(sql`
    select distinct account_id from people
    where workspace_id = ${workspace.id} and account_id is not null and email is not null
      and lower(split_part(email, '@', 2)) in ${domains}`);
  const list = Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? []);
  return (list as { account_id: string }[]).map((r) => r.account_id);
}

/**
 * Remembers an account's email domain once a call of its deal shows a single external domain, so
 * that the next call with people from there finds the account by domain.
 */
export async function learnAccountDomain(tx: DbOrTx, workspace: WorkspaceContext, accountId: string, domains: readonly string[]) {
  if (domains.length !== 1) return;
  const domain = domains[0]!;
  const [taken] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspace.id), sql`lower(${accounts.domain}) = ${domain}`))
    .limit(1);
  if (taken) return;
  await tx
    .update(accounts)
    .set({ domain })
    .where(and(eq(accounts.workspaceId, workspace.id), eq(accounts.id, accountId), sql`${accounts.domain} is null`));
}

export type AssignTarget = { dealId: string } | { deal: IngestCallBody['deal'] };

/**
 * Puts a call on a deal (PATCH /v1/calls/{id}): an unassigned call, or one on another deal. Its
 * stored analyses move with it, both deals' trend summaries are rebuilt in the same transaction,
 * and a re-analysis is queued (reusing the stored extraction) so that its people are resolved
 * among the account's people and the deal's history counts.
 */
export async function assignCall(db: Db, workspace: WorkspaceContext, callId: string, target: AssignTarget) {
  const current = await getCallRow(db, workspace, callId);
  return db.transaction(async (tx) => {
    const [call] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, current.id)))
      .for('update');
    if (!call) throw notFound('call', callId);
    let deal: typeof deals.$inferSelect | undefined;
    if ('dealId' in target) {
      if (isId('deal', target.dealId)) {
        [deal] = await tx
          .select()
          .from(deals)
          .where(and(eq(deals.workspaceId, workspace.id), eq(deals.id, target.dealId)))
          .for('update');
      }
      if (!deal) {
        throw new ProblemError('validation-error', `body field deal_id: no deal ${JSON.stringify(target.dealId)} in this workspace`, {
          errors: [{ in: 'body', path: 'deal_id', message: 'no such deal in this workspace' }],
        });
      }
    } else {
      deal = await upsertDeal(tx, workspace, target.deal);
    }
    if (call.dealId === deal.id) return call;
    const previous = call.dealId;
    const now = new Date();
    await tx.update(calls).set({ dealId: deal.id, updatedAt: now }).where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, call.id)));
    for (const table of [analyses, assessments, signals, redFlags]) {
      await tx
        .update(table)
        .set({ dealId: deal.id })
        .where(and(eq(table.workspaceId, workspace.id), eq(table.callId, call.id)));
    }
    await refreshDealSummaries(tx, workspace.id, previous ? [previous, deal.id] : [deal.id]);
    const transcript = call.transcript as Transcript;
    if (deal.accountId) await learnAccountDomain(tx, workspace, deal.accountId, externalDomains(workspace, transcript.participants));
    const [last] = await tx
      .select({ analyzer: analyses.analyzer, model: analyses.model })
      .from(analyses)
      .where(and(eq(analyses.workspaceId, workspace.id), eq(analyses.callId, call.id)))
      .orderBy(desc(analyses.createdAt))
      .limit(1);
    await enqueueAnalysis(tx, workspace.id, call.id, { analyzer: last?.analyzer ?? null, model: last?.model ?? null, force: false });
    return { ...call, dealId: deal.id, status: 'queued' as const, statusReason: null, updatedAt: now };
  });
}
