// FOI_ACKNOWLEDGE_SINCE: from when mail is acknowledged. A team switching foi-intake on over a mailbox
// that already holds months of requests must not have every one of them answered "today" with a stale date.
import { AppError } from '../errors.js';
import { isIsoDate } from '../clock/index.js';

/**
 * `all`: every message is acknowledged (tests, the demo); `first-seen` (default): only mail received
 * after foi-intake first read the mailbox; `since`: only mail received at or after a fixed instant.
 */
export type AcknowledgeSince =
  | { mode: 'all' }
  | { mode: 'first-seen' }
  | { mode: 'since'; at: Date };

// Date, then T or a space, then hh:mm[:ss[.fff]], then an optional Z or ±hh[:]mm offset.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

// The statutory rights of access began on 1 January 2005; a later date than 2099 is a typing slip.
const FIRST = '2005-01-01';
const LAST = '2099-12-31';

const EXPECTED = 'must be all, first-seen, a date (YYYY-MM-DD) or an ISO date-time (e.g. 2026-03-02T09:00:00Z)';

export function parseAcknowledgeSince(variable: string, value: string): AcknowledgeSince {
  const text = value.trim();
  const lower = text.toLowerCase();
  if (lower === 'all') return { mode: 'all' };
  if (lower === 'first-seen') return { mode: 'first-seen' };
  const at = instantOf(text);
  if (!at) throw new AppError('config.invalid', `${variable}: ${EXPECTED}`);
  const day = text.slice(0, 10);
  if (day < FIRST || day > LAST) throw new AppError('config.invalid', `${variable}: ${day} is outside ${FIRST} to ${LAST}`);
  return { mode: 'since', at };
}

/** A plain date is the start of that day in the UK; a date-time without an offset is UK wall-clock time. */
function instantOf(text: string): Date | null {
  if (isIsoDate(text)) return londonWallClock(text, 0, 0, 0, 0);
  const m = DATE_TIME.exec(text);
  if (!m || !isIsoDate(m[1]!)) return null;
  if (m[6]) {
    const offset = m[6].toUpperCase() === 'Z' ? 'Z' : m[6].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    const instant = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] ? `.${m[5].slice(0, 3)}` : ''}${offset}`);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  return londonWallClock(m[1]!, Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number((m[5] ?? '0').slice(0, 3).padEnd(3, '0')));
}

const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/** Minutes London is ahead of UTC at an instant (0 in GMT, 60 in BST). */
function londonOffsetMinutes(instant: Date): number {
  const name = LONDON_OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

// The clocks change at 01:00 UTC, so the offset read at the wall-clock time taken as UTC is right for
// every time but the hour the clocks skip or repeat; midnight, the usual case, is never in it.
function londonWallClock(date: string, hours: number, minutes: number, seconds: number, ms: number): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, hours, minutes, seconds, ms);
  const first = asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - londonOffsetMinutes(new Date(first)) * 60_000);
}
