// working-day-calendar.ts: which days stop the clock differs by statute (FOIA s.10(6): a bank holiday in any
// part of the UK; FOISA s.73: Scotland's only; a SAR: the controller's own), and each skip must say why.
import { JURISDICTIONS, JURISDICTION_NAMES, type Jurisdiction } from './clock-types.js';
import type { BankHolidayEntry, BankHolidayLookup } from './bank-holiday-lookup.js';
import { goodFriday } from './bank-holiday-rules.js';
import { isWeekend, yearOf, type IsoDate } from './calendar-date.js';

export type NonWorkingDay = { kind: 'weekend' } | { kind: 'holiday'; why: string };

export interface WorkingDayCalendar {
  /** One sentence: which days do not count, and the law that says so. */
  readonly rule: string;
  whyNotWorking(date: IsoDate): NonWorkingDay | null;
  /** For a working day that is a bank holiday elsewhere: why it still counts; otherwise null. */
  noteOnWorkingDay(date: IsoDate): string | null;
}

function names(entries: readonly BankHolidayEntry[]): string {
  return [...new Set(entries.map((e) => e.name))].join(' / ');
}

function divisionList(entries: readonly BankHolidayEntry[]): string {
  const divisions = JURISDICTIONS.filter((d) => entries.some((e) => e.division === d));
  return divisions.map((d) => JURISDICTION_NAMES[d]).join(' and ');
}

// Tells the officer when a day is not (yet) on the official list, so it can be checked.
function provenance(entries: readonly BankHolidayEntry[]): string {
  if (entries.some((e) => e.source === 'administrator')) return ' (added by an administrator)';
  if (entries.every((e) => e.source === 'projected')) {
    return ' (projected from the usual pattern: not on the official gov.uk list this release holds)';
  }
  return '';
}

/** FOIA s.10(6), which the EIR adopt (reg 2(1)): a bank holiday anywhere in the UK is not a working day. */
export function ukWideCalendar(holidays: BankHolidayLookup, law: string): WorkingDayCalendar {
  return {
    rule: `working days exclude weekends, Christmas Day, Good Friday and bank holidays in any part of the UK (${law})`,
    whyNotWorking(date) {
      if (isWeekend(date)) return { kind: 'weekend' };
      const all = holidays.on(date);
      if (all.length === JURISDICTIONS.length) {
        return { kind: 'holiday', why: `${names(all)}, a bank holiday throughout the UK${provenance(all)}` };
      }
      if (all.length > 0) {
        return { kind: 'holiday',
          why: `${names(all)}, a bank holiday in ${divisionList(all)} only, which counts UK-wide under ${law}${provenance(all)}` };
      }
      return statutoryDay(date, law, true);
    },
    noteOnWorkingDay: () => null,
  };
}

/** FOISA s.73, which the EISR adopt: only Scotland's bank holidays (and Christmas Day) stop the clock. */
export function scottishCalendar(holidays: BankHolidayLookup, law: string): WorkingDayCalendar {
  const inScotland = (date: IsoDate) => holidays.on(date).filter((e) => e.division === 'scotland');
  return {
    rule: `working days exclude weekends, Christmas Day and bank holidays in Scotland only (${law})`,
    whyNotWorking(date) {
      if (isWeekend(date)) return { kind: 'weekend' };
      const scottish = inScotland(date);
      if (scottish.length > 0) {
        return { kind: 'holiday', why: `${names(scottish)}, a bank holiday in Scotland (${law})${provenance(scottish)}` };
      }
      return statutoryDay(date, law, false);
    },
    noteOnWorkingDay(date) {
      const elsewhere = holidays.on(date);
      if (elsewhere.length === 0 || inScotland(date).length > 0) return null;
      return `${names(elsewhere)} is a bank holiday in ${divisionList(elsewhere)} but not in Scotland, so it counts under ${law}`;
    },
  };
}

/** A SAR's month ends on the next working day of the controller's own part of the UK (ICO guidance). */
export function jurisdictionCalendar(holidays: BankHolidayLookup, jurisdiction: Jurisdiction): WorkingDayCalendar {
  const place = JURISDICTION_NAMES[jurisdiction];
  const local = (date: IsoDate) => holidays.on(date).filter((e) => e.division === jurisdiction);
  return {
    rule: `a date on a weekend or a public holiday in ${place} moves to the next working day (ICO guidance)`,
    whyNotWorking(date) {
      if (isWeekend(date)) return { kind: 'weekend' };
      const own = local(date);
      return own.length > 0 ? { kind: 'holiday', why: `${names(own)}, a public holiday in ${place}${provenance(own)}` } : null;
    },
    noteOnWorkingDay(date) {
      const elsewhere = holidays.on(date);
      if (elsewhere.length === 0 || local(date).length > 0) return null;
      return `${names(elsewhere)} is a bank holiday in ${divisionList(elsewhere)} but not in ${place}, so it is a working day for this controller`;
    },
  };
}

// Christmas Day (and, for FOIA, Good Friday) are excluded by name even if no list holds them.
function statutoryDay(date: IsoDate, law: string, goodFridayToo: boolean): NonWorkingDay | null {
  if (date.endsWith('-12-25')) return { kind: 'holiday', why: `Christmas Day, excluded by name in ${law}` };
  if (goodFridayToo && date === goodFriday(yearOf(date))) {
    return { kind: 'holiday', why: `Good Friday, excluded by name in ${law}` };
  }
  return null;
}
