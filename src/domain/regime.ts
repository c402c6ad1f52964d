// The laws a case's statutory clock runs under, and the extensions they allow. Defined once: the
// clock computes deadlines by them, cases record them, messages name them.

/** FOIA, EIR, FOISA, EISR, UK GDPR subject access, and each one's internal review. */
export const REGIMES = [
  'foi', 'eir', 'foisa', 'eisr', 'sar', 'foi_review', 'eir_review', 'foisa_review', 'eisr_review',
] as const;
export type Regime = (typeof REGIMES)[number];

export const EXTENSIONS = ['pit', 'complex'] as const;
/** `pit`: FOIA s.10(3) public-interest test; `complex`: EIR/EISR reg 7, UK GDPR Art 12(3), FOIA review ceiling. */
export type Extension = (typeof EXTENSIONS)[number];

export function isRegime(value: unknown): value is Regime {
  return typeof value === 'string' && (REGIMES as readonly string[]).includes(value);
}

export function isExtension(value: unknown): value is Extension {
  return typeof value === 'string' && (EXTENSIONS as readonly string[]).includes(value);
}
