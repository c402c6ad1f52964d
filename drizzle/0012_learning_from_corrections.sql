CREATE TABLE "classifier_activations" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"previous_version" integer,
	"action" text NOT NULL,
	"reason" text,
	"drops" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labelled_examples" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer,
	"source" text NOT NULL,
	"subject" text,
	"text" text NOT NULL,
	"kind" text,
	"topic" text,
	"section16" boolean,
	"public_interest" boolean,
	"questions" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "classifier_models" ADD COLUMN "format" text DEFAULT 'topic' NOT NULL;--> statement-breakpoint
ALTER TABLE "labelled_examples" ADD CONSTRAINT "labelled_examples_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "labelled_examples_case_idx" ON "labelled_examples" USING btree ("case_id");