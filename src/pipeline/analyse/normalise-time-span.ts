// Turns the requester's period ("last 5 years", "since 2019", "financial years 2021/22 to 2023/24") into
// calendar dates, so that officers and the cost estimate see the same range whatever words were used.
import type { TimeSpanRange as DateRange } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20,
};

/** Date expressions inside a period, in the order tried at each position. */
const DATE_TOKEN = new RegExp([
  String.raw`\b${DAY}\s(${MONTH}),?(?:\s((?:19|20)\d{2}))?\b`,
  String.raw`\b(${MONTH})\s${DAY},?\s((?:19|20)\d{2})\b`,
  String.raw`\b(${MONTH}),?\s((?:19|20)\d{2})\b`,
  String.raw`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`,
  String.raw`\b((?:19|20)\d{2})\s?[/-]\s?(\d{2})(?!\d)`,
  String.raw`\b((?:19|20)\d{2})\b`,
  String.raw`\b(present|now|today|to date|date|current)\b`,
].map((s) => `(?:${s})`).join('|'), 'gi');

const RELATIVE = /\b(?:last|past|previous|preceding)\s(?:(\d{1,2}|[a-z]+)\s)?(?:full\s)?(?:calendar\s|financial\s|academic\s)?(years?|months?|weeks?|days?|decades?)\b/i;

interface Bound {
  start: Date;
  end: Date;
  /** A day-and-month without a year ("1 January") takes its year from the other bound. */
  yearless?: boolean;
  isNow?: boolean;
}

/**
 * The period as dates. Relative periods ("last 5 years", "since 2019", "to date") need the date the
 * request was received; without it they give null. A period with no date in it gives null.
 */
export function normaliseTimeSpan(span: string, receivedAt?: Date): DateRange | null {
  const received = receivedAt ? londonDate(receivedAt) : null;
  const relative = RELATIVE.exec(span);
  if (relative) return received ? lastPeriod(relative, received) : null;
  const bounds = readBounds(span, received);
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (!first || !last) return null;
  if (first.yearless && !last.yearless) inheritYear(first, last.start.getUTCFullYear());
  const isSince = /^\s*since\b/i.test(span) || /\b(onwards|to date|to the present|until now|up to now)\b/i.test(span);
  if (first === last && isSince) return received ? range(first.start, received) : null;
  if (first.isNow) return null;
  return range(first.start, last.end);
}

function lastPeriod(m: RegExpExecArray, received: Date): DateRange | null {
  const count = m[1] === undefined ? 1 : Number(m[1]) || NUMBER_WORDS[m[1].toLowerCase()] || 1;
  const unit = (m[2] ?? 'year').toLowerCase().replace(/s$/, '');
  const from = new Date(received);
  if (unit === 'decade') from.setUTCFullYear(from.getUTCFullYear() - 10 * count);
  else if (unit === 'year') from.setUTCFullYear(from.getUTCFullYear() - count);
  else if (unit === 'month') from.setUTCMonth(from.getUTCMonth() - count);
  else from.setUTCDate(from.getUTCDate() - count * (unit === 'week' ? 7 : 1));
  return range(from, received);
}

function readBounds(span: string, received: Date | null): Bound[] {
  const financial = !/\b(calendar|academic)\b/i.test(span);
  const academic = /\bacademic\b/i.test(span);
  const bounds: Bound[] = [];
  for (const m of allMatches(DATE_TOKEN, span)) {
    const bound = toBound(m, { financial, academic, received });
    if (bound) bounds.push(bound);
  }
  return bounds;
}

interface BoundContext {
  financial: boolean;
  academic: boolean;
  received: Date | null;
}

function toBound(m: RegExpMatchArray, ctx: BoundContext): Bound | null {
  const g = (i: number) => m[i];
  if (g(1) && g(2)) return day(Number(g(3) ?? 2000), monthIndex(g(2)), Number(g(1)), g(3) === undefined);
  if (g(4) && g(5)) return day(Number(g(6)), monthIndex(g(4)), Number(g(5)));
  if (g(7) && g(8)) return month(Number(g(8)), monthIndex(g(7)));
  if (g(9) && g(10) && g(11)) return day(fullYear(g(11)), Number(g(10)) - 1, Number(g(9)));
  if (g(12) && g(13)) return splitYear(Number(g(12)), ctx);
  if (g(14)) return year(Number(g(14)));
  if (g(15) && ctx.received) return { start: ctx.received, end: ctx.received, isNow: true };
  return null;
}

/** "2021/22": a financial year (April–March) unless the period says academic (September–August). */
function splitYear(first: number, ctx: BoundContext): Bound {
  const startMonth = ctx.academic ? 8 : ctx.financial ? 3 : 0;
  if (startMonth === 0) return year(first);
  return { start: utc(first, startMonth, 1), end: utc(first + 1, startMonth, 0) };
}

function day(y: number, m: number, d: number, yearless = false): Bound {
  return { start: utc(y, m, d), end: utc(y, m, d), yearless };
}

function month(y: number, m: number): Bound {
  return { start: utc(y, m, 1), end: utc(y, m + 1, 0) };
}

function year(y: number): Bound {
  return { start: utc(y, 0, 1), end: utc(y, 11, 31) };
}

function inheritYear(bound: Bound, y: number): void {
  bound.start.setUTCFullYear(y);
  bound.end.setUTCFullYear(y);
}

function monthIndex(name: string | undefined): number {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index < 0 ? 0 : index;
}

function fullYear(text: string | undefined): number {
  const n = Number(text ?? 0);
  return n < 100 ? 2000 + n : n;
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d));
}

function range(from: Date, to: Date): DateRange | null {
  if (from.getTime() > to.getTime()) return null;
  return { from: isoDate(from), to: isoDate(to) };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date of receipt in Europe/London, as a UTC midnight. */
const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

function londonDate(at: Date): Date {
  return new Date(`${LONDON.format(at)}T00:00:00Z`);
}
