// A labelled example the learned parts of the analysis are trained on: one of the team's shipped examples,
// or an officer's correction of a case (the authority's own mail, read right). Every label is optional,
// because a correction fixes one decision (the kind, a topic, s.16 or the public-interest flag) at a time.
import type { RequestKind } from './request-analysis.js';

export interface LabelledExample {
  text: string;
  /** The message's subject line, when the example is a whole message. */
  subject?: string;
  kind?: RequestKind;
  topic?: string;
  section16?: boolean;
  publicInterest?: boolean;
  /**
   * How an officer divided `text` into questions (a split or a merge). Kept as labelled data for the
   * question splitter's evaluation; the splitter is rules, so training does not read it.
   */
  questions?: string[];
}
