CREATE TABLE "classifier_examples" (
	"id" serial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classifier_models" (
	"version" serial PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"example_count" integer NOT NULL,
	"evaluation" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "classifier_models_active_idx" ON "classifier_models" USING btree ("active");