// Scores an analyser on a labelled corpus (the JSON Lines format of fixtures/eval/): s.16 and
// public-interest F1, kind accuracy and macro-F1, question-span F1 (by the contract's containment rule
// and by Jaccard) and primary-topic accuracy.
import { binaryF1, classificationReport, f1Of, type ClassificationReport } from './metrics.js';
import { matchQuestions, type SpanMatcher } from './match-questions.js';

export interface LabelledRequest {
  id: string;
  subject: string;
  text: string;
  labels: {
    kind: string;
    questions: string[];
    cites_s16: boolean;
    public_interest_argument: boolean;
    sections_cited?: string[];
    time_span?: string | null;
    topic: string;
  };
}

export interface Prediction {
  kind: string;
  questions: string[];
  citesSection16: boolean;
  publicInterestArgument: boolean;
  topics: string[];
  sectionsCited?: string[];
}

export interface BinaryScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScores {
  count: number;
  section16F1: number;
  publicInterestF1: number;
  section16: BinaryScores;
  publicInterest: BinaryScores;
  kind: ClassificationReport;
  /** Jaccard ≥ 0.5 between a predicted and a labelled question. */
  questionSpan: BinaryScores;
  /** DESIGN.md "Analysis scoring": the prediction holds ≥ 70 % of the label's words, the label is ≥ 30 % of it. */
  questionSpanContained: BinaryScores;
  primaryTopicAccuracy: number;
  sectionsCitedExact: number | null;
  topic: ClassificationReport;
}

export function evaluateCorpus(items: LabelledRequest[], predict: (item: LabelledRequest) => Prediction): CorpusScores {
  const predictions = items.map((item) => ({ item, p: predict(item) }));
  const section16 = binaryF1(predictions.map(({ item, p }) => ({ expected: item.labels.cites_s16, predicted: p.citesSection16 })));
  const publicInterest = binaryF1(predictions.map(({ item, p }) => ({ expected: item.labels.public_interest_argument, predicted: p.publicInterestArgument })));
  const topic = classificationReport(predictions.map(({ item, p }) => ({ expected: item.labels.topic, predicted: p.topics[0] ?? 'other' })));
  const withSections = predictions.filter(({ p }) => p.sectionsCited !== undefined);
  return {
    count: items.length,
    section16F1: section16.f1,
    publicInterestF1: publicInterest.f1,
    section16,
    publicInterest,
    kind: classificationReport(predictions.map(({ item, p }) => ({ expected: item.labels.kind, predicted: p.kind }))),
    questionSpan: spanScores(predictions, 'jaccard'),
    questionSpanContained: spanScores(predictions, 'contained'),
    primaryTopicAccuracy: topic.accuracy,
    sectionsCitedExact: withSections.length === 0 ? null
      : withSections.filter(({ item, p }) => sameSet(p.sectionsCited!, item.labels.sections_cited ?? [])).length / withSections.length,
    topic,
  };
}

function spanScores(predictions: { item: LabelledRequest; p: Prediction }[], matcher: SpanMatcher): BinaryScores {
  let tp = 0, predicted = 0, expected = 0;
  for (const { item, p } of predictions) {
    const counts = matchQuestions(p.questions, item.labels.questions, matcher);
    tp += counts.truePositives;
    predicted += counts.predicted;
    expected += counts.expected;
  }
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = expected === 0 ? 0 : tp / expected;
  return { precision, recall, f1: f1Of(precision, recall) };
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
