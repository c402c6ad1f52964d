// The holidays admins add when a new bank holiday is proclaimed (BFDA 1971 s.1(3)). Adding one
// recomputes the due date of every open case and records old and new dates as a case event.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ExtraHoliday, Jurisdiction } from '../../clock/index.js';
import { recomputeDueDate } from '../../pipeline/case/case-lifecycle.js';
import { OPEN_STATUSES } from '../../domain/case-status.js';
import type { Db } from './database.js';
import { insertEvents, stateOfRow } from './case-state-store.js';
import { cases, extraHolidays } from './schema.js';


export async function loadExtraHolidays(db: Db): Promise<ExtraHoliday[]> {
  const rows = await db.select().from(extraHolidays).orderBy(asc(extraHolidays.date));
  return rows.map((r) => ({ date: r.date, jurisdiction: r.jurisdiction as ExtraHoliday['jurisdiction'], reason: r.reason }));
}

export interface RecomputedCase {
  reference: string;
  oldDueDate: string | null;
  newDueDate: string | null;
}

export async function addHoliday(db: Db, holiday: { date: string; jurisdiction: Jurisdiction | 'united-kingdom'; reason: string }, now: Date): Promise<RecomputedCase[]> {
  return db.transaction(async (tx) => {
    await tx.insert(extraHolidays).values(holiday).onConflictDoNothing();
    const all = await loadExtraHolidays(tx as unknown as Db);
    const open = await tx.select().from(cases).where(inArray(cases.status, [...OPEN_STATUSES])).for('update');
    const changed: RecomputedCase[] = [];
    for (const row of open) {
      const state = stateOfRow(row);
      if (!state || state.dueDate === null) continue;
      const { dueDate, explain } = recomputeDueDate(state, { extraHolidays: all });
      if (dueDate === row.dueDate) continue;
      await tx.update(cases).set({ dueDate, dueExplain: explain }).where(and(eq(cases.id, row.id)));
      await insertEvents(tx, row.id, [{
        event: 'deadline_recomputed', at: now, fromStatus: state.status, toStatus: state.status,
        cause: `holiday added: ${holiday.date} (${holiday.jurisdiction}), ${holiday.reason}`,
        details: { oldDueDate: row.dueDate, newDueDate: dueDate },
      }]);
      changed.push({ reference: row.reference, oldDueDate: row.dueDate, newDueDate: dueDate });
    }
    return changed;
  });
}
