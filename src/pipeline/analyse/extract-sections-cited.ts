// Lists the FOIA/FOISA sections (`s12`) and EIR regulations (`reg12`) a requester cites, so an officer sees
// at once which exemptions or duties are in play; sections of other Acts are left out on purpose.
import type { Evidence } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';

/** Highest section number of FOIA 2000 (FOISA stops lower); anything above is another statute. */
export const MAX_FOI_SECTION = 88;

/** Acts whose sections are the access regime's own; any other named Act is a different statute. */
export const ACCESS_ACT_NAMES = String.raw`freedom of information|FOIA|FOISA|FOI|the act|this act|environmental information|EIRs?`;

const SECTION_REFERENCE = /\b(?:sections?|secs?\.?|ss?\.|s(?=\d))\s?(\d{1,3}(?:\s?\([0-9a-z]+\))*(?:\s*(?:,|and|or|&|\/)\s*(?:s\.?\s?)?\d{1,3}(?:\s?\([0-9a-z]+\))*)*)(?![.\d]\d)/gi;
const REGULATION_REFERENCE = /\b(?:regulations?|regs?\.?|r\.)\s?(\d{1,2}(?:\s?\([0-9a-z]+\))*(?:\s*(?:,|and|or|&|\/)\s*\d{1,2}(?:\s?\([0-9a-z]+\))*)*)/gi;
const OTHER_ACT_AFTER = new RegExp(String.raw`^(\s?\([0-9a-z]+\))*,?\s+(of|under|in) (the )?(?!the\b)(?!${ACCESS_ACT_NAMES})([A-Z][\w'()]*\s){1,8}(Act|Order|Regulations|Rules|Code)\b`, 'i');
const OTHER_ACT_BEFORE = /\b(?!Freedom of Information|Environmental Information)([A-Z][\w']*\s){1,6}(Act|Order)(\s\d{4})?,?\s*$/;
const EIR_CONTEXT = /\b(environmental information regulations|EIRs?|EISR)\b/;

export interface SectionCitation {
  /** `s12`, `reg12`. */
  section: string;
  evidence: Evidence;
}

export function extractSectionsCited(text: string): string[] {
  return [...new Set(findSectionCitations(text).map((c) => c.section))];
}

/** Every citation with the words that made it, in order of appearance (a section may appear twice). */
export function findSectionCitations(text: string): SectionCitation[] {
  const found: SectionCitation[] = [];
  const cite = (m: RegExpMatchArray, prefix: string, accept: (n: number) => boolean) => {
    const start = m.index ?? 0;
    if (citesAnotherStatute(text, start, start + m[0].length)) return;
    const evidence = { text: m[0], start, end: start + m[0].length };
    for (const n of numbersIn(m[1] ?? '')) if (accept(n)) found.push({ section: `${prefix}${n}`, evidence });
  };
  for (const m of allMatches(SECTION_REFERENCE, text)) cite(m, 's', (n) => n >= 1 && n <= MAX_FOI_SECTION);
  if (EIR_CONTEXT.test(text)) for (const m of allMatches(REGULATION_REFERENCE, text)) cite(m, 'reg', () => true);
  return found;
}

function citesAnotherStatute(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 120);
  const before = text.slice(Math.max(0, start - 60), start);
  if (/^\.\d/.test(after)) return true; // "Section 2.1" of a guidance document
  return OTHER_ACT_AFTER.test(after) || OTHER_ACT_BEFORE.test(before);
}

/** The leading numbers of "40(2), 41 and 43(1)" → 40, 41, 43 (subsections dropped). */
function numbersIn(list: string): number[] {
  return [...list.replace(/\([0-9a-z]+\)/gi, '').matchAll(/\d{1,3}/g)].map((m) => Number(m[0]));
}
