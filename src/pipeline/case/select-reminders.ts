// select-reminders.ts: officers must be warned before a statutory deadline passes (FOIA s.10(1), FOISA s.10(1),
// UK GDPR Art 12(3)); node-cron keeps nothing, so what is due comes from the cases: idempotent, and safe after missed days.
import { createBankHolidayLookup, isIsoDate, type ExtraHoliday, type IsoDate, type Jurisdiction } from '../../clock/index.js';
import { REGIME_RULES } from '../../clock/regimes.js';
import { countWorkingDays } from '../../clock/count-working-days.js';
import { daysInclusive } from '../../clock/calendar-date.js';
import type { BankHolidayLookup } from '../../clock/bank-holiday-lookup.js';
import {
  jurisdictionCalendar, scottishCalendar, ukWideCalendar, type WorkingDayCalendar,
} from '../../clock/working-day-calendar.js';
import { CLOCK_RUNNING_STATUSES, type CaseStatus } from '../../domain/case-status.js';
import type { Regime } from '../../domain/regime.js';

/** A reminder already sent: which due date it was for and at which offset. */
export interface SentReminder {
  dueDate: IsoDate;
  offset: number;
}

export interface ReminderCase {
  caseId: number;
  status: CaseStatus;
  regime: Regime;
  /** Whose holidays end a SAR's month; the other regimes' calendars are set by statute. Default england-and-wales. */
  jurisdiction?: Jurisdiction;
  dueDate: IsoDate | null;
  /** The latest reminder sent for this case, or null. One for an earlier due date does not count. */
  lastReminder: SentReminder | null;
  /** An imported case: the London date it was imported on (its overdue reminder may be the digest). */
  importedOn?: IsoDate | null;
  /** The configured name of the mailbox the case belongs to (absent: the first). */
  mailbox?: string;
}

export type ReminderKind = 'due_soon' | 'due_today' | 'overdue';

export interface SelectedReminder {
  caseId: number;
  kind: ReminderKind;
  /** Working days before the due date (0: on the day; negative: after it). */
  offset: number;
  dueDate: IsoDate;
  /** Working days from today to the due date: positive before, 0 on the day, negative once overdue. */
  workingDaysLeft: number;
  /** Stable identity (case, due date, offset): record it when sent; a second run then selects nothing. */
  key: string;
  /** Earlier reminders whose day passed unsent (a missed run): superseded by this one, never sent. */
  superseded: number[];
}

export interface SelectRemindersInput {
  cases: readonly ReminderCase[];
  /** Today's date in Europe/London, 'YYYY-MM-DD'. */
  today: IsoDate;
  /** Working days before the due date; 0 is the due date, -1 the first working day after it. */
  offsets?: readonly number[];
  extraHolidays?: readonly ExtraHoliday[];
}

/** 5 and 2 working days before, on the due date, and the first working day after it (overdue). */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [5, 2, 0, -1];

// Enough for about four years overdue; countWorkingDays refuses spans of more than ten.
const MAX_COUNT = 1000;

function calendarFor(c: Pick<ReminderCase, 'regime' | 'jurisdiction'>, holidays: BankHolidayLookup): WorkingDayCalendar {
  const rule = REGIME_RULES[c.regime];
  if (rule.kind === 'calendar_month') return jurisdictionCalendar(holidays, c.jurisdiction ?? 'england-and-wales');
  return rule.calendar === 'uk' ? ukWideCalendar(holidays, rule.calendarLaw) : scottishCalendar(holidays, rule.calendarLaw);
}

/** Working days after `from` up to and including `to` (from < to), counted on the regime's calendar. */
function workingDaysAfter(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): number {
  const span = Math.min(daysInclusive(from, to) - 1, MAX_COUNT);
  return countWorkingDays(from, span, calendar).countedDays.filter((d) => d <= to).length;
}

export function workingDaysLeft(today: IsoDate, dueDate: IsoDate, calendar: WorkingDayCalendar): number {
  if (today === dueDate) return 0;
  return today < dueDate ? workingDaysAfter(today, dueDate, calendar) : -workingDaysAfter(dueDate, today, calendar);
}

/** Working days from today to a case's due date on its regime's calendar (negative once past). */
export function caseWorkingDaysLeft(
  c: Pick<ReminderCase, 'regime' | 'jurisdiction'> & { dueDate: IsoDate }, today: IsoDate, extraHolidays: readonly ExtraHoliday[] = [],
): number {
  return workingDaysLeft(today, c.dueDate, calendarFor(c, createBankHolidayLookup(extraHolidays)));
}

export function reminderKind(offset: number): ReminderKind {
  return offset > 0 ? 'due_soon' : offset === 0 ? 'due_today' : 'overdue';
}

function checkInput(today: IsoDate, offsets: readonly number[]): number[] {
  if (!isIsoDate(today)) throw new RangeError(`today: '${today}' is not a date (YYYY-MM-DD)`);
  const bad = offsets.find((o) => !Number.isInteger(o));
  if (bad !== undefined) throw new RangeError(`offsets: ${bad} is not a whole number of working days`);
  return [...new Set(offsets)].sort((a, b) => b - a);
}

// The latest reminder whose day has come, unless it (or a later one) was already sent for this due date.
function selectFor(c: ReminderCase & { dueDate: IsoDate }, left: number, offsets: readonly number[]): SelectedReminder | null {
  const reached = offsets.filter((o) => left <= o);
  const latest = reached.at(-1);
  if (latest === undefined) return null;
  const sent = c.lastReminder?.dueDate === c.dueDate ? c.lastReminder.offset : null;
  if (sent !== null && sent <= latest) return null;
  return {
    caseId: c.caseId, kind: reminderKind(latest), offset: latest, dueDate: c.dueDate, workingDaysLeft: left,
    key: `reminder:${c.caseId}:${c.dueDate}:${latest}`,
    superseded: reached.filter((o) => o !== latest && (sent === null || o < sent)),
  };
}

/** The reminders to send today: at most one per case with a running clock, never one already sent. */
export function selectReminders(input: SelectRemindersInput): SelectedReminder[] {
  const offsets = checkInput(input.today, input.offsets ?? DEFAULT_REMINDER_OFFSETS);
  if (offsets.length === 0) return [];
  const holidays = createBankHolidayLookup(input.extraHolidays ?? []);
  const selected: SelectedReminder[] = [];
  for (const c of input.cases) {
    if (!CLOCK_RUNNING_STATUSES.includes(c.status) || c.dueDate === null) continue;
    const left = workingDaysLeft(input.today, c.dueDate, calendarFor(c, holidays));
    const reminder = selectFor({ ...c, dueDate: c.dueDate }, left, offsets);
    if (reminder) selected.push(reminder);
  }
  return selected;
}
