// provision-types.ts: the words for a provision an officer applies when refusing information (an
// exemption, an exception or a procedural ground), shared by the catalogues, the parser and the reports.

/** The regimes whose refusal provisions are catalogued: a review applies its request regime's provisions. */
export const PROVISION_REGIMES = ['foi', 'eir', 'foisa', 'eisr'] as const;
export type ProvisionRegime = (typeof PROVISION_REGIMES)[number];

/**
 * `absolute`: no public interest test (FOIA s.2(3), FOISA s.2(2)); `qualified`: withheld only when the public
 * interest in maintaining it outweighs that in disclosure (FOIA s.2(1)(b), 2(2)(b); EIR reg 12(1)(b);
 * FOISA s.2(1)(b); EISR reg 10(1)(b)); `none`: a procedural ground with no public interest test (cost, vexatious).
 */
export type PublicInterestTest = 'absolute' | 'qualified' | 'none';

/** `exemption` (FOIA/FOISA Part II), `exception` (EIR/EISR), or `procedural` (s.12, s.14, s.8, not held). */
export type ProvisionKind = 'exemption' | 'exception' | 'procedural';

export interface Provision {
  /** Canonical form (DESIGN.md "Provisions"): lower case, no dots or spaces: `s40(2)`, `reg12(4)(b)`. */
  code: string;
  regime: ProvisionRegime;
  /** Short, in officers' words, for reports and letters: "Personal information (third parties)". */
  title: string;
  /** The grouping statistics use: `s40` for every part of s.40; each EIR/EISR exception stands alone. */
  group: string;
  kind: ProvisionKind;
  test: PublicInterestTest;
  /** A neither-confirm-nor-deny provision: the authority does not say whether it holds the information. */
  ncnd: boolean;
  /** The citation as written in a letter: "section 40(2) of the Freedom of Information Act 2000". */
  citation: string;
  /** A caveat the officer should see (e.g. s.40(2) is qualified where the second or third condition applies). */
  note?: string;
}

export const ACT_NAMES: Readonly<Record<ProvisionRegime, string>> = {
  foi: 'the Freedom of Information Act 2000',
  eir: 'the Environmental Information Regulations 2004',
  foisa: 'the Freedom of Information (Scotland) Act 2002',
  eisr: 'the Environmental Information (Scotland) Regulations 2004',
};

export interface ProvisionSpec {
  title: string;
  test: PublicInterestTest;
  kind?: ProvisionKind;
  ncnd?: boolean;
  note?: string;
  /** Overrides the group derived from the code. */
  group?: string;
}

/** `s40(2)` → "section 40(2)"; `reg12(4)(b)` → "regulation 12(4)(b)" (lower-case letters kept, as legislation.gov.uk cites). */
function spelled(code: string): string {
  const m = /^(s|reg)(\d+)([a-z]?)(.*)$/.exec(code);
  if (!m) return code;
  const [, prefix, number, letter, rest] = m;
  return `${prefix === 's' ? 'section' : 'regulation'} ${number}${letter?.toUpperCase() ?? ''}${rest?.replace(/\((\d+)([a-z])\)/g, (_, n: string, l: string) => `(${n}${l.toUpperCase()})`) ?? ''}`;
}

function defaultGroup(code: string, regime: ProvisionRegime): string {
  // Official tables list each EIR/EISR exception on its own line, but FOIA/FOISA exemptions by section;
  // the personal-data regulations (EIR reg 13, EISR reg 11) are one line each whatever the paragraph.
  if (regime === 'eir' || regime === 'eisr') return code.replace(/^(reg1[13])\(.*$/, '$1');
  return code.replace(/^(s\d+[a-z]?).*$/, '$1');
}

export function buildCatalogue(regime: ProvisionRegime, specs: Readonly<Record<string, ProvisionSpec>>): ReadonlyMap<string, Provision> {
  const map = new Map<string, Provision>();
  for (const [code, spec] of Object.entries(specs)) {
    map.set(code, {
      code, regime, title: spec.title, group: spec.group ?? defaultGroup(code, regime),
      kind: spec.kind ?? (spec.test === 'none' ? 'procedural' : regime === 'eir' || regime === 'eisr' ? 'exception' : 'exemption'),
      test: spec.test, ncnd: spec.ncnd ?? false, citation: `${spelled(code)} of ${ACT_NAMES[regime]}`,
      ...(spec.note ? { note: spec.note } : {}),
    });
  }
  return map;
}
