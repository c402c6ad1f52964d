// The console's case page read side: one case with its questions, events and messages in and out, a
// raw message for download, the cases linked to it, and the console's audit of who viewed or changed
// which case (UK GDPR accountability).
import { aliasedTable, and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { caseEvents, cases, consoleAudit, inboundMessages, outbox, questions } from './schema.js';

export async function consoleCase(db: Db, reference: string) {
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  if (!row) return null;
  const [questionRows, events, inbound, sent] = await Promise.all([
    db.select().from(questions).where(eq(questions.caseId, row.id)).orderBy(asc(questions.position)),
    db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db.select({
      id: inboundMessages.id, internalDate: inboundMessages.internalDate, disposition: inboundMessages.disposition,
      sizeBytes: inboundMessages.sizeBytes, hasRaw: sql<boolean>`${inboundMessages.raw} is not null`,
    }).from(inboundMessages).where(eq(inboundMessages.caseId, row.id)).orderBy(asc(inboundMessages.internalDate), asc(inboundMessages.id)),
    db.select({
      id: outbox.id, purpose: outbox.purpose, subject: outbox.subject, status: outbox.status, sentAt: outbox.sentAt, createdAt: outbox.createdAt,
    }).from(outbox).where(eq(outbox.caseId, row.id)).orderBy(asc(outbox.createdAt), asc(outbox.id)),
  ]);
  return { row, questions: questionRows, events, inbound, sent };
}
export type ConsoleCase = NonNullable<Awaited<ReturnType<typeof consoleCase>>>;

export async function rawMessage(db: Db, caseId: number, inboundId: number): Promise<Buffer | null> {
  const [row] = await db.select({ raw: inboundMessages.raw }).from(inboundMessages)
    .where(and(eq(inboundMessages.id, inboundId), eq(inboundMessages.caseId, caseId)));
  return row?.raw ?? null;
}

export async function recordAudit(db: Db, entry: { actor: string; caseId: number | null; action: string; details?: Record<string, unknown> }): Promise<void> {
  await db.insert(consoleAudit).values({ actor: entry.actor, caseId: entry.caseId, action: entry.action, details: entry.details ?? {} });
}

export async function auditOf(db: Db, caseId: number) {
  return db.select().from(consoleAudit).where(eq(consoleAudit.caseId, caseId)).orderBy(desc(consoleAudit.id));
}

/** How another case is linked to this one, read from this case's side. */
export type LinkRelation = 'review_of' | 'reviewed_in' | 'quotes' | 'quoted_by' | 'campaign' | 'duplicate';

export interface LinkedCase {
  relation: LinkRelation;
  reference: string;
  subject: string;
  status: string;
  mailbox: string;
}

/** At most this many of a campaign's other cases are listed (a campaign may run to hundreds). */
export const CAMPAIGN_LIMIT = 50;

type LinkSource = { id: number; parentCaseId: number | null; linkedCaseId: number | null; campaignKey: string | null };

/**
 * Every case linked to `row`, in both directions where the database keeps the link: the request a review
 * is of and the reviews of a request (parent_case_id), the case a stranger's message quoted and the
 * strangers who quoted this one (linked_case_id, as `cases list --json` gives `linkedTo`), the other
 * requesters of a campaign (campaign_key), and cases holding a re-sent copy of one of its messages.
 */
export async function linkedCases(db: Db, row: LinkSource): Promise<LinkedCase[]> {
  const pick = { id: cases.id, reference: cases.reference, subject: cases.subject, status: cases.status, mailbox: cases.mailbox };
  const byId = (ids: (number | null)[]) => {
    const known = ids.filter((id): id is number => id !== null);
    return known.length === 0 ? Promise.resolve([]) : db.select(pick).from(cases).where(inArray(cases.id, known));
  };
  const [up, reviews, strangers, campaign, duplicates] = await Promise.all([
    byId([row.parentCaseId, row.linkedCaseId]),
    db.select(pick).from(cases).where(eq(cases.parentCaseId, row.id)).orderBy(asc(cases.id)),
    db.select(pick).from(cases).where(eq(cases.linkedCaseId, row.id)).orderBy(asc(cases.id)),
    row.campaignKey === null ? Promise.resolve([])
      : db.select(pick).from(cases).where(and(eq(cases.campaignKey, row.campaignKey), ne(cases.id, row.id))).orderBy(asc(cases.id)).limit(CAMPAIGN_LIMIT),
    duplicateCaseIds(db, row.id).then(byId),
  ]);
  const as = (relation: LinkRelation, list: typeof up) => list.map(({ id: _id, ...c }) => ({ relation, ...c }));
  return [
    ...as('review_of', up.filter((c) => c.id === row.parentCaseId)), ...as('reviewed_in', reviews),
    ...as('quotes', up.filter((c) => c.id === row.linkedCaseId)), ...as('quoted_by', strangers),
    ...as('campaign', campaign), ...as('duplicate', duplicates),
  ];
}

/** Other cases holding a message recorded as a duplicate of one of this case's messages, or the other way round. */
async function duplicateCaseIds(db: Db, caseId: number): Promise<number[]> {
  const copy = aliasedTable(inboundMessages, 'copy');
  const rows = await db.selectDistinct({ a: inboundMessages.caseId, b: copy.caseId }).from(inboundMessages)
    .innerJoin(copy, eq(copy.duplicateOf, inboundMessages.id))
    .where(and(or(eq(inboundMessages.caseId, caseId), eq(copy.caseId, caseId)), ne(inboundMessages.caseId, copy.caseId)));
  return [...new Set(rows.flatMap((r) => [r.a, r.b]).filter((id): id is number => id !== null && id !== caseId))];
}
