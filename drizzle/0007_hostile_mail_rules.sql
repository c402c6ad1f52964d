ALTER TABLE "cases" ADD COLUMN "linked_case_id" integer;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "body_hash" text;