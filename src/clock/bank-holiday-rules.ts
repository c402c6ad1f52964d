// bank-holiday-rules.ts: the customary yearly pattern of bank holidays in each UK division (BFDA 1971 Sch 1
// plus the usual proclamations), for years outside the official list; checked against 2012–2027 in tests.
import type { Jurisdiction } from './clock-types.js';
import { SPECIAL_BANK_HOLIDAYS } from './special-bank-holidays.js';
import { addDays, dayOfWeek, daysInMonth, isoDateOf, isWeekend, type IsoDate } from './calendar-date.js';

export interface NamedHoliday {
  date: IsoDate;
  name: string;
}

interface FixedDay { month: number; day: number; name: string; fromYear?: number }

const NEW_YEAR: FixedDay = { month: 1, day: 1, name: 'New Year’s Day' };
const CHRISTMAS: FixedDay = { month: 12, day: 25, name: 'Christmas Day' };
const BOXING_DAY: FixedDay = { month: 12, day: 26, name: 'Boxing Day' };

// Fixed-date days; when one falls at a weekend the customary proclamation gives the next free weekday.
const FIXED_DAYS: Readonly<Record<Jurisdiction, readonly FixedDay[]>> = {
  'england-and-wales': [NEW_YEAR, CHRISTMAS, BOXING_DAY],
  scotland: [
    NEW_YEAR, { month: 1, day: 2, name: '2nd January' },
    // St Andrew's Day Bank Holiday (Scotland) Act 2007: a bank holiday from 2007 onwards.
    { month: 11, day: 30, name: 'St Andrew’s Day', fromYear: 2007 },
    CHRISTMAS, BOXING_DAY,
  ],
  'northern-ireland': [
    NEW_YEAR, { month: 3, day: 17, name: 'St Patrick’s Day' },
    { month: 7, day: 12, name: 'Battle of the Boyne (Orangemen’s Day)' }, CHRISTMAS, BOXING_DAY,
  ],
};

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return isoDateOf(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

export function goodFriday(year: number): IsoDate {
  return addDays(easterSunday(year), -2);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateOf(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDateOf(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

// Days that always fall on a weekday: Easter and the Monday holidays.
function movableDays(year: number, division: Jurisdiction): NamedHoliday[] {
  const days: NamedHoliday[] = [
    { date: goodFriday(year), name: 'Good Friday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
  ];
  if (division === 'scotland') {
    // Scotland has no Easter Monday bank holiday and keeps its summer holiday on the first Monday of August.
    days.push({ date: firstMonday(year, 8), name: 'Summer bank holiday' });
  } else {
    days.push({ date: addDays(easterSunday(year), 1), name: 'Easter Monday' });
    days.push({ date: lastMonday(year, 8), name: 'Summer bank holiday' });
  }
  return days;
}

// Weekday fixed days first, then each weekend one to the next weekday not already taken, in date order:
// Sat 25 + Sun 26 Dec give Mon 27 and Tue 28; Sun 25 Dec gives Boxing Day Mon 26 and a substitute Tue 27.
function placeFixedDays(year: number, division: Jurisdiction, taken: Set<IsoDate>): NamedHoliday[] {
  const fixed = FIXED_DAYS[division].filter((f) => (f.fromYear ?? 0) <= year)
    .map((f) => ({ date: isoDateOf(year, f.month, f.day), name: f.name }));
  const onWeekday = fixed.filter((f) => !isWeekend(f.date) && !taken.has(f.date));
  for (const f of onWeekday) taken.add(f.date);
  const substitutes = fixed.filter((f) => !onWeekday.includes(f)).map((f) => {
    let date = addDays(f.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, name: `${f.name} (substitute day)` };
  });
  return [...onWeekday, ...substitutes];
}

function applySpecialDays(year: number, division: Jurisdiction, days: NamedHoliday[]): NamedHoliday[] {
  let result = days;
  for (const s of SPECIAL_BANK_HOLIDAYS) {
    if (!s.date.startsWith(`${year}-`) || !s.divisions.includes(division)) continue;
    if (s.kind === 'not_proclaimed') result = result.filter((d) => d.date !== s.date);
    if (s.kind === 'moved') result = result.filter((d) => d.date !== s.replaces);
    if (s.kind !== 'not_proclaimed') result = [...result, { date: s.date, name: s.name }];
  }
  return result;
}

/** The bank holidays of one division in one year, by custom plus the known proclamations, in date order. */
export function customaryBankHolidays(year: number, division: Jurisdiction): NamedHoliday[] {
  const movable = movableDays(year, division);
  const fixed = placeFixedDays(year, division, new Set(movable.map((d) => d.date)));
  return applySpecialDays(year, division, [...movable, ...fixed])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
