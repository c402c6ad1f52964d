ALTER TABLE "cases" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "question_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "responded_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "response_due_date" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "review" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "appeal" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "publication_validated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "published_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Responses recorded before outcomes existed keep their date (from the audit trail), with no outcome.
UPDATE "cases" SET "responded_on" = (
  SELECT (e."details"->>'respondedOn')::date FROM "case_events" e
  WHERE e."case_id" = "cases"."id" AND e."event" = 'responded' AND e."details" ? 'respondedOn'
  ORDER BY e."id" DESC LIMIT 1
) WHERE "responded_on" IS NULL AND "status" IN ('responded', 'closed', 'under_review');
