// classify-case.ts: where one request stands for the statistics, decided once so every table counts the
// same way (docs/compliance-statistics.md): in time means answered on or before the due date in force.
import { workingDaysBetween, type ExtraHoliday, type IsoDate } from '../clock/index.js';
import type { OutcomeCase } from '../pipeline/case/outcome/outcome-types.js';

export type Standing =
  | 'in_time' | 'late' | 'withdrawn' | 'closed_without_response' | 'awaiting_clarification' | 'open_in_time' | 'open_overdue';

export interface ClassifiedCase {
  foiCase: OutcomeCase;
  standing: Standing;
  /** Answered by the statutory date (or with no deadline running); false when late or only within an extension. */
  metStatutory: boolean;
  withinExtension: boolean;
  workingDaysLate: number;
}

/** The requests for information the statistics count: FOI and EIR, in every jurisdiction (FOISA/EISR are kinds foi/eir). */
export const isRequest = (c: OutcomeCase): boolean => c.kind === 'foi' || c.kind === 'eir';

export function classifyCase(c: OutcomeCase, today: IsoDate, extraHolidays: readonly ExtraHoliday[] = []): ClassifiedCase {
  const base = { foiCase: c, metStatutory: false, withinExtension: false, workingDaysLate: 0 };
  if (c.respondedOn !== null) {
    // A response while no clock ran (clarification awaited) cannot be late: no deadline had fallen.
    const due = c.dueDate;
    if (due === null || c.respondedOn <= due) {
      const statutory = c.statutoryDueDate;
      const metStatutory = statutory === null || c.respondedOn <= statutory;
      return { ...base, standing: 'in_time', metStatutory, withinExtension: !metStatutory };
    }
    const regime = c.regime ?? 'foi';
    return { ...base, standing: 'late', workingDaysLate: workingDaysBetween(due, c.respondedOn, regime, extraHolidays) };
  }
  if (c.status === 'withdrawn') return { ...base, standing: 'withdrawn' };
  if (c.status === 'closed') return { ...base, standing: 'closed_without_response' };
  if (c.status === 'awaiting_clarification' || c.dueDate === null) return { ...base, standing: 'awaiting_clarification' };
  return { ...base, standing: today > c.dueDate ? 'open_overdue' : 'open_in_time' };
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
