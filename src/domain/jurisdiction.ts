// The parts of the UK whose bank holidays and access laws differ: the jurisdiction an authority (and
// each of its cases) answers under. Defined once; the clock, the configuration and cases use these.

/** The three bank-holiday divisions of the Banking and Financial Dealings Act 1971 (gov.uk's names). */
export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === 'string' && (JURISDICTIONS as readonly string[]).includes(value);
}
