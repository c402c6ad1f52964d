// count-working-days.ts: the two moves every deadline is made of, counting N working days after a date
// and rolling a date forward to a working day, each recording the days it passed over and why.
import type { WorkingDayCalendar } from './working-day-calendar.js';
import { addDays, type IsoDate } from './calendar-date.js';

export interface SkippedDay {
  date: IsoDate;
  kind: 'weekend' | 'holiday' | 'disregarded';
  why: string;
}

/** A working day that is a holiday elsewhere but still counts (e.g. Easter Monday under FOISA). */
export interface DayNote {
  date: IsoDate;
  text: string;
}

/** Working days that must not be counted although they are working days (FOIA s.10(2) fees period). */
export interface Disregard {
  from: IsoDate;
  to: IsoDate;
  why: string;
}

export interface WorkingDayCount {
  /** The counted days in order: [0] is day one, the last is the due date. */
  countedDays: IsoDate[];
  skipped: SkippedDay[];
  notes: DayNote[];
}

// A ceiling no real count reaches, so a calendar that wrongly marks every day as a holiday cannot hang.
const MAX_CALENDAR_DAYS = 3660;

function inspect(date: IsoDate, calendar: WorkingDayCalendar, disregard?: Disregard): SkippedDay | null {
  const off = calendar.whyNotWorking(date);
  if (off) return { date, kind: off.kind, why: off.kind === 'weekend' ? 'weekend' : off.why };
  if (disregard && date >= disregard.from && date <= disregard.to) return { date, kind: 'disregarded', why: disregard.why };
  return null;
}

/** Counts `count` working days starting the day after `after` (the date of receipt is day zero). */
export function countWorkingDays(
  after: IsoDate, count: number, calendar: WorkingDayCalendar, disregard?: Disregard,
): WorkingDayCount {
  const result: WorkingDayCount = { countedDays: [], skipped: [], notes: [] };
  let date = after;
  for (let guard = 0; result.countedDays.length < count; guard++) {
    if (guard > MAX_CALENDAR_DAYS) throw new Error(`no ${count} working days found within ${MAX_CALENDAR_DAYS} days of ${after}`);
    date = addDays(date, 1);
    const skip = inspect(date, calendar, disregard);
    if (skip) {
      result.skipped.push(skip);
      continue;
    }
    result.countedDays.push(date);
    const note = calendar.noteOnWorkingDay(date);
    if (note) result.notes.push({ date, text: note });
  }
  return result;
}

/** `date` itself if it is a working day, else the next one. */
export function rollForwardToWorkingDay(
  date: IsoDate, calendar: WorkingDayCalendar,
): { date: IsoDate; skipped: SkippedDay[]; notes: DayNote[] } {
  const skipped: SkippedDay[] = [];
  let current = date;
  for (let skip = inspect(current, calendar); skip; skip = inspect(current, calendar)) {
    if (skipped.length > MAX_CALENDAR_DAYS) throw new Error(`no working day found after ${date}`);
    skipped.push(skip);
    current = addDays(current, 1);
  }
  const note = calendar.noteOnWorkingDay(current);
  return { date: current, skipped, notes: note ? [{ date: current, text: note }] : [] };
}
