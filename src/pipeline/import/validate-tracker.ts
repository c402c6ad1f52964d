// `import cases FILE.csv`: the whole file is checked before anything is written, so a bad row stops the
// import with its line and reason and nothing is half-imported. Pure: the file's bytes in, rows or problems out.
import type { ExtraHoliday, IsoDate, Jurisdiction } from '../../clock/index.js';
import type { ImportProblem, ImportRow, TrackerValidation } from './import-row.js';
import { referenceKey } from './imported-references.js';
import { planImportedCase, type RegimeOf } from './plan-imported-case.js';
import { readCsvTable } from './read-csv-table.js';
import { readTrackerRow, type TrackerCells } from './read-tracker-row.js';
import { mapColumns, type TrackerField } from './tracker-columns.js';

export interface ValidateTrackerInput {
  /** The file as read from disk (UTF-8, or Excel's Windows-1252 "CSV"), or its text. */
  file: Uint8Array | string;
  /** The mailbox's jurisdiction: FOISA/EISR in Scotland. */
  jurisdiction: Jurisdiction;
  regimeOf: RegimeOf;
  /** Today in Europe/London: no date in the file may be later. */
  today: IsoDate;
  extraHolidays?: readonly ExtraHoliday[];
}

const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;

function readCells(input: ValidateTrackerInput): { cells: TrackerCells[]; problems: ImportProblem[]; ignored: string[] } {
  const table = readCsvTable(input.file);
  if (!table.ok) return { cells: [], problems: [table.problem], ignored: [] };
  const map = mapColumns(table.header);
  const problems = map.problems.map((reason) => ({ line: 1, reason }));
  if (problems.length === 0 && table.records.length === 0) problems.push({ line: 1, reason: 'the file holds no cases, only a header' });
  if (problems.length > 0) return { cells: [], problems, ignored: map.ignored };
  const cells: TrackerCells[] = [];
  for (const record of table.records) {
    const extra = record.cells.slice(table.header.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push({ line: record.line, reason: `the record has more fields than the header (${record.cells.length} for ${table.header.length})` });
      continue;
    }
    const cellOf = (field: TrackerField) => {
      const index = map.columns.get(field);
      return index === undefined ? '' : record.cells[index] ?? '';
    };
    const read = readTrackerRow(record.line, cellOf, input.today);
    if (read.ok) cells.push(read.cells);
    else problems.push(...read.reasons.map((reason) => ({ line: record.line, reason })));
  }
  return { cells, problems, ignored: map.ignored };
}

/** Each reference once in the file (compared as threading compares them), and no review of itself. */
function crossRowProblems(cells: readonly TrackerCells[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const c of cells) {
    const earlier = firstLine.get(c.referenceKey);
    if (earlier !== undefined) problems.push({ line: c.line, reason: `reference ${c.reference} is also on line ${earlier}` });
    else firstLine.set(c.referenceKey, c.line);
    if (c.parentReference && referenceKey(c.parentReference) === c.referenceKey) {
      problems.push({ line: c.line, reason: 'the original reference is the row\'s own reference' });
    }
    if (c.parentReference && c.kind !== 'internal_review') {
      problems.push({ line: c.line, reason: `an original reference is given but the kind is ${c.kind}, not internal_review` });
    }
  }
  return problems;
}

/**
 * Every row of a tracker as the case it will become, with its deadline computed by the clock, or every
 * problem found (rows read independently, so one bad row does not hide another's). Parent references of
 * reviews that are not in the file are left for the caller to find among existing cases.
 */
export function validateTracker(input: ValidateTrackerInput): TrackerValidation {
  const { cells, problems, ignored } = readCells(input);
  problems.push(...crossRowProblems(cells));
  const byKey = new Map(cells.map((c) => [c.referenceKey, c]));
  const reviewed = new Set(cells.flatMap((c) => (c.parentReference ? [referenceKey(c.parentReference)] : [])));
  const rows: ImportRow[] = [];
  for (const c of cells) {
    const parent = c.parentReference ? byKey.get(referenceKey(c.parentReference)) : undefined;
    const planned = planImportedCase({
      cells: c, jurisdiction: input.jurisdiction, regimeOf: input.regimeOf, extraHolidays: input.extraHolidays,
      parentIsEnvironmental: parent?.kind === 'eir',
    }, reviewed.has(c.referenceKey));
    if (planned.ok) rows.push(planned.row);
    else problems.push(...planned.reasons.map((reason) => ({ line: c.line, reason })));
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort(byLine), ignoredColumns: ignored };
  return { ok: true, rows, ignoredColumns: ignored };
}
