// What an imported row becomes: its regime, its deadline by the statutory clock (a clarification restarts it,
// an extension moves it, as the tracker records them) and the case status. The tracker's own due date is
// never trusted, only compared: spreadsheets count holidays and clarifications in many ways.
import {
  computeDeadline, formatLongDate, isClockError, type ExtraHoliday, type IsoDate, type Jurisdiction, type Regime,
} from '../../clock/index.js';
import { REGIME_RULES } from '../../clock/regimes.js';
import type { ImportKind, ImportRow, ImportedCaseStatus } from './import-row.js';
import type { TrackerCells } from './read-tracker-row.js';

/** The regime of a kind in a jurisdiction: `regimeFor` of the case planner, passed in. */
export type RegimeOf = (kind: ImportKind, jurisdiction: Jurisdiction) => Regime | null;

export interface PlanImportInput {
  cells: TrackerCells;
  jurisdiction: Jurisdiction;
  regimeOf: RegimeOf;
  /** The reviewed request is environmental (its row in the same file is `eir`): an EIR reconsideration. */
  parentIsEnvironmental: boolean;
  extraHolidays?: readonly ExtraHoliday[];
}

export type PlannedRow = { ok: true; row: ImportRow } | { ok: false; reasons: string[] };

const ENVIRONMENTAL_REVIEW: Partial<Record<Regime, Regime>> = { foi_review: 'eir_review', foisa_review: 'eisr_review' };

function regimeOfRow(input: PlanImportInput): Regime | null {
  const { cells } = input;
  const regime = input.regimeOf(cells.kind, input.jurisdiction);
  if (regime && cells.kind === 'internal_review' && (cells.environmental || input.parentIsEnvironmental)) {
    return ENVIRONMENTAL_REVIEW[regime] ?? regime;
  }
  return regime;
}

/** `yes` in the extension column: the one extension the regime allows, if it allows one. */
function extensionKindOf(cells: TrackerCells, regime: Regime): 'pit' | 'complex' | null | string {
  if (cells.extension === null) return null;
  if (cells.extension !== 'inferred') return cells.extension.kind;
  const available = Object.keys(REGIME_RULES[regime].extensions) as ('pit' | 'complex')[];
  return available[0] ?? `a ${REGIME_RULES[regime].title} cannot be extended`;
}

function caseStatusOf(cells: TrackerCells, awaitingClarification: boolean, extended: boolean): ImportedCaseStatus {
  if (cells.status !== 'open') return cells.status;
  if (awaitingClarification) return 'awaiting_clarification';
  return extended ? 'extended' : 'in_progress';
}

type Deadline = { ok: true; dueDate: IsoDate | null; dueExplain: string[] } | { ok: false; reason: string };

function deadlineOf(cells: TrackerCells, regime: Regime, extension: 'pit' | 'complex' | null, input: PlanImportInput): Deadline {
  if (cells.clarificationSought && !cells.clarificationReceived) {
    return { ok: true, dueDate: null, dueExplain: [`clarification sought ${formatLongDate(cells.clarificationSought)}: no deadline runs until it is received`] };
  }
  const base = {
    regime, received: cells.receivedDate, jurisdiction: input.jurisdiction, extraHolidays: input.extraHolidays ?? [],
    ...(cells.clarificationSought ? { clarificationSought: cells.clarificationSought } : {}),
    ...(cells.clarificationReceived ? { clarificationReceived: cells.clarificationReceived } : {}),
  };
  const plain = computeDeadline(base);
  if (!extension) return { ok: true, dueDate: plain.dueDate, dueExplain: plain.explain };
  const longest = computeDeadline({ ...base, extension });
  const until = cells.extendedTo;
  if (!until) return { ok: true, dueDate: longest.dueDate, dueExplain: longest.explain };
  if (until < plain.dueDate) return { ok: false, reason: `extended due date ${until} is before the due date without an extension, ${plain.dueDate}` };
  if (until > longest.dueDate) return { ok: false, reason: `extended due date ${until} is later than the law allows (${longest.dueDate} at the latest)` };
  return {
    ok: true,
    dueDate: until,
    dueExplain: [...longest.explain, `extended to ${formatLongDate(until)} as the tracker records (the latest the law allows is ${formatLongDate(longest.dueDate)})`],
  };
}

/** The clock refuses what the law gives no answer for (a date out of range, an extension the regime lacks): a row problem. */
function checkedDeadlineOf(...args: Parameters<typeof deadlineOf>): Deadline {
  try {
    return deadlineOf(...args);
  } catch (error) {
    if (isClockError(error)) return { ok: false, reason: error.message };
    throw error;
  }
}

function notesOf(cells: TrackerCells, dueDate: IsoDate | null, reviewImported: boolean): string[] {
  const notes: string[] = [];
  if (cells.trackerDue && dueDate && cells.trackerDue !== dueDate) {
    notes.push(`The old tracker gave the due date as ${formatLongDate(cells.trackerDue)}; the statutory clock makes it ${formatLongDate(dueDate)}.`);
  }
  if (cells.reviewRequested.yes && !reviewImported) {
    const on = cells.reviewRequested.date ? ` on ${formatLongDate(cells.reviewRequested.date)}` : '';
    notes.push(`The old tracker records an internal review requested${on}; it was not imported as a case of its own.`);
  }
  return notes;
}

/** A row of the file as the case it will become, or why it cannot be one. */
export function planImportedCase(input: PlanImportInput, reviewImported: boolean): PlannedRow {
  const { cells } = input;
  const regime = regimeOfRow(input);
  if (!regime) return { ok: false, reasons: [`kind ${cells.kind} has no statutory clock in ${input.jurisdiction}`] };
  const extension = extensionKindOf(cells, regime);
  if (extension !== null && extension !== 'pit' && extension !== 'complex') return { ok: false, reasons: [extension] };
  const deadline = checkedDeadlineOf(cells, regime, extension, input);
  if (!deadline.ok) return { ok: false, reasons: [deadline.reason] };
  const awaiting = cells.clarificationSought !== null && cells.clarificationReceived === null;
  return {
    ok: true,
    row: {
      line: cells.line, reference: cells.reference, referenceKey: cells.referenceKey, kind: cells.kind, regime,
      status: cells.status, caseStatus: caseStatusOf(cells, awaiting, extension !== null), receivedDate: cells.receivedDate,
      requester: cells.requester, subject: cells.subject, requestText: cells.requestText, respondedOn: cells.respondedOn,
      outcome: cells.outcome, exemptions: cells.exemptions,
      clarification: cells.clarificationSought || cells.clarificationReceived
        ? { sought: cells.clarificationSought, received: cells.clarificationReceived }
        : null,
      extension: extension ? { kind: extension, until: cells.extendedTo } : null,
      parentReference: cells.parentReference, dueDate: deadline.dueDate, dueExplain: deadline.dueExplain,
      notes: notesOf(cells, deadline.dueDate, reviewImported),
    },
  };
}
