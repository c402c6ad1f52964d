// The console's case page read side: one case with its questions, events and messages in and out, a
// raw message for download, and the console's audit of who viewed or changed which case (UK GDPR
// accountability).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
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
