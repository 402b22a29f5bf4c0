import { and, eq } from 'drizzle-orm';
import type { Transcript } from '../../schemas/transcript.ts';
import { analyzeTranscript } from '../analysis/analyze.ts';
import type { Db } from '../db/client.ts';
import { calls, workspaces } from '../db/schema.ts';
import { PermanentError } from '../jobs/errors.ts';
import { completeJob } from '../jobs/queue.ts';
import type { Job } from '../jobs/queue.ts';
import { dealHistory, storeAnalysis } from './analysis-store.ts';

/**
 * The `analyze` job: analyses a stored call with its deal's history and stores the result and the
 * job's completion in one transaction, so a call is analysed once even when a worker dies midway.
 */
export async function runAnalysisJob(db: Db, job: Job, owner: string): Promise<void> {
  const [row] = await db
    .select({ call: calls, workspace: workspaces })
    .from(calls)
    .innerJoin(workspaces, eq(workspaces.id, calls.workspaceId))
    .where(and(eq(calls.workspaceId, job.workspaceId), eq(calls.id, job.callId)))
    .limit(1);
  if (!row) throw new PermanentError(`call ${job.callId} no longer exists`);
  const { call } = row;
  const workspace = { id: row.workspace.id, name: row.workspace.name, sellerDomains: row.workspace.sellerDomains, timezone: row.workspace.timezone };
  const history = await dealHistory(db, workspace, call);
  const result = await analyzeTranscript(call.transcript as Transcript, {
    ownDomains: workspace.sellerDomains,
    history,
    occurredAt: call.occurredAt.toISOString(),
  });
  await db.transaction(async (tx) => {
    await storeAnalysis(tx, workspace, call, result);
    await completeJob(tx, job, owner);
  });
}
