-- Adopting a live mailbox: history and old trackers' cases are marked imported; references are unique
-- whatever their letter case (replies quote imported references in any case).
ALTER TABLE "cases" ADD COLUMN "imported" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "import_source" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "import_facts" jsonb;--> statement-breakpoint
-- Mailboxes read before this column existed count as seen since the epoch: nothing in them is history,
-- so nothing changes for them. Mailboxes first read from now on record when that was.
ALTER TABLE "mailbox_state" ADD COLUMN "first_seen_at" timestamp with time zone DEFAULT '1970-01-01T00:00:00Z' NOT NULL;--> statement-breakpoint
ALTER TABLE "mailbox_state" ALTER COLUMN "first_seen_at" SET DEFAULT now();--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_upper_key" ON "cases" USING btree (upper("reference"));
