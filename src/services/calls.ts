import { and, desc, eq, gte, lt, or } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { Call, CallSummary, IngestCallBody } from '../../schemas/api.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import type { Db } from '../db/client.ts';
import { calls, idempotencyKeys } from '../db/schema.ts';
import type { CallStatus } from '../db/schema.ts';
import { addAnalysisJob, enqueueAnalysis } from '../jobs/queue.ts';
import type { AnalyzeOptions } from '../jobs/queue.ts';
import { getAnalysis } from './analysis-store.ts';
import type { WorkspaceContext } from '../deps.ts';
import { TranscriptError } from '../ingest/errors.ts';
import { normalizeTranscript } from '../ingest/normalize.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { timeCursor } from '../lib/cursor.ts';
import { isId, newId } from '../lib/ids.ts';
import { withoutNul } from '../lib/text.ts';
import { ProblemError, notFound } from '../lib/problem.ts';
import { upsertDeal } from './deals.ts';

/** The upload as it arrived, kept verbatim with the call. */
export interface RawUpload {
  text: string;
  contentType: string;
  filename: string | null;
}

/** What an upload's answer needs of the stored call (the row itself carries the whole input). */
const ACCEPTED_COLUMNS = { id: calls.id, dealId: calls.dealId, status: calls.status, format: calls.format, utteranceCount: calls.utteranceCount };

export interface IngestResult {
  call: { id: string; dealId: string | null; status: CallStatus; format: string; utteranceCount: number };
  /** False when the same (source, external_id) was already stored: the earlier call is returned. */
  created: boolean;
}

export interface IngestOptions {
  /** The request's Idempotency-Key: the same key returns the same call; another body with it is a 409. */
  idempotencyKey?: string | null;
  limits: TranscriptLimits;
}

export interface TranscriptLimits {
  maxUtterances: number;
  maxTranscriptChars: number;
}

/**
 * Accepts one call: normalizes its transcript, then stores the call with its raw input, its deal
 * and account, and queues its analysis, all in one transaction. Bad transcripts are refused before
 * anything is stored. A repeated Idempotency-Key or (source, external_id) returns the stored call.
 */
export async function ingestCall(db: Db, workspace: WorkspaceContext, upload: IngestCallBody, received: RawUpload, opts: IngestOptions): Promise<IngestResult> {
  const input = withoutNul(upload);
  const raw = { ...received, text: withoutNul(received.text) };
  const normalized = normalize(input, workspace);
  const transcript = normalized.transcript;
  checkLimits(transcript, opts.limits);
  const occurredAt = input.occurred_at ?? normalized.meta.occurred_at;
  if (!occurredAt) {
    throw new ProblemError('validation-error', 'body field occurred_at: required (the transcript does not say when the call took place)', {
      errors: [{ in: 'body', path: 'occurred_at', message: 'Required: when the call took place, as an ISO 8601 date-time' }],
    });
  }
  const when = new Date(occurredAt);
  const contentHash = await sha256Hex(JSON.stringify(transcript.utterances.map((u) => [u.speaker, u.text])));
  const requestHash = opts.idempotencyKey ? await sha256Hex(JSON.stringify(input)) : null;
  const source = input.source ?? 'api';
  const externalId = input.external_id ?? null;
  const callId = newId('call');

  return db.transaction(async (tx) => {
    if (opts.idempotencyKey && requestHash) {
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ workspaceId: workspace.id, key: opts.idempotencyKey, requestHash, callId })
        .onConflictDoNothing()
        .returning({ callId: idempotencyKeys.callId });
      if (!claimed) {
        const [seen] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.workspaceId, workspace.id), eq(idempotencyKeys.key, opts.idempotencyKey)));
        if (!seen) throw new Error('idempotency key conflicted but was not found');
        if (seen.requestHash !== requestHash) {
          throw new ProblemError('conflict', 'this Idempotency-Key was used before with a different body', {
            errors: [{ in: 'header', path: 'idempotency-key', message: 'already used with a different request body' }],
          });
        }
        const [call] = await tx.select(ACCEPTED_COLUMNS).from(calls).where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, seen.callId)));
        if (!call) throw new Error(`idempotency key points at missing call ${seen.callId}`);
        return { call, created: false };
      }
    }
    const deal = await upsertDeal(tx, workspace, input.deal);
    const [inserted] = await tx
      .insert(calls)
      .values({
        id: callId,
        workspaceId: workspace.id,
        dealId: deal.id,
        occurredAt: when,
        title: input.title ?? normalized.meta.title,
        source,
        externalId,
        format: transcript.format,
        rawInput: raw.text,
        rawContentType: raw.contentType,
        rawFilename: raw.filename,
        transcript,
        utteranceCount: transcript.utterances.length,
        contentHash,
        status: 'queued',
      })
      .onConflictDoNothing()
      .returning(ACCEPTED_COLUMNS);
    if (inserted) {
      await addAnalysisJob(tx, workspace.id, inserted.id, { analyzer: input.analyzer ?? null });
      return { call: inserted, created: true };
    }
    // The same (source, external_id) arrived before: that call stands.
    const [existing] = await tx
      .select(ACCEPTED_COLUMNS)
      .from(calls)
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.source, source), eq(calls.externalId, externalId ?? '')))
      .limit(1);
    if (!existing) throw new Error('call insert conflicted but no existing call was found');
    if (opts.idempotencyKey) {
      await tx
        .update(idempotencyKeys)
        .set({ callId: existing.id })
        .where(and(eq(idempotencyKeys.workspaceId, workspace.id), eq(idempotencyKeys.key, opts.idempotencyKey)));
    }
    return { call: existing, created: false };
  });
}

function checkLimits(transcript: Transcript, limits: TranscriptLimits) {
  if (transcript.utterances.length > limits.maxUtterances) {
    const message = `${transcript.utterances.length} utterances; the limit is ${limits.maxUtterances}`;
    throw new ProblemError('validation-error', `body field transcript: too long (${message})`, { errors: [{ in: 'body', path: 'transcript', message }] });
  }
  let chars = 0;
  for (const u of transcript.utterances) chars += u.text.length;
  if (chars > limits.maxTranscriptChars) {
    const message = `${chars} characters of text; the limit is ${limits.maxTranscriptChars}`;
    throw new ProblemError('validation-error', `body field transcript: too long (${message})`, { errors: [{ in: 'body', path: 'transcript', message }] });
  }
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

/** Queues a new analysis of a stored call (earlier analyses stay); returns the call as now queued. */
export async function requeueAnalysis(db: Db, workspace: WorkspaceContext, id: string, options: AnalyzeOptions) {
  const call = await getCallRow(db, workspace, id);
  await db.transaction((tx) => enqueueAnalysis(tx, workspace.id, call.id, options));
  return { ...call, status: 'queued' as const };
}

/**
 * Waits up to `ms` for a call's analysis to finish; the call and its analysis when it did, null
 * when it is still queued or running, or failed. Polls, so it works whichever process analyses.
 */
export async function waitForAnalysis(db: Db, workspace: WorkspaceContext, id: string, ms: number) {
  const deadline = Date.now() + ms;
  let pause = 20;
  for (;;) {
    const call = await getCallRow(db, workspace, id);
    if (call.status === 'analyzed') return { call, analysis: await getAnalysis(db, workspace, id) };
    if (call.status === 'failed' || Date.now() + pause > deadline) return null;
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 250);
  }
}
