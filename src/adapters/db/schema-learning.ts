// What admins and officers teach the analysis: examples, trained model versions and their activations.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from './schema-cases.js';
import { createdAt, jsonb, mailText } from './schema-columns.js';

/** Topic examples admins add (by hand or from a case's question), on top of fixtures/training. */
export const classifierExamples = pgTable('classifier_examples', {
  id: serial('id').primaryKey(),
  topic: text('topic').notNull(),
  text: mailText('text').notNull(),
  /** `admin`, or `case:<reference>#<question number>`. */
  source: text('source').notNull(),
  createdAt: createdAt(),
});

/** Trained topic models, each with the figures it scored when trained; one is active. */
export const classifierModels = pgTable(
  'classifier_models',
  {
    version: serial('version').primaryKey(),
    model: text('model').notNull(),
    exampleCount: integer('example_count').notNull(),
    evaluation: jsonb('evaluation').notNull(),
    active: boolean('active').notNull().default(false),
    /** `topic`: a topic model alone (versions trained before the other models were learned); `analysis`: all four. */
    format: text('format').notNull().default('topic'),
    createdAt: createdAt(),
  },
  (t) => [index('classifier_models_active_idx').on(t.active)],
);

/**
 * Every change of the active model version: an activation that passed the evaluation gate, one forced past
 * a drop (with the admin's reason and the figures that dropped), and each rollback with `classifier use`.
 */
export const classifierActivations = pgTable('classifier_activations', {
  id: serial('id').primaryKey(),
  /** The version made active; 0 for the shipped models (`classifier use shipped`). */
  version: integer('version').notNull(),
  /** The version active before, null for the shipped models. */
  previousVersion: integer('previous_version'),
  /** `activate`, `force` or `use`. */
  action: text('action').notNull(),
  reason: text('reason'),
  /** The figures that dropped versus the version active before (empty when none did). */
  drops: jsonb('drops').notNull().default(sql`'[]'::jsonb`),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/**
 * Officers' corrections of the analysis as labelled examples (domain/labelled-example.ts): the authority's
 * own mail, read right, which `classifier train` adds to the shipped corpus. Each label is optional:
 * a correction fixes one decision at a time.
 */
export const labelledExamples = pgTable(
  'labelled_examples',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    /** `case:<reference>` for a whole message, `case:<reference>#<question>` for one question. */
    source: text('source').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    kind: text('kind'),
    topic: text('topic'),
    section16: boolean('section16'),
    publicInterest: boolean('public_interest'),
    /** The questions as the officer divided `text` (a split or a merge). */
    questions: jsonb('questions').$type<string[]>(),
    /** Who gave the label: the console's signed-in identity, or the OS user of `case correct`; null before 0016. */
    actor: text('actor'),
    createdAt: createdAt(),
  },
  (t) => [index('labelled_examples_case_idx').on(t.caseId)],
);
