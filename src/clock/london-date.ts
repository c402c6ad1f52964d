// london-date.ts: a request is received on a calendar day in the UK, so an instant (IMAP INTERNALDATE,
// an ISO timestamp) is turned into its Europe/London date first; 23:30Z on 30 Jun is 1 Jul in BST.
import { ClockError } from './clock-error.js';
import { formatShortDay, isIsoDate, type IsoDate } from './calendar-date.js';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

// Date, then T or a space, then hh:mm[:ss[.fff]], then an optional Z or ±hh[:]mm offset.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

function londonParts(instant: Date): { date: IsoDate; time: string } {
  if (Number.isNaN(instant.getTime())) throw new ClockError('clock.invalid_date', 'the date-time is not a valid instant');
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    LONDON.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The calendar date in the UK (Europe/London, GMT or BST) of an instant. */
export function londonDateOf(instant: Date): IsoDate {
  return londonParts(instant).date;
}

/** A date of receipt (or clarification, fee…) and, for instants, how the UK date was found. */
export interface LondonDay {
  date: IsoDate;
  /** e.g. "2025-06-30T23:30Z is 00:30 on Tue 1 Jul 2025 in London"; absent for plain dates. */
  conversion?: string;
}

/**
 * Reads 'YYYY-MM-DD', an ISO date-time, or a Date. A date-time with Z or an offset is an instant and is
 * converted; one without is taken as London wall-clock time already, so its own date is the answer.
 */
export function toLondonDay(value: string | Date, field: string): LondonDay {
  if (value instanceof Date) return fromInstant(value, value.toISOString());
  const text = value.trim();
  if (isIsoDate(text)) return { date: text };
  const m = ISO_DATE_TIME.exec(text);
  if (!m || !isIsoDate(m[1]!)) {
    throw new ClockError('clock.invalid_date',
      `${field}: '${value}' is not a date (YYYY-MM-DD) or an ISO date-time (e.g. 2025-06-30T23:30:00Z)`);
  }
  if (!m[5]) return { date: m[1]! };
  return fromInstant(new Date(normaliseOffset(text)), text);
}

function fromInstant(instant: Date, original: string): LondonDay {
  const { date, time } = londonParts(instant);
  return { date, conversion: `${original} is ${time} on ${formatShortDay(date)} in London` };
}

// Date.parse wants '+01:00', not '+0100', and a 'T' separator.
function normaliseOffset(text: string): string {
  return text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
