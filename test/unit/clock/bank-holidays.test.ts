// The customary rules must reproduce the official gov.uk list for every year it covers, so that the
// years beyond it are projected by rules already proven on sixteen real years; plus admins' extra days.
import { describe, expect, it } from 'vitest';
import { customaryBankHolidays, easterSunday, goodFriday } from '../../../src/clock/bank-holiday-rules.js';
import { createBankHolidayLookup } from '../../../src/clock/bank-holiday-lookup.js';
import { OFFICIAL_BANK_HOLIDAYS, OFFICIAL_YEARS } from '../../../src/clock/uk-bank-holidays.data.js';
import { JURISDICTIONS } from '../../../src/clock/clock-types.js';
import { ClockError } from '../../../src/clock/clock-error.js';

describe('official data', () => {
  it('covers 2012–2027 in all three divisions, sorted, without duplicates', () => {
    expect(OFFICIAL_YEARS).toEqual({ first: 2012, last: 2027 });
    for (const division of JURISDICTIONS) {
      const dates = OFFICIAL_BANK_HOLIDAYS[division];
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (let year = 2012; year <= 2027; year++) expect(dates.some((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('holds the one-off days: 2022 State Funeral everywhere, 2026 World Cup day in Scotland only', () => {
    for (const division of JURISDICTIONS) expect(OFFICIAL_BANK_HOLIDAYS[division]).toContain('2022-09-19');
    expect(OFFICIAL_BANK_HOLIDAYS.scotland).toContain('2026-06-15');
    expect(OFFICIAL_BANK_HOLIDAYS['england-and-wales']).not.toContain('2026-06-15');
  });
});

describe('customary rules', () => {
  it.each(JURISDICTIONS)('reproduce the official %s list exactly for 2012–2027', (division) => {
    for (let year = OFFICIAL_YEARS.first; year <= OFFICIAL_YEARS.last; year++) {
      const official = OFFICIAL_BANK_HOLIDAYS[division].filter((d) => d.startsWith(`${year}-`));
      expect(customaryBankHolidays(year, division).map((h) => h.date), `${division} ${year}`).toEqual(official);
    }
  });

  it('compute Easter (Western) correctly', () => {
    expect(easterSunday(2017)).toBe('2017-04-16');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible
    expect(goodFriday(2030)).toBe('2030-04-19');
  });

  it('give Scotland no Easter Monday and the first Monday of August', () => {
    const dates = customaryBankHolidays(2030, 'scotland').map((h) => h.date);
    expect(dates).not.toContain('2030-04-22');
    expect(dates).toContain('2030-08-05');
    expect(customaryBankHolidays(2030, 'england-and-wales').map((h) => h.date)).toContain('2030-04-22');
  });

  it('move weekend days to the next free weekday (Scotland 2028: Sat 1 and Sun 2 Jan → Mon 3 and Tue 4)', () => {
    const jan = customaryBankHolidays(2028, 'scotland').filter((h) => h.date.startsWith('2028-01'));
    expect(jan).toEqual([
      { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
      { date: '2028-01-04', name: '2nd January (substitute day)' },
    ]);
  });

  it('move St Andrew\'s Day on a weekend to the Monday, and only from 2007 (the 2007 Act)', () => {
    expect(customaryBankHolidays(2031, 'scotland').map((h) => h.date)).toContain('2031-12-01'); // Sun 30 Nov
    expect(customaryBankHolidays(2006, 'scotland').map((h) => h.date)).not.toContain('2006-11-30');
    expect(customaryBankHolidays(2007, 'scotland').map((h) => h.date)).toContain('2007-11-30');
  });

  it('apply known proclamations outside the official years', () => {
    expect(customaryBankHolidays(2011, 'england-and-wales').map((h) => h.name)).toContain('Royal wedding');
    // No proclamation made the customary substitute 4 Jan a Scottish bank holiday in 2010 or 2011.
    expect(customaryBankHolidays(2011, 'scotland').map((h) => h.date)).not.toContain('2011-01-04');
    expect(customaryBankHolidays(2010, 'scotland').map((h) => h.date)).not.toContain('2010-01-04');
    expect(customaryBankHolidays(2011, 'scotland').map((h) => h.date)).toContain('2011-01-03');
  });
});

describe('bank holiday lookup', () => {
  it('names official days and says which divisions keep them', () => {
    const lookup = createBankHolidayLookup();
    expect(lookup.on('2025-07-14')).toEqual([
      { division: 'northern-ireland', name: 'Battle of the Boyne (Orangemen’s Day) (substitute day)', source: 'official' },
    ]);
    expect(lookup.on('2023-05-08').map((e) => e.name)).toEqual(Array(3).fill('Bank holiday for the coronation of King Charles III'));
    expect(lookup.on('2025-07-15')).toEqual([]);
  });

  it('marks days beyond the official list as projected', () => {
    expect(createBankHolidayLookup().on('2030-12-25').every((e) => e.source === 'projected')).toBe(true);
  });

  it('adds administrators\' extra days, per division or UK-wide, without duplicating official ones', () => {
    const lookup = createBankHolidayLookup([
      { date: '2030-05-10', jurisdiction: 'united-kingdom', reason: 'Proclaimed jubilee day' },
      { date: '2030-06-03', jurisdiction: 'scotland', reason: 'Proclaimed Scottish day' },
      { date: '2025-12-25', jurisdiction: 'scotland', reason: 'duplicate' },
    ]);
    expect(lookup.on('2030-05-10').map((e) => e.division)).toEqual([...JURISDICTIONS]);
    expect(lookup.on('2030-06-03')).toEqual([{ division: 'scotland', name: 'Proclaimed Scottish day', source: 'administrator' }]);
    expect(lookup.on('2025-12-25').map((e) => e.name)).toEqual(Array(3).fill('Christmas Day'));
  });

  it('rejects an extra day with a bad date or jurisdiction', () => {
    expect(() => createBankHolidayLookup([{ date: '2030-02-30', jurisdiction: 'scotland', reason: 'x' }]))
      .toThrow(expect.objectContaining({ code: 'clock.invalid_holiday' }));
    expect(() => createBankHolidayLookup([{ date: '2030-02-03', jurisdiction: 'wales' as never, reason: 'x' }]))
      .toThrow(ClockError);
  });
});
