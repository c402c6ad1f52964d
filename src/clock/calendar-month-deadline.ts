// calendar-month-deadline.ts: a subject access request is due one calendar month after receipt (UK GDPR
// Art 12(3), day of receipt = day one per ICO), on the next working day if that is a weekend or holiday.
import type { DeadlineResult } from './clock-types.js';
import type { CheckedDeadlineInput } from './deadline-input.js';
import type { BankHolidayLookup } from './bank-holiday-lookup.js';
import type { CalendarMonthRegime } from './regimes.js';
import { jurisdictionCalendar, type WorkingDayCalendar } from './working-day-calendar.js';
import { rollForwardToWorkingDay } from './count-working-days.js';
import { dayLines, inDateOrder, receivedLine, weekendLines } from './explain-lines.js';
import {
  addDays, addMonthsClamped, daysInclusive, formatDayMonth, formatShortDay, yearOf, type IsoDate,
} from './calendar-date.js';

// Before 15 Aug 2019 the ICO counted the month from the day after receipt (research §2.9).
const ICO_DAY_ONE_CHANGE = '2019-08-15';

function monthLine(received: IsoDate, months: number, regime: CalendarMonthRegime): { line: string; date: IsoDate } {
  const target = addMonthsClamped(received, months);
  const span = months === 1 ? 'one month' : `${months === 3 ? 'three' : months} months`;
  const law = months === 1 ? regime.periodLaw : regime.extensions.complex?.law;
  // e.g. "31 Feb 2025 does not exist": the receipt's day number in the target month.
  const wanted = `${Number(received.slice(8))} ${formatDayMonth(target.date).split(' ')[1]} ${yearOf(target.date)}`;
  const missing = target.clamped ? `${wanted} does not exist, so the last day of that month, ` : 'the corresponding date, ';
  return { date: target.date, line: `${span} after receipt (${law}): ${missing}${formatShortDay(target.date)}` };
}

function pauseLine(input: CheckedDeadlineInput, regime: CalendarMonthRegime, from: IsoDate): { line: string; days: number } | null {
  const sought = input.clarificationSought, answered = input.clarificationReceived;
  if (!sought || !answered) return null;
  const days = daysInclusive(sought.date, answered.date);
  const to = addDays(from, days);
  return {
    days,
    line: `clarification sought ${formatShortDay(sought.date)}, received ${formatShortDay(answered.date)}: the clock stops for ` +
      `${days} calendar day${days === 1 ? '' : 's'}, both included (${regime.clarificationLaw}), so ` +
      `${formatShortDay(from)} + ${days} = ${formatShortDay(to)}`,
  };
}

// With an extension the requester must still hear, within the first month, that it is being used.
function extensionNotice(input: CheckedDeadlineInput, calendar: WorkingDayCalendar, months: number, pausedDays: number): string[] {
  if (months === 1) return [];
  const oneMonth = addDays(addMonthsClamped(input.received.date, 1).date, pausedDays);
  const noticeBy = rollForwardToWorkingDay(oneMonth, calendar).date;
  const chained = addDays(addMonthsClamped(addMonthsClamped(input.received.date, 1).date, months - 1).date, pausedDays);
  const lines = [`the requester must be told of the extension, with reasons, within the first month: by ${formatShortDay(noticeBy)}`];
  const extended = addDays(addMonthsClamped(input.received.date, months).date, pausedDays);
  if (chained < extended) {
    lines.push(`caution: reading the extension as one month then two more would give ${formatShortDay(chained)} (before any roll forward)`);
  }
  return lines;
}

export function calendarMonthDeadline(
  input: CheckedDeadlineInput, regime: CalendarMonthRegime, holidays: BankHolidayLookup,
): DeadlineResult {
  const calendar = jurisdictionCalendar(holidays, input.jurisdiction);
  const received = input.received.date;
  const months = input.extension === 'complex' ? regime.extensions.complex?.months ?? 1 : 1;
  const month = monthLine(received, months, regime);
  const pause = pauseLine(input, regime, month.date);
  const target = addDays(month.date, pause?.days ?? 0);
  const rolled = rollForwardToWorkingDay(target, calendar);
  const historical = received < ICO_DAY_ONE_CHANGE
    ? ['note: before 15 Aug 2019 the ICO counted the month from the day after receipt; this uses the current reading'] : [];
  const explain = [
    `${regime.title}: due one calendar month after the day of receipt (${regime.periodLaw}); ${calendar.rule}`,
    receivedLine(input.received, ' (day one: the day of receipt itself, whether or not a working day; ICO guidance)'),
    ...historical,
    month.line,
    ...(pause ? [pause.line] : []),
    ...extensionNotice(input, calendar, months, pause?.days ?? 0),
    ...inDateOrder(dayLines(rolled.skipped, rolled.notes)),
    ...weekendLines(rolled.skipped),
    rolled.date === target
      ? `due: ${formatShortDay(rolled.date)}`
      : `due: ${formatShortDay(rolled.date)} (next working day after ${formatShortDay(target)})`,
  ];
  return { regime: input.regime, received, dayOne: received, dueDate: rolled.date, explain };
}
