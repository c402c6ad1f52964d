// The vocabulary of `import cases`: one validated row of a team's old tracker, ready to become a case,
// and one problem found in the file. Pure data; the validator makes them, the database writer reads them.
import type { IsoDate, Regime } from '../../clock/index.js';
import type { CaseStatus } from '../../domain/foi-case.js';
import type { Outcome } from '../case/outcome/outcome-types.js';

/** The kinds a tracker row may be; mail-only kinds (clarification, complaint, other) have no statutory clock. */
export const IMPORT_KINDS = ['foi', 'eir', 'sar', 'internal_review'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The statuses of the contract (DESIGN.md): `open` means awaiting a response with the clock running. */
export const IMPORT_STATUSES = ['open', 'responded', 'closed', 'withdrawn'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

// A tracker's outcome is one of `case respond --outcome` (DESIGN.md, outcomes and reports): one vocabulary.
export { OUTCOMES as IMPORT_OUTCOMES, type Outcome as ImportOutcome } from '../case/outcome/outcome-types.js';

/** The case status an imported row takes: an open row is in progress (or extended, or on hold for clarification). */
export type ImportedCaseStatus = Extract<CaseStatus, 'in_progress' | 'extended' | 'awaiting_clarification' | 'responded' | 'closed' | 'withdrawn'>;

export interface ImportRow {
  /** The CSV record number, the header being 1. */
  line: number;
  /** As the tracker wrote it, trimmed, inner spaces collapsed: kept so replies quoting it thread. */
  reference: string;
  /** `referenceKey(reference)`: how it is compared with other references and looked up in subjects. */
  referenceKey: string;
  kind: ImportKind;
  regime: Regime;
  status: ImportStatus;
  caseStatus: ImportedCaseStatus;
  receivedDate: IsoDate;
  requester: { name: string | null; address: string | null };
  subject: string;
  requestText: string;
  respondedOn: IsoDate | null;
  outcome: Outcome | null;
  /** Provisions as the tracker wrote them (`s40(2)`, `Section 43`); normalised when the case is written. */
  exemptions: string[];
  clarification: { sought: IsoDate | null; received: IsoDate | null } | null;
  extension: { kind: 'pit' | 'complex'; until: IsoDate | null } | null;
  /** For an internal review: the reference of the request it reviews. */
  parentReference: string | null;
  /** Computed by the statutory clock; null while a clarification is awaited. */
  dueDate: IsoDate | null;
  dueExplain: string[];
  /** Sentences for officers about this row (a due date the tracker had differently, a review asked for). */
  notes: string[];
}

export interface ImportProblem {
  line: number;
  reason: string;
}

export type TrackerValidation =
  | { ok: true; rows: ImportRow[]; ignoredColumns: string[] }
  | { ok: false; problems: ImportProblem[]; ignoredColumns: string[] };
