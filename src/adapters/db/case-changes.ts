// Writes a decided change to a case: its new clock state, its audit events, its flags. Shared by
// the case store and the outbox store (a delivery that fails for good is noted on its case).
import { eq, sql } from 'drizzle-orm';
import type { CaseEvent } from '../../domain/foi-case.js';
import type { CaseChange } from '../../pipeline/case/case-store.js';
import { toStorableValue } from '../../pipeline/parse/storable-text.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases } from './schema.js';

export async function saveChange(tx: Tx, change: CaseChange): Promise<void> {
  const { caseId, transition, flags = [] } = change;
  const next = transition?.next;
  // Sent together: one round trip.
  await Promise.all([
    next
      ? tx.update(cases).set({
        status: next.status, dueDate: next.dueDate, dueExplain: [...transition.dueExplain], clarificationSought: next.clarificationSought,
        clarificationReceived: next.clarificationReceived, extension: next.extension,
      }).where(eq(cases.id, caseId))
      : null,
    insertEvents(tx, caseId, change.events),
    flags.length > 0 ? tx.update(cases).set({ flags: sql`${cases.flags} || ${JSON.stringify(toStorableValue(flags))}::jsonb` }).where(eq(cases.id, caseId)) : null,
  ]);
}

export async function insertEvents(tx: Tx | Db, caseId: number, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(caseEvents).values(
    events.map((e) => ({ caseId, at: e.at, event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, details: e.details })),
  );
}
