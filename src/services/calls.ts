import { and, desc, eq, gte, lt, or } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Call, CallSummary, IngestCallBody } from '../../schemas/api.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import type { Db } from '../db/client.ts';
import { calls } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { TranscriptError } from '../ingest/errors.ts';
import { normalizeTranscript } from '../ingest/normalize.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { timeCursor } from '../lib/cursor.ts';
import { isId, newId } from '../lib/ids.ts';
import { ProblemError, notFound } from '../lib/problem.ts';
import { upsertDeal } from './deals.ts';

/** The upload as it arrived, kept verbatim with the call. */
export interface RawUpload {
  text: string;
  contentType: string;
  filename: string | null;
}

export interface IngestResult {
  call: typeof calls.$inferSelect;
  /** False when the same (source, external_id) was already stored: the earlier call is returned. */
  created: boolean;
}

/**
 * Accepts one call: normalizes its transcript, then stores the call with its raw input, its deal
 * and account in one transaction. Bad transcripts are refused before anything is stored.
 */
export async function ingestCall(db: Db, workspace: WorkspaceContext, input: IngestCallBody, raw: RawUpload): Promise<IngestResult> {
  const transcript = normalize(input, workspace);
  const occurredAt = input.occurred_at ?? transcript.meta.occurred_at;
  if (!occurredAt) {
    throw new ProblemError('validation-error', 'body field occurred_at: required (the transcript does not say when the call took place)', {
      errors: [{ in: 'body', path: 'occurred_at', message: 'Required: when the call took place, as an ISO 8601 date-time' }],
    });
  }
  const when = new Date(occurredAt);
  if (Number.isNaN(when.getTime())) {
    throw new ProblemError('validation-error', 'body field occurred_at: not a date-time', {
      errors: [{ in: 'body', path: 'occurred_at', message: 'not an ISO 8601 date-time' }],
    });
  }
  const contentHash = await sha256Hex(JSON.stringify(transcript.transcript.utterances.map((u) => [u.speaker, u.text])));
  const source = input.source ?? 'api';
  const externalId = input.external_id ?? null;

  return db.transaction(async (tx) => {
    const deal = await upsertDeal(tx, workspace, input.deal);
    const [inserted] = await tx
      .insert(calls)
      .values({
        id: newId('call'),
        workspaceId: workspace.id,
        dealId: deal.id,
        occurredAt: when,
        title: input.title ?? transcript.meta.title,
        source,
        externalId,
        format: transcript.transcript.format,
        rawInput: raw.text,
        rawContentType: raw.contentType,
        rawFilename: raw.filename,
        transcript: transcript.transcript,
        utteranceCount: transcript.transcript.utterances.length,
        contentHash,
        status: 'received',
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { call: inserted, created: true };
    // The same (source, external_id) arrived before: that call stands.
    const [existing] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.source, source), eq(calls.externalId, externalId ?? '')))
      .limit(1);
    if (!existing) throw new Error('call insert conflicted but no existing call was found');
    return { call: existing, created: false };
  });
}

function normalize(input: IngestCallBody, workspace: WorkspaceContext) {
  try {
    return normalizeTranscript({
      content: input.transcript,
      format: input.format ?? undefined,
      participants: input.participants ?? undefined,
      ownDomains: workspace.sellerDomains,
    });
  } catch (err) {
    if (err instanceof TranscriptError) {
      const slug = err.kind === 'empty' ? 'empty-transcript' : 'unparseable-transcript';
      throw new ProblemError(slug, err.message, { errors: [{ in: 'body', path: 'transcript', message: err.message }] });
    }
    throw err;
  }
}

/** A call of this workspace, or a 404 problem (also for ids of another shape or workspace). */
export async function getCallRow(db: Db, workspace: WorkspaceContext, id: string) {
  if (!isId('call', id)) throw notFound('call', id);
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, id)))
    .limit(1);
  if (!row) throw notFound('call', id);
  return row;
}

export async function getCall(db: Db, workspace: WorkspaceContext, id: string): Promise<z.infer<typeof Call>> {
  const row = await getCallRow(db, workspace, id);
  const transcript = row.transcript as Transcript;
  return { ...toSummary(row), participants: transcript.participants, transcript };
}

export interface ListCallsQuery {
  deal?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Calls newest first, keyset-paginated on (occurred_at, id). */
export async function listCalls(db: Db, workspace: WorkspaceContext, q: ListCallsQuery) {
  const conditions = [eq(calls.workspaceId, workspace.id)];
  if (q.deal !== undefined) {
    if (!isId('deal', q.deal)) return { data: [], next_cursor: null };
    conditions.push(eq(calls.dealId, q.deal));
  }
  if (q.from) conditions.push(gte(calls.occurredAt, new Date(q.from)));
  if (q.to) conditions.push(lt(calls.occurredAt, new Date(q.to)));
  if (q.cursor) {
    const c = timeCursor.decode(q.cursor);
    conditions.push(or(lt(calls.occurredAt, c.time), and(eq(calls.occurredAt, c.time), lt(calls.id, c.id)))!);
  }
  const rows = await db
    .select({
      id: calls.id,
      dealId: calls.dealId,
      title: calls.title,
      source: calls.source,
      externalId: calls.externalId,
      occurredAt: calls.occurredAt,
      format: calls.format,
      status: calls.status,
      statusReason: calls.statusReason,
      utteranceCount: calls.utteranceCount,
      contentHash: calls.contentHash,
      createdAt: calls.createdAt,
    })
    .from(calls)
    .where(and(...conditions))
    .orderBy(desc(calls.occurredAt), desc(calls.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toSummary),
    next_cursor: rows.length > q.limit && last ? timeCursor.encode(last.occurredAt, last.id) : null,
  };
}

type SummaryRow = Pick<
  typeof calls.$inferSelect,
  'id' | 'dealId' | 'title' | 'source' | 'externalId' | 'occurredAt' | 'format' | 'status' | 'statusReason' | 'utteranceCount' | 'contentHash' | 'createdAt'
>;

export function toSummary(row: SummaryRow): z.infer<typeof CallSummary> {
  return {
    id: row.id,
    deal_id: row.dealId,
    title: row.title,
    source: row.source,
    external_id: row.externalId,
    occurred_at: row.occurredAt.toISOString(),
    format: row.format as Transcript['format'],
    status: row.status,
    status_reason: row.statusReason,
    utterance_count: row.utteranceCount,
    content_hash: row.contentHash,
    created_at: row.createdAt.toISOString(),
    links: callLinks(row.id, row.dealId),
  };
}

export function callLinks(id: string, dealId: string | null): Record<string, string> {
  return {
    self: `/v1/calls/${id}`,
    analysis: `/v1/calls/${id}/analysis`,
    ...(dealId ? { deal: `/v1/deals/${dealId}` } : {}),
  };
}
