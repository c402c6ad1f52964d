// The analysis stage: from one request's text to the contract fields of `foi-intake analyse --json`
// (questions, kind, topics, s.16, public interest, validity…), pure and fast so it runs inline per message.
import type {
  AnalysedQuestion, AnalysisInput, Evidence, RequestAnalysis, RequestKind, Topic,
} from '../../domain/request-analysis.js';
import { DEFAULT_TOPICS } from '../../domain/request-analysis.js';
import { checkValidity } from './check-validity.js';
import { classifyTopics, type TopicKeywords } from './classify-topics.js';
import type { TopicModel } from './topic-model.js';
import { isExplicitRequest } from './classify-sentence.js';
import { detectPublicInterest } from './detect-public-interest.js';
import { detectRequestKind } from './detect-request-kind.js';
import { detectSection16 } from './detect-section16.js';
import { extractSectionsCited } from './extract-sections-cited.js';
import { extractTimeSpan } from './extract-time-span.js';
import { findAmbiguousTerms } from './find-ambiguous-terms.js';
import { splitQuestions, type SplitQuestion } from './split-questions.js';
import { stripQuotedText, toOriginalOffset, type StrippedText } from './strip-quoted-text.js';

export interface AnalyseOptions {
  /** The topic taxonomy; defaults to DEFAULT_TOPICS (admins may add topics). */
  topics?: readonly Topic[];
  /** Keywords per topic; defaults to TOPIC_KEYWORDS. Pass the same object each call (it is compiled once). */
  topicKeywords?: TopicKeywords;
  /** The trained topic model (loaded once by the caller); without one, keywords alone decide. */
  topicModel?: TopicModel;
  /** The model's share of the blended topic score, 0–1. */
  topicModelWeight?: number;
  /** Below this confidence a question's topic is `other` and it is flagged low-confidence. */
  topicThreshold?: number;
}

/** Kinds that ask for nothing new: a review, a complaint or a chaser has no questions of its own. */
const KINDS_WITHOUT_QUESTIONS: ReadonlySet<RequestKind> = new Set(['internal_review', 'complaint', 'other']);

export function analyseRequest(input: AnalysisInput, options: AnalyseOptions = {}): RequestAnalysis {
  const own = stripQuotedText(input.text);
  const mapped = (evidence: Evidence | null) => mapEvidence(own, evidence);
  const verdict = detectRequestKind(input.subject, own.text);
  const split = questionsForKind(verdict.kind, splitQuestions(own.text));
  const topics = classifyTopics({
    subject: input.subject, body: own.text, questions: split.map((q) => [q.text, ...(q.items ?? [])].join(' ')),
    taxonomy: options.topics ?? DEFAULT_TOPICS, keywords: options.topicKeywords,
    model: options.topicModel, modelWeight: options.topicModelWeight, threshold: options.topicThreshold,
  });
  const questions: AnalysedQuestion[] = split.map((q, i) => ({
    number: q.number, text: q.text, topics: topics.perQuestion[i] ?? [],
    topicConfidence: round(topics.perQuestionConfidence[i] ?? 0), lowConfidence: topics.lowConfidence[i] ?? true,
    ...(q.items ? { items: q.items } : {}),
    start: toOriginalOffset(own, q.start), end: toOriginalOffset(own, q.end),
  }));
  const section16 = mapped(detectSection16(own.text));
  const publicInterest = mapped(detectPublicInterest(own.text));
  const timeSpan = mapped(extractTimeSpan(own.text));
  return {
    kind: verdict.kind,
    questions,
    topics: topicsForKind(verdict.kind, topics.request),
    topicConfidence: round(topics.confidence),
    citesSection16: section16 !== null,
    publicInterestArgument: publicInterest !== null,
    sectionsCited: extractSectionsCited(own.text),
    timeSpan: timeSpan?.text ?? null,
    ambiguousTerms: findAmbiguousTerms(questions.map((q) => q.text)),
    validity: checkValidity({ from: input.from, ownText: own.text, describesInformation: describesInformation(verdict.kind, questions) }),
    evidence: { section16, publicInterest, timeSpan, kind: mapped(verdict.evidence) },
  };
}

/** A clarification keeps only what it explicitly asks for; reviews, complaints and chasers ask nothing new. */
function questionsForKind(kind: RequestKind, questions: SplitQuestion[]): SplitQuestion[] {
  if (KINDS_WITHOUT_QUESTIONS.has(kind)) return [];
  if (kind !== 'clarification') return questions;
  return questions.filter((q) => q.source === 'list' || (q.source === 'prose' && isExplicitRequest(q.text)));
}

/** A review or complaint is about the handling of a request: the FOI process itself, topic `other`. */
function topicsForKind(kind: RequestKind, topics: Topic[]): Topic[] {
  if (kind !== 'internal_review' && kind !== 'complaint') return topics;
  return ['other', ...topics.filter((t) => t !== 'other')];
}

/** FOIA s.8(1)(c) concerns new requests; other kinds refer to a request already described. */
function describesInformation(kind: RequestKind, questions: AnalysedQuestion[]): boolean {
  return !['foi', 'eir', 'sar'].includes(kind) || questions.length > 0;
}

/** Evidence offsets point into the original body, which is what callers hold. */
function mapEvidence(own: StrippedText, evidence: Evidence | null): Evidence | null {
  if (!evidence) return null;
  return { ...evidence, start: toOriginalOffset(own, evidence.start), end: toOriginalOffset(own, evidence.end) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
