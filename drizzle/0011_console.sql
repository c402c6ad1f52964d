CREATE TABLE "console_audit" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"case_id" integer,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "console_audit" ADD CONSTRAINT "console_audit_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "console_audit_case_idx" ON "console_audit" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "console_audit_actor_idx" ON "console_audit" USING btree ("actor");--> statement-breakpoint
CREATE INDEX "cases_subject_search_idx" ON "cases" USING gin (to_tsvector('english', "subject"));--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "inbound_messages_text_search_idx" ON "inbound_messages" USING gin (to_tsvector('english', coalesce("fingerprint", '')));