CREATE TABLE "call_facts" (
	"call_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"deal_id" text NOT NULL,
	"account_id" text,
	"analysis_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"rubric_version" text NOT NULL,
	"stakeholders" integer NOT NULL,
	"graded" integer NOT NULL,
	"top_score" integer,
	"engaged" integer NOT NULL,
	"engaged_score_sum" integer NOT NULL,
	"champions_in_call" integer NOT NULL,
	"champion_count" integer NOT NULL,
	"red_flags" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_health" (
	"deal_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text,
	"calls" integer NOT NULL,
	"first_call_at" timestamp with time zone NOT NULL,
	"last_call_at" timestamp with time zone NOT NULL,
	"last_call_id" text NOT NULL,
	"champion_count" integer NOT NULL,
	"engaged_count" integer NOT NULL,
	"economic_buyer_engaged" boolean NOT NULL,
	"economic_buyer_named" boolean NOT NULL,
	"plus_one" boolean NOT NULL,
	"last_step" jsonb,
	"last_step_call_id" text,
	"last_step_at" timestamp with time zone,
	"last_step_date" text,
	"last_call_has_step" boolean NOT NULL,
	"champion_lost" boolean NOT NULL,
	"max_champion_drop" integer,
	"rubric_versions" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_people" (
	"workspace_id" text NOT NULL,
	"deal_id" text NOT NULL,
	"person_id" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"calls_present" integer NOT NULL,
	"mentions" integer NOT NULL,
	"engaged" boolean NOT NULL,
	"role" text NOT NULL,
	"stance" text NOT NULL,
	"grade" text NOT NULL,
	"score" integer NOT NULL,
	"assessment_id" text NOT NULL,
	"call_id" text NOT NULL,
	"graded_at" timestamp with time zone NOT NULL,
	"rubric_version" text NOT NULL,
	"prev_grade" text,
	"prev_score" integer,
	"prev_call_id" text,
	"prev_at" timestamp with time zone,
	"last_champion_at" timestamp with time zone,
	"peak_score" integer,
	"at_risk_flag_id" text,
	"at_risk_call_id" text,
	"at_risk_at" timestamp with time zone,
	"champion_drop" integer,
	"lost_champion" boolean NOT NULL,
	"champion_at_risk" boolean NOT NULL,
	CONSTRAINT "deal_people_deal_id_person_id_pk" PRIMARY KEY("deal_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "regraded_from" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "red_flags" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "call_facts" ADD CONSTRAINT "call_facts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_facts" ADD CONSTRAINT "call_facts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_facts" ADD CONSTRAINT "call_facts_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_facts" ADD CONSTRAINT "call_facts_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_health" ADD CONSTRAINT "deal_health_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_health" ADD CONSTRAINT "deal_health_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_people" ADD CONSTRAINT "deal_people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_people" ADD CONSTRAINT "deal_people_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_people" ADD CONSTRAINT "deal_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_facts_time_idx" ON "call_facts" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "call_facts_deal_time_idx" ON "call_facts" USING btree ("workspace_id","deal_id","occurred_at");--> statement-breakpoint
CREATE INDEX "call_facts_account_time_idx" ON "call_facts" USING btree ("workspace_id","account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "deal_health_workspace_idx" ON "deal_health" USING btree ("workspace_id","last_call_at");--> statement-breakpoint
CREATE INDEX "deal_health_account_idx" ON "deal_health" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "deal_people_deal_idx" ON "deal_people" USING btree ("workspace_id","deal_id");