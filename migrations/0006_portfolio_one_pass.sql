DROP INDEX "call_facts_time_cover_idx";--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "deal_top_score" integer;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "next_call_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "call_facts_portfolio_idx" ON "call_facts" USING btree ("workspace_id","occurred_at","next_call_at","champion_count","deal_top_score","rubric_version","red_flag_counts");