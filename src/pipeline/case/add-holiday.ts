// A newly proclaimed bank holiday (BFDA 1971 s.1(3)) that admins add: every open case's due date
// is recomputed by the lifecycle's rules, and each change recorded with its old and new dates.
import type { ExtraHoliday } from '../../clock/index.js';
import { OPEN_STATUSES, type CaseStatus } from '../../domain/case-status.js';
import { recomputeDueDate, type CaseState } from './case-lifecycle.js';
import type { CaseTransaction } from './case-store.js';

export interface HolidayTransaction extends CaseTransaction {
  addExtraHoliday(holiday: ExtraHoliday): Promise<void>;
  extraHolidays(): Promise<ExtraHoliday[]>;
  /** Every case in these statuses, row-locked, with its clock state (null: no clock runs). */
  lockCasesIn(statuses: readonly CaseStatus[]): Promise<{ id: number; reference: string; state: CaseState | null }[]>;
}

export interface HolidayStore {
  inTransaction<T>(work: (tx: HolidayTransaction) => Promise<T>): Promise<T>;
}

export interface RecomputedCase {
  reference: string;
  oldDueDate: string | null;
  newDueDate: string | null;
}

export async function addHoliday(store: HolidayStore, holiday: ExtraHoliday, now: Date): Promise<RecomputedCase[]> {
  return store.inTransaction(async (tx) => {
    await tx.addExtraHoliday(holiday);
    return recomputeOpenCases(tx, `holiday added: ${holiday.date} (${holiday.jurisdiction}), ${holiday.reason}`, now);
  });
}

/** Every open case's due date on the calendar as it now stands; each change recorded with `cause`. */
export async function recomputeOpenCases(tx: HolidayTransaction, cause: string, now: Date): Promise<RecomputedCase[]> {
  const extraHolidays = await tx.extraHolidays();
  const changed: RecomputedCase[] = [];
  for (const { id, reference, state } of await tx.lockCasesIn(OPEN_STATUSES)) {
    if (!state || state.dueDate === null) continue;
    const { dueDate, explain } = recomputeDueDate(state, { extraHolidays });
    if (dueDate === state.dueDate) continue;
    await tx.saveChange({
      caseId: id,
      transition: { next: { ...state, dueDate }, dueExplain: explain },
      events: [{
        event: 'deadline_recomputed', at: now, fromStatus: state.status, toStatus: state.status,
        cause, details: { oldDueDate: state.dueDate, newDueDate: dueDate },
      }],
    });
    changed.push({ reference, oldDueDate: state.dueDate, newDueDate: dueDate });
  }
  return changed;
}
