// compute-deadline.ts: the statutory clock's single entry point: a regime and the dates of a case in,
// the due date and a checkable explanation out. Pure: no I/O, no reading of the system clock.
import type { DeadlineResult } from './clock-types.js';
import { checkDeadlineInput, type DeadlineInput } from './deadline-input.js';
import { createBankHolidayLookup } from './bank-holiday-lookup.js';
import { REGIME_RULES } from './regimes.js';
import { workingDayDeadline } from './working-day-deadline.js';
import { calendarMonthDeadline } from './calendar-month-deadline.js';

export type { DeadlineInput } from './deadline-input.js';
export type { DeadlineResult } from './clock-types.js';
export { londonDateOf } from './london-date.js';
export { formatLongDate } from './calendar-date.js';
export { ClockError } from './clock-error.js';

/**
 * The date a response (or review) is due. Throws ClockError for input the law gives no answer for:
 * a bad or out-of-order date, an extension the regime lacks, a clarification or fee still awaited.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const checked = checkDeadlineInput(input);
  const holidays = createBankHolidayLookup(checked.extraHolidays);
  const rule = REGIME_RULES[checked.regime];
  return rule.kind === 'working_days'
    ? workingDayDeadline(checked, rule, holidays)
    : calendarMonthDeadline(checked, rule, holidays);
}
