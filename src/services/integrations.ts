import { and, desc, eq } from 'drizzle-orm';
import type { IntegrationSettings } from '../config.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { calls, integrations, jobs, webhookEvents, workspaces } from '../db/schema.ts';
import type { IntegrationProvider } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { newStandardWebhookSecret, newWebhookToken, SealedSecretsError, seal, unseal } from '../integrations/crypto.ts';
import { allowedUrl, redactUrl } from '../integrations/http.ts';
import { gongCallIds, GONG_DOMAINS } from '../integrations/gong.ts';
import { isProvider, PROVIDERS } from '../integrations/index.ts';
import { RECALL_DOMAINS } from '../integrations/recall.ts';
import { validStandardSecret } from '../integrations/standard-webhooks.ts';
import type { FetchContext, RecordedCall } from '../integrations/types.ts';
import { WebhookRefused } from '../integrations/types.ts';
import { asRecord, str } from '../integrations/util.ts';
import { TranscriptError } from '../ingest/errors.ts';
import { normalizeTranscript } from '../ingest/normalize.ts';
import { PermanentError } from '../jobs/errors.ts';
import { completeJob, enqueueAnalysis, enqueueJob } from '../jobs/queue.ts';
import type { Job } from '../jobs/queue.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { newId } from '../lib/ids.ts';
import type { Logger } from '../lib/logger.ts';
import { ProblemError, validationError } from '../lib/problem.ts';
import { resolveDeal } from './attach.ts';
import type { Attachment } from './attach.ts';
import type { TranscriptLimits } from './calls.ts';

// Call-recorder connections, their webhooks, and the jobs that fetch what the webhooks announce
// (docs/integrations.md). A webhook is verified before its body is read, answered as soon as what
// it asks for is stored and queued, and recorded by event id so that a redelivery does nothing.

export const FETCH_JOB = 'integration.fetch';
export const GONG_SYNC_JOB = 'gong.sync';
/** Zoom's download token lasts 24 hours; with backoff capped at 5 minutes, 8 attempts stay well inside it. */
export const FETCH_MAX_ATTEMPTS = 8;

type IntegrationRow = typeof integrations.$inferSelect;

export interface IntegrationView {
  provider: IntegrationProvider;
  title: string;
  /** Paste this into the recorder: it carries the connection's token. */
  webhook_url: string;
  /** Which secrets are stored (their values are never returned). */
  credentials: string[];
  settings: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export function webhookUrl(settings: IntegrationSettings, origin: string, provider: string, token: string) {
  return `${(settings.publicUrl ?? origin).replace(/\/+$/, '')}/webhooks/${provider}/${token}`;
}

async function toView(row: IntegrationRow, settings: IntegrationSettings, origin: string): Promise<IntegrationView> {
  let credentials: string[] = [];
  try {
    credentials = Object.keys(await unseal(row.secrets, settings.secretsKey)).sort();
  } catch {
    credentials = []; // unreadable with this key: shown as none, so it is re-entered
  }
  return {
    provider: row.provider,
    title: PROVIDERS[row.provider].title,
    webhook_url: webhookUrl(settings, origin, row.provider, row.webhookToken),
    credentials,
    settings: asRecord(row.settings),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const notConnected = (provider: string) => new ProblemError('not-found', `this workspace has no ${provider} connection`);

function providerOf(name: string): IntegrationProvider {
  if (!isProvider(name)) throw new ProblemError('not-found', `no call recorder is called ${JSON.stringify(name.slice(0, 40))}`);
  return name;
}

async function findConnection(db: DbOrTx, workspace: WorkspaceContext, provider: IntegrationProvider) {
  const [row] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspace.id), eq(integrations.provider, provider)))
    .limit(1);
  return row ?? null;
}

export async function listIntegrations(db: Db, workspace: WorkspaceContext, settings: IntegrationSettings, origin: string, provider?: string) {
  const rows = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspace.id), provider ? eq(integrations.provider, provider as IntegrationProvider) : undefined))
    .orderBy(integrations.provider);
  return { data: await Promise.all(rows.map((r) => toView(r, settings, origin))) };
}

export interface RecentEvent {
  event_id: string;
  event_type: string;
  received_at: string;
  status: 'stored' | 'queued' | 'running' | 'failed' | 'received';
  call_id: string | null;
  attempts: number | null;
  error: string | null;
}

export async function getIntegration(db: Db, workspace: WorkspaceContext, name: string, settings: IntegrationSettings, origin: string) {
  const provider = providerOf(name);
  const row = await findConnection(db, workspace, provider);
  if (!row) throw notConnected(provider);
  const events = await db
    .select({ event: webhookEvents, jobStatus: jobs.status, attempts: jobs.attempts, lastError: jobs.lastError })
    .from(webhookEvents)
    .leftJoin(jobs, eq(jobs.id, webhookEvents.jobId))
    .where(and(eq(webhookEvents.workspaceId, workspace.id), eq(webhookEvents.provider, provider)))
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(20);
  const recent: RecentEvent[] = events.map(({ event, jobStatus, attempts, lastError }) => ({
    event_id: event.eventId,
    event_type: event.eventType,
    received_at: event.receivedAt.toISOString(),
    status: event.callId ? 'stored' : jobStatus === 'failed' ? 'failed' : jobStatus === 'running' ? 'running' : jobStatus === 'queued' ? 'queued' : 'received',
    call_id: event.callId,
    attempts: attempts ?? null,
    error: lastError ? lastError.slice(0, 500) : null,
  }));
  return { ...(await toView(row, settings, origin)), recent_events: recent };
}

/**
 * Creates or updates the workspace's connection to a recorder. Secrets left out of an update keep
 * their stored value; the webhook URL stays the same (DELETE and PUT again for a new one).
 */
export async function putIntegration(db: Db, workspace: WorkspaceContext, name: string, body: unknown, settings: IntegrationSettings, origin: string) {
  const provider = providerOf(name);
  const module = PROVIDERS[provider];
  const parsed = module.connection.safeParse(body ?? {});
  if (!parsed.success) throw validationError('body', parsed.error);
  const input = parsed.data;
  const existing = await findConnection(db, workspace, provider);
  const stored: Record<string, string> = existing ? await unsealOrEmpty(existing.secrets, settings) : {};
  const secrets: Record<string, string> = { ...stored };
  for (const f of module.fields.secrets) if (input[f] !== undefined) secrets[f] = input[f]!;
  const generated: Record<string, string> = {};
  if (provider === 'generic' && !secrets.webhook_secret) {
    secrets.webhook_secret = generated.webhook_secret = newStandardWebhookSecret();
  }
  const missing = module.fields.required.filter((f) => !secrets[f]);
  if (missing.length) {
    throw new ProblemError('validation-error', `body: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required for a ${module.title} connection`, {
      errors: missing.map((f) => ({ in: 'body' as const, path: f, message: 'Required' })),
    });
  }
  if ((provider === 'recall' || provider === 'generic') && !validStandardSecret(secrets.webhook_secret!)) {
    throw new ProblemError('validation-error', 'body field webhook_secret: must be a Standard Webhooks secret (whsec_ followed by base64)', {
      errors: [{ in: 'body', path: 'webhook_secret', message: 'must be whsec_ followed by base64' }],
    });
  }
  const plain: Record<string, unknown> = { ...(existing ? asRecord(existing.settings) : {}) };
  for (const f of module.fields.settings) if (input[f] !== undefined) plain[f] = input[f];
  const base = str(plain.api_base_url);
  if (base) {
    const [domains, configured] = provider === 'gong' ? [GONG_DOMAINS, settings.gongApiUrl] : [RECALL_DOMAINS, settings.recallApiUrl];
    if (!allowedUrl(base, domains, [configured])) {
      throw new ProblemError('validation-error', `body field api_base_url: must be an https URL on ${domains.join(' or ')}`, {
        errors: [{ in: 'body', path: 'api_base_url', message: `must be an https URL on ${domains.join(' or ')}` }],
      });
    }
    plain.api_base_url = redactUrl(base).replace(/\/+$/, '');
  }
  const sealed = await seal(secrets, settings.secretsKey);
  const now = new Date();
  const [row] = existing
    ? await db
        .update(integrations)
        .set({ secrets: sealed, settings: plain, updatedAt: now })
        .where(and(eq(integrations.workspaceId, workspace.id), eq(integrations.provider, provider)))
        .returning()
    : await db.insert(integrations).values({ workspaceId: workspace.id, provider, webhookToken: newWebhookToken(), secrets: sealed, settings: plain }).returning();
  if (!row) throw new Error('integration upsert returned no row');
  return { view: await toView(row, settings, origin), created: !existing, generated };
}

async function unsealOrEmpty(sealed: string, settings: IntegrationSettings): Promise<Record<string, string>> {
  try {
    return await unseal(sealed, settings.secretsKey);
  } catch {
    return {};
  }
}

export async function deleteIntegration(db: Db, workspace: WorkspaceContext, name: string) {
  const provider = providerOf(name);
  const deleted = await db
    .delete(integrations)
    .where(and(eq(integrations.workspaceId, workspace.id), eq(integrations.provider, provider)))
    .returning({ provider: integrations.provider });
  if (deleted.length === 0) throw notConnected(provider);
}

/** Queues a pull of every Gong call that started in [from, to). */
export async function requestGongSync(db: Db, workspace: WorkspaceContext, range: { from: string; to: string }) {
  if (!(await findConnection(db, workspace, 'gong'))) throw notConnected('gong');
  if (new Date(range.from).getTime() >= new Date(range.to).getTime()) {
    throw new ProblemError('validation-error', 'body field to: must be after from', { errors: [{ in: 'body', path: 'to', message: 'must be after from' }] });
  }
  return db.transaction((tx) => enqueueJob(tx, workspace.id, GONG_SYNC_JOB, { provider: 'gong', from: range.from, to: range.to }, { maxAttempts: FETCH_MAX_ATTEMPTS }));
}

// ---- Webhooks ----

export interface WebhookContext {
  db: Db;
  logger: Logger;
  settings: IntegrationSettings;
  limits: TranscriptLimits;
}

export interface WebhookAnswer {
  status: 200 | 202;
  body: unknown;
  /** A job or analysis was queued: wake this process's worker. */
  queued: boolean;
}

async function workspaceById(db: DbOrTx, id: string): Promise<WorkspaceContext> {
  const [w] = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  if (!w) throw new PermanentError(`workspace ${id} no longer exists`);
  return { id: w.id, name: w.name, sellerDomains: w.sellerDomains, timezone: w.timezone };
}

/** Handles one delivery to /webhooks/{provider}/{token}: verify, then store and queue, then answer. */
export async function receiveWebhook(ctx: WebhookContext, providerName: string, token: string, raw: string, headers: Headers): Promise<WebhookAnswer> {
  const tokenHint = token.slice(0, 6);
  const refuse = (reason: string, problem: ProblemError, fields: Record<string, unknown> = {}) => {
    // Never the token, the secret or the signature: which connection and why is enough to act on.
    ctx.logger.warn('webhook refused', { provider: providerName.slice(0, 40), reason, token_prefix: tokenHint, ...fields });
    return problem;
  };
  if (!isProvider(providerName) || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    throw refuse('unknown-token', new ProblemError('not-found', 'no connection has this webhook URL'));
  }
  const provider = providerName;
  const [conn] = await ctx.db
    .select()
    .from(integrations)
    .where(and(eq(integrations.provider, provider), eq(integrations.webhookToken, token)))
    .limit(1);
  if (!conn) throw refuse('unknown-token', new ProblemError('not-found', 'no connection has this webhook URL'));
  const log = { workspace_id: conn.workspaceId };
  let secrets: Record<string, string>;
  try {
    secrets = await unseal(conn.secrets, ctx.settings.secretsKey);
  } catch (err) {
    ctx.logger.error('webhook: the connection secrets cannot be opened', { provider, ...log, error: (err as Error).message });
    throw new ProblemError('service-unavailable', 'this connection cannot verify deliveries right now; try again later');
  }
  let outcome;
  try {
    outcome = await PROVIDERS[provider].receive({ raw, headers, now: Date.now() / 1000, toleranceSeconds: ctx.settings.webhookToleranceSeconds }, secrets);
  } catch (err) {
    if (err instanceof WebhookRefused) throw refuse(err.reason, new ProblemError('unauthorized', err.message), log);
    throw err;
  }
  const workspace = await workspaceById(ctx.db, conn.workspaceId);
  switch (outcome.kind) {
    case 'respond':
      ctx.logger.info('webhook answered', { provider, ...log, event_type: outcome.eventType });
      return { status: 200, body: outcome.body, queued: false };
    case 'ignore':
      ctx.logger.info('webhook ignored', { provider, ...log, event_type: outcome.eventType.slice(0, 100), reason: outcome.reason });
      return { status: 200, body: { status: 'ignored', event_type: outcome.eventType.slice(0, 100), reason: outcome.reason }, queued: false };
    case 'fetch': {
      const payload: Record<string, unknown> = { ...outcome.payload, provider, event_id: outcome.eventId };
      if (typeof payload.download_token === 'string') payload.download_token = await seal(payload.download_token, ctx.settings.secretsKey);
      const answer = await ctx.db.transaction(async (tx) => {
        const seen = await recordEvent(tx, workspace, provider, outcome.eventId, outcome.eventType);
        // Seen before: nothing to do, unless its fetch failed for good (then a redelivery is a retry).
        if (seen && !(await fetchFailed(tx, seen))) {
          return { status: 200 as const, body: { status: 'duplicate', event_id: outcome.eventId, call_id: seen.callId }, queued: false };
        }
        const jobId = await enqueueJob(tx, workspace.id, FETCH_JOB, payload, { maxAttempts: FETCH_MAX_ATTEMPTS });
        await setEvent(tx, workspace, provider, outcome.eventId, { jobId });
        return { status: 202 as const, body: { status: 'queued', event_id: outcome.eventId, job_id: jobId }, queued: true };
      });
      ctx.logger.info('webhook accepted', { provider, ...log, event_type: outcome.eventType, event_id: outcome.eventId, outcome: (answer.body as { status: string }).status });
      return answer;
    }
    case 'call': {
      const answer = await ctx.db.transaction(async (tx) => {
        const seen = await recordEvent(tx, workspace, provider, outcome.eventId, outcome.eventType);
        if (seen) return { status: 200 as const, body: { status: 'duplicate', event_id: outcome.eventId, call_id: seen.callId }, queued: false };
        const stored = await storeRecordedCall(tx, workspace, outcome.call, ctx.limits);
        await setEvent(tx, workspace, provider, outcome.eventId, { callId: stored.call.id });
        return {
          status: stored.created ? (202 as const) : (200 as const),
          body: { status: stored.created ? 'stored' : 'duplicate', event_id: outcome.eventId, call_id: stored.call.id, deal_id: stored.call.dealId, links: { call: `/v1/calls/${stored.call.id}` } },
          queued: stored.created,
        };
      });
      ctx.logger.info('webhook accepted', { provider, ...log, event_type: outcome.eventType, outcome: (answer.body as { status: string }).status });
      return answer;
    }
  }
}

/** Records an event id; returns the earlier record when it was seen before. */
async function recordEvent(tx: DbOrTx, workspace: WorkspaceContext, provider: string, eventId: string, eventType: string) {
  const [inserted] = await tx
    .insert(webhookEvents)
    .values({ workspaceId: workspace.id, provider, eventId: eventId.slice(0, 500), eventType: eventType.slice(0, 100) })
    .onConflictDoNothing()
    .returning({ eventId: webhookEvents.eventId });
  if (inserted) return null;
  const [seen] = await tx
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.workspaceId, workspace.id), eq(webhookEvents.provider, provider), eq(webhookEvents.eventId, eventId.slice(0, 500))));
  return seen ?? { callId: null, jobId: null };
}

/** Whether an event's fetch job failed for good without making a call. */
async function fetchFailed(tx: DbOrTx, seen: { callId: string | null; jobId?: string | null }) {
  if (seen.callId || !seen.jobId) return false;
  const [job] = await tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, seen.jobId)).limit(1);
  return job?.status === 'failed';
}

async function setEvent(tx: DbOrTx, workspace: WorkspaceContext, provider: string, eventId: string, set: { jobId?: string; callId?: string }) {
  await tx
    .update(webhookEvents)
    .set(set)
    .where(and(eq(webhookEvents.workspaceId, workspace.id), eq(webhookEvents.provider, provider), eq(webhookEvents.eventId, eventId.slice(0, 500))));
}

// ---- Storing a recorded call ----

export interface StoredRecording {
  call: typeof calls.$inferSelect;
  created: boolean;
  attachment: Attachment;
}

/**
 * Normalizes a recorded call, attaches it to a deal (src/services/attach.ts), stores it and queues
 * its analysis, all on `tx` (run it in a transaction). The same (source, external id) again
 * returns the call stored the first time. Bad transcripts are refused with a ProblemError.
 */
export async function storeRecordedCall(tx: DbOrTx, workspace: WorkspaceContext, recorded: RecordedCall, limits: TranscriptLimits): Promise<StoredRecording> {
  let normalized;
  try {
    normalized = normalizeTranscript({ content: recorded.transcript, format: recorded.format, participants: recorded.participants, ownDomains: workspace.sellerDomains });
  } catch (err) {
    if (err instanceof TranscriptError) {
      throw new ProblemError(err.kind === 'empty' ? 'empty-transcript' : 'unparseable-transcript', err.message, { errors: [{ in: 'body', path: 'transcript', message: err.message }] });
    }
    throw err;
  }
  const transcript = normalized.transcript;
  let chars = 0;
  for (const u of transcript.utterances) chars += u.text.length;
  if (transcript.utterances.length > limits.maxUtterances || chars > limits.maxTranscriptChars) {
    const message = `${transcript.utterances.length} utterances and ${chars} characters; the limits are ${limits.maxUtterances} and ${limits.maxTranscriptChars}`;
    throw new ProblemError('validation-error', `the transcript is too long (${message})`, { errors: [{ in: 'body', path: 'transcript', message }] });
  }
  const occurredAt = recorded.occurredAt ?? normalized.meta.occurred_at;
  if (!occurredAt || Number.isNaN(new Date(occurredAt).getTime())) {
    throw new ProblemError('validation-error', 'the recorder does not say when the call took place', {
      errors: [{ in: 'body', path: 'occurred_at', message: 'Required: when the call took place' }],
    });
  }
  const externalId = recorded.externalId.slice(0, 300);
  const findExisting = async () => {
    const [row] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.source, recorded.source), eq(calls.externalId, externalId)))
      .limit(1);
    return row;
  };
  const before = await findExisting();
  if (before) return { call: before, created: false, attachment: { dealId: before.dealId, accountId: null, via: null } };
  const attendees = [...transcript.participants, ...(recorded.emails ?? []).map((email) => ({ email, side: null }))];
  const attachment = await resolveDeal(tx, workspace, { crm: recorded.crm, attendees });
  const contentHash = await sha256Hex(JSON.stringify(transcript.utterances.map((u) => [u.speaker, u.text])));
  const [inserted] = await tx
    .insert(calls)
    .values({
      id: newId('call'),
      workspaceId: workspace.id,
      dealId: attachment.dealId,
      occurredAt: new Date(occurredAt),
      title: recorded.title?.slice(0, 500) ?? normalized.meta.title,
      source: recorded.source,
      externalId,
      format: transcript.format,
      rawInput: recorded.raw.text,
      rawContentType: recorded.raw.contentType,
      rawFilename: recorded.raw.filename ?? null,
      transcript,
      utteranceCount: transcript.utterances.length,
      contentHash,
      status: 'received',
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await enqueueAnalysis(tx, workspace.id, inserted.id, { analyzer: recorded.analyzer ?? null });
    return { call: { ...inserted, status: 'queued' }, created: true, attachment };
  }
  // Stored meanwhile by a concurrent delivery of the same call.
  const existing = await findExisting();
  if (!existing) throw new Error('call insert conflicted but no existing call was found');
  return { call: existing, created: false, attachment };
}

// ---- Jobs ----

export interface IntegrationJobDeps {
  db: Db;
  settings: IntegrationSettings;
  limits: TranscriptLimits;
  logger: Logger;
}

async function openConnection(deps: IntegrationJobDeps, job: Job, provider: IntegrationProvider) {
  const workspace = await workspaceById(deps.db, job.workspaceId);
  const conn = await findConnection(deps.db, workspace, provider);
  if (!conn) throw new PermanentError(`the workspace's ${provider} connection was removed`);
  let secrets: Record<string, string>;
  try {
    secrets = await unseal(conn.secrets, deps.settings.secretsKey);
  } catch (err) {
    if (err instanceof SealedSecretsError) throw new PermanentError(err.message);
    throw err;
  }
  const ctx: FetchContext = {
    secrets,
    settings: asRecord(conn.settings),
    urls: deps.settings,
    unseal: (sealed) => unseal<string>(sealed, deps.settings.secretsKey),
  };
  return { workspace, ctx };
}

/** The `integration.fetch` job: fetch what an event announced, then store it as a call. */
export async function runFetchJob(deps: IntegrationJobDeps, job: Job, owner: string) {
  const payload = asRecord(job.payload);
  const provider = str(payload.provider);
  const eventId = str(payload.event_id);
  if (!provider || !isProvider(provider)) throw new PermanentError(`fetch job for unknown provider ${JSON.stringify(provider)}`);
  const fetchCall = PROVIDERS[provider].fetch;
  if (!fetchCall) throw new PermanentError(`${provider} calls are not fetched`);
  const { workspace, ctx } = await openConnection(deps, job, provider);
  const recorded = await fetchCall(payload, ctx);
  const stored = await deps.db.transaction(async (tx) => {
    let result: StoredRecording;
    try {
      result = await storeRecordedCall(tx, workspace, recorded, deps.limits);
    } catch (err) {
      if (err instanceof ProblemError) throw new PermanentError(`${provider} call ${recorded.externalId}: ${err.message}`);
      throw err;
    }
    if (eventId) await setEvent(tx, workspace, provider, eventId, { callId: result.call.id });
    await completeJob(tx, job, owner);
    return result;
  });
  deps.logger.info('recorded call stored', {
    provider,
    workspace_id: workspace.id,
    call_id: stored.call.id,
    created: stored.created,
    deal_id: stored.call.dealId,
    attached_by: stored.attachment.via,
  });
}

/** The `gong.sync` job: list the calls of a time range and queue a fetch for each one not seen yet. */
export async function runGongSyncJob(deps: IntegrationJobDeps, job: Job, owner: string) {
  const payload = asRecord(job.payload);
  const from = str(payload.from);
  const to = str(payload.to);
  if (!from || !to) throw new PermanentError('gong.sync job without a time range');
  const { workspace, ctx } = await openConnection(deps, job, 'gong');
  const ids = await gongCallIds(from, to, ctx);
  let queued = 0;
  await deps.db.transaction(async (tx) => {
    for (const id of ids) {
      const eventId = `call:${id}`;
      if (await recordEvent(tx, workspace, 'gong', eventId, 'sync')) continue;
      const jobId = await enqueueJob(tx, workspace.id, FETCH_JOB, { provider: 'gong', event_id: eventId, call_id: id }, { maxAttempts: FETCH_MAX_ATTEMPTS });
      await setEvent(tx, workspace, 'gong', eventId, { jobId });
      queued++;
    }
    await completeJob(tx, job, owner);
  });
  deps.logger.info('gong sync listed calls', { workspace_id: workspace.id, found: ids.length, queued });
}
