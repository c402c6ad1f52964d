// The values of a new case's one statement (new-case-writes.ts), each encoded by its column in the
// schema (so text is made storable and JSON serialised exactly as the insert builders would), and
// the column lists, fixed so that the statement's text is the same for every case.
import { is, SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { NewCaseFromMessage } from '../../pipeline/case/filing-store.js';
import { caseRowOf } from './case-store.js';
import { caseEvents, cases, inboundMessages, outbox, questions } from './schema.js';

const CASE_KEYS = [
  'reference', 'kind', 'regime', 'status', 'receivedAt', 'jurisdiction', 'receivedDate', 'dueDate', 'dueExplain', 'requesterName',
  'requesterAddress', 'subject', 'analysis', 'flags', 'mailbox', 'parentCaseId', 'linkedCaseId', 'imported', 'importSource', 'importedAt',
] as const satisfies readonly (keyof typeof cases.$inferInsert)[];

const INBOUND_KEYS = [
  'mailbox', 'uidValidity', 'uid', 'messageId', 'fromAddress', 'bodyHash', 'contentHash', 'internalDate', 'sizeBytes', 'disposition',
  'parseOutcome', 'destinationFolder', 'dedupeKey', 'duplicateOf', 'error', 'fingerprint', 'fingerprintHash',
] as const satisfies readonly (keyof typeof inboundMessages.$inferInsert)[];

type Columns = readonly (readonly [string, PgColumn])[];
const CASE_COLUMNS: Columns = CASE_KEYS.map((k) => [k, cases[k]] as const);
const INBOUND_COLUMNS: Columns = INBOUND_KEYS.map((k) => [k, inboundMessages[k]] as const);
const names = (columns: Columns) => columns.map(([, column]) => `"${column.name}"`).join(', ');

export const newCaseColumns = {
  cases: sql.raw(names(CASE_COLUMNS)),
  /** The raw bytes last: they are decoded from base64 by the server (see `bytea` in schema-columns.ts). */
  inbound: sql.raw(`${names(INBOUND_COLUMNS)}, "raw"`),
};

export interface NewCaseValues {
  caseRow: SQL;
  inboundRow: SQL;
  questions: { number: SQL; text: SQL; topics: SQL };
  events: { at: SQL; event: SQL; fromStatus: SQL; toStatus: SQL; cause: SQL; details: SQL };
  mail: { purpose: SQL; messageId: SQL; from: SQL; recipients: SQL; subject: SQL; text: SQL; html: SQL; headers: SQL };
}

export function newCaseValues({ opening, facts, record, mail }: NewCaseFromMessage): NewCaseValues {
  const caseRow: Record<string, unknown> = { imported: false, importSource: null, importedAt: null, ...caseRowOf(opening) };
  const { keepRaw, ...recorded } = record;
  const inboundRow: Record<string, unknown> = {
    mailbox: facts.mailboxKey, uidValidity: facts.uidValidity, uid: facts.uid, messageId: facts.messageId, fromAddress: facts.fromAddress ?? null,
    bodyHash: facts.bodyHash ?? null, contentHash: facts.contentHash, internalDate: facts.internalDate, sizeBytes: facts.size ?? facts.raw.length,
    duplicateOf: null, error: null, fingerprint: null, fingerprintHash: null, ...recorded,
  };
  const raw = keepRaw ? facts.raw.toString('base64') : null;
  const { questions: asked } = opening.draft;
  const events = opening.events;
  return {
    caseRow: row(CASE_COLUMNS, caseRow),
    inboundRow: sql`${row(INBOUND_COLUMNS, inboundRow)}, decode(${raw}::text, 'base64')`,
    questions: {
      number: list(questions.number, asked.map((q) => q.number)), text: list(questions.text, asked.map((q) => q.text)),
      topics: list(questions.topics, asked.map((q) => q.topics)),
    },
    events: {
      at: list(caseEvents.at, events.map((e) => e.at)), event: list(caseEvents.event, events.map((e) => e.event)),
      fromStatus: list(caseEvents.fromStatus, events.map((e) => e.fromStatus)), toStatus: list(caseEvents.toStatus, events.map((e) => e.toStatus)),
      cause: list(caseEvents.cause, events.map((e) => e.cause)), details: list(caseEvents.details, events.map((e) => e.details)),
    },
    mail: {
      purpose: list(outbox.purpose, mail.map((m) => m.purpose)), messageId: list(outbox.messageId, mail.map((m) => m.messageId)),
      from: list(outbox.fromAddress, mail.map((m) => m.from)), recipients: list(outbox.recipients, mail.map((m) => m.to)),
      subject: list(outbox.subject, mail.map((m) => m.subject)), text: list(outbox.textBody, mail.map((m) => m.text)),
      html: list(outbox.htmlBody, mail.map((m) => m.html)), headers: list(outbox.headers, mail.map((m) => m.headers)),
    },
  };
}

/**
 * One row's values in the order of its columns, each through its column's encoder. A value left out
 * takes the column's plain default (as the insert builder would send DEFAULT), else null.
 */
function row(columns: Columns, values: Record<string, unknown>): SQL {
  return sql.join(columns.map(([key, column]) => sql.param(values[key] !== undefined ? values[key] : plainDefault(column), column)), sql`, `);
}

function plainDefault(column: PgColumn): unknown {
  return column.default === undefined || is(column.default, SQL) ? null : column.default;
}

/** One column's values as one array parameter, each encoded by the column (null stays null). */
function list(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${sql.param(values.map((v) => (v === null || v === undefined ? null : column.mapToDriverValue(v))))}`;
}
