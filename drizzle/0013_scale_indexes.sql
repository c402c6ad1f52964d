-- Indexes for look-ups whose cost grew with the stored history (docs/scaling.md): two scanned every
-- row of outbox, two read a campaign's or a requester's whole history to keep its last 30 days.
-- Additive; built in the migration's transaction (seconds on 200,000 cases, during which intake
-- waits), hence "if not exists" for an operator who built them CONCURRENTLY beforehand.
CREATE INDEX IF NOT EXISTS "inbound_messages_fingerprint_created_idx" ON "inbound_messages" USING btree ("fingerprint_hash","created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inbound_messages_created_idx" ON "inbound_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_case_idx" ON "outbox" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_purpose_created_idx" ON "outbox" USING btree ("purpose","created_at");
