// The analysis stage: from one request's text to the contract fields of `foi-intake analyse --json`
// (questions, kind, s.16, public interest…), pure and fast so it runs inline for every message.
import type { AnalysedQuestion, AnalysisInput, Evidence, RequestAnalysis, Topic } from '../../domain/request-analysis.js';
import { detectPublicInterest } from './detect-public-interest.js';
import { detectSection16 } from './detect-section16.js';
import { splitQuestions } from './split-questions.js';
import { stripQuotedText, toOriginalOffset, type StrippedText } from './strip-quoted-text.js';

export interface AnalyseOptions {
  /** The topic taxonomy; defaults to DEFAULT_TOPICS (admins may add topics). */
  topics?: readonly Topic[];
}

export function analyseRequest(input: AnalysisInput, _options: AnalyseOptions = {}): RequestAnalysis {
  const own = stripQuotedText(input.text);
  const toOriginal = (evidence: Evidence | null) => mapEvidence(own, evidence);
  const questions: AnalysedQuestion[] = splitQuestions(own.text).map((q) => ({
    number: q.number,
    text: q.text,
    topics: [],
    start: toOriginalOffset(own, q.start),
    end: toOriginalOffset(own, q.end),
  }));
  const section16 = toOriginal(detectSection16(own.text));
  const publicInterest = toOriginal(detectPublicInterest(own.text));
  return {
    kind: 'foi',
    questions,
    topics: [],
    citesSection16: section16 !== null,
    publicInterestArgument: publicInterest !== null,
    sectionsCited: [],
    timeSpan: null,
    ambiguousTerms: [],
    validity: { valid: true, missing: [] },
    evidence: { section16, publicInterest, timeSpan: null, kind: null },
  };
}

/** Evidence offsets point into the original body, which is what callers hold. */
function mapEvidence(own: StrippedText, evidence: Evidence | null): Evidence | null {
  if (!evidence) return null;
  return { ...evidence, start: toOriginalOffset(own, evidence.start), end: toOriginalOffset(own, evidence.end) };
}
