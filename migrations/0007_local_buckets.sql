DROP INDEX "call_facts_portfolio_idx";--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "local_day" date;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "local_week" date;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "local_month" date;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "last_in_day" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "last_in_week" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "call_facts" ADD COLUMN "last_in_month" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "call_facts_bucket_idx" ON "call_facts" USING btree ("workspace_id","occurred_at","local_day","local_week","local_month","last_in_day","last_in_week","last_in_month","champion_count","deal_top_score","rubric_version","red_flag_counts");