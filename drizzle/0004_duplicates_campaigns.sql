ALTER TABLE "cases" ADD COLUMN "campaign_key" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "fingerprint_hash" text;--> statement-breakpoint
CREATE INDEX "cases_campaign_idx" ON "cases" USING btree ("campaign_key");--> statement-breakpoint
CREATE INDEX "inbound_messages_fingerprint_idx" ON "inbound_messages" USING btree ("fingerprint_hash");