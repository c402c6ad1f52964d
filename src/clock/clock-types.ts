// clock-types.ts: the vocabulary shared by the statutory clock's modules and its callers
// (regimes, jurisdictions, extra holidays), kept apart so that no module imports a bigger one for a type.

/** The three bank-holiday divisions of the Banking and Financial Dealings Act 1971 (gov.uk's names). */
export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const REGIMES = [
  'foi', 'eir', 'foisa', 'eisr', 'sar', 'foi_review', 'eir_review', 'foisa_review', 'eisr_review',
] as const;
export type Regime = (typeof REGIMES)[number];

export const EXTENSIONS = ['pit', 'complex'] as const;
/** `pit`: FOIA s.10(3) public-interest test; `complex`: EIR/EISR reg 7, UK GDPR Art 12(3), FOIA review ceiling. */
export type Extension = (typeof EXTENSIONS)[number];

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

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === 'string' && (JURISDICTIONS as readonly string[]).includes(value);
}

export function isRegime(value: unknown): value is Regime {
  return typeof value === 'string' && (REGIMES as readonly string[]).includes(value);
}

export function isExtension(value: unknown): value is Extension {
  return typeof value === 'string' && (EXTENSIONS as readonly string[]).includes(value);
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
