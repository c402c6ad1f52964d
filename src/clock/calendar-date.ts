// calendar-date.ts: statutory periods are counted in whole calendar days, so a date here is a plain
// 'YYYY-MM-DD' string with no time or zone; arithmetic goes through UTC midnight, which has no DST.
import { ClockError } from './clock-error.js';

/** A calendar date, 'YYYY-MM-DD'. Lexical order is date order. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** True for a well-formed date that exists (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new ClockError('clock.invalid_date', `'${date}' is not a date in the form YYYY-MM-DD`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return isoDateOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Number of calendar days from `from` to `to`, both included (12 Mar..20 Mar = 9). */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY) + 1;
}

/**
 * The corresponding date `months` later; when that month is too short, its last day (UK GDPR
 * Art 12(3) month as the ICO reads it: 31 Jan → 28/29 Feb). `clamped` says the day did not exist.
 */
export function addMonthsClamped(date: IsoDate, months: number): { date: IsoDate; clamped: boolean } {
  const [y, m, d] = parts(date);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = daysInMonth(year, month);
  return { date: isoDateOf(year, month, Math.min(d, last)), clamped: d > last };
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

/** 'Tue 27 Jun 2017': the form used in `explain`, with the weekday so an officer can check it. */
export function formatShortDay(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${WEEKDAYS[dayOfWeek(date)]} ${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/** '27 June 2017': the form used in letters to requesters. */
export function formatLongDate(date: IsoDate): string {
  if (!isIsoDate(date)) throw new ClockError('clock.invalid_date', `'${date}' is not a valid date (YYYY-MM-DD)`);
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** '3 Jun', for compact lists of weekend days. */
export function formatDayMonth(date: IsoDate): string {
  const [, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)}`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
