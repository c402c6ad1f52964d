// provisions-eir.ts: the exceptions of the Environmental Information Regulations 2004 (reg 12(4), 12(5),
// 13) and of their Scottish twin, SSI 2004/520 (reg 10(4), 10(5), 11). Every reg 12/10 exception is subject
// to the public interest test with a presumption in favour of disclosure (EIR reg 12(1)-(2); EISR reg 10(1)-(2)).
import { buildCatalogue, type ProvisionSpec } from './provision-types.js';

const Q = 'qualified' as const;

// The exceptions share their wording between the two sets of Regulations; only the numbering differs.
const ADVERSE_EFFECT: ReadonlyArray<[string, string]> = [
  ['a', 'International relations, defence, national security or public safety'],
  ['b', 'Course of justice and inquiries'],
  ['c', 'Intellectual property rights'],
  ['d', 'Confidentiality of proceedings'],
  ['e', 'Commercial or industrial confidentiality'],
  ['f', 'Interests of the person who provided the information'],
  ['g', 'Protection of the environment'],
];

const CLASS_BASED: ReadonlyArray<[string, string]> = [
  ['b', 'Manifestly unreasonable request'],
  ['c', 'Request formulated in too general a manner'],
  ['d', 'Unfinished documents or incomplete data'],
  ['e', 'Internal communications'],
];

const NOT_HELD_NOTE = 'formally subject to the public interest test, which cannot sensibly be applied to information not held (ICO guidance)';
const EMISSIONS_NOTE = 'may not be used for information on emissions (EIR reg 12(9); EISR reg 10(6))';

function exceptions(reg: string): Record<string, ProvisionSpec> {
  const out: Record<string, ProvisionSpec> = {
    [`${reg}(4)(a)`]: { title: 'Information not held', test: 'none', kind: 'exception', note: NOT_HELD_NOTE },
  };
  for (const [letter, title] of CLASS_BASED) out[`${reg}(4)(${letter})`] = { title, test: Q };
  for (const [letter, title] of ADVERSE_EFFECT) {
    out[`${reg}(5)(${letter})`] = { title, test: Q, ...('defg'.includes(letter) ? { note: EMISSIONS_NOTE } : {}) };
  }
  return out;
}

const PERSONAL_NOTE = 'no public interest test where disclosure would breach the data protection principles (the first condition)';

export const EIR_PROVISIONS = buildCatalogue('eir', {
  'reg5(3)': { title: "The requester's own personal data (handled as a subject access request)", test: 'absolute', kind: 'exception' },
  'reg6(1)(b)': { title: 'Already publicly available and easily accessible', test: 'none' },
  'reg12(3)': { title: 'Personal data (third parties)', test: 'absolute', group: 'reg13', note: 'applied through regulation 13' },
  ...exceptions('reg12'),
  'reg12(6)': { title: 'International relations, defence, national security or public safety: neither confirm nor deny', test: Q, ncnd: true },
  reg13: { title: 'Personal data (third parties)', test: 'absolute', note: PERSONAL_NOTE },
  'reg13(1)': { title: 'Personal data (third parties)', test: 'absolute', note: PERSONAL_NOTE },
  'reg13(5a)': { title: 'Personal data (third parties): neither confirm nor deny', test: 'absolute', ncnd: true },
  'reg13(5b)': { title: 'Personal data (third parties): neither confirm nor deny', test: 'absolute', ncnd: true },
});

export const EISR_PROVISIONS = buildCatalogue('eisr', {
  'reg6(1)(b)': { title: 'Already publicly available and easily accessible', test: 'none' },
  ...exceptions('reg10'),
  'reg10(8)': { title: 'International relations, defence, national security or public safety: neither confirm nor deny', test: Q, ncnd: true },
  reg11: { title: 'Personal data', test: 'absolute', note: PERSONAL_NOTE },
  'reg11(1)': { title: "The requester's own personal data (handled as a subject access request)", test: 'absolute' },
  'reg11(2)': { title: 'Personal data (third parties)', test: 'absolute', note: PERSONAL_NOTE },
  'reg11(6)': { title: 'Personal data: neither confirm nor deny', test: 'absolute', ncnd: true },
});
