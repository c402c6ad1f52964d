// working-day-deadline.ts: FOIA, EIR, FOISA, EISR and their reviews: the Nth working day after the date
// of receipt, which a clarification resets (FOIA s.10(6)(b)) and a fees notice pauses (s.10(2)).
import type { DeadlineResult } from './clock-types.js';
import type { CheckedDeadlineInput } from './deadline-input.js';
import type { BankHolidayLookup } from './bank-holiday-lookup.js';
import type { WorkingDayRegime } from './regimes.js';
import { scottishCalendar, ukWideCalendar } from './working-day-calendar.js';
import { countWorkingDays, type Disregard, type WorkingDayCount } from './count-working-days.js';
import { dayLines, inDateOrder, receivedLine, weekendLines } from './explain-lines.js';
import { formatShortDay, ordinal } from './calendar-date.js';

function clarificationLines(input: CheckedDeadlineInput, regime: WorkingDayRegime): string[] {
  const clarified = input.clarificationReceived;
  if (!clarified) return [];
  const sought = input.clarificationSought ? `sought ${formatShortDay(input.clarificationSought.date)} and ` : '';
  return [
    `clarification ${sought}received ${formatShortDay(clarified.date)}${clarified.conversion ? ` (${clarified.conversion})` : ''}: ` +
      `the ${regime.days} working days start again from the day it was received, not a pause (${regime.clarificationLaw})`,
  ];
}

function feeDisregard(input: CheckedDeadlineInput, regime: WorkingDayRegime): Disregard | undefined {
  if (!input.feeNoticeGiven || !input.feeReceived) return undefined;
  return { from: input.feeNoticeGiven.date, to: input.feeReceived.date, why: `fees period (${regime.feeLaw})` };
}

function feeLines(disregard: Disregard | undefined, count: WorkingDayCount, regime: WorkingDayRegime): string[] {
  if (!disregard) return [];
  const days = count.skipped.filter((s) => s.kind === 'disregarded').length;
  return [
    `fees notice given ${formatShortDay(disregard.from)}, fee received ${formatShortDay(disregard.to)}: ` +
      `the working days from one to the other, both included, are disregarded (${regime.feeLaw}): ${days} working day${days === 1 ? '' : 's'}`,
  ];
}

function dayOneLine(count: WorkingDayCount, input: CheckedDeadlineInput): { date: string; line: string } {
  const dayOne = count.countedDays[0]!;
  const after = input.clarificationReceived ? 'the clarification was received' : 'receipt';
  const disregarded = count.skipped.some((s) => s.kind === 'disregarded' && s.date < dayOne) ? ' that is not disregarded' : '';
  return { date: dayOne, line: `day one: ${formatShortDay(dayOne)} (first working day after ${after}${disregarded})` };
}

export function workingDayDeadline(
  input: CheckedDeadlineInput, regime: WorkingDayRegime, holidays: BankHolidayLookup,
): DeadlineResult {
  const calendar = regime.calendar === 'uk'
    ? ukWideCalendar(holidays, regime.calendarLaw)
    : scottishCalendar(holidays, regime.calendarLaw);
  const extension = input.extension ? regime.extensions[input.extension] : undefined;
  const days = extension?.days ?? regime.days;
  const dateOfReceipt = (input.clarificationReceived ?? input.received).date;
  const disregard = feeDisregard(input, regime);
  const count = countWorkingDays(dateOfReceipt, days, calendar, disregard);
  const dueDate = count.countedDays[days - 1]!;
  const explain = [
    `${regime.title}: due on the ${ordinal(regime.days)} working day after the date of receipt (${regime.periodLaw}); ${calendar.rule}`,
    receivedLine(input.received),
    ...clarificationLines(input, regime),
    ...feeLines(disregard, count, regime),
    ...inDateOrder([dayOneLine(count, input), ...dayLines(count.skipped, count.notes)]),
    ...weekendLines(count.skipped),
  ];
  if (extension) {
    const original = count.countedDays[regime.days - 1]!;
    explain.push(`extension (${input.extension}): the ${ordinal(days)} working day (${extension.law}); ` +
      `${extension.notice}: ${formatShortDay(original)}`);
  }
  explain.push(`due: ${ordinal(days)} working day, ${formatShortDay(dueDate)}`);
  return { regime: input.regime, received: input.received.date, dayOne: count.countedDays[0]!, dueDate, explain };
}
