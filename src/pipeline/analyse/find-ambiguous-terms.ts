// Flags vague terms an officer may need to clarify before searching ("security events", "senior staff"):
// FOIA s.1(3) lets the authority ask, and the clock waits for the answer, so spotting them early saves days.
import type { Evidence } from '../../domain/request-analysis.js';
import { allMatches } from './all-matches.js';

/** Vague phrasings, as regex sources (case-insensitive); each match is reported as written. */
export const AMBIGUOUS_TERM_PATTERNS = [
  String.raw`\b(security|safety|cyber|data|information|environmental|health and safety) (events?|issues?|matters?|problems?|concerns?)\b`,
  String.raw`\b(senior|key|relevant|appropriate) (staff|officers|officials|managers|personnel|people|individuals|stakeholders|parties)\b`,
  String.raw`\b(significant|major|serious|substantial|notable) (incidents?|changes?|events?|issues?|problems?|decisions?|concerns?)\b`,
  String.raw`\b(any|all) (other )?(information|documents|documentation|records|material|data) (related|relating|regarding|concerning|about|in connection with)\b`,
  String.raw`\b(recently|in recent (years|months)|in the recent past|at the moment|from time to time)\b`,
  String.raw`\b(and so on|and so forth|etc\.?)(?=[\s,.)]|$)`,
] as const;

const PATTERNS = AMBIGUOUS_TERM_PATTERNS.map((source) => new RegExp(source, 'gi'));

/** The vague terms in the requester's questions, each once, in order of first appearance. */
export function findAmbiguousTerms(questionTexts: readonly string[]): string[] {
  return findAmbiguousTermSpans(questionTexts.map((text) => ({ text, start: 0 }))).map((e) => e.text);
}

/** The same, with each term's offsets: `start` is where each question begins in the analysed text. */
export function findAmbiguousTermSpans(questions: readonly { text: string; start: number }[]): Evidence[] {
  const found = new Map<string, { evidence: Evidence; order: number }>();
  questions.forEach((question, questionIndex) => {
    for (const pattern of PATTERNS) {
      for (const m of allMatches(pattern, question.text)) {
        const term = m[0].replace(/(?<![.\s])[.\s]+$/, '');
        const key = term.toLowerCase();
        const at = m.index ?? 0;
        const evidence = { text: term, start: question.start + at, end: question.start + at + term.length };
        if (!found.has(key)) found.set(key, { evidence, order: questionIndex * 100_000 + at });
      }
    }
  });
  return [...found.values()].sort((a, b) => a.order - b.order).map((entry) => entry.evidence);
}
