// The holidays admins add when a new bank holiday is proclaimed, and the transaction in which
// every open case's due date is recomputed (the decision is pipeline/case/add-holiday.ts').
import { asc, inArray } from 'drizzle-orm';
import type { ExtraHoliday } from '../../clock/index.js';
import type { HolidayStore } from '../../pipeline/case/add-holiday.js';
import { caseTransactionOf, stateOfRow } from './case-store.js';
import type { Db, Tx } from './database.js';
import { cases, extraHolidays } from './schema.js';

export async function loadExtraHolidays(db: Db | Tx): Promise<ExtraHoliday[]> {
  const rows = await db.select().from(extraHolidays).orderBy(asc(extraHolidays.date));
  return rows.map((r) => ({ date: r.date, jurisdiction: r.jurisdiction as ExtraHoliday['jurisdiction'], reason: r.reason }));
}

export function createHolidayStore(db: Db): HolidayStore {
  return {
    inTransaction: (work) => db.transaction((tx) => work({
      ...caseTransactionOf(tx),
      async addExtraHoliday(holiday) {
        await tx.insert(extraHolidays).values(holiday).onConflictDoNothing();
      },
      extraHolidays: () => loadExtraHolidays(tx),
      async lockCasesIn(statuses) {
        const rows = await tx.select().from(cases).where(inArray(cases.status, [...statuses])).for('update');
        return rows.map((row) => ({ id: row.id, reference: row.reference, state: stateOfRow(row) }));
      },
    })),
  };
}
