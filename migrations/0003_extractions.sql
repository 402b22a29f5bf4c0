CREATE TABLE "extractions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"analyzer" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"extraction" jsonb NOT NULL,
	"usage" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "extractions_reuse_uq" ON "extractions" USING btree ("workspace_id","content_hash","analyzer","model","prompt_version");