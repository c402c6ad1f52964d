// The cases of an old tracker as rows: looked up by reference whatever its letter case, written in one
// transaction with their audit events, the reference counters moved past them and the officers' summary.
import { eq, inArray, sql } from 'drizzle-orm';
import type { CaseEvent } from '../../domain/foi-case.js';
import { caseFlag } from '../../domain/case-flag.js';
import type { ImportFacts } from '../../pipeline/import/compare-with-existing.js';
import type { ImportedCase, ImportStore } from '../../pipeline/import/import-tracker.js';
import { referenceKey } from '../../pipeline/import/imported-references.js';
import { insertEvents } from './case-changes.js';
import type { Db, Tx } from './database.js';
import { insertOutbox } from './outbox-store.js';
import { sequencePattern } from './reference-counter.js';
import { cases, questions, referenceCounters } from './schema.js';

export function createImportStore(db: Db): ImportStore {
  return {
    async casesByReferenceKey(keys) {
      if (keys.length === 0) return [];
      const rows = await db.select({ id: cases.id, reference: cases.reference, importFacts: cases.importFacts })
        .from(cases).where(inArray(sql`upper(${cases.reference})`, [...keys]));
      return rows.map((r) => ({ id: r.id, reference: r.reference, importFacts: (r.importFacts as ImportFacts | null) ?? null }));
    },
    writeImport: (work) => db.transaction(async (tx) => {
      const ids = new Map<string, number>();
      for (const imported of work.cases) ids.set(imported.row.referenceKey, await insertCase(tx, imported, work));
      // A review and the request it reviews may both be in the file: linked once both have ids.
      for (const { row, parentCaseId } of work.cases) {
        const parent = parentCaseId ?? (row.parentReference ? ids.get(referenceKey(row.parentReference)) : undefined);
        if (parent !== undefined) await tx.update(cases).set({ parentCaseId: parent }).where(eq(cases.id, ids.get(row.referenceKey)!));
      }
      // Our own format's references in the tracker: the counter carries on after the highest of each year.
      // The row is made if need be: a reference written in another letter case escapes the counter's own catch-up.
      for (const floor of work.floors) {
        const raised = { lastValue: sql`greatest(${referenceCounters.lastValue}, ${floor.sequence})` };
        if (floor.year === null) {
          await tx.update(referenceCounters).set(raised).where(eq(referenceCounters.format, floor.format));
        } else {
          // As the counter's first row would: past every case already in the format, and past the import.
          const pattern = sequencePattern(floor.format, floor.year);
          const highest = sql`(select max(substring(reference from ${pattern})::bigint) from cases where reference ~ ${pattern})`;
          await tx.insert(referenceCounters)
            .values({ format: floor.format, year: floor.year, lastValue: sql`greatest(${floor.sequence}, coalesce(${highest}, 0))::integer` })
            .onConflictDoUpdate({ target: [referenceCounters.format, referenceCounters.year], set: raised });
        }
      }
      await insertOutbox(tx, work.mail, {});
    }),
  };
}

type Work = Parameters<ImportStore['writeImport']>[0];

async function insertCase(tx: Tx, { row, facts }: ImportedCase, work: Work): Promise<number> {
  const [inserted] = await tx.insert(cases).values({
    reference: row.reference, kind: row.kind, regime: row.regime, status: row.caseStatus,
    // Noon UTC is on the date of receipt in London, summer or winter.
    receivedAt: new Date(`${row.receivedDate}T12:00:00Z`), receivedDate: row.receivedDate,
    dueDate: row.dueDate, dueExplain: row.dueExplain, requesterName: row.requester.name, requesterAddress: row.requester.address,
    subject: row.subject, analysis: { kind: row.kind, questions: [], topics: [], citesSection16: false, publicInterestArgument: false },
    flags: row.notes.map((text) => caseFlag('note', text)), jurisdiction: work.jurisdiction,
    clarificationSought: row.clarification?.sought ?? null, clarificationReceived: row.clarification?.received ?? null,
    extension: row.extension ? { kind: row.extension.kind, reason: 'recorded in the old tracker', date: row.receivedDate } : null,
    mailbox: work.mailbox, imported: true, importSource: work.source, importedAt: work.now, importFacts: facts,
  }).returning({ id: cases.id });
  const caseId = inserted!.id;
  const event: CaseEvent = {
    event: 'case_imported', at: work.now, fromStatus: null, toStatus: row.caseStatus, cause: `imported from ${work.source.slice('file:'.length)}, line ${row.line}`,
    details: { kind: row.kind, regime: row.regime, dueDate: row.dueDate, status: row.status, respondedOn: row.respondedOn, outcome: row.outcome, exemptions: row.exemptions },
  };
  await Promise.all([
    tx.insert(questions).values({ caseId, position: 0, number: null, text: row.requestText, topics: [] }),
    insertEvents(tx, caseId, [event]),
  ]);
  return caseId;
}
