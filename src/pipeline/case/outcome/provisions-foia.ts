// provisions-foia.ts: every provision an officer may cite when refusing a Freedom of Information Act 2000
// request: the Part II exemptions (ss.21–44), absolute or qualified as s.2(3) lists them, their
// neither-confirm-nor-deny subsections, and the procedural grounds (s.8 invalid, s.12 cost, s.14).
import { buildCatalogue, type ProvisionSpec } from './provision-types.js';

const A = 'absolute' as const;
const Q = 'qualified' as const;
const NONE = 'none' as const;

// A section cited alone, its main subsection, and its lettered paragraphs all share one title.
function family(section: string, title: string, test: 'absolute' | 'qualified', parts: string[] = []): Record<string, ProvisionSpec> {
  const out: Record<string, ProvisionSpec> = { [section]: { title, test } };
  for (const part of parts) out[`${section}${part}`] = { title, test };
  return out;
}

const ncnd = (title: string, test: 'absolute' | 'qualified', note?: string): ProvisionSpec =>
  ({ title: `${title}: neither confirm nor deny`, test, ncnd: true, ...(note ? { note } : {}) });

const letters = (prefix: string, from: string, to: string): string[] => {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(`${prefix}(${String.fromCharCode(c)})`);
  return out;
};

const S40_NOTE = 's.40(2) is absolute where disclosure would breach the data protection principles (the first condition, s.40(3A)(a); ' +
  'FOIA s.2(3)(fb)); it is qualified where only the second or third condition applies (s.40(3B), s.40(4A))';

export const FOIA_PROVISIONS = buildCatalogue('foi', {
  // Procedural grounds: not Part II exemptions, no public interest test.
  s8: { title: 'Not a valid request', test: NONE },
  's8(1)': { title: 'Not a valid request', test: NONE },
  s12: { title: 'Cost limit', test: NONE },
  's12(1)': { title: 'Cost limit', test: NONE },
  's12(2)': { title: 'Cost limit: neither confirm nor deny', test: NONE, ncnd: true },
  's14(1)': { title: 'Vexatious request', test: NONE },
  's14(2)': { title: 'Repeated request', test: NONE },
  // Part II. s.2(3) lists the absolute ones: ss.21, 23, 32, 34, 36 (Houses of Parliament), 37(1)(a)-(ab), 40(1), 40(2) (first condition), 41, 44.
  ...family('s21', 'Information accessible by other means', A, ['(1)']),
  ...family('s22', 'Information intended for future publication', Q, ['(1)']),
  's22(2)': ncnd('Information intended for future publication', Q),
  ...family('s22a', 'Research information', Q, ['(1)']),
  's22a(2)': ncnd('Research information', Q),
  ...family('s23', 'Security bodies', A, ['(1)']),
  's23(5)': ncnd('Security bodies', A),
  ...family('s24', 'National security', Q, ['(1)']),
  's24(2)': ncnd('National security', Q),
  ...family('s26', 'Defence', Q, ['(1)', ...letters('(1)', 'a', 'b')]),
  's26(3)': ncnd('Defence', Q),
  ...family('s27', 'International relations', Q, ['(1)', ...letters('(1)', 'a', 'd'), '(2)']),
  's27(4)': ncnd('International relations', Q),
  ...family('s28', 'Relations within the United Kingdom', Q, ['(1)']),
  's28(3)': ncnd('Relations within the United Kingdom', Q),
  ...family('s29', 'The economy', Q, ['(1)', ...letters('(1)', 'a', 'b')]),
  's29(2)': ncnd('The economy', Q),
  ...family('s30', 'Investigations and proceedings', Q, ['(1)', ...letters('(1)', 'a', 'c'), '(2)', ...letters('(2)', 'a', 'b')]),
  's30(3)': ncnd('Investigations and proceedings', Q),
  ...family('s31', 'Law enforcement', Q, ['(1)', ...letters('(1)', 'a', 'i')]),
  's31(3)': ncnd('Law enforcement', Q),
  ...family('s32', 'Court records', A, ['(1)', '(2)']),
  's32(3)': ncnd('Court records', A),
  ...family('s33', 'Audit functions', Q, ['(2)']),
  's33(3)': ncnd('Audit functions', Q),
  ...family('s34', 'Parliamentary privilege', A, ['(1)']),
  's34(2)': ncnd('Parliamentary privilege', A),
  ...family('s35', 'Formulation of government policy', Q, ['(1)', ...letters('(1)', 'a', 'd')]),
  's35(3)': ncnd('Formulation of government policy', Q),
  ...Object.fromEntries(['s36', 's36(2)', 's36(2)(a)', 's36(2)(a)(i)', 's36(2)(a)(ii)', 's36(2)(a)(iii)', 's36(2)(b)', 's36(2)(b)(i)',
    's36(2)(b)(ii)', 's36(2)(c)'].map((code) => [code, { title: 'Prejudice to effective conduct of public affairs', test: Q,
    note: 'absolute for information held by the House of Commons or the House of Lords (FOIA s.2(3)(e))' }])),
  's36(3)': ncnd('Prejudice to effective conduct of public affairs', Q),
  s37: { title: 'Communications with His Majesty and honours', test: Q,
    note: 'absolute for communications with the Sovereign, the heir and the second in line (s.37(1)(a)-(ab)); cite the paragraph' },
  's37(1)(a)': { title: 'Communications with the Sovereign', test: A },
  's37(1)(aa)': { title: 'Communications with the heir to the Throne', test: A },
  's37(1)(ab)': { title: 'Communications with the second in line to the Throne', test: A },
  's37(1)(ac)': { title: 'Communications with other members of the Royal Family', test: Q },
  's37(1)(ad)': { title: 'Communications with the Royal Household', test: Q },
  's37(1)(b)': { title: 'Honours and dignities', test: Q },
  's37(2)': ncnd('Communications with His Majesty and honours', Q),
  ...family('s38', 'Health and safety', Q, ['(1)', ...letters('(1)', 'a', 'b')]),
  's38(2)': ncnd('Health and safety', Q),
  ...family('s39', 'Environmental information (handled under the EIR)', Q, ['(1)']),
  's39(2)': ncnd('Environmental information (handled under the EIR)', Q),
  s40: { title: 'Personal information', test: A, note: 'cite s.40(1) (the requester\'s own) or s.40(2) (third parties)' },
  's40(1)': { title: "Personal information (the requester's own)", test: A },
  's40(2)': { title: 'Personal information (third parties)', test: A, note: S40_NOTE },
  's40(3a)': { title: 'Personal information (third parties)', test: A, group: 's40' },
  's40(3a)(a)': { title: 'Personal information (third parties)', test: A, group: 's40' },
  's40(3b)': { title: 'Personal information (third parties: objection to processing)', test: Q },
  's40(4a)': { title: 'Personal information (third parties: exempt from subject access)', test: Q },
  's40(5a)': ncnd("Personal information (the requester's own)", A),
  's40(5b)': ncnd('Personal information (third parties)', A, 'qualified where only s.40(5B)(b)-(d) applies'),
  ...family('s41', 'Information provided in confidence', A, ['(1)']),
  's41(2)': ncnd('Information provided in confidence', A),
  ...family('s42', 'Legal professional privilege', Q, ['(1)']),
  's42(2)': ncnd('Legal professional privilege', Q),
  s43: { title: 'Commercial interests', test: Q },
  's43(1)': { title: 'Trade secrets', test: Q },
  's43(2)': { title: 'Commercial interests', test: Q },
  's43(3)': ncnd('Commercial interests', Q),
  ...family('s44', 'Prohibitions on disclosure', A, ['(1)', ...letters('(1)', 'a', 'c')]),
  's44(2)': ncnd('Prohibitions on disclosure', A),
});
