-- Indexes for look-ups that scanned every row of outbox on a populated database (docs/scaling.md).
-- Additive; built in the migration's transaction (a few seconds on 450,000 outbox rows, during
-- which outgoing mail waits), hence "if not exists" for an operator who built them CONCURRENTLY first.
CREATE INDEX IF NOT EXISTS "outbox_case_idx" ON "outbox" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_purpose_created_idx" ON "outbox" USING btree ("purpose","created_at");
