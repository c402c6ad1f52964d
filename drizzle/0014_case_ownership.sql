-- Who has a case: its owner (an officer's sign-in identity) and its team, set by the `assign` action (an
-- audited case event). Both nullable; the indexes serve "My cases" and the owner and team filters in due-date order.
ALTER TABLE "cases" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "team" text;--> statement-breakpoint
CREATE INDEX "cases_owner_due_idx" ON "cases" USING btree ("owner","due_date","id");--> statement-breakpoint
CREATE INDEX "cases_team_due_idx" ON "cases" USING btree ("team","due_date");