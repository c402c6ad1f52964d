// Mail and cases: the checkpoint, inbound messages, cases with their questions and events, the outbox
// and reference counters (see schema.ts).
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CaseFlag } from '../../domain/case-flag.js';
import { bytea, createdAt, jsonb, mailText } from './schema-columns.js';

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
  /**
   * When foi-intake first read this mailbox: with FOI_ACKNOWLEDGE_SINCE=first-seen, mail received before
   * it is history (a case, no acknowledgement). Mailboxes read before this column existed count from the epoch.
   */
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
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
    messageId: mailText('message_id'),
    contentHash: text('content_hash').notNull(),
    /** Message-ID, or `sha256:<hash>` without one; unique among first sightings so a replay is a no-op. */
    dedupeKey: mailText('dedupe_key'),
    duplicateOf: integer('duplicate_of'),
    internalDate: timestamp('internal_date', { withTimezone: true }).notNull(),
    raw: bytea('raw'),
    sizeBytes: integer('size_bytes').notNull(),
    /** `opened_case`, `attached`, `held`, `duplicate`. */
    disposition: text('disposition').notNull(),
    parseOutcome: text('parse_outcome').notNull(),
    error: mailText('error'),
    caseId: integer('case_id'),
    /** The request text normalised for near-duplicate checks (greeting, sign-off, quotes removed). */
    fingerprint: mailText('fingerprint'),
    fingerprintHash: text('fingerprint_hash'),
    /** The sender (lower-cased) and a hash of what it wrote: a reused Message-ID is told apart by them. */
    fromAddress: text('from_address'),
    bodyHash: text('body_hash'),
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
    // The console's full-text search over request texts (the fingerprint is the request without greeting and quotes).
    index('inbound_messages_text_search_idx').using('gin', sql`to_tsvector('english', coalesce(${t.fingerprint}, ''))`),
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
    requesterName: mailText('requester_name'),
    requesterAddress: mailText('requester_address'),
    subject: mailText('subject').notNull(),
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
    /** A stranger's message quoting a case opens its own case, linked to the one it quotes. */
    linkedCaseId: integer('linked_case_id'),
    /** Brought in from before foi-intake: mail received before the acknowledgement cutoff, or an old tracker's row. */
    imported: boolean('imported').notNull().default(false),
    /** `mailbox` (history in the mailbox) or `file:<name>` (import cases); null for a case that was not imported. */
    importSource: text('import_source'),
    importedAt: timestamp('imported_at', { withTimezone: true }),
    /** What the tracker row said (pipeline/import/compare-with-existing.ts): a re-import is compared with it. */
    importFacts: jsonb('import_facts'),
    // What the response decided (written with the events that record it; the events stay the history).
    /** `granted`, `part_granted`, `refused`, `not_held`, `part_not_held`; null until responded with an outcome. */
    outcome: text('outcome'),
    /** The provisions applied, in canonical form (`s40(2)`, `reg12(4)(b)`). */
    exemptions: jsonb('exemptions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** `{question, outcome, provisions}` per question, when the officer recorded them. */
    questionOutcomes: jsonb('question_outcomes').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** The day the response was sent (London). */
    respondedOn: date('responded_on', { mode: 'string' }),
    /** The due date in force when the response was recorded: what its timeliness was judged against. */
    responseDueDate: date('response_due_date', { mode: 'string' }),
    /** The internal review of this request: `{requestedOn, dueDate, outcome, decidedOn, workingDaysTaken}`. */
    review: jsonb('review'),
    /** The Commissioner's decision: `{commissioner, decisionNotice, outcome, decidedOn}`. */
    appeal: jsonb('appeal'),
    /** When an officer confirmed the response is anonymised and may go in the disclosure log. */
    publicationValidatedAt: timestamp('publication_validated_at', { withTimezone: true }),
    /** The names of the files released, listed in the disclosure log. */
    publishedAttachments: jsonb('published_attachments').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The officer who has the case (their sign-in identity, lower case); null until assigned. */
    owner: text('owner'),
    /** The team the case is with (an admin's topic→team map suggests one); null until assigned. */
    team: text('team'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference), index('cases_status_idx').on(t.status),
    // References are matched whatever their letter case (an imported FOI/24/0456 quoted as foi/24/0456);
    // unique so that two cases can never answer to the same reference.
    uniqueIndex('cases_reference_upper_key').on(sql`upper(${t.reference})`),
    index('cases_requester_idx').on(t.requesterAddress),
    index('cases_campaign_idx').on(t.campaignKey),
    index('cases_subject_search_idx').using('gin', sql`to_tsvector('english', ${t.subject})`),
    index('cases_due_idx').on(t.dueDate),
    // "My cases" (by id, from the index alone) and the owner and team filters, in due-date order.
    index('cases_owner_due_idx').on(t.owner, t.dueDate, t.id),
    index('cases_team_due_idx').on(t.team, t.dueDate),
    // The queue counts: one index-only scan of the open cases' (status, due_date), grouped by status; for
    // an officer, of their mailboxes' (the leading column). The mailbox filter's options come from a
    // loose index scan of it; with the id, an officer's on-time figure joins its responses to their
    // cases without reading them.
    index('cases_status_due_idx').on(t.status, t.dueDate),
    index('cases_mailbox_status_due_idx').on(t.mailbox, t.status, t.dueDate, t.id),
    // "Latest due first" reads the due dates backwards with the cases without one still last.
    index('cases_due_desc_idx').on(t.dueDate.desc().nullsLast()),
    // The topic and flag filters (jsonb containment, @>).
    index('cases_topics_idx').using('gin', sql`(${t.analysis}->'topics') jsonb_path_ops`),
    index('cases_flags_idx').using('gin', sql`${t.flags} jsonb_path_ops`),
  ],
);

export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number'),
    text: mailText('text').notNull(),
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
    cause: mailText('cause').notNull(),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId),
    // The on-time figure reads only the responses.
    index('case_events_responded_idx').on(t.caseId).where(sql`${t.event} = 'responded'`),
  ],
);

/** Every outgoing message, written in the case's transaction with its stable Message-ID. */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    inboundId: integer('inbound_id'),
    purpose: text('purpose').notNull(),
    messageId: mailText('message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    subject: mailText('subject').notNull(),
    textBody: mailText('text_body').notNull(),
    htmlBody: mailText('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    /** `queued`, `sent`, `failed` (permanent rejection or attempts exhausted), `suppressed` (dry run). */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: mailText('last_error'),
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
