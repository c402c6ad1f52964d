// Writes a decided change to a case: its new clock state, its audit events, its flags. Shared by
// the case store and the outbox store (a delivery that fails for good is noted on its case).
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { CaseEvent } from '../../domain/foi-case.js';
import type { RequestAnalysis } from '../../domain/request-analysis.js';
import type { CaseChange, CaseRecord } from '../../pipeline/case/case-store.js';
import type { OutcomeColumns } from '../../pipeline/case/outcome/decide-outcome-action.js';
import { toStorableValue } from '../../pipeline/parse/storable-text.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, questions } from './schema.js';

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
    change.outcome && Object.keys(change.outcome).length > 0 ? tx.update(cases).set(outcomeSet(change.outcome)).where(eq(cases.id, caseId)) : null,
    change.assignment ? tx.update(cases).set({ owner: change.assignment.owner, team: change.assignment.team }).where(eq(cases.id, caseId)) : null,
    flags.length > 0 ? tx.update(cases).set({ flags: sql`${cases.flags} || ${JSON.stringify(toStorableValue(flags))}::jsonb` }).where(eq(cases.id, caseId)) : null,
  ]);
}

export async function insertEvents(tx: Tx | Db, caseId: number, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await eventsInsert(tx, caseId, events);
}

/** The insert of a case's events (at least one), not yet sent; the case by its id or by a subquery. */
export function eventsInsert(tx: Tx | Db, caseId: number | SQL, events: readonly CaseEvent[]) {
  return tx.insert(caseEvents).values(
    events.map((e) => ({ caseId, at: e.at, event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, details: e.details })),
  );
}

function outcomeSet(o: OutcomeColumns): Partial<typeof cases.$inferInsert> {
  const set: Partial<typeof cases.$inferInsert> = {};
  if (o.outcome !== undefined) set.outcome = o.outcome;
  if (o.exemptions !== undefined) set.exemptions = o.exemptions;
  if (o.questionOutcomes !== undefined) set.questionOutcomes = o.questionOutcomes;
  if (o.respondedOn !== undefined) set.respondedOn = o.respondedOn;
  if (o.responseDueDate !== undefined) set.responseDueDate = o.responseDueDate;
  if (o.review !== undefined) set.review = o.review;
  if (o.appeal !== undefined) set.appeal = o.appeal;
  if (o.publicationValidatedAt !== undefined) set.publicationValidatedAt = o.publicationValidatedAt;
  if (o.publishedAttachments !== undefined) set.publishedAttachments = o.publishedAttachments;
  return set;
}

export async function caseRecordOf(tx: Tx | Db, caseId: number): Promise<CaseRecord> {
  const [events, questionRows, [row]] = await Promise.all([
    tx.select({ event: caseEvents.event, at: caseEvents.at, details: caseEvents.details }).from(caseEvents)
      .where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id)),
    tx.select({ number: questions.number, text: questions.text }).from(questions).where(eq(questions.caseId, caseId)).orderBy(asc(questions.position)),
    tx.select({ analysis: cases.analysis }).from(cases).where(eq(cases.id, caseId)),
  ]);
  return { events, questions: questionRows, topics: (row?.analysis as RequestAnalysis | undefined)?.topics ?? [] };
}
