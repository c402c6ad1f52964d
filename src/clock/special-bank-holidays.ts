// special-bank-holidays.ts: days that break the customary pattern by Royal Proclamation (BFDA 1971 s.1(3)):
// they name the one-off days on the official list and correct the rules for years the list does not cover.
import type { Jurisdiction } from './clock-types.js';
import type { IsoDate } from './calendar-date.js';

export interface SpecialBankHoliday {
  date: IsoDate;
  name: string;
  divisions: readonly Jurisdiction[];
  /** `moved`: replaces the customary day `replaces`; `not_proclaimed`: the customary day was never made. */
  kind: 'added' | 'moved' | 'not_proclaimed';
  replaces?: IsoDate;
}

const UK: readonly Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export const SPECIAL_BANK_HOLIDAYS: readonly SpecialBankHoliday[] = [
  // No substitute for a Saturday 1 or 2 January was proclaimed in Scotland in 2010 or 2011, so 4 January
  // was not a bank holiday (Scottish Government via the Edinburgh Gazette, reported at dracos.co.uk/wrote/bad-bank-holidays).
  { date: '2010-01-04', name: '2nd January (substitute day)', divisions: ['scotland'], kind: 'not_proclaimed' },
  { date: '2011-01-04', name: '2nd January (substitute day)', divisions: ['scotland'], kind: 'not_proclaimed' },
  { date: '2011-04-29', name: 'Royal wedding', divisions: UK, kind: 'added' },
  { date: '2012-06-04', name: 'Spring bank holiday', divisions: UK, kind: 'moved', replaces: '2012-05-28' },
  { date: '2012-06-05', name: 'Queen’s Diamond Jubilee', divisions: UK, kind: 'added' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)', divisions: UK, kind: 'moved', replaces: '2020-05-04' },
  { date: '2022-06-02', name: 'Spring bank holiday', divisions: UK, kind: 'moved', replaces: '2022-05-30' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday', divisions: UK, kind: 'added' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II', divisions: UK, kind: 'added' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III', divisions: UK, kind: 'added' },
  { date: '2026-06-15', name: 'World Cup bank holiday', divisions: ['scotland'], kind: 'added' },
];
