// An oracle for the statutory clock's property tests, written from the official bank-holiday file
// (shared/data/uk-bank-holidays.json) and the rules in research/uk-foi-rules.md §0. It shares no code with
// src/clock: its own day arithmetic, Easter, BST rule and month arithmetic; and the generators of receipts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Extension, Jurisdiction, Regime } from '../../../src/clock/clock-types.js';
// ---------------------------------------------------------------------------------------------------------
// Oracle: day arithmetic on UTC midnights.
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const msOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const isoOfMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayIndexOf = (iso: string) => Math.round(msOf(iso) / DAY_MS);
export const isoOfDayIndex = (index: number) => isoOfMs(index * DAY_MS);
export const plusDays = (iso: string, days: number) => isoOfDayIndex(dayIndexOf(iso) + days);
export const daysBetween = (from: string, to: string) => dayIndexOf(to) - dayIndexOf(from);
export const weekdayOf = (iso: string) => new Date(msOf(iso)).getUTCDay();

// The official data, restricted to the years the oracle vouches for; any other year is out of its knowledge.
export const ORACLE_FIRST_YEAR = 2013;
export const ORACLE_LAST_YEAR = 2027;
export const DIVISIONS: readonly Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];
// The official gov.uk dates 2012–2027 (facts), kept beside the test as the oracle's own copy.
export const dataPath = fileURLToPath(new URL('./uk-bank-holidays.official.json', import.meta.url));
export const official = JSON.parse(readFileSync(dataPath, 'utf8')) as Record<Jurisdiction, string[]>;
export const holidaysIn = new Map<Jurisdiction, Set<string>>(DIVISIONS.map((division) => [division, new Set(
  official[division].filter((d) => Number(d.slice(0, 4)) >= ORACLE_FIRST_YEAR && Number(d.slice(0, 4)) <= ORACLE_LAST_YEAR),
)]));

/** Skips the current run (fc.pre) when a date lies outside the years the oracle has data for. */
export function known(iso: string): void {
  const year = Number(iso.slice(0, 4));
  fc.pre(year >= ORACLE_FIRST_YEAR && year <= ORACLE_LAST_YEAR);
}

// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
export function goodFridayOf(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return plusDays(`${year}-${pad(month)}-${pad(day)}`, -2);
}

export type OracleCalendar = 'uk' | 'scotland' | Jurisdiction;
export const isWeekend = (iso: string) => weekdayOf(iso) === 0 || weekdayOf(iso) === 6;

/** FOIA s.10(6): weekends, 25 Dec, Good Friday, a bank holiday anywhere in the UK; FOISA s.73: Scotland's. */
export function isWorkingDay(calendar: OracleCalendar, iso: string): boolean {
  known(iso);
  if (isWeekend(iso)) return false;
  if (calendar === 'uk') {
    if (iso.endsWith('-12-25') || iso === goodFridayOf(Number(iso.slice(0, 4)))) return false;
    return !DIVISIONS.some((division) => holidaysIn.get(division)!.has(iso));
  }
  if (calendar === 'scotland' && iso.endsWith('-12-25')) return false;
  return !holidaysIn.get(calendar)!.has(iso);
}

/** The working days after `received` (day zero), in order, until `count` are found; `skip` days do not count. */
export function workingDaysAfter(calendar: OracleCalendar, received: string, count: number, skip?: [string, string]): string[] {
  const days: string[] = [];
  for (let d = plusDays(received, 1); days.length < count; d = plusDays(d, 1)) {
    if (!isWorkingDay(calendar, d)) continue;
    if (skip && d >= skip[0] && d <= skip[1]) continue;
    days.push(d);
  }
  return days;
}

export const nthWorkingDayAfter = (calendar: OracleCalendar, received: string, n: number, skip?: [string, string]) =>
  workingDaysAfter(calendar, received, n, skip)[n - 1]!;

export function rollForward(calendar: OracleCalendar, iso: string): string {
  let d = iso;
  while (!isWorkingDay(calendar, d)) d = plusDays(d, 1);
  return d;
}

/** The same day number `months` later, or that month's last day when it has no such day. */
export function correspondingDate(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12), month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(Number(iso.slice(8, 10)), lastDay))}`;
}

// Europe/London: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
export function lastSundayMs(year: number, month: number): number {
  const last = Date.UTC(year, month, 0);
  return last - new Date(last).getUTCDay() * DAY_MS;
}
export function londonDateOfMs(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  const bst = ms >= lastSundayMs(year, 3) + HOUR_MS && ms < lastSundayMs(year, 10) + HOUR_MS;
  return isoOfMs(ms + (bst ? HOUR_MS : 0));
}

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 'Tue 27 Jun 2017', the way `explain` names a day. */
export const spoken = (iso: string) =>
  `${WEEKDAY_NAMES[weekdayOf(iso)]} ${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------------------
// Generators.
export const WORKING_DAY_REGIMES = [
  'foi', 'eir', 'foisa', 'eisr', 'foi_review', 'eir_review', 'foisa_review', 'eisr_review',
] as const satisfies readonly Regime[];
export type WorkingDayRegime = (typeof WORKING_DAY_REGIMES)[number];
export const PERIOD: Record<WorkingDayRegime, number> = {
  foi: 20, eir: 20, foisa: 20, eisr: 20, foi_review: 20, eir_review: 40, foisa_review: 20, eisr_review: 20,
};
export const CALENDAR: Record<WorkingDayRegime, 'uk' | 'scotland'> = {
  foi: 'uk', eir: 'uk', foi_review: 'uk', eir_review: 'uk',
  foisa: 'scotland', eisr: 'scotland', foisa_review: 'scotland', eisr_review: 'scotland',
};
export const CLARIFIABLE = ['foi', 'eir', 'foisa', 'eisr'] as const satisfies readonly WorkingDayRegime[];
export const EXTENDABLE = [
  ['foi', 'pit'], ['eir', 'complex'], ['eisr', 'complex'], ['foi_review', 'complex'],
] as const satisfies ReadonlyArray<readonly [WorkingDayRegime, Extension]>;
export const ALL_REGIMES: readonly Regime[] = [...WORKING_DAY_REGIMES, 'sar'];

export const regimeArb = fc.constantFrom(...WORKING_DAY_REGIMES);
export const jurisdictionArb = fc.constantFrom(...DIVISIONS);

export type Form = 'date' | 'local' | 'utc' | 'space' | '+01:00' | '-05:00' | '+0530' | 'Date';
export const FORMS: readonly Form[] = ['date', 'local', 'utc', 'space', '+01:00', '-05:00', '+0530', 'Date'];
export const OFFSET_MS: Partial<Record<Form, number>> = { '+01:00': HOUR_MS, '-05:00': -5 * HOUR_MS, '+0530': 5.5 * HOUR_MS };

export interface Receipt {
  /** What is passed as `received`. */
  input: string | Date;
  /** The UK date the oracle expects for it. */
  london: string;
}

export function receipt(dayIndex: number, secondOfDay: number, form: Form): Receipt {
  const date = isoOfDayIndex(dayIndex);
  const hh = pad(Math.floor(secondOfDay / 3600)), mm = pad(Math.floor(secondOfDay / 60) % 60), ss = pad(secondOfDay % 60);
  const wallMs = msOf(date) + secondOfDay * 1000;
  switch (form) {
    case 'date': return { input: date, london: date };
    case 'local': return { input: `${date}T${hh}:${mm}:${ss}`, london: date }; // no zone: already London time
    case 'utc': return { input: `${date}T${hh}:${mm}:${ss}Z`, london: londonDateOfMs(wallMs) };
    case 'space': return { input: `${date} ${hh}:${mm}Z`, london: londonDateOfMs(wallMs - (secondOfDay % 60) * 1000) };
    case 'Date': return { input: new Date(wallMs), london: londonDateOfMs(wallMs) };
    default: {
      const offset = OFFSET_MS[form]!;
      return { input: `${date}T${hh}:${mm}:${ss}${form}`, london: londonDateOfMs(wallMs - offset) };
    }
  }
}

// Every bank holiday in the oracle's years, in any division: half the receipts are drawn near one, so that
// rare days (St Patrick's Day, 12 July, St Andrew's Day, one-off proclamations) are met often.
export const ALL_HOLIDAY_DAYS = [...new Set(DIVISIONS.flatMap((division) => [...holidaysIn.get(division)!]))].sort().map(dayIndexOf);

/**
 * A date of receipt between two dates (inclusive), as a plain date or a date-time in some zone: either
 * uniform, or `near` days (e.g. [-45, 3]) from a bank holiday.
 */
export const receiptArb = (first = '2013-01-01', last = '2027-12-31', near: [number, number] = [-45, 3]) => {
  const [min, max] = [dayIndexOf(first), dayIndexOf(last)];
  const uniform = fc.integer({ min, max });
  const nearHoliday = fc.tuple(fc.constantFrom(...ALL_HOLIDAY_DAYS), fc.integer({ min: near[0], max: near[1] }))
    .map(([holiday, offset]) => holiday + offset).filter((day) => day >= min && day <= max);
  return fc.tuple(fc.oneof(uniform, nearHoliday), fc.integer({ min: 0, max: 86_399 }), fc.constantFrom(...FORMS))
    .map(([day, second, form]) => receipt(day, second, form));
};

export const show = (r: Receipt) => (r.input instanceof Date ? `Date(${r.input.toISOString()})` : r.input);

// The first SAR date is 25 May 2018 (UK GDPR); a day later so that no zone offset lands before it. Receipts
// about a month before a holiday put the corresponding date on or just before it.
export const sarReceiptArb = receiptArb('2018-05-26', '2027-12-31', [-34, -27]);
