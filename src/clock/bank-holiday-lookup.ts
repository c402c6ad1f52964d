// bank-holiday-lookup.ts: one place that answers "which divisions keep a bank holiday on this date, and
// on whose authority": the official list where it exists, the customary rules elsewhere, plus admins' days.
import { JURISDICTIONS, type ExtraHoliday, type Jurisdiction } from './clock-types.js';
import { ClockError } from './clock-error.js';
import { customaryBankHolidays } from './bank-holiday-rules.js';
import { OFFICIAL_BANK_HOLIDAYS, OFFICIAL_YEARS } from './uk-bank-holidays.data.js';
import { isIsoDate, yearOf, type IsoDate } from './calendar-date.js';

export interface BankHolidayEntry {
  division: Jurisdiction;
  name: string;
  /** `official`: gov.uk list; `projected`: customary rules (no list yet); `administrator`: supplied by an admin. */
  source: 'official' | 'projected' | 'administrator';
}

export interface BankHolidayLookup {
  /** The bank holidays on `date` in any division; empty when there are none. */
  on(date: IsoDate): readonly BankHolidayEntry[];
}

function isOfficialYear(year: number): boolean {
  return year >= OFFICIAL_YEARS.first && year <= OFFICIAL_YEARS.last;
}

// A year's days depend on nothing but the year and the division, and every deadline reads the same few
// years: worked out once per process rather than once per message (the rules compute Easter and the
// substitute days each time).
const entriesByYear = new Map<string, ReadonlyArray<readonly [IsoDate, BankHolidayEntry]>>();

function yearEntries(year: number, division: Jurisdiction): ReadonlyArray<readonly [IsoDate, BankHolidayEntry]> {
  const key = `${year} ${division}`;
  let entries = entriesByYear.get(key);
  if (!entries) {
    entries = computeYearEntries(year, division);
    entriesByYear.set(key, entries);
  }
  return entries;
}

// The official dates carry no names, so each takes the name the rules give that date (one-off days are
// in the rules' table of proclamations); a date the rules do not know is named generically.
function computeYearEntries(year: number, division: Jurisdiction): Array<[IsoDate, BankHolidayEntry]> {
  const byRule = customaryBankHolidays(year, division);
  if (!isOfficialYear(year)) {
    return byRule.map((h) => [h.date, { division, name: h.name, source: 'projected' }]);
  }
  const names = new Map(byRule.map((h) => [h.date, h.name]));
  return OFFICIAL_BANK_HOLIDAYS[division].filter((d) => d.startsWith(`${year}-`)).map((date) => [
    date, { division, name: names.get(date) ?? 'special bank holiday (by proclamation)', source: 'official' },
  ]);
}

function extraEntries(extra: readonly ExtraHoliday[]): Array<[IsoDate, BankHolidayEntry]> {
  return extra.flatMap((h): Array<[IsoDate, BankHolidayEntry]> => {
    if (typeof h.date !== 'string' || !isIsoDate(h.date)) {
      throw new ClockError('clock.invalid_holiday', `extra holiday: '${String(h.date)}' is not a date (YYYY-MM-DD)`);
    }
    const divisions = h.jurisdiction === 'united-kingdom' ? JURISDICTIONS : [h.jurisdiction];
    if (!divisions.every((d) => (JURISDICTIONS as readonly string[]).includes(d))) {
      throw new ClockError('clock.invalid_holiday',
        `extra holiday ${h.date}: jurisdiction '${String(h.jurisdiction)}' is not one of ${JURISDICTIONS.join(', ')}, united-kingdom`);
    }
    const name = h.reason?.trim() ? h.reason.trim() : 'bank holiday';
    return divisions.map((division) => [h.date, { division, name, source: 'administrator' }]);
  });
}

function add(index: Map<IsoDate, BankHolidayEntry[]>, date: IsoDate, entry: BankHolidayEntry): void {
  const list = index.get(date) ?? [];
  if (!list.some((e) => e.division === entry.division)) list.push(entry);
  index.set(date, list);
}

/** A lookup over every year, built lazily a year at a time. Extra days never remove an official one. */
export function createBankHolidayLookup(extra: readonly ExtraHoliday[] = []): BankHolidayLookup {
  const extras = extraEntries(extra);
  const loadedYears = new Set<number>();
  const index = new Map<IsoDate, BankHolidayEntry[]>();
  const loadYear = (year: number) => {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    for (const division of JURISDICTIONS) for (const [date, e] of yearEntries(year, division)) add(index, date, e);
    for (const [date, e] of extras) if (yearOf(date) === year) add(index, date, e);
  };
  return {
    on(date) {
      loadYear(yearOf(date));
      return index.get(date) ?? [];
    },
  };
}
