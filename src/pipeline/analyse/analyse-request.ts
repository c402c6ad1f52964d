// The analysis stage: from one request's text to the contract fields of `foi-intake analyse --json`
// (questions, kind, topics, s.16, public interest, validity…), pure and fast so it runs inline per message.
import type {
  AnalysedQuestion, AnalysisInput, Evidence, RequestAnalysis, RequestKind, Topic,
} from '../../domain/request-analysis.js';
import { DEFAULT_TOPICS } from '../../domain/request-analysis.js';
import { capForAnalysis, MAX_ANALYSED_SUBJECT_CHARS } from './analysis-limits.js';
import { checkValidity } from './check-validity.js';
import { classifyTopics, type TopicKeywords } from './classify-topics.js';
import type { TopicModel } from './topic-model.js';
import { isExplicitRequest } from './classify-sentence.js';
import { detectPublicInterest } from './detect-public-interest.js';
import { detectRequestKind, type KindVerdict } from './detect-request-kind.js';
import { detectSection16 } from './detect-section16.js';
import { findSectionCitations } from './extract-sections-cited.js';
import { detectFormat } from './detect-format.js';
import { normaliseTimeSpan } from './normalise-time-span.js';
import { readRequestText } from './read-request-text.js';
import { extractTimeSpan } from './extract-time-span.js';
import { findAmbiguousTermSpans } from './find-ambiguous-terms.js';
import { splitQuestions, type SplitQuestion } from './split-questions.js';
import { toOriginalOffset, type StrippedText } from './strip-quoted-text.js';

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
  /** Admins' own phrases (compiled regexes), tried where the built-in lists find nothing. */
  extraPatterns?: ExtraPatterns;
}

/** Admins' phrases: anything with `exec` (settings compile them for a linear-time engine, RE2). */
type Phrase = Pick<RegExp, 'exec'>;

export interface ExtraPatterns {
  section16: readonly Phrase[];
  publicInterest: readonly Phrase[];
  ambiguousTerms: readonly Phrase[];
}

/** Kinds that ask for nothing new: a review, a complaint or a chaser has no questions of its own. */
const KINDS_WITHOUT_QUESTIONS: ReadonlySet<RequestKind> = new Set(['internal_review', 'complaint', 'other']);

export function analyseRequest(uncapped: AnalysisInput, options: AnalyseOptions = {}): RequestAnalysis {
  // Only the start of a huge body is read (offsets into it stay offsets into the whole body).
  const body = capForAnalysis(uncapped.text);
  const input = { ...uncapped, text: body.text, subject: capForAnalysis(uncapped.subject, MAX_ANALYSED_SUBJECT_CHARS).text };
  const { own, subject, forwardedFrom } = readRequestText(input);
  const verdict = detectRequestKind(subject, own.text);
  const split = questionsForKind(verdict.kind, splitQuestions(own.text));
  const topics = classifyTopics({
    subject, body: own.text, questions: split.map((q) => [q.text, ...(q.items ?? [])].join(' ')),
    taxonomy: options.topics ?? DEFAULT_TOPICS, keywords: options.topicKeywords,
    model: options.topicModel, modelWeight: options.topicModelWeight, threshold: options.topicThreshold,
  });
  const questions: AnalysedQuestion[] = split.map((q, i) => ({
    // A question wrapped over lines by the sender's client (or by HTML-to-text) reads as one line;
    // start/end still point at the span in the original body. (The look-behind scans a run of
    // spaces once, from its start, instead of once from each of its spaces.)
    number: q.number, text: q.text.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' '), topics: topics.perQuestion[i] ?? [],
    topicConfidence: round(topics.perQuestionConfidence[i] ?? 0), lowConfidence: topics.lowConfidence[i] ?? true,
    ...(q.items ? { items: q.items } : {}),
    start: toOriginalOffset(own, q.start), end: toOriginalOffset(own, q.end),
  }));
  const found = withExtraPatterns(detectAll(own, split, input.receivedAt), own, options.extraPatterns);
  return {
    kind: verdict.kind,
    questions,
    topics: topicsForKind(verdict, topics.request, options.topics ?? DEFAULT_TOPICS),
    topicConfidence: round(topics.confidence),
    citesSection16: found.section16 !== null,
    publicInterestArgument: found.publicInterest !== null,
    sectionsCited: [...new Set(found.sections.map((c) => c.section))],
    timeSpan: found.timeSpan?.text ?? null,
    timeSpanRange: found.timeSpanRange,
    formatRequested: found.format,
    forwardedFrom,
    mixed: mixedParts(verdict.kind, questions),
    ambiguousTerms: found.ambiguousTerms.map((e) => e.text),
    truncated: body.truncated,
    validity: checkValidity({
      from: forwardedFrom ?? input.from, ownText: own.text, describesInformation: describesInformation(verdict.kind, questions),
    }),
    evidence: {
      section16: found.section16, publicInterest: found.publicInterest, timeSpan: found.timeSpan,
      kind: mapEvidence(own, verdict.evidence), sections: found.sections, ambiguousTerms: found.ambiguousTerms,
      format: found.formatEvidence,
    },
  };
}

/**
 * A mixed request: some questions ask for the requester's own personal data (a subject access
 * request, due in a month) and others for general information (FOI/EIR, 20 working days).
 * ICO s.8 guidance: each part is handled under its own regime.
 */
function mixedParts(kind: RequestKind, questions: AnalysedQuestion[]): { ownData: string[]; general: string[] } | null {
  if (!['foi', 'eir', 'sar'].includes(kind) || questions.length < 2) return null;
  const label = (q: AnalysedQuestion, i: number) => q.number ?? String(i + 1);
  const ownData = questions.flatMap((q, i) => (detectRequestKind('', q.text).kind === 'sar' ? [label(q, i)] : []));
  const general = questions.flatMap((q, i) => (ownData.includes(label(q, i)) ? [] : [label(q, i)]));
  return ownData.length > 0 && general.length > 0 ? { ownData, general } : null;
}

function firstMatch(own: StrippedText, patterns: readonly Phrase[]): Evidence | null {
  for (const pattern of patterns) {
    const m = pattern.exec(own.text);
    if (m) return mapEvidence(own, { text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return null;
}

function withExtraPatterns<T extends { section16: Evidence | null; publicInterest: Evidence | null; ambiguousTerms: Evidence[] }>(
  found: T, own: StrippedText, extra: ExtraPatterns | undefined,
): T {
  if (!extra) return found;
  const ambiguous = extra.ambiguousTerms.map((p) => firstMatch(own, [p])).filter((e): e is Evidence => e !== null);
  return {
    ...found,
    section16: found.section16 ?? firstMatch(own, extra.section16),
    publicInterest: found.publicInterest ?? firstMatch(own, extra.publicInterest),
    ambiguousTerms: [...found.ambiguousTerms, ...ambiguous.filter((e) => !found.ambiguousTerms.some((f) => f.text.toLowerCase() === e.text.toLowerCase()))],
  };
}

/** The detectors over the requester's own text, each with its evidence mapped back to the original body. */
function detectAll(own: StrippedText, questions: SplitQuestion[], receivedAt: Date | undefined) {
  const mapped = (evidence: Evidence | null) => mapEvidence(own, evidence);
  const timeSpan = extractTimeSpan(own.text);
  const format = detectFormat(own.text);
  return {
    section16: mapped(detectSection16(own.text)),
    publicInterest: mapped(detectPublicInterest(own.text)),
    timeSpan: mapped(timeSpan),
    timeSpanRange: timeSpan ? normaliseTimeSpan(timeSpan.text, receivedAt) : null,
    format: format?.format ?? null,
    formatEvidence: mapped(format?.evidence ?? null),
    sections: findSectionCitations(own.text).map((c) => ({ section: c.section, ...mapSpan(own, c.evidence) })),
    ambiguousTerms: findAmbiguousTermSpans(questions).map((e) => mapSpan(own, e)),
  };
}

/** A clarification keeps only what it explicitly asks for; reviews, complaints and chasers ask nothing new. */
function questionsForKind(kind: RequestKind, questions: SplitQuestion[]): SplitQuestion[] {
  if (KINDS_WITHOUT_QUESTIONS.has(kind)) return [];
  if (kind !== 'clarification') return questions;
  return questions.filter((q) => q.source === 'list' || (q.source === 'prose' && isExplicitRequest(q.text)));
}

/**
 * A review or complaint is about the handling of a request, and a pitch or a how-to question about
 * no work of the authority: topic `other`. A subject access request is about the requester's own
 * data, whatever service holds it: `personal_data` first.
 */
function topicsForKind(verdict: KindVerdict, topics: Topic[], taxonomy: readonly Topic[]): Topic[] {
  const first = verdict.kind === 'sar' && taxonomy.includes('personal_data') ? 'personal_data'
    : verdict.kind === 'internal_review' || verdict.kind === 'complaint' || verdict.offTopic ? 'other' : null;
  return first ? [first, ...topics.filter((t) => t !== first)] : topics;
}

/** FOIA s.8(1)(c) concerns new requests; other kinds refer to a request already described. */
function describesInformation(kind: RequestKind, questions: AnalysedQuestion[]): boolean {
  return !['foi', 'eir', 'sar'].includes(kind) || questions.length > 0;
}

/** Evidence offsets point into the original body, which is what callers hold. */
function mapEvidence(own: StrippedText, evidence: Evidence | null): Evidence | null {
  return evidence ? mapSpan(own, evidence) : null;
}

function mapSpan(own: StrippedText, evidence: Evidence): Evidence {
  return { ...evidence, start: toOriginalOffset(own, evidence.start), end: toOriginalOffset(own, evidence.end) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
