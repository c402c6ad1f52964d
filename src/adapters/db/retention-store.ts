// Storage limitation (UK GDPR Art 5(1)(e)): once a finished case has been quiet past the retention
// period, its requester's details, texts and raw mail are anonymised; the statistics stay.
import { isDeepStrictEqual } from 'node:util';
import { and, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { FINISHED_STATUSES } from '../../domain/case-status.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, inboundMessages, labelledExamples, outbox, questions } from './schema.js';


export const REDACTED = '[redacted]';
export const PURGE_EVENT = 'personal_data_purged';

export interface PurgeOptions {
  /** Cases whose last activity, and held messages received, before this instant are anonymised. */
  closedBefore: Date;
  /** When the purge runs: the time of the `personal_data_purged` events. */
  now: Date;
}

export interface PurgeCounts {
  cases: number;
  inboundMessages: number;
  outbox: number;
}

export interface RetentionStore {
  /** Anonymises everything past retention; safe to run again (a second run changes nothing and counts 0). */
  purgeExpired(options: PurgeOptions): Promise<PurgeCounts>;
}

export function createRetentionStore(db: Db): RetentionStore {
  return { purgeExpired: (options) => purgeExpired(db, options) };
}

/** Anonymises everything past retention; safe to run again (a second run changes nothing and counts 0). */
export async function purgeExpired(db: Db, options: PurgeOptions): Promise<PurgeCounts> {
  const totals: PurgeCounts = { cases: 0, inboundMessages: 0, outbox: 0 };
  for (const caseId of await findExpiredCaseIds(db, options.closedBefore)) {
    const changed = await db.transaction((tx) => purgeCase(tx, caseId, options));
    if (!changed) continue;
    totals.cases += 1;
    totals.inboundMessages += changed.inboundMessages;
    totals.outbox += changed.outbox;
  }
  const held = await db.transaction((tx) => purgeHeldMessages(tx, options.closedBefore));
  totals.inboundMessages += held.inboundMessages;
  totals.outbox += held.outbox;
  return totals;
}

// The purge's own event is not activity: otherwise a purged case would look recent, and a case that
// gains new mail after a purge must still come due again once that mail is past retention.
function lastActivityBefore(closedBefore: Date) {
  return sql`coalesce((select max(e.at) from ${caseEvents} e where e.case_id = ${cases.id} and e.event <> ${PURGE_EVENT}),
    ${cases.receivedAt}) < ${closedBefore.toISOString()}::timestamptz`;
}

function isExpired(closedBefore: Date) {
  return and(inArray(cases.status, [...FINISHED_STATUSES]), lastActivityBefore(closedBefore));
}

async function findExpiredCaseIds(db: Db, closedBefore: Date): Promise<number[]> {
  const rows = await db.select({ id: cases.id }).from(cases).where(isExpired(closedBefore)).orderBy(cases.id);
  return rows.map((r) => r.id);
}

/** One case in one transaction, re-checked under its row lock (it may have been reopened meanwhile). */
async function purgeCase(tx: Tx, caseId: number, options: PurgeOptions): Promise<Omit<PurgeCounts, 'cases'> | null> {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), isExpired(options.closedBefore))).for('update');
  if (!row) return null;
  const anonymised = {
    requesterName: null, requesterAddress: null, subject: REDACTED,
    // A flag's code stays (statistics); its words may quote the requester.
    analysis: anonymiseAnalysis(row.analysis), flags: row.flags.map((f) => ({ code: f.code, text: REDACTED })),
    // An imported case's record of its tracker row names the requester too; its dates and outcome stay.
    importFacts: anonymiseImportFacts(row.importFacts),
  };
  const caseChanged = !isDeepStrictEqual(anonymised, {
    requesterName: row.requesterName, requesterAddress: row.requesterAddress, subject: row.subject, analysis: row.analysis, flags: row.flags,
    importFacts: row.importFacts,
  });
  if (caseChanged) await tx.update(cases).set(anonymised).where(eq(cases.id, caseId));
  const questionRows = await tx.update(questions).set({ text: REDACTED })
    .where(and(eq(questions.caseId, caseId), ne(questions.text, REDACTED))).returning({ id: questions.id });
  const inboundRows = await clearInbound(tx, eq(inboundMessages.caseId, caseId));
  const outboxRows = await redactOutbox(tx, eq(outbox.caseId, caseId));
  // Officers' corrections quote the request: they go with it (models trained on them keep only word counts and digests).
  const examples = (await tx.delete(labelledExamples).where(eq(labelledExamples.caseId, caseId)).returning({ id: labelledExamples.id })).length;
  const counts = { questions: questionRows.length, inboundMessages: inboundRows, outbox: outboxRows, ...(examples > 0 ? { labelledExamples: examples } : {}) };
  if (!caseChanged && counts.questions + counts.inboundMessages + counts.outbox + examples === 0) return null;
  await tx.insert(caseEvents).values({
    caseId, at: options.now, event: PURGE_EVENT, fromStatus: row.status, toStatus: row.status,
    cause: 'retention period passed (UK GDPR Art 5(1)(e))',
    details: { ...counts, case: caseChanged, closedBefore: options.closedBefore.toISOString() },
  });
  return { inboundMessages: counts.inboundMessages, outbox: counts.outbox };
}

/** Raw bytes and the request-text fingerprint go; the Message-ID and content hash stay, so a replay is still a no-op. */
async function clearInbound(tx: Tx, scope: SQL | undefined): Promise<number> {
  // The body hash stays (one-way, it names no one) so a replay of purged mail is still known as one.
  const rows = await tx.update(inboundMessages).set({ raw: null, fingerprint: null, fingerprintHash: null, fromAddress: null })
    .where(and(scope, or(sql`${inboundMessages.raw} is not null`, sql`${inboundMessages.fingerprint} is not null`,
      sql`${inboundMessages.fingerprintHash} is not null`, sql`${inboundMessages.fromAddress} is not null`)))
    .returning({ id: inboundMessages.id });
  return rows.length;
}

async function redactOutbox(tx: Tx, scope: SQL | undefined): Promise<number> {
  const rows = await tx.update(outbox)
    .set({
      subject: REDACTED, textBody: REDACTED, recipients: [],
      htmlBody: sql`case when ${outbox.htmlBody} is null then null else ${REDACTED} end`,
    })
    .where(and(scope, or(ne(outbox.subject, REDACTED), ne(outbox.textBody, REDACTED), sql`${outbox.recipients} <> '[]'::jsonb`,
      sql`${outbox.htmlBody} is not null and ${outbox.htmlBody} <> ${REDACTED}`)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Mail held for an officer and never filed with a case: past retention, its bytes and any notice about it go. */
async function purgeHeldMessages(tx: Tx, closedBefore: Date): Promise<Omit<PurgeCounts, 'cases'>> {
  const heldScope = and(eq(inboundMessages.disposition, 'held'), isNull(inboundMessages.caseId), lt(inboundMessages.internalDate, closedBefore));
  const held = await tx.select({ id: inboundMessages.id }).from(inboundMessages).where(heldScope);
  if (held.length === 0) return { inboundMessages: 0, outbox: 0 };
  const ids = held.map((h) => h.id);
  const inbound = await clearInbound(tx, inArray(inboundMessages.id, ids));
  const notices = await redactOutbox(tx, and(inArray(outbox.inboundId, ids), isNull(outbox.caseId)));
  return { inboundMessages: inbound, outbox: notices };
}

type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The analysis without the requester's words: kind, topics, the question count and topics, the
 * sections cited and the validity verdict stay (statistics); texts, evidence and the forwarder go.
 * Keeps the RequestAnalysis shape so readers of the column still work; applying it twice is a no-op.
 */
function anonymiseImportFacts(facts: unknown): unknown {
  if (facts === null || typeof facts !== 'object') return facts ?? null;
  return { ...facts, requesterName: null, requesterAddress: null, subject: REDACTED };
}

export function anonymiseAnalysis(analysis: unknown): Json {
  const a = asRecord(analysis);
  const evidence = asRecord(a.evidence);
  const nullEvidence: Json = { section16: null, publicInterest: null, timeSpan: null, kind: null };
  if ('sections' in evidence) nullEvidence.sections = [];
  if ('ambiguousTerms' in evidence) nullEvidence.ambiguousTerms = [];
  if ('format' in evidence) nullEvidence.format = null;
  const out: Json = {
    kind: a.kind ?? null,
    questions: asArray(a.questions).map((q) => anonymiseQuestion(asRecord(q))),
    topics: asArray(a.topics),
    citesSection16: a.citesSection16 === true,
    publicInterestArgument: a.publicInterestArgument === true,
    sectionsCited: asArray(a.sectionsCited),
    timeSpan: null,
    ambiguousTerms: [],
    validity: a.validity ?? { valid: true, missing: [] },
    evidence: nullEvidence,
  };
  if (typeof a.topicConfidence === 'number') out.topicConfidence = a.topicConfidence;
  if ('timeSpanRange' in a) out.timeSpanRange = null;
  if ('formatRequested' in a) out.formatRequested = a.formatRequested ?? null;
  if ('forwardedFrom' in a) out.forwardedFrom = null;
  if ('mixed' in a) out.mixed = null;
  return out;
}

function anonymiseQuestion(q: Json): Json {
  const out: Json = { number: q.number ?? null, text: REDACTED, topics: asArray(q.topics) };
  if (typeof q.topicConfidence === 'number') out.topicConfidence = q.topicConfidence;
  if (typeof q.lowConfidence === 'boolean') out.lowConfidence = q.lowConfidence;
  return out;
}
