// A text classifier trained with `natural` (naive Bayes over stemmed words), shared by every learned part
// of the analysis: topics, kinds, and the borderline s.16 and public-interest calls. Serialised as JSON so
// that a retrain is stored, compared and rolled back like any other model version.
// Only the Bayes classifier's module is imported: natural's main entry takes over a second and loads
// drivers, and its classifiers index loads MaxEnt and logistic regression too (~37 MB).
import type natural from 'natural/lib/natural/classifiers/index.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { words as stopWords } from 'natural/lib/natural/util/stopwords.js';

export interface LabelledText {
  text: string;
  label: string;
}

export interface TextClassifier {
  /** Probability per label for a text, summing to 1 over the labels the model knows. */
  probabilities(text: string): Map<string, number>;
  /** The model as JSON, to store and restore. */
  serialise(): string;
  readonly labels: readonly string[];
}

/**
 * natural's Bayes score is a product over every known word of the text, so a long email drives one label
 * to ~1 and the others to 0 (or all to 0 by underflow), whatever its evidence is worth. The log-likelihood
 * is therefore scaled to at most this many words' worth before the labels are compared: a long text
 * weighs like a short one, and the probabilities stay usable as confidences.
 */
const EFFECTIVE_WORDS = 8;

/**
 * natural's `tokenizeAndStem`, made linear and cheap: its stop-word check scans a list per token and its
 * Porter stemmer runs a dozen regexes per token. The same tokens come out (split on what natural's
 * aggressive tokenizer splits on, stop words dropped, each word stemmed), with a set for the stop words and
 * each word's stem remembered. The last few texts' tokens are kept too, since every model of a message
 * reads the same text. All models here use natural's default Porter stemmer.
 */
const NON_WORD = /[^a-zA-Z0-9'\-/]+/;
const STOP_WORDS: ReadonlySet<string> = new Set(stopWords);
const STEM_MEMO_LIMIT = 50_000;
const stemMemo = new Map<string, string>();
const TEXT_CACHE_SIZE = 8;
const textCache = new Map<string, string[]>();

function stemmed(classifier: natural.BayesClassifier, text: string): string[] {
  const cached = textCache.get(text);
  if (cached) return cached;
  const tokens: string[] = [];
  for (const word of text.toLowerCase().split(NON_WORD)) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    let stem = stemMemo.get(word);
    if (stem === undefined) {
      if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
      stem = classifier.stemmer.stem(word);
      stemMemo.set(word, stem);
    }
    tokens.push(stem);
  }
  if (textCache.size >= TEXT_CACHE_SIZE) textCache.delete(textCache.keys().next().value!);
  textCache.set(text, tokens);
  return tokens;
}

interface BayesState {
  classFeatures: Record<string, Record<string, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}

function wrap(classifier: natural.BayesClassifier): TextClassifier {
  const state = classifier.classifier as unknown as BayesState;
  const labels = Object.keys(state.classTotals);
  // natural turns a text into a dense vector by scanning the whole vocabulary per call; the counts it
  // keeps are read directly here, from a token → index map, in time linear in the text.
  const featureIndex = new Map(Object.keys(classifier.features).map((feature, index) => [feature, index]));
  const features = (text: string): number[] => {
    const indices = new Set<number>();
    for (const token of stemmed(classifier, text)) {
      const index = featureIndex.get(token);
      if (index !== undefined) indices.add(index);
    }
    return [...indices];
  };
  return {
    labels,
    probabilities(text) {
      const observed = features(text);
      const scale = observed.length > EFFECTIVE_WORDS ? EFFECTIVE_WORDS / observed.length : 1;
      const logScores = labels.map((label) => {
        const counts = state.classFeatures[label] ?? {};
        const total = state.classTotals[label] ?? 1;
        let likelihood = 0;
        for (const index of observed) likelihood += Math.log((counts[index] ?? state.smoothing) / total);
        return Math.log(total / state.totalExamples) + scale * likelihood;
      });
      const top = Math.max(...logScores);
      const weights = logScores.map((s) => Math.exp(s - top));
      const sum = weights.reduce((a, b) => a + b, 0);
      return new Map(labels.map((label, i) => [label, weights[i]! / sum]));
    },
    serialise: () => JSON.stringify(classifier),
  };
}

export function trainTextClassifier(examples: readonly LabelledText[]): TextClassifier {
  const classifier = new BayesClassifier();
  for (const example of examples) classifier.addDocument(example.text, example.label);
  classifier.train();
  return wrap(classifier);
}

export function restoreTextClassifier(json: string): TextClassifier {
  return wrap(BayesClassifier.restore(JSON.parse(json) as Record<string, unknown>));
}
