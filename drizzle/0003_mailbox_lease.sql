ALTER TABLE "mailbox_state" ADD COLUMN "lease_holder" text;--> statement-breakpoint
ALTER TABLE "mailbox_state" ADD COLUMN "lease_until" timestamp with time zone;