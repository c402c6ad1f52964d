// Right of access (UK GDPR Art 15): everything held about one case, for a subject-access request by
// its requester: the case, its questions and audit trail, every message in and out, the raw mail
// (read back into text by the caller, cli/export-command.ts).
import { asc, eq, like } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import type { Db } from './database.js';
import { caseEvents, caseReminders, cases, classifierExamples, inboundMessages, outbox, questions } from './schema.js';

type CaseRow = typeof cases.$inferSelect;

/** JSON-ready but for the inbound messages' raw bytes, which the caller reads (`StoredInbound`). */
export interface StoredCaseExport extends Omit<CaseExport, 'inboundMessages'> {
  inboundMessages: StoredInbound[];
}

export interface StoredInbound extends Pick<ExportedInbound, 'id' | 'messageId' | 'receivedAt' | 'disposition' | 'sizeBytes'> {
  /** The message exactly as received; null once purged. */
  raw: Buffer | null;
}

/** JSON-ready: dates as ISO strings, raw mail as base64. */
export interface CaseExport {
  exportedAt: string;
  case: Omit<CaseRow, 'receivedAt' | 'acknowledgedAt' | 'createdAt'> & { receivedAt: string; acknowledgedAt: string | null; createdAt: string };
  questions: { position: number; number: string | null; text: string; topics: string[] }[];
  events: { at: string; event: string; fromStatus: string | null; toStatus: string | null; cause: string; details: unknown }[];
  inboundMessages: ExportedInbound[];
  outgoingMessages: ExportedOutgoing[];
  reminders: { key: string; dueDate: string; offset: number; sentAt: string }[];
  /** Question texts an admin copied from this case into the topic classifier's examples. */
  classifierExamples: { topic: string; text: string; source: string; createdAt: string }[];
}

export interface ExportedInbound {
  id: number;
  messageId: string | null;
  receivedAt: string;
  disposition: string;
  sizeBytes: number;
  /** Null once the raw mail has been purged, or when it could not be parsed (see parseError). */
  parsed: { from: string | null; to: string[]; subject: string; date: string | null; text: string } | null;
  parseError: string | null;
  /** The message exactly as received (RFC 822), base64; null once purged. */
  rawBase64: string | null;
}

export interface ExportedOutgoing {
  id: number;
  purpose: string;
  messageId: string;
  from: string;
  recipients: string[];
  subject: string;
  text: string;
  status: string;
  sentAt: string | null;
  createdAt: string;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Throws AppError('case.not_found') for an unknown reference. */
export async function loadCaseExport(db: Db, reference: string, now: Date): Promise<StoredCaseExport> {
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new AppError('case.not_found', `no case with reference ${reference}`);
  const caseId = row.id;
  const [questionRows, eventRows, inboundRows, outboxRows, reminderRows, exampleRows] = await Promise.all([
    db.select().from(questions).where(eq(questions.caseId, caseId)).orderBy(asc(questions.position)),
    db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db.select().from(inboundMessages).where(eq(inboundMessages.caseId, caseId)).orderBy(asc(inboundMessages.id)),
    db.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(asc(outbox.id)),
    db.select().from(caseReminders).where(eq(caseReminders.caseId, caseId)).orderBy(asc(caseReminders.id)),
    db.select().from(classifierExamples).where(like(classifierExamples.source, `case:${escapeLike(reference)}#%`)).orderBy(asc(classifierExamples.id)),
  ]);
  return {
    exportedAt: iso(now),
    case: { ...row, receivedAt: iso(row.receivedAt), acknowledgedAt: isoOrNull(row.acknowledgedAt), createdAt: iso(row.createdAt) },
    questions: questionRows.map((q) => ({ position: q.position, number: q.number, text: q.text, topics: q.topics })),
    events: eventRows.map((e) => ({ at: iso(e.at), event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, cause: e.cause, details: e.details })),
    inboundMessages: inboundRows.map((m) => ({
      id: m.id, messageId: m.messageId, receivedAt: iso(m.internalDate), disposition: m.disposition, sizeBytes: m.sizeBytes, raw: m.raw,
    })),
    outgoingMessages: outboxRows.map((m) => ({
      id: m.id, purpose: m.purpose, messageId: m.messageId, from: m.fromAddress, recipients: m.recipients, subject: m.subject,
      text: m.textBody, status: m.status, sentAt: isoOrNull(m.sentAt), createdAt: iso(m.createdAt),
    })),
    reminders: reminderRows.map((r) => ({ key: r.key, dueDate: r.dueDate, offset: r.offset, sentAt: iso(r.sentAt) })),
    classifierExamples: exampleRows.map((x) => ({ topic: x.topic, text: x.text, source: x.source, createdAt: iso(x.createdAt) })),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
