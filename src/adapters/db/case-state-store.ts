// Reads a case as the lifecycle's CaseState (row-locked, so two officers acting at once queue
// up), and writes a transition back: status, clock fields, due date, and the audit events.
import { asc, eq, sql } from 'drizzle-orm';
import type { Jurisdiction } from '../../clock/index.js';
import type { CaseStatus, Regime } from '../../domain/foi-case.js';
import { isRequesterFacing } from '../../domain/outgoing-mail.js';
import type { CaseEventDraft, CaseExtension, CaseState } from '../../pipeline/case/case-lifecycle.js';
import type { CaseSnapshot } from '../../pipeline/notify/compose-case-updates.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, inboundMessages, outbox } from './schema.js';

export type CaseRow = typeof cases.$inferSelect;

export async function lockCase(tx: Tx, where: { reference: string } | { id: number }): Promise<CaseRow | null> {
  const condition = 'reference' in where ? eq(cases.reference, where.reference) : eq(cases.id, where.id);
  const [row] = await tx.select().from(cases).where(condition).for('update');
  return row ?? null;
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

export async function saveTransition(tx: Tx, caseId: number, next: CaseState, events: CaseEventDraft[], dueExplain: string[]): Promise<void> {
  await tx
    .update(cases)
    .set({
      status: next.status, dueDate: next.dueDate, dueExplain, clarificationSought: next.clarificationSought,
      clarificationReceived: next.clarificationReceived, extension: next.extension,
    })
    .where(eq(cases.id, caseId));
  await insertEvents(tx, caseId, events);
}

export async function insertEvents(tx: Tx, caseId: number, events: CaseEventDraft[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(caseEvents).values(
    events.map((e) => ({ caseId, at: e.at, event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, details: e.details })),
  );
}

export async function addFlag(tx: Tx, caseId: number, flag: string): Promise<void> {
  await tx.update(cases).set({ flags: sql`${cases.flags} || ${JSON.stringify([flag])}::jsonb` }).where(eq(cases.id, caseId));
}

export async function snapshotOf(tx: Tx | Db, row: CaseRow): Promise<CaseSnapshot> {
  const inbound = await tx.select({ id: inboundMessages.messageId }).from(inboundMessages).where(eq(inboundMessages.caseId, row.id)).orderBy(asc(inboundMessages.id));
  const sent = await tx.select({ id: outbox.messageId, purpose: outbox.purpose }).from(outbox).where(eq(outbox.caseId, row.id)).orderBy(asc(outbox.id));
  const requesterFacing = sent.filter((m) => isRequesterFacing(m.purpose));
  return {
    reference: row.reference, subject: row.subject, status: row.status, regime: row.regime as Regime | 'none',
    requesterName: row.requesterName, requesterAddress: row.requesterAddress, receivedDate: row.receivedDate, dueDate: row.dueDate,
    threadIds: [...inbound.map((m) => m.id), ...requesterFacing.map((m) => m.id)].filter((id): id is string => Boolean(id)),
  };
}
