// The figures a model version is judged by before it may go live: on each corpus of the evaluation set,
// kind accuracy and macro-F1, question-span F1 (the contract's containment rule), s.16 F1,
// public-interest F1 and primary-topic accuracy. A candidate is activated only when none of them drops
// against the active version (DESIGN.md "Contract details": `classifier activate`).
import type { Analyser } from '../pipeline/analyse/create-analyser.js';
import { evaluateCorpus, type CorpusScores, type LabelledRequest } from './evaluate-corpus.js';

export const FIGURE_NAMES = ['kindAccuracy', 'kindMacroF1', 'questionSpanF1', 'section16F1', 'publicInterestF1', 'topicAccuracy'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export interface EvaluationCorpus {
  name: string;
  items: LabelledRequest[];
}

/** Per corpus, each figure, rounded to 4 places so that stored and recomputed figures compare equal. */
export type Figures = Record<string, Record<FigureName, number>>;

export interface FigureDrop {
  corpus: string;
  figure: FigureName;
  active: number;
  candidate: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function figuresOfScores(s: CorpusScores): Record<FigureName, number> {
  return {
    kindAccuracy: round(s.kind.accuracy), kindMacroF1: round(s.kind.macroF1), questionSpanF1: round(s.questionSpanContained.f1),
    section16F1: round(s.section16F1), publicInterestF1: round(s.publicInterestF1), topicAccuracy: round(s.primaryTopicAccuracy),
  };
}

export function figuresOf(analyse: Analyser, corpora: readonly EvaluationCorpus[]): Figures {
  const figures: Figures = {};
  for (const corpus of corpora) {
    const scores = evaluateCorpus(corpus.items, (item) => {
      const a = analyse({ subject: item.subject, text: item.text, from: null });
      return { ...a, questions: a.questions.map((q) => q.text) };
    });
    figures[corpus.name] = figuresOfScores(scores);
  }
  return figures;
}

/** Every figure the candidate scores lower than the active version, corpus by corpus. */
export function dropsBetween(active: Figures, candidate: Figures): FigureDrop[] {
  const drops: FigureDrop[] = [];
  for (const [corpus, figures] of Object.entries(active)) {
    for (const figure of FIGURE_NAMES) {
      const was = figures[figure];
      const now = candidate[corpus]?.[figure] ?? 0;
      if (now < was) drops.push({ corpus, figure, active: was, candidate: now });
    }
  }
  return drops;
}
