// clock-types.ts: the vocabulary shared by the statutory clock's modules and its callers
// (regimes, jurisdictions, extra holidays), kept apart so that no module imports a bigger one for a type.

import type { Jurisdiction } from '../domain/jurisdiction.js';
import type { Regime } from '../domain/regime.js';

// Jurisdictions, regimes and extensions are domain words (src/domain/); the clock's modules and its
// callers take them from here as well, with the clock's own vocabulary.
export { JURISDICTIONS, JURISDICTION_NAMES, isJurisdiction, type Jurisdiction } from '../domain/jurisdiction.js';
export { EXTENSIONS, REGIMES, isExtension, isRegime, type Extension, type Regime } from '../domain/regime.js';

/**
 * A bank holiday an administrator adds, e.g. a day proclaimed after this release's data was fetched.
 * Office closure ("privilege") days must not be entered: they do not stop the clock (ICO LTT47).
 * `united-kingdom` is shorthand for all three divisions.
 */
export interface ExtraHoliday {
  date: string;
  jurisdiction: Jurisdiction | 'united-kingdom';
  reason: string;
}

/** The `deadline` command's JSON contract (DESIGN.md): dates are 'YYYY-MM-DD' in UK local time. */
export interface DeadlineResult {
  regime: Regime;
  /** The original date of receipt, even when a clarification moved the count on. */
  received: string;
  /** The first day that counts: for working-day regimes the first working day after receipt; for a SAR the day of receipt. */
  dayOne: string;
  dueDate: string;
  /** Each step in words an officer can check against a calendar, citing the law. */
  explain: string[];
}
