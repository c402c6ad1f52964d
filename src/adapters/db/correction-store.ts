// Officers' corrections over drizzle: locks the case with its questions and first message, then writes
// the corrected analysis, kind, questions and flags, the audit event and the labelled examples. It stores
// and loads; what a correction changes is decided in pipeline/case/correct-analysis.ts.
import { and, asc, count, desc, eq, isNotNull, max, sql, type SQL } from 'drizzle-orm';
import type { CaseFlag } from '../../domain/case-flag.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { LabelledExample } from '../../domain/labelled-example.js';
import type { Regime } from '../../domain/regime.js';
import type { RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import type { CaseForCorrection, CorrectionStore, SavedCorrection } from '../../pipeline/case/correct-case.js';
import { insertEvents } from './case-changes.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, inboundMessages, labelledExamples, questions } from './schema.js';

export function createCorrectionStore(db: Db): CorrectionStore {
  return {
    inTransaction: (work) => db.transaction((tx) => work({
      lockForCorrection: (reference) => lockForCorrection(tx, reference),
      saveCorrection: (saved) => saveCorrection(tx, saved),
    })),
  };
}

async function lockForCorrection(tx: Tx, reference: string): Promise<CaseForCorrection | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.reference, reference)).for('update');
  if (!row) return null;
  const [asked, [first], [last]] = await Promise.all([
    tx.select({ number: questions.number, text: questions.text, topics: questions.topics }).from(questions)
      .where(eq(questions.caseId, row.id)).orderBy(asc(questions.position)),
    tx.select({ raw: inboundMessages.raw }).from(inboundMessages).where(eq(inboundMessages.caseId, row.id)).orderBy(asc(inboundMessages.id)).limit(1),
    tx.select({ id: caseEvents.id }).from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.event, 'analysis_corrected')))
      .orderBy(desc(caseEvents.id)).limit(1),
  ]);
  return {
    id: row.id, reference: row.reference, kind: row.kind as RequestKind, regime: row.regime as Regime | 'none', jurisdiction: row.jurisdiction as Jurisdiction,
    status: row.status as CaseStatus, dueDate: row.dueDate, subject: row.subject, analysis: row.analysis as RequestAnalysis,
    flags: row.flags as CaseFlag[], questions: asked, raw: first?.raw ?? null, lastCorrectionId: last?.id ?? null,
  };
}

async function saveCorrection(tx: Tx, saved: SavedCorrection): Promise<void> {
  const { caseId, event } = saved;
  await tx.update(cases).set({ kind: saved.kind, analysis: saved.analysis, flags: saved.flags }).where(eq(cases.id, caseId));
  // Questions are renumbered by position after a split or merge: replaced whole.
  await tx.delete(questions).where(eq(questions.caseId, caseId));
  if (saved.questions.length > 0) {
    await tx.insert(questions).values(saved.questions.map((q, position) => ({ caseId, position, number: q.number, text: q.text, topics: q.topics })));
  }
  await insertEvents(tx, caseId, [{ event: 'analysis_corrected', at: event.at, fromStatus: event.status, toStatus: event.status, cause: 'officer', details: event.details }]);
  if (saved.examples.length > 0) {
    await supersedeExamples(tx, caseId, saved.examples);
    await tx.insert(labelledExamples).values(saved.examples.map((e) => ({
      caseId, source: e.source, subject: e.subject ?? null, text: e.text, kind: e.kind ?? null, topic: e.topic ?? null,
      section16: e.section16 ?? null, publicInterest: e.publicInterest ?? null, questions: e.questions ?? null, actor: saved.actor,
    })));
  }
}

// The latest officer's word on a decision stands: an earlier label for the same text and decision (a
// correction since undone or corrected again) is removed, so training never learns two answers to one question.
async function supersedeExamples(tx: Tx, caseId: number, examples: SavedCorrection['examples']): Promise<void> {
  const label: Record<string, SQL | undefined> = {
    kind: isNotNull(labelledExamples.kind), topic: isNotNull(labelledExamples.topic), section16: isNotNull(labelledExamples.section16),
    publicInterest: isNotNull(labelledExamples.publicInterest), questions: isNotNull(labelledExamples.questions),
  };
  for (const e of examples) {
    const decided = Object.keys(label).filter((k) => e[k as keyof typeof e] !== undefined);
    for (const k of decided) {
      await tx.delete(labelledExamples).where(and(eq(labelledExamples.caseId, caseId), eq(labelledExamples.source, e.source), label[k]));
    }
  }
}

/** Every stored example in the shape training reads; admins' topic examples (classifier_examples) are read apart. */
export async function listLabelledExamples(db: Db): Promise<LabelledExample[]> {
  const rows = await db.select().from(labelledExamples).orderBy(asc(labelledExamples.id));
  return rows.map((r) => ({
    text: r.text,
    ...(r.subject ? { subject: r.subject } : {}),
    ...(r.kind ? { kind: r.kind as RequestKind } : {}),
    ...(r.topic ? { topic: r.topic } : {}),
    ...(r.section16 !== null ? { section16: r.section16 } : {}),
    ...(r.publicInterest !== null ? { publicInterest: r.publicInterest } : {}),
    ...(r.questions ? { questions: r.questions } : {}),
  }));
}

export interface Labeller {
  /** The identity that gave the labels; null for examples stored before labels were attributed. */
  actor: string | null;
  examples: number;
  last: Date;
}

/** Who labelled how many examples (standing ones: a superseded label is gone), most labels first. */
export async function labellersOf(db: Db): Promise<Labeller[]> {
  const rows = await db.select({ actor: labelledExamples.actor, examples: count(), last: max(labelledExamples.createdAt) })
    .from(labelledExamples).groupBy(labelledExamples.actor).orderBy(desc(count()), sql`${labelledExamples.actor} nulls last`);
  return rows.map((r) => ({ actor: r.actor, examples: r.examples, last: r.last ?? new Date(0) }));
}
