// The analysis stage: from one request's text to the contract fields of `foi-intake analyse --json`
// (questions, kind, topics, s.16, public interest, validity…), pure and fast so it runs inline per message.
import type {
  AnalysedQuestion, AnalysisInput, CheckedDecision, EnvironmentalEvidence, Evidence, RequestAnalysis, RequestKind, Topic,
} from '../../domain/request-analysis.js';
import { DEFAULT_TOPICS } from '../../domain/request-analysis.js';
import { capForAnalysis, MAX_ANALYSED_SUBJECT_CHARS } from './analysis-limits.js';
import { checkValidity } from './check-validity.js';
import { classifyTopics, type TopicKeywords } from './classify-topics.js';
import type { TopicModel } from './topic-model.js';
import { isExplicitRequest } from './classify-sentence.js';
import { readPublicInterest } from './detect-public-interest.js';
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
import { mixedParts, questionKinds } from './question-kinds.js';
import { readEnvironmental } from './detect-environmental.js';
import { unwrapSoftBreaks } from './text-lines.js';
import type { AnalysisModels } from './analysis-models.js';
import { decideFlag, decideKind, rememberedLabels } from './combine-decisions.js';
import { DEFAULT_TOPIC_THRESHOLD, MODEL_TEXT_CHARS } from './classify-topics.js';

/** Evidence that names the duty itself (FOIA s.16, FOISA s.15, EIR reg 9) rather than asking for help in other words. */
const NAMES_THE_DUTY = /\bs(ection|\.)?\s*1[56]\b|\breg(ulation)?\.?\s*9\b|\badvi[cs]e and assist|\bassist(ance)? and advi[cs]e|\bduty\b/i;

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
  /** The learned models (kind, topic, s.16, public interest) and officers' corrections; without them, rules alone decide. */
  models?: AnalysisModels;
  /** Below this confidence a decision is listed in `lowConfidence`: the officer summary asks for a check. */
  confidenceThreshold?: number;
}

/** Admins' phrases: anything with `exec` (settings compile them for a linear-time engine, RE2). */
type Phrase = Pick<RegExp, 'exec'>;

export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;
/** How sure the rules are of a s.16 or public-interest call, by the evidence they found. */
const FLAG_STRENGTH = { named: 0.95, phrase: 0.8, cue: 0.65, absent: 0.8 } as const;

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
  const allQuestions = splitQuestions(own.text);
  const environmental = readEnvironmental(subject, unwrapSoftBreaks(own.text), allQuestions);
  const { models } = options;
  const remembered = rememberedLabels(models, input.text) ?? (own.text === input.text ? undefined : rememberedLabels(models, own.text));
  const ruled = detectRequestKind(subject, own.text, { asks: allQuestions, environmental });
  // The models read what the topic model reads (the subject and the opening of the body), so its words are stemmed once.
  const modelText = `${subject}\n${own.text}`.slice(0, MODEL_TEXT_CHARS);
  const kindDecision = remembered?.kind ? { value: remembered.kind, confidence: 1 } : decideKind(ruled, modelText, models);
  // When the model (or an officer's earlier correction) overturns the rules, their evidence no longer applies.
  const verdict: KindVerdict = kindDecision.value === ruled.kind ? ruled : { kind: kindDecision.value, evidence: null, basis: ruled.basis, environmental: ruled.environmental };
  const split = questionsForKind(verdict.kind, allQuestions);
  const topics = classifyTopics({
    subject, body: own.text, questions: split.map((q) => [q.text, ...(q.items ?? [])].join(' ')),
    taxonomy: options.topics ?? DEFAULT_TOPICS, keywords: options.topicKeywords,
    model: options.topicModel ?? models?.topic, modelWeight: options.topicModelWeight, threshold: options.topicThreshold,
  });
  const read: AnalysedQuestion[] = split.map((q, i) => ({
    // A question wrapped over lines by the sender's client (or by HTML-to-text) reads as one line;
    // start/end still point at the span in the original body. (The look-behind scans a run of
    // spaces once, from its start, instead of once from each of its spaces.)
    number: q.number, text: q.text.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' '), topics: topics.perQuestion[i] ?? [],
    topicConfidence: round(topics.perQuestionConfidence[i] ?? 0), lowConfidence: topics.lowConfidence[i] ?? true,
    ...(q.items ? { items: q.items } : {}),
    start: toOriginalOffset(own, q.start), end: toOriginalOffset(own, q.end),
  }));
  const kinds = questionKinds(verdict.kind, split.map((q, i) => ({ text: q.text, span: q, ownTopic: topics.perQuestionOwn[i] ?? null })), environmental);
  const questions = read.map((q, i) => (kinds[i] ? { ...q, kind: kinds[i] } : q));
  const detected = withExtraPatterns(detectAll(own, split, input.receivedAt), own, options.extraPatterns);
  const section16Strength = !detected.section16 ? FLAG_STRENGTH.absent : NAMES_THE_DUTY.test(detected.section16.text) ? FLAG_STRENGTH.named : FLAG_STRENGTH.phrase;
  const publicInterestStrength = !detected.publicInterest ? FLAG_STRENGTH.absent : detected.publicInterestFromCue ? FLAG_STRENGTH.cue : FLAG_STRENGTH.phrase;
  const section16 = remembered?.section16 !== undefined ? { value: remembered.section16, confidence: 1 }
    : decideFlag(detected.section16 !== null, section16Strength, models?.section16, modelText);
  const publicInterest = remembered?.publicInterest !== undefined ? { value: remembered.publicInterest, confidence: 1 }
    : decideFlag(detected.publicInterest !== null, publicInterestStrength, models?.publicInterest, modelText);
  const found = { ...detected, section16: section16.value ? detected.section16 : null, publicInterest: publicInterest.value ? detected.publicInterest : null };
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const lowConfidence: CheckedDecision[] = [
    ...(kindDecision.confidence < threshold ? ['kind' as const] : []),
    ...(section16.confidence < threshold ? ['section16' as const] : []),
    ...(publicInterest.confidence < threshold ? ['publicInterest' as const] : []),
    ...(topics.confidence < (options.topicThreshold ?? DEFAULT_TOPIC_THRESHOLD) ? ['topic' as const] : []),
  ];
  const topicList = topicsForKind(verdict, topics.request, options.topics ?? DEFAULT_TOPICS);
  return {
    kind: verdict.kind,
    kindConfidence: round(kindDecision.confidence),
    section16Confidence: round(section16.confidence),
    publicInterestConfidence: round(publicInterest.confidence),
    lowConfidence,
    questions,
    topics: remembered?.topic ? [remembered.topic, ...topicList.filter((t) => t !== remembered.topic)] : topicList,
    topicConfidence: round(topics.confidence),
    citesSection16: section16.value,
    publicInterestArgument: publicInterest.value,
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
      kind: mapEvidence(own, verdict.evidence), environmental: mapEnvironmental(own, verdict.environmental),
      sections: found.sections, ambiguousTerms: found.ambiguousTerms,
      format: found.formatEvidence,
    },
  };
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
  const section16 = detectSection16(own.text);
  const publicInterest = readPublicInterest(own.text);
  return {
    section16: mapped(section16),
    publicInterest: mapped(publicInterest.evidence),
    /** Only a cue with a reason beside it, not an argument in itself: a call the model may weigh in on. */
    publicInterestFromCue: publicInterest.evidence !== null && !publicInterest.strong,
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
 * A complaint is about the handling of a request, and a pitch or a how-to question about no work of
 * the authority: topic `other`. A review keeps the topic of the information it is about (the team that
 * answered the request looks at it again). A subject access request is about the requester's own
 * data, whatever service holds it: `personal_data` first.
 */
function topicsForKind(verdict: KindVerdict, topics: Topic[], taxonomy: readonly Topic[]): Topic[] {
  const first = verdict.kind === 'sar' && taxonomy.includes('personal_data') ? 'personal_data'
    : verdict.kind === 'complaint' || verdict.offTopic ? 'other' : null;
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

function mapEnvironmental(own: StrippedText, evidence: EnvironmentalEvidence | undefined): EnvironmentalEvidence | null {
  if (!evidence) return null;
  return evidence.field === 'body' ? mapSpan(own, evidence) : evidence;
}

function mapSpan<T extends Evidence>(own: StrippedText, evidence: T): T {
  return { ...evidence, start: toOriginalOffset(own, evidence.start), end: toOriginalOffset(own, evidence.end) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
