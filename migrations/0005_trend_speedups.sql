DROP INDEX "call_facts_time_idx";--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "red_flag_counts" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
CREATE INDEX "call_facts_time_cover_idx" ON "call_facts" USING btree ("workspace_id","occurred_at","deal_id","top_score","champion_count","rubric_version","red_flag_counts");--> statement-breakpoint
CREATE INDEX "red_flags_call_idx" ON "red_flags" USING btree ("workspace_id","call_id");--> statement-breakpoint
CREATE INDEX "signals_call_idx" ON "signals" USING btree ("workspace_id","call_id");--> statement-breakpoint
ALTER TABLE "call_facts" DROP COLUMN "red_flags";