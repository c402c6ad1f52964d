// working-days-between.ts: how many working days separate two dates under a regime's calendar, for
// "answered N working days late" and "the extension added N working days" (FOIA s.10(6), FOISA s.73).
import type { ExtraHoliday, Regime } from './clock-types.js';
import { createBankHolidayLookup } from './bank-holiday-lookup.js';
import { REGIME_RULES } from './regimes.js';
import { scottishCalendar, ukWideCalendar, type WorkingDayCalendar } from './working-day-calendar.js';
import { addDays, isIsoDate, type IsoDate } from './calendar-date.js';
import { ClockError } from './clock-error.js';

// A SAR's month is in calendar days, but lateness is still read in working days; its days follow FOIA's.
function calendarFor(regime: Regime, extraHolidays: readonly ExtraHoliday[]): WorkingDayCalendar {
  const holidays = createBankHolidayLookup(extraHolidays);
  const rule = REGIME_RULES[regime];
  if (rule.kind === 'working_days' && rule.calendar === 'scotland') return scottishCalendar(holidays, rule.calendarLaw);
  return ukWideCalendar(holidays, rule.kind === 'working_days' ? rule.calendarLaw : 'FOIA s.10(6)');
}

/**
 * The working days after `from` up to and including `to` (0 when `to` is not after `from`): a response
 * on the first working day after its due date is 1 working day late. Weekends and holidays are not counted.
 */
export function workingDaysBetween(
  from: IsoDate, to: IsoDate, regime: Regime, extraHolidays: readonly ExtraHoliday[] = [],
): number {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(value)) throw new ClockError('clock.invalid_date', `${name}: '${value}' is not a date (YYYY-MM-DD)`);
  }
  if (to <= from) return 0;
  const calendar = calendarFor(regime, extraHolidays);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (!calendar.whyNotWorking(date)) count++;
  }
  return count;
}
