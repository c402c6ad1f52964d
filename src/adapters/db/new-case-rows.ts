// The values of a new case's one statement (new-case-writes.ts), each encoded by its column in the
// schema (so text is made storable and JSON serialised exactly as the insert builders would), and
// the column lists, fixed so that the statement's text is the same for every case.
import { is, SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { NewCaseFromMessage } from '../../pipeline/case/filing-store.js';
import { caseRowOf } from './case-store.js';
import { encoded } from './fixed-statement.js';
import { byteaText } from './schema-columns.js';
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
export const CASE_COLUMNS: Columns = CASE_KEYS.map((k) => [k, cases[k]] as const);
export const INBOUND_COLUMNS: Columns = INBOUND_KEYS.map((k) => [k, inboundMessages[k]] as const);
export const columnNames = (columns: Columns) => columns.map(([, column]) => `"${column.name}"`).join(', ');

/** Every value of the statement, encoded; the lists one array per column. */
export interface NewCaseValues {
  caseRow: unknown[];
  inboundRow: unknown[];
  /** The raw message as text in a format the server decodes (`byteaText` in schema-columns.ts); null when not kept. */
  raw: { text: string; format: 'escape' | 'base64' } | null;
  questions: { number: unknown[]; text: unknown[]; topics: unknown[] };
  events: { at: unknown[]; event: unknown[]; fromStatus: unknown[]; toStatus: unknown[]; cause: unknown[]; details: unknown[] };
  mail: { purpose: unknown[]; messageId: unknown[]; from: unknown[]; recipients: unknown[]; subject: unknown[]; text: unknown[]; html: unknown[]; headers: unknown[] };
}

export function newCaseValues({ opening, facts, record, mail }: NewCaseFromMessage): NewCaseValues {
  const caseRow: Record<string, unknown> = { imported: false, importSource: null, importedAt: null, ...caseRowOf(opening) };
  const { keepRaw, ...recorded } = record;
  const inboundRow: Record<string, unknown> = {
    mailbox: facts.mailboxKey, uidValidity: facts.uidValidity, uid: facts.uid, messageId: facts.messageId, fromAddress: facts.fromAddress ?? null,
    bodyHash: facts.bodyHash ?? null, contentHash: facts.contentHash, internalDate: facts.internalDate, sizeBytes: facts.size ?? facts.raw.length,
    duplicateOf: null, error: null, fingerprint: null, fingerprintHash: null, ...recorded,
  };
  const asked = opening.draft.questions;
  const events = opening.events;
  const each = <T>(items: readonly T[], column: PgColumn, pick: (item: T) => unknown) => items.map((item) => encoded(column, pick(item)));
  return {
    caseRow: row(CASE_COLUMNS, caseRow),
    inboundRow: row(INBOUND_COLUMNS, inboundRow),
    raw: keepRaw ? byteaText(facts.raw) : null,
    questions: { number: each(asked, questions.number, (q) => q.number), text: each(asked, questions.text, (q) => q.text), topics: each(asked, questions.topics, (q) => q.topics) },
    events: {
      at: each(events, caseEvents.at, (e) => e.at), event: each(events, caseEvents.event, (e) => e.event),
      fromStatus: each(events, caseEvents.fromStatus, (e) => e.fromStatus), toStatus: each(events, caseEvents.toStatus, (e) => e.toStatus),
      cause: each(events, caseEvents.cause, (e) => e.cause), details: each(events, caseEvents.details, (e) => e.details),
    },
    mail: {
      purpose: each(mail, outbox.purpose, (m) => m.purpose), messageId: each(mail, outbox.messageId, (m) => m.messageId),
      from: each(mail, outbox.fromAddress, (m) => m.from), recipients: each(mail, outbox.recipients, (m) => m.to),
      subject: each(mail, outbox.subject, (m) => m.subject), text: each(mail, outbox.textBody, (m) => m.text),
      html: each(mail, outbox.htmlBody, (m) => m.html), headers: each(mail, outbox.headers, (m) => m.headers),
    },
  };
}

/**
 * One row's values in the order of its columns, each through its column's encoder. A value left out
 * takes the column's plain default (as the insert builder would send DEFAULT), else null.
 */
function row(columns: Columns, values: Record<string, unknown>): unknown[] {
  return columns.map(([key, column]) => encoded(column, values[key] !== undefined ? values[key] : plainDefault(column)));
}

function plainDefault(column: PgColumn): unknown {
  return column.default === undefined || is(column.default, SQL) ? null : column.default;
}
