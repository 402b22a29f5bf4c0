import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

// Every table holding customer data carries workspace_id, and every query filters on it.
// Ids are opaque text (see src/lib/ids.ts), time-sortable, so (time, id) orders are stable.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The seller's own email domains: people at these domains are seller-side. */
  sellerDomains: text('seller_domains').array().notNull().default(sql`'{}'::text[]`),
  /** IANA zone used to bucket trends by day/week/month. */
  timezone: text('timezone').notNull().default('UTC'),
  createdAt: createdAt(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** SHA-256 of the key; the key itself is never stored. */
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, to tell keys apart in listings. */
    prefix: text('prefix').notNull(),
    name: text('name').notNull().default('default'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    name: text('name'),
    domain: text('domain'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_external_uq').on(t.workspaceId, t.externalId),
    index('accounts_name_idx').on(t.workspaceId, t.name),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: text('account_id').references(() => accounts.id),
    externalId: text('external_id').notNull(),
    name: text('name'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deals_external_uq').on(t.workspaceId, t.externalId),
    index('deals_account_idx').on(t.workspaceId, t.accountId, t.id),
  ],
);

export const CALL_STATUSES = ['received', 'queued', 'analyzing', 'analyzed', 'failed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const calls = pgTable(
  'calls',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    dealId: text('deal_id').references(() => deals.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    title: text('title'),
    source: text('source').notNull(),
    externalId: text('external_id'),
    format: text('format').notNull(),
    /** The upload exactly as received (JSON body, or the file's text for multipart). */
    rawInput: text('raw_input').notNull(),
    rawContentType: text('raw_content_type').notNull(),
    rawFilename: text('raw_filename'),
    /** The canonical transcript (schemas/transcript.ts). */
    transcript: jsonb('transcript').notNull(),
    utteranceCount: integer('utterance_count').notNull(),
    /** SHA-256 of the canonical transcript, to recognise the same content again. */
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: CALL_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calls_source_external_uq')
      .on(t.workspaceId, t.source, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('calls_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt, t.id),
    index('calls_time_idx').on(t.workspaceId, t.occurredAt, t.id),
    index('calls_content_hash_idx').on(t.workspaceId, t.contentHash),
  ],
);

/** A person of an account (buyer side) or of the seller, resolved across calls. */
export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: text('account_id').references(() => accounts.id),
    name: text('name').notNull(),
    /** Lower-cased, accent-free, single-spaced name: the key for resolving a person by name. */
    nameKey: text('name_key').notNull(),
    email: text('email'),
    title: text('title'),
    side: text('side', { enum: ['buyer', 'seller', 'unknown'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_email_uq')
      .on(t.workspaceId, t.email)
      .where(sql`${t.email} is not null`),
    index('people_name_idx').on(t.workspaceId, t.accountId, t.nameKey),
  ],
);

/** One analysis of one call: immutable; a re-analysis adds a row. */
export const analyses = pgTable(
  'analyses',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    dealId: text('deal_id').references(() => deals.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    analyzer: text('analyzer').notNull(),
    model: text('model'),
    promptVersion: text('prompt_version'),
    rubricVersion: text('rubric_version').notNull(),
    /** The analysis as the API returns it (schemas/analysis.ts). */
    result: jsonb('result').notNull(),
    ungroundedDropped: integer('ungrounded_dropped').notNull().default(0),
    durationMs: integer('duration_ms').notNull(),
    usage: jsonb('usage'),
    createdAt: createdAt(),
    /**
     * When a later analysis of the same call replaced this one (set by storeAnalysis in the
     * transaction that stores the later one); null for the call's current analysis.
     */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** For a regrade (same evidence, current rubric): the analysis it was regraded from. */
    regradedFrom: text('regraded_from'),
  },
  (t) => [
    index('analyses_call_idx').on(t.workspaceId, t.callId, t.createdAt),
    index('analyses_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt),
  ],
);

/** One stakeholder's champion grade in one analysis: the row trend queries read. */
export const assessments = pgTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    analysisId: text('analysis_id').notNull().references(() => analyses.id, { onDelete: 'cascade' }),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    dealId: text('deal_id').references(() => deals.id),
    personId: text('person_id').notNull().references(() => people.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    present: boolean('present').notNull(),
    role: text('role').notNull(),
    stance: text('stance').notNull(),
    grade: text('grade').notNull(),
    score: integer('score').notNull(),
    components: jsonb('components').notNull(),
    rubricVersion: text('rubric_version').notNull(),
    evidence: jsonb('evidence').notNull(),
    /** False once a later analysis of the call replaced the one this row belongs to. */
    isCurrent: boolean('is_current').notNull().default(true),
  },
  (t) => [
    index('assessments_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt),
    index('assessments_person_time_idx').on(t.workspaceId, t.personId, t.occurredAt),
    index('assessments_analysis_idx').on(t.analysisId),
  ],
);

const evidenceColumns = () => ({
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  analysisId: text('analysis_id').notNull().references(() => analyses.id, { onDelete: 'cascade' }),
  callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  dealId: text('deal_id').references(() => deals.id),
  personId: text('person_id').references(() => people.id),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  type: text('type').notNull(),
  evidence: jsonb('evidence').notNull(),
  /** False once a later analysis of the call replaced the one this row belongs to. */
  isCurrent: boolean('is_current').notNull().default(true),
});

export const signals = pgTable('signals', evidenceColumns(), (t) => [
  index('signals_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt),
  index('signals_analysis_idx').on(t.analysisId),
  index('signals_call_idx').on(t.workspaceId, t.callId),
]);

export const redFlags = pgTable(
  'red_flags',
  { ...evidenceColumns(), severity: text('severity').notNull() },
  (t) => [
    index('red_flags_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt),
    index('red_flags_analysis_idx').on(t.analysisId),
    index('red_flags_call_idx').on(t.workspaceId, t.callId),
  ],
);

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Durable work (an analysis of a call) claimed by workers with a lease: `FOR UPDATE SKIP LOCKED`
 * over queued jobs whose time has come and running jobs whose lease has expired.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The call the job works on; null for work that has no call yet (fetching a recorder's transcript). */
    callId: text('call_id').references(() => calls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** What the job was asked to do, e.g. {analyzer, model, force}. */
    options: jsonb('options').notNull().default({}),
    /** The input of a job without a call, e.g. the recorder event to fetch (src/services/integrations.ts). */
    payload: jsonb('payload'),
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'queued'`),
    index('jobs_lease_idx').on(t.leaseExpiresAt).where(sql`${t.status} = 'running'`),
    index('jobs_call_idx').on(t.workspaceId, t.callId),
  ],
);

/** An `Idempotency-Key` seen on an upload: the same key returns the same call. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of the request body: the same key with another body is a conflict. */
    requestHash: text('request_hash').notNull(),
    callId: text('call_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

// Trend summaries: derived from the current analyses of a deal's calls, rebuilt for that deal by
// refreshDealSummaries (src/services/trends-summary.ts) in the transaction that stores an analysis,
// so they are never behind. docs/storage.md explains why they exist and what each column means.

/** One row per analysed call: its current analysis boiled down to what trend queries aggregate. */
export const callFacts = pgTable(
  'call_facts',
  {
    callId: text('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    accountId: text('account_id'),
    analysisId: text('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    rubricVersion: text('rubric_version').notNull(),
    /** Stakeholders assessed, and of those graded (not `unassessed`). */
    stakeholders: integer('stakeholders').notNull(),
    graded: integer('graded').notNull(),
    /** Highest score of a graded stakeholder on this call; null when none was graded. */
    topScore: integer('top_score'),
    /** Graded stakeholders present on the call, and the sum of their scores (mean = sum / count). */
    engaged: integer('engaged').notNull(),
    engagedScoreSum: integer('engaged_score_sum').notNull(),
    championsInCall: integer('champions_in_call').notNull(),
    /** People of the deal whose latest grade, as of this call, is champion (earlier calls count). */
    championCount: integer('champion_count').notNull(),
    /** The highest latest score among the deal's people as of this call (earlier calls count); null when none graded. */
    dealTopScore: integer('deal_top_score'),
    /** When the deal's next analysed call took place; null for its latest. */
    nextCallAt: timestamp('next_call_at', { withTimezone: true }),
    /**
     * The day, week (its Monday) and month (its first day) of the call on the workspace's wall clock
     * (workspaces.timezone), and whether the call is its deal's last in that day, week or month. The
     * portfolio trend groups by these in one pass, with no time-zone arithmetic and no grouping by
     * deal; PATCH /v1/workspace recomputes them when the time zone changes.
     */
    localDay: date('local_day', { mode: 'string' }),
    localWeek: date('local_week', { mode: 'string' }),
    localMonth: date('local_month', { mode: 'string' }),
    lastInDay: boolean('last_in_day').notNull().default(false),
    lastInWeek: boolean('last_in_week').notNull().default(false),
    lastInMonth: boolean('last_in_month').notNull().default(false),
    /**
     * Red flags raised on this call: counts in the order of RED_FLAG_COUNT_ORDER (src/services/trends-summary.ts;
     * new types are appended); an array, not jsonb, so that a year of calls sums in milliseconds.
     */
    redFlagCounts: integer('red_flag_counts').array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    // Every column the portfolio trend reads, so that a year of a workspace is an index-only scan.
    index('call_facts_bucket_idx').on(
      t.workspaceId,
      t.occurredAt,
      t.localDay,
      t.localWeek,
      t.localMonth,
      t.lastInDay,
      t.lastInWeek,
      t.lastInMonth,
      t.championCount,
      t.dealTopScore,
      t.rubricVersion,
      t.redFlagCounts,
    ),
    index('call_facts_deal_time_idx').on(t.workspaceId, t.dealId, t.occurredAt),
    index('call_facts_account_time_idx').on(t.workspaceId, t.accountId, t.occurredAt),
  ],
);

/** One row per (deal, stakeholder): where the person stands now and how they got there. */
export const dealPeople = pgTable(
  'deal_people',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Calls the person spoke on, and calls that assessed them at all (spoken or named). */
    callsPresent: integer('calls_present').notNull(),
    mentions: integer('mentions').notNull(),
    engaged: boolean('engaged').notNull(),
    /** Latest role other than `unknown`, and the stance of the latest grade. */
    role: text('role').notNull(),
    stance: text('stance').notNull(),
    /** The latest grade (the latest graded call, else the latest call that named them). */
    grade: text('grade').notNull(),
    score: integer('score').notNull(),
    assessmentId: text('assessment_id').notNull(),
    callId: text('call_id').notNull(),
    gradedAt: timestamp('graded_at', { withTimezone: true }).notNull(),
    rubricVersion: text('rubric_version').notNull(),
    /** The graded call before that one. */
    prevGrade: text('prev_grade'),
    prevScore: integer('prev_score'),
    prevCallId: text('prev_call_id'),
    prevAt: timestamp('prev_at', { withTimezone: true }),
    lastChampionAt: timestamp('last_champion_at', { withTimezone: true }),
    peakScore: integer('peak_score'),
    /** The latest champion_at_risk red flag about the person, recorded once they have been a champion. */
    atRiskFlagId: text('at_risk_flag_id'),
    atRiskCallId: text('at_risk_call_id'),
    atRiskAt: timestamp('at_risk_at', { withTimezone: true }),
    /** Points lost from the previous graded call when either grade is champion; null when none. */
    championDrop: integer('champion_drop'),
    /** Was a champion, and the latest grade is below champion. */
    lostChampion: boolean('lost_champion').notNull(),
    /** Was a champion, and champion_at_risk was raised about them on or after their latest graded call. */
    championAtRisk: boolean('champion_at_risk').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.personId] }), index('deal_people_deal_idx').on(t.workspaceId, t.dealId)],
);

/** One row per analysed deal: the facts the deal view and the at-risk list read. */
export const dealHealth = pgTable(
  'deal_health',
  {
    dealId: text('deal_id')
      .primaryKey()
      .references(() => deals.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: text('account_id'),
    calls: integer('calls').notNull(),
    firstCallAt: timestamp('first_call_at', { withTimezone: true }).notNull(),
    lastCallAt: timestamp('last_call_at', { withTimezone: true }).notNull(),
    lastCallId: text('last_call_id').notNull(),
    championCount: integer('champion_count').notNull(),
    engagedCount: integer('engaged_count').notNull(),
    economicBuyerEngaged: boolean('economic_buyer_engaged').notNull(),
    economicBuyerNamed: boolean('economic_buyer_named').notNull(),
    plusOne: boolean('plus_one').notNull(),
    /** The last agreed next step (schemas/analysis.ts NextStep), its call, and its day if known. */
    lastStep: jsonb('last_step'),
    lastStepCallId: text('last_step_call_id'),
    lastStepAt: timestamp('last_step_at', { withTimezone: true }),
    lastStepDate: text('last_step_date'),
    lastCallHasStep: boolean('last_call_has_step').notNull(),
    /** Some champion was lost (graded below champion since) or flagged champion_at_risk. */
    championLost: boolean('champion_lost').notNull(),
    maxChampionDrop: integer('max_champion_drop'),
    rubricVersions: text('rubric_versions').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deal_health_workspace_idx').on(t.workspaceId, t.lastCallAt), index('deal_health_account_idx').on(t.workspaceId, t.accountId)],
);

/**
 * Model extractions kept for reuse: the same transcript content, analyzer, model and prompt version
 * give the same extraction without a second model request (unless a re-analysis forces one).
 */
export const extractions = pgTable(
  'extractions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    analyzer: text('analyzer').notNull(),
    model: text('model').notNull(),
    promptVersion: text('prompt_version').notNull(),
    /** The extractor's output before grounding (schemas/extraction.ts). */
    extraction: jsonb('extraction').notNull(),
    /** Token usage of the request(s) that made it. */
    usage: jsonb('usage'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('extractions_reuse_uq').on(t.workspaceId, t.contentHash, t.analyzer, t.model, t.promptVersion)],
);

// Call-recorder integrations (docs/integrations.md): one connection per provider and workspace, and
// the recorder events seen, so that a redelivered event makes no second call.

export const INTEGRATION_PROVIDERS = ['zoom', 'gong', 'fireflies', 'recall', 'generic'] as const;
export type IntegrationProvider = (typeof INTEGRATION_PROVIDERS)[number];

/** A workspace's connection to a call recorder: its credentials and the token of its webhook URL. */
export const integrations = pgTable(
  'integrations',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: INTEGRATION_PROVIDERS }).notNull(),
    /**
     * The random token in the connection's webhook URL (`/webhooks/{provider}/{token}`): recorders
     * send no API key, so the token says which workspace an event is for. Unique across workspaces.
     */
    webhookToken: text('webhook_token').notNull(),
    /** The secrets (signing secrets, API keys) as one sealed JSON object (src/integrations/crypto.ts); never returned. */
    secrets: text('secrets').notNull(),
    /** Settings that are not secret, e.g. a customer-specific API base URL. */
    settings: jsonb('settings').notNull().default({}),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.provider] }), uniqueIndex('integrations_webhook_token_uq').on(t.webhookToken)],
);

/** A recorder event accepted once: the same (provider, event id) again is acknowledged and ignored. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    workspaceId: text('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    /** The provider's id of what happened, e.g. `recording.transcript_completed:<meeting uuid>`. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The job that fetches the transcript, when the event needs one. */
    jobId: text('job_id'),
    /** The call the event became, once stored. */
    callId: text('call_id').references(() => calls.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.provider, t.eventId] }), index('webhook_events_time_idx').on(t.workspaceId, t.provider, t.receivedAt)],
);
