// natural ships typings for its classifiers index, not for the Bayes classifier's own module.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  import type { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
  const Bayes: typeof BayesClassifier;
  export default Bayes;
}

// The stop-word list natural's stemmers drop before stemming.
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
