// What officers must know on the day a mailbox's history (or an old tracker) becomes cases: how many, the
// oldest, which are already overdue and which need attention first. One summary instead of a mail per case.
import type { IsoDate, Jurisdiction, Regime } from '../../clock/index.js';
import type { ImportRow } from './import-row.js';

/** An imported case as the summary reads it. */
export interface ImportedCaseLine {
  reference: string;
  kind: string;
  /** Null for mail that starts no statutory clock (a complaint, general correspondence). */
  regime: Regime | null;
  jurisdiction?: Jurisdiction;
  status: string;
  receivedDate: IsoDate;
  /** Null while a clarification is awaited, or without a clock. */
  dueDate: IsoDate | null;
  subject: string;
  /** Stable flag codes (`s16`, `forwarded_unverified`, `stranger`…). */
  flags: readonly string[];
}

/** A tracker row as the summary reads it (a tracker records no flags). */
export function importedCaseLineOf(row: ImportRow, jurisdiction: Jurisdiction): ImportedCaseLine {
  return {
    reference: row.reference, kind: row.kind, regime: row.regime, jurisdiction, status: row.caseStatus,
    receivedDate: row.receivedDate, dueDate: row.dueDate, subject: row.subject, flags: [],
  };
}

export interface AttentionItem {
  reference: string;
  subject: string;
  dueDate: IsoDate | null;
  /** Working days from today to the due date: negative once overdue; null without a due date. */
  workingDaysLeft: number | null;
  reasons: string[];
}

export interface ImportSummary {
  count: number;
  /** The longest waiting of the cases still awaiting a response; null when none is. */
  oldest: { reference: string; receivedDate: IsoDate } | null;
  /** Cases still awaiting a response (the rest were responded to, closed or withdrawn before the import). */
  awaitingResponse: number;
  overdue: AttentionItem[];
  urgent: AttentionItem[];
}

/**
 * Working days from today to a due date on the case's calendar (negative once past): the reminders'
 * `workingDaysLeft` with the regime's calendar, passed in so this module stays apart from the scheduler's.
 */
export type WorkingDaysLeft = (c: { regime: Regime; jurisdiction?: Jurisdiction; dueDate: IsoDate }, today: IsoDate) => number;

export interface SummariseImportInput {
  cases: readonly ImportedCaseLine[];
  /** Today in Europe/London. */
  today: IsoDate;
  workingDaysLeft: WorkingDaysLeft;
  /** A deadline this close (in working days) needs attention now; default 5, as the first reminder. */
  urgentWithinWorkingDays?: number;
}

// The finished statuses (the domain's FINISHED_STATUSES): nothing is owed on these.
const FINISHED = new Set(['responded', 'closed', 'withdrawn']);

const FLAG_REASONS: Readonly<Record<string, string>> = {
  s16: 'asks for advice and assistance (section 16)',
  forwarded_unverified: 'forwarded by an unverified sender',
  stranger: 'quotes a case but is not from its requester',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Overdue is by date: a deadline on a Friday has passed on the Saturday, no working day later.
function dueReason(left: number, overdue: boolean): string {
  if (overdue) return left < 0 ? `overdue by ${plural(-left, 'working day')}` : 'overdue';
  return left === 0 ? 'due today' : `due in ${plural(left, 'working day')}`;
}

function attentionOf(c: ImportedCaseLine, left: number | null, overdue: boolean, within: number): AttentionItem | null {
  const reasons: string[] = [];
  if (left !== null && (overdue || left <= within)) reasons.push(dueReason(left, overdue));
  if (c.kind === 'sar' || c.regime === 'sar') reasons.push('subject access request (one calendar month)');
  if (c.kind === 'internal_review' || c.regime?.endsWith('_review')) reasons.push('internal review');
  for (const flag of c.flags) if (FLAG_REASONS[flag]) reasons.push(FLAG_REASONS[flag]);
  if (reasons.length === 0) return null;
  return { reference: c.reference, subject: c.subject, dueDate: c.dueDate, workingDaysLeft: left, reasons: [...new Set(reasons)] };
}

const byDueDate = (a: AttentionItem, b: AttentionItem) =>
  (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.reference.localeCompare(b.reference);

export function summariseImport(input: SummariseImportInput): ImportSummary {
  const within = input.urgentWithinWorkingDays ?? 5;
  const overdue: AttentionItem[] = [];
  const urgent: AttentionItem[] = [];
  let awaitingResponse = 0;
  let oldest: ImportSummary['oldest'] = null;
  for (const c of input.cases) {
    if (FINISHED.has(c.status)) continue;
    awaitingResponse += 1;
    if (!oldest || c.receivedDate < oldest.receivedDate) oldest = { reference: c.reference, receivedDate: c.receivedDate };
    const left = c.dueDate && c.regime
      ? input.workingDaysLeft({ regime: c.regime, jurisdiction: c.jurisdiction, dueDate: c.dueDate }, input.today)
      : null;
    const isOverdue = c.dueDate !== null && c.dueDate < input.today;
    const item = attentionOf(c, left, isOverdue, within);
    if (item) (isOverdue ? overdue : urgent).push(item);
  }
  return { count: input.cases.length, oldest, awaitingResponse, overdue: overdue.sort(byDueDate), urgent: urgent.sort(byDueDate) };
}
