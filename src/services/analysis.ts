import { and, eq } from 'drizzle-orm';
import type { CallAnalysis } from '../../schemas/analysis.ts';
import type { Extraction } from '../../schemas/extraction.ts';
import type { Transcript } from '../../schemas/transcript.ts';
import { analyzeTranscript } from '../analysis/analyze.ts';
import type { ExtractContext, Extractor } from '../analysis/extractor.ts';
import { ExtractionError } from '../analysis/openai/errors.ts';
import { emptyUsage, OpenAIExtractor, type ModelSettings, type ModelUsage } from '../analysis/openai/extractor.ts';
import { rulesExtractor } from '../analysis/rules.ts';
import type { Db } from '../db/client.ts';
import { analyses, calls, workspaces } from '../db/schema.ts';
import { PermanentError, TransientError } from '../jobs/errors.ts';
import { completeJob } from '../jobs/queue.ts';
import type { AnalyzeOptions, Job } from '../jobs/queue.ts';
import { dealHistory, storeAnalysis } from './analysis-store.ts';
import { findExtraction, saveExtraction, type ExtractionKey } from './extractions.ts';

/** Which analyzer runs when a job names none, and how to reach the model (src/config.ts). */
export interface AnalysisSettings {
  analyzer: 'openai' | 'rules';
  /** null: no model configured (neither OPENAI_API_KEY nor OPENAI_BASE_URL). */
  openai: ModelSettings | null;
}

export const RULES_ONLY: AnalysisSettings = { analyzer: 'rules', openai: null };

/** Token usage recorded with an analysis (`meta.usage` and the `analyses.usage` column). */
export type AnalysisUsage = ModelUsage & {
  /** The stored extraction used: made by this analysis, or reused from an earlier one. */
  extraction_id: string;
};

/**
 * A model extractor that reuses a stored extraction of the same content, model and prompt version
 * (no request), unless forced, and stores each fresh one as soon as it is made, so that a failure
 * later in the job does not pay for the same request again.
 */
class ReusingExtractor implements Extractor {
  readonly analyzer = 'openai' as const;
  readonly model: string;
  readonly promptVersion: string;
  usage: AnalysisUsage | null = null;

  constructor(
    private readonly db: Db,
    private readonly inner: OpenAIExtractor,
    private readonly key: Omit<ExtractionKey, 'analyzer' | 'model' | 'promptVersion'>,
    private readonly force: boolean,
  ) {
    this.model = inner.model;
    this.promptVersion = inner.promptVersion;
  }

  async extract(transcript: Transcript, ctx: ExtractContext): Promise<Extraction> {
    const key: ExtractionKey = { ...this.key, analyzer: this.analyzer, model: this.model, promptVersion: this.promptVersion };
    if (!this.force) {
      const stored = await findExtraction(this.db, key);
      if (stored) {
        this.usage = { ...emptyUsage(), reused: true, extraction_id: stored.id };
        return stored.extraction;
      }
    }
    let extraction: Extraction;
    try {
      extraction = await this.inner.extract(transcript, ctx);
    } catch (err) {
      if (err instanceof ExtractionError) throw err.transient ? new TransientError(err.message) : new PermanentError(err.message);
      throw err;
    }
    const id = await saveExtraction(this.db, key, extraction, this.inner.usage);
    this.usage = { ...this.inner.usage, extraction_id: id };
    return extraction;
  }
}

/** The extractor a job asks for: its own `analyzer`/`model` options first, then the server's default. */
export function extractorFor(db: Db, settings: AnalysisSettings, options: AnalyzeOptions, key: { workspaceId: string; contentHash: string }): Extractor | ReusingExtractor {
  const analyzer = options.analyzer ?? settings.analyzer;
  if (analyzer === 'rules') return rulesExtractor;
  if (analyzer !== 'openai') throw new PermanentError(`unknown analyzer ${JSON.stringify(analyzer)}`);
  if (!settings.openai) throw new PermanentError('the openai analyzer is not configured on this server: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
  const inner = new OpenAIExtractor(settings.openai, { model: options.model ?? null });
  return new ReusingExtractor(db, inner, key, options.force === true);
}

/**
 * The `analyze` job: analyses a stored call with its deal's history and stores the result and the
 * job's completion in one transaction, so a call is analysed once even when a worker dies midway.
 * The analyzer is the job's (`analyzer` of the upload or of POST /v1/calls/:id/analyze), else the
 * server's default; a model analysis records its model, prompt version and token usage.
 */
export async function runAnalysisJob(db: Db, job: Job, owner: string, settings: AnalysisSettings = RULES_ONLY): Promise<void> {
  const [row] = await db
    .select({ call: calls, workspace: workspaces })
    .from(calls)
    .innerJoin(workspaces, eq(workspaces.id, calls.workspaceId))
    .where(and(eq(calls.workspaceId, job.workspaceId), eq(calls.id, job.callId)))
    .limit(1);
  if (!row) throw new PermanentError(`call ${job.callId} no longer exists`);
  const { call } = row;
  const workspace = { id: row.workspace.id, name: row.workspace.name, sellerDomains: row.workspace.sellerDomains, timezone: row.workspace.timezone };
  const options = (job.options ?? {}) as AnalyzeOptions;
  const extractor = extractorFor(db, settings, options, { workspaceId: workspace.id, contentHash: call.contentHash });
  const history = await dealHistory(db, workspace, call);
  const result = await analyzeTranscript(call.transcript as Transcript, {
    ownDomains: workspace.sellerDomains,
    history,
    occurredAt: call.occurredAt.toISOString(),
    extractor,
  });
  const usage = extractor instanceof ReusingExtractor ? extractor.usage : null;
  // meta.usage: a model analysis only (schemas/analysis.ts)
  const stored: CallAnalysis = usage ? { ...result, meta: { ...result.meta, usage: { ...usage } } } : result;
  await db.transaction(async (tx) => {
    const analysisId = await storeAnalysis(tx, workspace, call, stored);
    if (usage) await tx.update(analyses).set({ usage }).where(eq(analyses.id, analysisId));
    await completeJob(tx, job, owner);
  });
}
