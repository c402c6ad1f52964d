// index.ts: the statutory clock's public surface, so the rest of the app imports one path and the
// internals (rules, calendars, counting) can be rearranged freely.
export { workingDaysBetween } from './working-days-between.js';
export { computeDeadline, type DeadlineInput, type DeadlineResult } from './compute-deadline.js';
export { londonDateOf, toLondonDay, type LondonDay } from './london-date.js';
export { addDays, formatLongDate, isIsoDate, type IsoDate } from './calendar-date.js';
export { ClockError, isClockError, type ClockErrorCode } from './clock-error.js';
export { createBankHolidayLookup, type BankHolidayEntry, type BankHolidayLookup } from './bank-holiday-lookup.js';
export {
  EXTENSIONS, JURISDICTIONS, REGIMES, isExtension, isJurisdiction, isRegime,
  type Extension, type ExtraHoliday, type Jurisdiction, type Regime,
} from './clock-types.js';
