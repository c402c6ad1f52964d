// Read side of outcomes: each case with its clock state and audit trail, for the compliance report, and
// the responses validated for the disclosure log with what their entries need. Loads; decides nothing
// (the pipeline folds the events, src/reports counts).
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CaseStatus } from '../../domain/case-status.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import type { OutcomeCaseSource, StoredCaseEvent } from '../../pipeline/case/outcome/outcome-case.js';
import { stateOfRow } from './case-store.js';
import type { Db } from './database.js';
import { caseEvents, cases, inboundMessages, questions } from './schema.js';

// The events the outcome fold reads; the rest of the trail (mail, reminders) is not needed for statistics.
const OUTCOME_EVENTS = ['outcome_recorded', 'deadline_extended', 'review_started', 'review_decided', 'appeal_decided', 'publication_validated', 'responded'];

export interface CaseWithHistory {
  id: number;
  source: OutcomeCaseSource;
  events: StoredCaseEvent[];
}

/** Every case (of one mailbox, if given), oldest first, with its outcome events. */
export async function loadCasesWithHistory(db: Db, filter: { mailbox?: string | null; validatedOnly?: boolean } = {}): Promise<CaseWithHistory[]> {
  const rows = await db.select().from(cases).where(and(
    filter.mailbox ? eq(cases.mailbox, filter.mailbox) : undefined,
    filter.validatedOnly ? isNotNull(cases.publicationValidatedAt) : undefined,
  )).orderBy(asc(cases.id));
  if (rows.length === 0) return [];
  const events = await db.select({ caseId: caseEvents.caseId, event: caseEvents.event, at: caseEvents.at, details: caseEvents.details })
    .from(caseEvents).where(and(inArray(caseEvents.caseId, rows.map((r) => r.id)), inArray(caseEvents.event, OUTCOME_EVENTS)))
    .orderBy(asc(caseEvents.id));
  const byCase = new Map<number, StoredCaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return rows.map((row) => ({
    id: row.id,
    source: {
      reference: row.reference, kind: row.kind as RequestKind, mailbox: row.mailbox, status: row.status as CaseStatus,
      jurisdiction: row.jurisdiction as Jurisdiction, receivedDate: row.receivedDate, state: stateOfRow(row),
      topics: (row.analysis as RequestAnalysis).topics ?? [],
    },
    events: byCase.get(row.id) ?? [],
  }));
}

export interface PublishedCaseRow {
  caseId: number;
  subject: string;
  requester: { name: string | null; address: string | null };
  questions: string[];
  attachments: string[];
  /** The request's first message as received (null once purged). */
  raw: Buffer | null;
}

/** What the disclosure log needs of the validated cases beyond their outcome: text, questions, requester (to redact), files. */
export async function loadPublishedCaseDetails(db: Db, caseIds: readonly number[]): Promise<Map<number, PublishedCaseRow>> {
  if (caseIds.length === 0) return new Map();
  const ids = [...caseIds];
  const [rows, questionRows, inbound] = await Promise.all([
    db.select().from(cases).where(inArray(cases.id, ids)),
    db.select({ caseId: questions.caseId, text: questions.text }).from(questions).where(inArray(questions.caseId, ids)).orderBy(asc(questions.caseId), asc(questions.position)),
    db.select({ caseId: inboundMessages.caseId, raw: inboundMessages.raw }).from(inboundMessages)
      .where(inArray(inboundMessages.caseId, ids)).orderBy(asc(inboundMessages.id)),
  ]);
  const out = new Map<number, PublishedCaseRow>();
  for (const row of rows) {
    out.set(row.id, {
      caseId: row.id, subject: row.subject, requester: { name: row.requesterName, address: row.requesterAddress },
      questions: questionRows.filter((q) => q.caseId === row.id).map((q) => q.text),
      attachments: row.publishedAttachments,
      raw: inbound.find((m) => m.caseId === row.id)?.raw ?? null,
    });
  }
  return out;
}

/** For a review case: the reference of the request it reviews (the review's outcome is recorded there). */
export async function parentReferenceOf(db: Db, reference: string): Promise<string | null> {
  const [row] = await db.select({ parentCaseId: cases.parentCaseId }).from(cases).where(eq(cases.reference, reference));
  if (!row?.parentCaseId) return null;
  const [parent] = await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, row.parentCaseId));
  return parent?.reference ?? null;
}
