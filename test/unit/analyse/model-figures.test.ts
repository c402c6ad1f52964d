// The activation gate's comparison: any figure of any corpus that the candidate scores lower is a drop.
import { describe, expect, it } from 'vitest';
import { dropsBetween, type Figures } from '../../../src/evaluation/model-figures.js';

const figures = (kindAccuracy: number, topicAccuracy: number) =>
  ({ kindAccuracy, kindMacroF1: 0.9, questionSpanF1: 0.9, section16F1: 1, publicInterestF1: 1, topicAccuracy });

describe('figures that drop', () => {
  it('lists each lower figure, corpus by corpus; equal or higher ones pass', () => {
    const active: Figures = { a: figures(0.95, 0.9), b: figures(1, 0.8) };
    expect(dropsBetween(active, { a: figures(0.95, 0.925), b: figures(1, 0.8) })).toEqual([]);
    expect(dropsBetween(active, { a: figures(0.9, 0.95), b: figures(1, 0.775) })).toEqual([
      { corpus: 'a', figure: 'kindAccuracy', active: 0.95, candidate: 0.9 },
      { corpus: 'b', figure: 'topicAccuracy', active: 0.8, candidate: 0.775 },
    ]);
  });

  it('a corpus the candidate was not scored on counts as dropped to zero', () => {
    expect(dropsBetween({ a: figures(1, 1) }, {})).toHaveLength(6);
  });
});
