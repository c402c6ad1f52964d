// The case store over drizzle: locks a case (with what its mail needs, in one round trip), numbers
// and opens cases, saves a decided change, queues mail. It stores and loads; every decision is the
// caller's (pipeline/case/). Several writers are safe: a case is row-locked, a reference counter too.
import { asc, eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { RequestKind } from '../../domain/request-analysis.js';
import type { Regime } from '../../domain/regime.js';
import { isRequesterFacing } from '../../domain/outgoing-mail.js';
import type { CaseExtension, CaseState } from '../../pipeline/case/case-lifecycle.js';
import type { CaseKey, CaseStore, CaseTransaction, LockedCase, NewCase } from '../../pipeline/case/case-store.js';
import { caseRecordOf, eventsInsert, saveChange } from './case-changes.js';
import type { Db, Tx } from './database.js';
import { insertOutbox } from './outbox-store.js';
import { nextSequence } from './reference-counter.js';
import { cases, inboundMessages, outbox, questions } from './schema.js';

export type CaseRow = typeof cases.$inferSelect;

export function createCaseStore(db: Db): CaseStore {
  return { inTransaction: (work) => db.transaction((tx) => work(caseTransactionOf(tx))) };
}

/** The case operations on an open transaction (the intake's and reminders' transactions add their own). */
export function caseTransactionOf(tx: Tx): CaseTransaction {
  return {
    lockCase: (key) => lockCase(tx, key),
    nextSequence: (format, year) => nextSequence(tx, format, year),
    openCase: (opening) => openCase(tx, opening),
    saveChange: (change) => saveChange(tx, change),
    recordOf: (caseId) => caseRecordOf(tx, caseId),
    queueMail: (mail, links) => insertOutbox(tx, mail, links),
  };
}

async function lockCase(tx: Tx, key: CaseKey): Promise<LockedCase | null> {
  const which = 'id' in key ? eq(cases.id, key.id) : eq(cases.reference, key.reference);
  // Sent together (one round trip); the server runs them in order, so the thread is read under the lock.
  const [[row], threadIds] = await Promise.all([
    tx.select().from(cases).where(which).for('update'),
    threadIdsOf(tx, 'id' in key ? [key.id] : tx.select({ id: cases.id }).from(cases).where(which)),
  ]);
  return row ? lockedCaseOf(row, threadIds.get(row.id) ?? []) : null;
}

/** Each case's Message-IDs (received, then sent to the requester), oldest first: its replies thread on them. */
export async function threadIdsOf(tx: Tx | Db, caseIds: readonly number[] | SQLWrapper): Promise<Map<number, string[]>> {
  const ids = Array.isArray(caseIds) ? [...caseIds] : (caseIds as SQLWrapper);
  const [received, sent] = await Promise.all([
    tx.select({ caseId: inboundMessages.caseId, id: inboundMessages.messageId }).from(inboundMessages)
      .where(inArray(inboundMessages.caseId, ids)).orderBy(asc(inboundMessages.id)),
    tx.select({ caseId: outbox.caseId, id: outbox.messageId, purpose: outbox.purpose }).from(outbox)
      .where(inArray(outbox.caseId, ids)).orderBy(asc(outbox.id)),
  ]);
  const threads = new Map<number, string[]>();
  const add = (caseId: number | null, id: string | null) => {
    if (caseId === null || !id) return;
    threads.set(caseId, [...(threads.get(caseId) ?? []), id]);
  };
  for (const m of received) add(m.caseId, m.id);
  for (const m of sent) if (isRequesterFacing(m.purpose)) add(m.caseId, m.id);
  return threads;
}

export function lockedCaseOf(row: CaseRow, threadIds: string[]): LockedCase {
  return {
    id: row.id, kind: row.kind as RequestKind, mailbox: row.mailbox, state: stateOfRow(row), assignment: { owner: row.owner, team: row.team },
    snapshot: {
      reference: row.reference, subject: row.subject, status: row.status as CaseStatus, regime: row.regime as Regime | 'none',
      requesterName: row.requesterName, requesterAddress: row.requesterAddress, receivedDate: row.receivedDate, dueDate: row.dueDate, threadIds,
    },
  };
}

/** Null for correspondence that runs no statutory clock (complaints, general mail). */
export function stateOfRow(row: CaseRow): CaseState | null {
  if (row.regime === 'none') return null;
  return {
    status: row.status as CaseStatus,
    regime: row.regime as Regime,
    jurisdiction: row.jurisdiction as Jurisdiction,
    receivedDate: row.receivedDate,
    clarificationSought: row.clarificationSought,
    clarificationReceived: row.clarificationReceived,
    extension: (row.extension as CaseExtension | null) ?? null,
    dueDate: row.dueDate,
  };
}

async function openCase(tx: Tx, opening: NewCase): Promise<number> {
  const [row] = await tx.insert(cases).values(caseRowOf(opening)).returning({ id: cases.id });
  const caseId = row!.id;
  // Sent together: one round trip for both.
  await Promise.all(caseDetailWrites(tx, caseId, opening).map((write) => write.execute()));
  return caseId;
}

/** A new case's row. */
export function caseRowOf({ draft, reference, events, parentCaseId }: NewCase): typeof cases.$inferInsert {
  return {
    reference, kind: draft.kind, regime: draft.regime ?? 'none', status: 'received', receivedAt: draft.receivedAt, jurisdiction: draft.jurisdiction,
    receivedDate: draft.receivedDate, dueDate: draft.dueDate, dueExplain: draft.dueExplain,
    requesterName: draft.requester.name, requesterAddress: draft.requester.address, subject: draft.subject,
    analysis: draft.analysis, flags: draft.flags, mailbox: draft.mailbox, parentCaseId: parentCaseId ?? null,
    linkedCaseId: draft.linkedCaseId ?? null,
    ...(draft.imported ? { imported: true, importSource: draft.imported.source, importedAt: events[0]?.at ?? new Date() } : {}),
  };
}

/** A statement built but not sent: `execute()` sends it, so a caller decides the order several are sent in. */
export interface UnsentWrite {
  execute(): Promise<unknown>;
}

/** The writes of a new case's questions and opening events, by its id or by a subquery that finds it. */
export function caseDetailWrites(tx: Tx, caseId: number | SQL, { draft, events }: NewCase): UnsentWrite[] {
  return [
    ...(draft.questions.length > 0
      ? [tx.insert(questions).values(draft.questions.map((q, position) => ({ caseId, position, number: q.number, text: q.text, topics: q.topics })))]
      : []),
    ...(events.length > 0 ? [eventsInsert(tx, caseId, events)] : []),
  ];
}
