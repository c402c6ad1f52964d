// `import cases FILE.csv`: check the whole file, then compare each row with any case already holding its
// reference (a re-import changes nothing; other data under the same reference stops the import), then
// write every new row in one transaction with the officers' one import summary. Nothing is half-imported.
import type { ExtraHoliday, IsoDate, Jurisdiction } from '../../clock/index.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { regimeFor } from '../case/plan-case.js';
import { caseWorkingDaysLeft } from '../case/select-reminders.js';
import type { ImportProblem, ImportRow } from './import-row.js';
import { compareWithExisting, importFactsOf, type ExistingCase, type ImportFacts } from './compare-with-existing.js';
import { referenceKey } from './imported-references.js';
import { referenceCounterFloors, type CounterFloor } from './reference-counter-floors.js';
import { importedCaseLineOf, summariseImport, type ImportSummary } from './summarise-import.js';
import { validateTracker } from './validate-tracker.js';

/** A row to write, with what the store needs besides the row itself. */
export interface ImportedCase {
  row: ImportRow;
  facts: ImportFacts;
  /** An existing case the row's internal review reviews (one in the same file is linked by reference). */
  parentCaseId: number | null;
}

export interface ImportStore {
  /** Cases whose `referenceKey` is one of these (references compare whatever their letter case). */
  casesByReferenceKey(keys: readonly string[]): Promise<(ExistingCase & { id: number })[]>;
  /** Every case, its counter floors and the summary, in one transaction. */
  writeImport(work: { cases: readonly ImportedCase[]; floors: readonly CounterFloor[]; source: string; mailbox: string; jurisdiction: Jurisdiction; now: Date; mail: readonly OutgoingMail[] }): Promise<void>;
}

export interface ImportTrackerInput {
  file: Uint8Array | string;
  fileName: string;
  jurisdiction: Jurisdiction;
  /** The configured mailbox the cases belong to (their mail goes out in its name). */
  mailbox: string;
  /** Every configured reference format: imported references in one of them move its counter on. */
  referenceFormats: readonly string[];
  today: IsoDate;
  now: Date;
  extraHolidays: readonly ExtraHoliday[];
  dryRun: boolean;
  /** The officers' summary of what was imported; null when no one can be told (no sender configured). */
  composeSummary: ((summary: ImportSummary) => OutgoingMail) | null;
}

export type ImportReport =
  | { ok: true; dryRun: boolean; imported: string[]; unchanged: string[]; ignoredColumns: string[]; summary: ImportSummary | null }
  | { ok: false; problems: ImportProblem[]; ignoredColumns: string[] };

export async function importTracker(store: ImportStore, input: ImportTrackerInput): Promise<ImportReport> {
  const validation = validateTracker({
    file: input.file, jurisdiction: input.jurisdiction, regimeOf: regimeFor, today: input.today, extraHolidays: input.extraHolidays,
  });
  if (!validation.ok) return validation;
  const { rows, ignoredColumns } = validation;
  const parentKeys = rows.flatMap((r) => (r.parentReference ? [referenceKey(r.parentReference)] : []));
  const existing = await store.casesByReferenceKey([...new Set([...rows.map((r) => r.referenceKey), ...parentKeys])]);
  const byKey = new Map(existing.map((c) => [referenceKey(c.reference), c]));
  const problems: ImportProblem[] = [];
  const fresh: ImportedCase[] = [];
  const unchanged: string[] = [];
  for (const row of rows) {
    const found = byKey.get(row.referenceKey);
    if (found) {
      const comparison = compareWithExisting(row, found);
      if (comparison.verdict === 'conflict') problems.push({ line: row.line, reason: comparison.reason });
      else unchanged.push(row.reference);
      continue;
    }
    const parent = row.parentReference ? byKey.get(referenceKey(row.parentReference)) : undefined;
    fresh.push({ row, facts: importFactsOf(row), parentCaseId: parent?.id ?? null });
  }
  if (problems.length > 0) return { ok: false, problems, ignoredColumns };
  const summary = fresh.length === 0 ? null : summariseImport({
    cases: fresh.map((c) => importedCaseLineOf(c.row, input.jurisdiction)), today: input.today,
    workingDaysLeft: (c, day) => caseWorkingDaysLeft(c, day, input.extraHolidays),
  });
  const report = { ok: true as const, dryRun: input.dryRun, imported: fresh.map((c) => c.row.reference), unchanged, ignoredColumns, summary };
  if (input.dryRun || fresh.length === 0) return report;
  await store.writeImport({
    cases: fresh, floors: referenceCounterFloors(fresh.map((c) => c.row.reference), input.referenceFormats),
    source: `file:${input.fileName}`, mailbox: input.mailbox, jurisdiction: input.jurisdiction, now: input.now,
    mail: summary && input.composeSummary ? [input.composeSummary(summary)] : [],
  });
  return report;
}
