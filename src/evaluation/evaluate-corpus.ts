// Scores an analyser on a labelled corpus (the JSON Lines format of fixtures/eval/): s.16 and
// public-interest F1, kind accuracy and macro-F1, question-span F1 and primary-topic accuracy.
import { binaryF1, classificationReport, f1Of, type ClassificationReport } from './metrics.js';
import { matchQuestions } from './match-questions.js';

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

export interface CorpusScores {
  count: number;
  section16F1: number;
  publicInterestF1: number;
  kind: ClassificationReport;
  questionSpan: { precision: number; recall: number; f1: number };
  primaryTopicAccuracy: number;
  sectionsCitedExact: number | null;
  topic: ClassificationReport;
}

export function evaluateCorpus(items: LabelledRequest[], predict: (item: LabelledRequest) => Prediction): CorpusScores {
  const predictions = items.map((item) => ({ item, p: predict(item) }));
  let tp = 0, predicted = 0, expected = 0;
  for (const { item, p } of predictions) {
    const counts = matchQuestions(p.questions, item.labels.questions);
    tp += counts.truePositives;
    predicted += counts.predicted;
    expected += counts.expected;
  }
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = expected === 0 ? 0 : tp / expected;
  const topic = classificationReport(predictions.map(({ item, p }) => ({ expected: item.labels.topic, predicted: p.topics[0] ?? 'other' })));
  const withSections = predictions.filter(({ p }) => p.sectionsCited !== undefined);
  return {
    count: items.length,
    section16F1: binaryF1(predictions.map(({ item, p }) => ({ expected: item.labels.cites_s16, predicted: p.citesSection16 }))).f1,
    publicInterestF1: binaryF1(predictions.map(({ item, p }) => ({ expected: item.labels.public_interest_argument, predicted: p.publicInterestArgument }))).f1,
    kind: classificationReport(predictions.map(({ item, p }) => ({ expected: item.labels.kind, predicted: p.kind }))),
    questionSpan: { precision, recall, f1: f1Of(precision, recall) },
    primaryTopicAccuracy: topic.accuracy,
    sectionsCitedExact: withSections.length === 0 ? null
      : withSections.filter(({ item, p }) => sameSet(p.sectionsCited!, item.labels.sections_cited ?? [])).length / withSections.length,
    topic,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
