-- The console's queues and search over 200,000 cases (scripts/console-bench.ts): the counts become one
-- index-only scan of the open cases' (status, due_date) (an officer's: of (mailbox, status, due_date,
-- id)) instead of a scan of every case per page; the topic and flag filters use GIN containment; the
-- on-time figure reads only the responses; "my cases" reads what an officer did, not all they viewed.
-- Additive; "if not exists" for an operator who built them CONCURRENTLY beforehand.
CREATE INDEX IF NOT EXISTS "case_events_responded_idx" ON "case_events" USING btree ("case_id") WHERE "case_events"."event" = 'responded';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_status_due_idx" ON "cases" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_mailbox_status_due_idx" ON "cases" USING btree ("mailbox","status","due_date","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_due_desc_idx" ON "cases" USING btree ("due_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_topics_idx" ON "cases" USING gin (("analysis"->'topics') jsonb_path_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_flags_idx" ON "cases" USING gin ("flags" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "console_audit_acted_idx" ON "console_audit" USING btree ("actor","case_id") WHERE "console_audit"."action" not in ('view', 'download');