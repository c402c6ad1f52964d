// The trained half of topic classification: a `natural` naive Bayes model over the team's training
// corpus plus admins' examples. Versioned as JSON in the database, so a retrain can be rolled back.
// Only the Bayes classifier's module is imported: natural's main entry takes over a second and
// loads drivers, and its classifiers index loads MaxEnt and logistic regression too (~37 MB).
import type natural from 'natural/lib/natural/classifiers/index.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';

export interface TopicExample {
  topic: string;
  text: string;
}

export interface TopicModel {
  /** Probability per topic for a text, summing to 1 over the topics the model knows. */
  probabilities(text: string): Map<string, number>;
  /** The model as JSON, to store and restore. */
  serialise(): string;
  readonly topics: readonly string[];
}

function wrap(classifier: natural.BayesClassifier): TopicModel {
  const topics = Object.keys(classifier.classifier.classTotals);
  // natural turns a text into a dense vector by scanning the whole vocabulary per call (~0.2 ms
  // for one sentence); the underlying Bayes model also accepts a sparse observation (a bag of
  // feature indices), which we build from a token → index map in time linear in the text.
  const featureIndex = new Map(Object.keys(classifier.features).map((feature, index) => [feature, index]));
  const sparse = (text: string) => {
    const indices = new Set<number>();
    for (const token of classifier.stemmer.tokenizeAndStem(text, false)) {
      const index = featureIndex.get(token);
      if (index !== undefined) indices.add(index);
    }
    return Object.fromEntries([...indices].map((index, i) => [`f${i}`, index]));
  };
  return {
    topics,
    probabilities(text) {
      const scores = classifier.classifier.getClassifications(sparse(text));
      const total = scores.reduce((sum, s) => sum + s.value, 0);
      return new Map(scores.map((s) => [s.label, total > 0 ? s.value / total : 0]));
    },
    serialise: () => JSON.stringify(classifier),
  };
}

export function trainTopicModel(examples: readonly TopicExample[]): TopicModel {
  const classifier = new BayesClassifier();
  for (const example of examples) classifier.addDocument(example.text, example.topic);
  classifier.train();
  return wrap(classifier);
}

export function restoreTopicModel(json: string): TopicModel {
  return wrap(BayesClassifier.restore(JSON.parse(json) as Record<string, unknown>));
}
