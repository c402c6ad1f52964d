// Running the service: holidays admins add, reminders and digests given, preparation attempts, the console's audit.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { cases } from './schema-cases.js';
import { createdAt, jsonb, mailText } from './schema-columns.js';

/** Holidays admins add (a new proclamation); every open case's deadline is recomputed. */
export const extraHolidays = pgTable(
  'extra_holidays',
  {
    id: serial('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    jurisdiction: text('jurisdiction').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('extra_holidays_date_jurisdiction_key').on(t.date, t.jurisdiction)],
);

/** Reminders sent, one row per case and reminder key, so a rerun or a restart sends nothing twice. */
export const caseReminders = pgTable(
  'case_reminders',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    offset: integer('offset').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('case_reminders_case_key').on(t.caseId, t.key)],
);

/** Daily digests sent, one per London date and mailbox (each mailbox's officers get their own). */
export const digests = pgTable(
  'digests',
  {
    day: date('day', { mode: 'string' }).notNull(),
    mailbox: text('mailbox').notNull().default('default'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.mailbox], name: 'digests_day_mailbox_pk' })],
);

/**
 * How often each message's preparation (parse and analysis) was started, committed before it
 * starts: a message that crashes the process (out of memory) is counted even so, and after
 * FOI_MAX_PREPARE_ATTEMPTS it is held instead of crashing every pass. Rows go when the message commits.
 */
export const prepareAttempts = pgTable(
  'prepare_attempts',
  {
    mailbox: text('mailbox').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** What the last attempt that failed without stopping the process threw. */
    lastError: mailText('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mailbox, t.uidValidity, t.uid], name: 'prepare_attempts_pk' })],
);

/**
 * Who viewed or changed which case in the console (UK GDPR Art 5(2) accountability): the officer's
 * identity is kept here, never in URLs or logs.
 */
export const consoleAudit = pgTable(
  'console_audit',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    /** `view`, `download`, or the action taken (`seek_clarification`, `extend`, …). */
    action: text('action').notNull(),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('console_audit_case_idx').on(t.caseId), index('console_audit_actor_idx').on(t.actor),
    // "My cases" reads the cases an officer acted on, not the many they only viewed: an index-only scan.
    index('console_audit_acted_idx').on(t.actor, t.caseId).where(sql`${t.action} not in ('view', 'download')`),
  ],
);
