// The database schema (drizzle). One source for PGlite and PostgreSQL 15: keep to SQL that
// PostgreSQL 15 runs. Migrations in drizzle/ are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CaseFlag } from '../../domain/case-flag.js';

// Sent as base64 and decoded by the server: postgres.js would send a Buffer as hex text, twice its
// size, and a 2 MB message costs its bytes again in every copy on the way to the socket.
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => sql`decode(${value.toString('base64')}, 'base64')`,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Per-mailbox checkpoint: new mail is found by UID above `lastUid` within `uidValidity`. */
export const mailboxState = pgTable('mailbox_state', {
  /** The mailbox's key (account and folder), not its configured name. */
  mailbox: text('mailbox').primaryKey(),
  uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  lastPollAt: timestamp('last_poll_at', { withTimezone: true }),
  /** The daemon that reads this mailbox now; a standby takes over when the lease lapses. */
  leaseHolder: text('lease_holder'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every message taken from the mailbox, with its raw bytes, whatever became of it. */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: serial('id').primaryKey(),
    /** The mailbox's key (account and folder), as in mailbox_state. */
    mailbox: text('mailbox').notNull(),
    uidValidity: bigint('uid_validity', { mode: 'number' }).notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    messageId: text('message_id'),
    contentHash: text('content_hash').notNull(),
    /** Message-ID, or `sha256:<hash>` without one; unique among first sightings so a replay is a no-op. */
    dedupeKey: text('dedupe_key'),
    duplicateOf: integer('duplicate_of'),
    internalDate: timestamp('internal_date', { withTimezone: true }).notNull(),
    raw: bytea('raw'),
    sizeBytes: integer('size_bytes').notNull(),
    /** `opened_case`, `attached`, `held`, `duplicate`. */
    disposition: text('disposition').notNull(),
    parseOutcome: text('parse_outcome').notNull(),
    error: text('error'),
    caseId: integer('case_id'),
    /** The request text normalised for near-duplicate checks (greeting, sign-off, quotes removed). */
    fingerprint: text('fingerprint'),
    fingerprintHash: text('fingerprint_hash'),
    /** The folder the message is to be moved to, and when the move was seen to succeed. */
    destinationFolder: text('destination_folder').notNull(),
    movedAt: timestamp('moved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inbound_messages_uid_key').on(t.mailbox, t.uidValidity, t.uid),
    uniqueIndex('inbound_messages_dedupe_key').on(t.dedupeKey),
    index('inbound_messages_message_id_idx').on(t.messageId),
    index('inbound_messages_case_idx').on(t.caseId),
    index('inbound_messages_fingerprint_idx').on(t.fingerprintHash),
    // Near-duplicate and campaign look-ups only look back FOI_DUPLICATE_WINDOW_DAYS: with these, the
    // rows read are bounded by the window's mail, not by a campaign's or a requester's whole history.
    index('inbound_messages_fingerprint_created_idx').on(t.fingerprintHash, t.createdAt),
    index('inbound_messages_created_idx').on(t.createdAt),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull(),
    kind: text('kind').notNull(),
    regime: text('regime').notNull(),
    status: text('status').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The date of receipt in Europe/London, from which the statutory clock runs. */
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    dueExplain: jsonb('due_explain').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    requesterName: text('requester_name'),
    requesterAddress: text('requester_address'),
    subject: text('subject').notNull(),
    analysis: jsonb('analysis').notNull(),
    /** `{code, text}` each (domain/case-flag.ts). */
    flags: jsonb('flags').$type<CaseFlag[]>().notNull().default(sql`'[]'::jsonb`),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The authority's jurisdiction when the case opened (SAR working days follow it). */
    jurisdiction: text('jurisdiction').notNull().default('england-and-wales'),
    clarificationSought: date('clarification_sought', { mode: 'string' }),
    clarificationReceived: date('clarification_received', { mode: 'string' }),
    /** `{kind, reason, date}` once the deadline has been extended. */
    extension: jsonb('extension'),
    /** For an internal review: the case whose handling is reviewed. */
    parentCaseId: integer('parent_case_id'),
    /** Cases with the same request text from different people (a campaign) share this key. */
    campaignKey: text('campaign_key'),
    /** The configured name of the mailbox the case came in by: its mail goes out in that mailbox's name. */
    mailbox: text('mailbox').notNull().default('default'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference), index('cases_status_idx').on(t.status),
    index('cases_requester_idx').on(t.requesterAddress),
    index('cases_campaign_idx').on(t.campaignKey),
  ],
);

export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number'),
    text: text('text').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [uniqueIndex('questions_case_position_key').on(t.caseId, t.position)],
);

/** The audit trail: every state change of a case, with time and cause. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    cause: text('cause').notNull(),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case_idx').on(t.caseId)],
);

/** Every outgoing message, written in the case's transaction with its stable Message-ID. */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    inboundId: integer('inbound_id'),
    purpose: text('purpose').notNull(),
    messageId: text('message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    /** `queued`, `sent`, `failed` (permanent rejection or attempts exhausted), `suppressed` (dry run). */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_message_id_key').on(t.messageId),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // A case's thread (every lock of a case reads its Message-IDs): without it, a scan of all mail ever sent.
    index('outbox_case_idx').on(t.caseId),
    // The daily acknowledgement limit counts one address's acknowledgements of the last day: the
    // index bounds that to a day's acknowledgements; not partial, since the purpose is a parameter.
    index('outbox_purpose_created_idx').on(t.purpose, t.createdAt),
  ],
);

/**
 * One row per reference format and year: mailboxes with different formats count separately, ones
 * sharing a format share a sequence. The row lock serialises writers so references never collide.
 * Rows from before formats were counted apart have the format ''; they are kept but no longer used.
 */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    format: text('format').notNull().default(''),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.format, t.year], name: 'reference_counters_format_year_pk' })],
);


/** Topic examples admins add (by hand or from a case's question), on top of fixtures/training. */
export const classifierExamples = pgTable('classifier_examples', {
  id: serial('id').primaryKey(),
  topic: text('topic').notNull(),
  text: text('text').notNull(),
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
    createdAt: createdAt(),
  },
  (t) => [index('classifier_models_active_idx').on(t.active)],
);

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
