import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { CallAnalysis } from '../../schemas/analysis.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { analyses, assessments, calls, deals, redFlags, signals } from '../db/schema.ts';
import type { WorkspaceContext } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { ProblemError } from '../lib/problem.ts';
import type { HistoryEntry } from '../analysis/deal.ts';
import { getCallRow } from './calls.ts';
import { resolvePeople } from './people.ts';
import { refreshDealSummaries, supersedeCall } from './trends-summary.ts';

// Storage of analyses: what analyzers produce goes in here, what trends and reads need comes out.

type CallRow = typeof calls.$inferSelect;

/** The latest analysis of every earlier call of the same deal, oldest first (the analyzer's deal history). */
export async function dealHistory(db: Db, workspace: WorkspaceContext, call: CallRow): Promise<HistoryEntry[]> {
  if (!call.dealId) return [];
  // Only what deal facts read (src/analysis/deal.ts): the stakeholders without their evidence and
  // the agreed next steps. The whole results would make each analysis of a long deal re-read every
  // earlier one in full.
  const compact = sql<CallAnalysis>`jsonb_build_object(
    'stakeholders', coalesce((
      select jsonb_agg((s - 'evidence') || jsonb_build_object('evidence', '[]'::jsonb, 'champion',
        jsonb_build_object('grade', s->'champion'->'grade', 'score', s->'champion'->'score', 'components', '[]'::jsonb)))
      from jsonb_array_elements(${analyses.result}->'stakeholders') s), '[]'::jsonb),
    'signals', coalesce((
      select jsonb_agg(g) from jsonb_array_elements(${analyses.result}->'signals') g
      where g->>'type' = 'next_step_scheduled'), '[]'::jsonb))`;
  const rows = await db
    .select({ callId: analyses.callId, occurredAt: analyses.occurredAt, result: compact })
    .from(analyses)
    .where(
      and(
        eq(analyses.workspaceId, workspace.id),
        eq(analyses.dealId, call.dealId),
        isNull(analyses.supersededAt),
        or(lt(analyses.occurredAt, call.occurredAt), and(eq(analyses.occurredAt, call.occurredAt), lt(analyses.callId, call.id))),
      ),
    )
    .orderBy(analyses.occurredAt, analyses.callId);
  return rows.map((r) => ({ occurred_at: r.occurredAt.toISOString(), analysis: r.result }));
}

export interface StoreOptions {
  /** A regrade (src/services/trends-regrade.ts): the analysis it regrades; the call's status is left alone. */
  regradedFrom?: string;
}

/**
 * Stores one analysis of a call in one transaction: the analysis row, its people (resolved to the
 * account's people), their assessments, signals and red flags; marks the call analyzed. The call's
 * earlier analyses are marked superseded and the deal's trend summaries rebuilt in the same
 * transaction (docs/storage.md); the call's and the deal's rows are locked first so that two analyses
 * of one deal rebuild its summaries one after the other.
 */
export async function storeAnalysis(db: DbOrTx, workspace: WorkspaceContext, call: CallRow, analysis: CallAnalysis, opts: StoreOptions = {}): Promise<string> {
  return db.transaction(async (tx) => {
    // Locks in the order call -> deal (as assignCall does), and uses the call's deal as it is now.
    // NO KEY UPDATE: it serialises writers of the same call or deal, but not the foreign-key checks
    // (KEY SHARE) of rows that reference them, such as another analysis's call_facts.
    const [locked] = await tx
      .select({ dealId: calls.dealId })
      .from(calls)
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, call.id)))
      .for('no key update');
    const dealId = locked ? locked.dealId : call.dealId;
    const [deal] = dealId ? await tx.select({ accountId: deals.accountId }).from(deals).where(eq(deals.id, dealId)).for('no key update') : [];
    await supersedeCall(tx, workspace.id, call.id);
    const people = await resolvePeople(tx, workspace, deal?.accountId ?? null, analysis.stakeholders);
    const result: CallAnalysis = {
      ...analysis,
      stakeholders: analysis.stakeholders.map((s) => ({ ...s, id: people.get(s.name) ?? null })),
    };
    const analysisId = newId('anl');
    const common = { workspaceId: workspace.id, analysisId, callId: call.id, dealId, occurredAt: call.occurredAt };
    await tx.insert(analyses).values({
      id: analysisId,
      workspaceId: workspace.id,
      callId: call.id,
      dealId,
      occurredAt: call.occurredAt,
      analyzer: result.meta.analyzer,
      model: result.meta.model,
      promptVersion: result.meta.prompt_version,
      rubricVersion: result.meta.rubric_version,
      result,
      ungroundedDropped: result.meta.ungrounded_dropped,
      durationMs: Math.round(result.meta.ms),
      regradedFrom: opts.regradedFrom ?? null,
    });
    const assessed = result.stakeholders.filter((s) => s.id !== null);
    if (assessed.length) {
      await tx.insert(assessments).values(
        assessed.map((s) => ({
          ...common,
          id: newId('asmt'),
          personId: s.id!,
          present: s.present,
          role: s.role,
          stance: s.stance,
          grade: s.champion.grade,
          score: s.champion.score,
          components: s.champion.components,
          rubricVersion: result.meta.rubric_version,
          evidence: s.evidence,
        })),
      );
    }
    if (result.signals.length) {
      await tx.insert(signals).values(
        result.signals.map((s) => ({ ...common, id: newId('sig'), personId: personOf(people, s.stakeholder), type: s.type, evidence: s.evidence })),
      );
    }
    if (result.red_flags.length) {
      await tx.insert(redFlags).values(
        result.red_flags.map((f) => ({
          ...common,
          id: newId('flag'),
          personId: personOf(people, f.stakeholder),
          type: f.type,
          severity: f.severity,
          evidence: f.evidence,
        })),
      );
    }
    if (dealId) await refreshDealSummaries(tx, workspace.id, [dealId]);
    if (opts.regradedFrom) return analysisId;
    await tx
      .update(calls)
      .set({ status: 'analyzed', statusReason: null, attempts: call.attempts + 1, updatedAt: new Date() })
      .where(and(eq(calls.workspaceId, workspace.id), eq(calls.id, call.id)));
    return analysisId;
  });
}

const personOf = (people: Map<string, string>, name: string | null) => (name ? (people.get(name) ?? null) : null);

/** The latest analysis of a call, as the API returns it. */
export async function getAnalysis(db: Db, workspace: WorkspaceContext, callId: string): Promise<CallAnalysis> {
  const call = await getCallRow(db, workspace, callId);
  const [row] = await db
    .select({ result: analyses.result })
    .from(analyses)
    .where(and(eq(analyses.workspaceId, workspace.id), eq(analyses.callId, call.id)))
    .orderBy(desc(analyses.createdAt), desc(analyses.id))
    .limit(1);
  if (!row) {
    const why = call.status === 'failed' ? `its analysis failed: ${call.statusReason}` : `its status is ${call.status}`;
    throw new ProblemError('not-found', `call ${call.id} has no analysis yet (${why})`);
  }
  return row.result as CallAnalysis;
}
