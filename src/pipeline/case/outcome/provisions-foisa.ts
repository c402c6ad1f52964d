// provisions-foisa.ts: the provisions of the Freedom of Information (Scotland) Act 2002: the Part 2
// exemptions (ss.25–41), absolute as s.2(2) lists them (ss.25, 26, 36(2), 37, 38(1)(a), (c), (d) and (b) in
// part), the s.18 refusal to confirm or deny, and the procedural grounds (s.12 cost, s.14, s.17 not held).
import { buildCatalogue, type ProvisionSpec } from './provision-types.js';

const A = 'absolute' as const;
const Q = 'qualified' as const;
const NONE = 'none' as const;

function family(section: string, title: string, test: 'absolute' | 'qualified', parts: string[] = []): Record<string, ProvisionSpec> {
  const out: Record<string, ProvisionSpec> = { [section]: { title, test } };
  for (const part of parts) out[`${section}${part}`] = { title, test };
  return out;
}

const letters = (prefix: string, from: string, to: string): string[] => {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(`${prefix}(${String.fromCharCode(c)})`);
  return out;
};

export const FOISA_PROVISIONS = buildCatalogue('foisa', {
  s8: { title: 'Not a valid request', test: NONE },
  s12: { title: 'Excessive cost of compliance', test: NONE },
  's12(1)': { title: 'Excessive cost of compliance', test: NONE },
  's14(1)': { title: 'Vexatious request', test: NONE },
  's14(2)': { title: 'Repeated request', test: NONE },
  s17: { title: 'Information not held', test: NONE },
  's17(1)': { title: 'Information not held', test: NONE },
  // s.18(1): refuse to reveal whether information exists, for exemptions in ss.28-35, 38, 39(1) and 41, in the public interest.
  s18: { title: 'Neither confirm nor deny', test: Q, ncnd: true },
  's18(1)': { title: 'Neither confirm nor deny', test: Q, ncnd: true },
  ...family('s25', 'Information otherwise accessible', A, ['(1)']),
  ...family('s26', 'Prohibitions on disclosure', A, letters('', 'a', 'c')),
  s27: { title: 'Information intended for future publication', test: Q },
  's27(1)': { title: 'Information intended for future publication', test: Q },
  's27(2)': { title: 'Research information', test: Q },
  ...family('s28', 'Relations within the United Kingdom', Q, ['(1)']),
  ...family('s29', 'Formulation of Scottish Administration policy', Q, ['(1)', ...letters('(1)', 'a', 'd')]),
  ...family('s30', 'Prejudice to effective conduct of public affairs', Q, ['(a)', '(b)', '(b)(i)', '(b)(ii)', '(c)']),
  s31: { title: 'National security and defence', test: Q },
  's31(1)': { title: 'National security', test: Q },
  's31(4)': { title: 'Defence', test: Q },
  ...family('s32', 'International relations', Q, ['(1)', ...letters('(1)', 'a', 'b')]),
  s33: { title: 'Commercial interests and the economy', test: Q },
  's33(1)': { title: 'Commercial interests', test: Q },
  's33(1)(a)': { title: 'Trade secrets', test: Q },
  's33(1)(b)': { title: 'Commercial interests', test: Q },
  's33(2)': { title: 'The economy', test: Q },
  ...family('s34', 'Investigations by Scottish public authorities', Q, ['(1)', ...letters('(1)', 'a', 'c'), '(2)', '(3)', '(4)']),
  ...family('s35', 'Law enforcement', Q, ['(1)', ...letters('(1)', 'a', 'h')]),
  s36: { title: 'Confidentiality', test: Q, note: 'cite s.36(1) (legal privilege, qualified) or s.36(2) (confidence, absolute)' },
  's36(1)': { title: 'Confidentiality of communications (legal professional privilege)', test: Q },
  's36(2)': { title: 'Information provided in confidence', test: A },
  ...family('s37', 'Court records', A, ['(1)', ...letters('(1)', 'a', 'b')]),
  s38: { title: 'Personal information', test: A, note: 'cite the paragraph: s.38(1)(a) the requester\'s own, s.38(1)(b) third parties' },
  's38(1)(a)': { title: "Personal information (the requester's own)", test: A },
  's38(1)(b)': { title: 'Personal information (third parties)', test: A,
    note: 'absolute where disclosure would breach the data protection principles (s.38(2A)(a)); otherwise qualified (FOISA s.2(2)(e)(ii))' },
  's38(1)(c)': { title: 'Personal census information', test: A },
  's38(1)(d)': { title: "A deceased person's health record", test: A },
  s39: { title: 'Health, safety and the environment', test: Q },
  's39(1)': { title: 'Health and safety', test: Q },
  's39(2)': { title: 'Environmental information (handled under the EISR)', test: Q },
  s40: { title: 'Audit functions', test: Q },
  s41: { title: 'Communications with His Majesty and honours', test: Q },
  's41(a)': { title: 'Communications with His Majesty, the Royal Family or the Royal Household', test: Q },
  's41(b)': { title: 'Honours', test: Q },
});
