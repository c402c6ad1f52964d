// An extra holiday an admin added by mistake (or a proclamation withdrawn) is taken out again: every
// open case's due date is recomputed on the calendar without it, each change recorded, as when one is added.
import type { ExtraHoliday } from '../../clock/index.js';
import { recomputeOpenCases, type HolidayTransaction, type RecomputedCase } from './add-holiday.js';

export interface HolidayRemovalTransaction extends HolidayTransaction {
  /** False when there was no such extra holiday. */
  removeExtraHoliday(holiday: Pick<ExtraHoliday, 'date' | 'jurisdiction'>): Promise<boolean>;
}

export interface HolidayRemovalStore {
  inTransaction<T>(work: (tx: HolidayRemovalTransaction) => Promise<T>): Promise<T>;
}

/** Null when the holiday was not there (nothing changed). */
export async function removeHoliday(store: HolidayRemovalStore, holiday: Pick<ExtraHoliday, 'date' | 'jurisdiction'>, now: Date): Promise<RecomputedCase[] | null> {
  return store.inTransaction(async (tx) => {
    if (!(await tx.removeExtraHoliday(holiday))) return null;
    return recomputeOpenCases(tx, `holiday removed: ${holiday.date} (${holiday.jurisdiction})`, now);
  });
}
