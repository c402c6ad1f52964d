// The trained half of topic classification: a `natural` naive Bayes model over the team's training
// corpus plus admins' examples. Versioned as JSON in the database, so a retrain can be rolled back.
import { restoreTextClassifier, trainTextClassifier, type TextClassifier } from './text-classifier.js';

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

function asTopicModel(classifier: TextClassifier): TopicModel {
  return { topics: classifier.labels, probabilities: (text) => classifier.probabilities(text), serialise: () => classifier.serialise() };
}

export function trainTopicModel(examples: readonly TopicExample[]): TopicModel {
  return asTopicModel(trainTextClassifier(examples.map((e) => ({ text: e.text, label: e.topic }))));
}

export function restoreTopicModel(json: string): TopicModel {
  return asTopicModel(restoreTextClassifier(json));
}
