// provisions.ts: reads a provision as an officer writes it ("s.40(2)", "Section 43 (2)", "reg 12(4)(b)"),
// writes it in the canonical form (DESIGN.md: `s40(2)`, `reg12(4)(b)`) and checks it exists in the case's regime.
import type { Regime } from '../../../domain/foi-case.js';
import { EIR_PROVISIONS, EISR_PROVISIONS } from './provisions-eir.js';
import { FOIA_PROVISIONS } from './provisions-foia.js';
import { FOISA_PROVISIONS } from './provisions-foisa.js';
import type { Provision, ProvisionRegime } from './provision-types.js';

export type { Provision, ProvisionRegime, PublicInterestTest } from './provision-types.js';

const CATALOGUES: Readonly<Record<ProvisionRegime, ReadonlyMap<string, Provision>>> = {
  foi: FOIA_PROVISIONS, eir: EIR_PROVISIONS, foisa: FOISA_PROVISIONS, eisr: EISR_PROVISIONS,
};

/** A review applies the provisions of the request it reviews; a SAR's exemptions (DPA 2018 Sch 2-4) are not catalogued. */
export function provisionRegimeOf(regime: Regime): ProvisionRegime | null {
  switch (regime) {
    case 'foi': case 'foi_review': return 'foi';
    case 'eir': case 'eir_review': return 'eir';
    case 'foisa': case 'foisa_review': return 'foisa';
    case 'eisr': case 'eisr_review': return 'eisr';
    case 'sar': return null;
  }
}

export function provisionCatalogue(regime: ProvisionRegime): readonly Provision[] {
  return [...CATALOGUES[regime].values()];
}

export function findProvision(regime: ProvisionRegime, code: string): Provision | undefined {
  return CATALOGUES[regime].get(code);
}

// Words an officer puts around a citation that carry no meaning for the code.
const NOISE = /\b(of|the|under|foia|foisa|eirs?|eisr|freedom of information( \(scotland\))? act( 2000| 2002)?|environmental information( \(scotland\))? regulations( 2004)?)\b/g;
const SECTION_WORDS = /^(sections?|secs?\.?|ss?\.?|§)\s*/;
const REGULATION_WORDS = /^(regulations?|regs?\.?|r\.)\s*/;

/**
 * The canonical spelling of one citation, or null when it is not a citation at all. A bare number takes
 * the regime's prefix: `40(2)` is `s40(2)` under FOIA, `12(4)(b)` is `reg12(4)(b)` under the EIR.
 */
export function normaliseProvision(text: string, regime: ProvisionRegime): string | null {
  let t = text.toLowerCase().replace(NOISE, ' ').replace(/[–—]/g, '-').trim();
  let prefix: 's' | 'reg' | null = null;
  if (REGULATION_WORDS.test(t)) { prefix = 'reg'; t = t.replace(REGULATION_WORDS, ''); }
  else if (SECTION_WORDS.test(t)) { prefix = 's'; t = t.replace(SECTION_WORDS, ''); }
  t = t.replace(/\s+/g, '').replace(/\.$/, '');
  // "40(2)" and also "40.2" or "40-2" as some trackers write it.
  t = t.replace(/^(\d+[a-z]?)[.-](\d+)/, '$1($2)');
  if (!/^\d+[a-z]?(\((\d+[a-z]?|[a-z]{1,4})\))*$/.test(t)) return null;
  prefix ??= regime === 'eir' || regime === 'eisr' ? 'reg' : 's';
  return `${prefix}${t}`;
}

export type ProvisionRejection = { ok: false; code: 'outcome.unknown_provision' | 'outcome.provisions_not_catalogued'; reason: string };

// Grounds officers reach for that live elsewhere in the other regime.
const HINTS: Readonly<Record<ProvisionRegime, Readonly<Record<string, string>>>> = {
  foi: { s14: 'cite s14(1) (vexatious) or s14(2) (repeated)', s25: 'FOISA\'s s25 is FOIA\'s s21', s38: 'health and safety is s38; FOISA\'s personal information (s38) is FOIA\'s s40' },
  eir: { s12: 'under the EIR the cost limit is reg12(4)(b) (manifestly unreasonable)', s14: 'under the EIR a vexatious request is reg12(4)(b)',
    's14(1)': 'under the EIR a vexatious request is reg12(4)(b)', 's40(2)': 'under the EIR third-party personal data is reg13',
    's43(2)': 'under the EIR commercial confidentiality is reg12(5)(e)', 's21': 'under the EIR see reg6(1)(b)' },
  foisa: { s21: 'FOIA\'s s21 is FOISA\'s s25', 's40(2)': 'FOISA\'s personal information is s38(1)(b)', 's43(2)': 'FOISA\'s commercial interests is s33(1)(b)',
    s14: 'cite s14(1) (vexatious) or s14(2) (repeated)' },
  eisr: { s12: 'under the EISR the cost ground is reg10(4)(b) (manifestly unreasonable)', 'reg13': 'EISR personal data is reg11',
    'reg12(4)(b)': 'the EISR number this reg10(4)(b)', 'reg12(5)(e)': 'the EISR number this reg10(5)(e)' },
};

function unknownReason(text: string, code: string | null, regime: ProvisionRegime, regimeTitle: string): string {
  if (code === null) return `'${text}' is not a provision: write it like s40(2) or reg12(4)(b)`;
  const hint = HINTS[regime][code];
  const near = provisionCatalogue(regime).filter((p) => p.code.startsWith(`${code}(`)).map((p) => p.code).slice(0, 6);
  const suggestion = hint ?? (near.length > 0 ? `did you mean ${near.join(', ')}?` : null);
  return `'${text}' (${code}) is not a provision of ${regimeTitle}${suggestion ? `: ${suggestion}` : ''}`;
}

const REGIME_TITLES: Readonly<Record<ProvisionRegime, string>> = {
  foi: 'the FOIA', eir: 'the EIR', foisa: 'FOISA', eisr: 'the EISR',
};

/**
 * Each citation in canonical form with its catalogue entry, in the order given and without repeats, or a
 * rejection naming every unknown one (the CLI exits 2 and records nothing).
 */
export function resolveProvisions(texts: readonly string[], regime: Regime): { ok: true; provisions: Provision[] } | ProvisionRejection {
  const own = provisionRegimeOf(regime);
  if (own === null) {
    return texts.length === 0 ? { ok: true, provisions: [] }
      : { ok: false, code: 'outcome.provisions_not_catalogued', reason: 'a subject access request\'s exemptions (DPA 2018 Schedules 2-4) are not recorded here' };
  }
  const found: Provision[] = [];
  const problems: string[] = [];
  for (const text of texts.flatMap(splitProvisionList)) {
    const code = normaliseProvision(text, own);
    const provision = code === null ? undefined : findProvision(own, code);
    if (!provision) problems.push(unknownReason(text, code, own, REGIME_TITLES[own]));
    else if (!found.some((p) => p.code === provision.code)) found.push(provision);
  }
  return problems.length > 0 ? { ok: false, code: 'outcome.unknown_provision', reason: problems.join('; ') } : { ok: true, provisions: found };
}

/** "s40(2), s43(2) and s31(1)(a)" → three citations; a single citation is returned as is. */
export function splitProvisionList(text: string): string[] {
  return text.split(/\s*(?:,|;|&|\+|\band\b|\/)\s*/i).map((t) => t.trim()).filter((t) => t.length > 0);
}
