// The admin pages' reads over drizzle: the questions the classifier was unsure of (to label), each
// mailbox's health from the rows the daemon keeps (checkpoint, held mail, preparation failures, the
// outbox), a case for the template preview, and taking an extra holiday out again.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ExtraHoliday } from '../../clock/index.js';
import type { HolidayRemovalStore } from '../../pipeline/case/remove-holiday.js';
import { caseTransactionOf, stateOfRow } from './case-store.js';
import type { Db } from './database.js';
import { loadExtraHolidays } from './holiday-store.js';
import { cases, extraHolidays, inboundMessages, mailboxState, outbox, prepareAttempts, questions } from './schema.js';

export interface QuestionToLabel {
  reference: string;
  subject: string;
  mailbox: string;
  /** How `case correct --topic N=…` names it: its number as written, else its position from 1. */
  question: string;
  text: string;
  topics: string[];
  confidence: number | null;
}

interface AnalysedQuestionJson { lowConfidence?: boolean; topicConfidence?: number }

/** Questions whose topic the analysis marked as low confidence, newest cases first. */
export async function questionsToLabel(db: Db, limit = 50): Promise<QuestionToLabel[]> {
  const rows = await db.select({ id: cases.id, reference: cases.reference, subject: cases.subject, mailbox: cases.mailbox, analysis: cases.analysis })
    .from(cases)
    .where(sql`${cases.analysis}->'questions' @> '[{"lowConfidence": true}]'::jsonb`)
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const asked = await db.select({ caseId: questions.caseId, position: questions.position, number: questions.number, text: questions.text, topics: questions.topics })
    .from(questions).where(inArray(questions.caseId, rows.map((r) => r.id))).orderBy(asc(questions.caseId), asc(questions.position));
  const out: QuestionToLabel[] = [];
  for (const row of rows) {
    const analysed = ((row.analysis as { questions?: AnalysedQuestionJson[] }).questions ?? []);
    for (const q of asked.filter((a) => a.caseId === row.id)) {
      const a = analysed[q.position];
      if (!a?.lowConfidence) continue;
      out.push({
        reference: row.reference, subject: row.subject, mailbox: row.mailbox, question: q.number ?? String(q.position + 1),
        text: q.text, topics: q.topics, confidence: typeof a.topicConfidence === 'number' ? a.topicConfidence : null,
      });
    }
  }
  return out.slice(0, limit);
}

export interface MailboxHealthRow {
  /** The mailbox's key (account and folder). */
  mailbox: string;
  lastPollAt: Date | null;
  /** Which daemon reads it, and until when its lease runs. */
  leaseHolder: string | null;
  leaseUntil: Date | null;
  lastUid: number;
  held: number;
  heldLastDay: number;
  /** Messages whose preparation was started but not committed, and how many of them failed. */
  pending: number;
  failing: number;
  lastError: string | null;
}

export interface OutboxHealthRow {
  from: string;
  queued: number;
  failed: number;
  oldestQueuedAt: Date | null;
}

const n = (v: unknown) => Number(v ?? 0);

/** The same facts `/metrics` and `/healthz` report, read from the database (the console may run apart from the daemon). */
export async function mailboxHealth(db: Db, now: Date): Promise<{ mailboxes: MailboxHealthRow[]; outbox: OutboxHealthRow[] }> {
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const [states, held, pending, sending] = await Promise.all([
    db.select().from(mailboxState).orderBy(asc(mailboxState.mailbox)),
    db.select({
      mailbox: inboundMessages.mailbox, all: sql<number>`count(*)`,
      lastDay: sql<number>`count(*) filter (where ${inboundMessages.createdAt} >= ${dayAgo.toISOString()})`,
    }).from(inboundMessages).where(eq(inboundMessages.disposition, 'held')).groupBy(inboundMessages.mailbox),
    db.select({
      mailbox: prepareAttempts.mailbox, all: sql<number>`count(*)`, failing: sql<number>`count(${prepareAttempts.lastError})`,
      lastError: sql<string | null>`(array_agg(${prepareAttempts.lastError} order by ${prepareAttempts.updatedAt} desc) filter (where ${prepareAttempts.lastError} is not null))[1]`,
    }).from(prepareAttempts).groupBy(prepareAttempts.mailbox),
    db.select({
      from: outbox.fromAddress, queued: sql<number>`count(*) filter (where ${outbox.status} = 'queued')`,
      failed: sql<number>`count(*) filter (where ${outbox.status} = 'failed')`,
      oldest: sql<string | null>`min(${outbox.createdAt}) filter (where ${outbox.status} = 'queued')`,
    }).from(outbox).groupBy(outbox.fromAddress).orderBy(asc(outbox.fromAddress)),
  ]);
  const keys = [...new Set([...states.map((s) => s.mailbox), ...held.map((h) => h.mailbox), ...pending.map((p) => p.mailbox)])].sort();
  return {
    mailboxes: keys.map((key) => {
      const s = states.find((r) => r.mailbox === key);
      const h = held.find((r) => r.mailbox === key);
      const p = pending.find((r) => r.mailbox === key);
      return {
        mailbox: key, lastPollAt: s?.lastPollAt ?? null, leaseHolder: s?.leaseHolder ?? null, leaseUntil: s?.leaseUntil ?? null, lastUid: s?.lastUid ?? 0,
        held: n(h?.all), heldLastDay: n(h?.lastDay), pending: n(p?.all), failing: n(p?.failing), lastError: p?.lastError ?? null,
      };
    }),
    outbox: sending.map((o) => ({ from: o.from, queued: n(o.queued), failed: n(o.failed), oldestQueuedAt: o.oldest ? new Date(o.oldest) : null })),
  };
}

/** A case as stored, with its questions and the raw message that opened it (null once purged), for the template preview. */
export async function caseForPreview(db: Db, reference: string) {
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  if (!row) return null;
  const [asked, [first]] = await Promise.all([
    db.select({ number: questions.number, text: questions.text, topics: questions.topics }).from(questions).where(eq(questions.caseId, row.id)).orderBy(asc(questions.position)),
    db.select({ raw: inboundMessages.raw }).from(inboundMessages)
      .where(and(eq(inboundMessages.caseId, row.id), isNotNull(inboundMessages.raw))).orderBy(asc(inboundMessages.id)).limit(1),
  ]);
  return { row, questions: asked, raw: first?.raw ?? null };
}

/** Recent case references, newest first, to choose one for the preview. */
export async function recentReferences(db: Db, limit = 20): Promise<string[]> {
  const rows = await db.select({ reference: cases.reference }).from(cases).orderBy(desc(cases.receivedAt), desc(cases.id)).limit(limit);
  return rows.map((r) => r.reference);
}

export function createHolidayRemovalStore(db: Db): HolidayRemovalStore {
  return {
    inTransaction: (work) => db.transaction((tx) => work({
      ...caseTransactionOf(tx),
      async addExtraHoliday(holiday: ExtraHoliday) {
        await tx.insert(extraHolidays).values(holiday).onConflictDoNothing();
      },
      async removeExtraHoliday(holiday) {
        const removed = await tx.delete(extraHolidays)
          .where(and(eq(extraHolidays.date, holiday.date), eq(extraHolidays.jurisdiction, holiday.jurisdiction))).returning({ id: extraHolidays.id });
        return removed.length > 0;
      },
      extraHolidays: () => loadExtraHolidays(tx),
      async lockCasesIn(statuses) {
        const rows = await tx.select().from(cases).where(inArray(cases.status, [...statuses])).for('update');
        return rows.map((row) => ({ id: row.id, reference: row.reference, state: stateOfRow(row) }));
      },
    })),
  };
}

/** A case's id for the console's audit (null: no such case). */
export async function caseIdOf(db: Db, reference: string): Promise<number | null> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
  return row?.id ?? null;
}

/** The messages most recently held for an officer, with why (the raw message stays in the held folder and the database). */
export async function recentHeldMessages(db: Db, limit = 20) {
  return db.select({ id: inboundMessages.id, mailbox: inboundMessages.mailbox, receivedAt: inboundMessages.internalDate, reason: inboundMessages.error, caseId: inboundMessages.caseId })
    .from(inboundMessages).where(eq(inboundMessages.disposition, 'held')).orderBy(desc(inboundMessages.id)).limit(limit);
}
