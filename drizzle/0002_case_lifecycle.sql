CREATE TABLE "case_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"key" text NOT NULL,
	"due_date" date NOT NULL,
	"offset" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digests" (
	"day" date PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extra_holidays" (
	"id" serial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"jurisdiction" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "jurisdiction" text DEFAULT 'england-and-wales' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "clarification_sought" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "clarification_received" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extension" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_case_id" integer;--> statement-breakpoint
ALTER TABLE "case_reminders" ADD CONSTRAINT "case_reminders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_reminders_case_key" ON "case_reminders" USING btree ("case_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "extra_holidays_date_jurisdiction_key" ON "extra_holidays" USING btree ("date","jurisdiction");--> statement-breakpoint
CREATE INDEX "cases_requester_idx" ON "cases" USING btree ("requester_address");