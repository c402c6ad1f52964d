// Question-span scoring. Two matchers, each pairing every label with at most one prediction (greedy,
// best pairs first):
// - `contained` (DESIGN.md "Analysis scoring", how an independent set is judged): a prediction matches
//   a label when it holds at least 70 % of the label's words and the label is at least 30 % of it;
// - `jaccard`: their word sets overlap by Jaccard ≥ 0.5 (stricter about spans that run on).

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9£%]+/g) ?? []);

export function jaccard(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  const shared = sharedCount(x, y);
  return shared / (x.size + y.size - shared);
}

/** The share of the label's words the prediction holds, or 0 when the label is under 30 % of the prediction. */
export function containment(predicted: string, label: string): number {
  const p = words(predicted);
  const l = words(label);
  if (l.size === 0) return p.size === 0 ? 1 : 0;
  if (l.size < CONTAINED_MIN_LABEL_SHARE * p.size) return 0;
  return sharedCount(p, l) / l.size;
}

function sharedCount(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared;
}

const CONTAINED_MIN_LABEL_WORDS = 0.7;
const CONTAINED_MIN_LABEL_SHARE = 0.3;

export interface SpanCounts {
  truePositives: number;
  predicted: number;
  expected: number;
}

export type SpanMatcher = 'contained' | 'jaccard';

export function matchQuestions(predicted: string[], expected: string[], matcher: SpanMatcher = 'jaccard'): SpanCounts {
  const score = matcher === 'jaccard' ? jaccard : containment;
  const threshold = matcher === 'jaccard' ? 0.5 : CONTAINED_MIN_LABEL_WORDS;
  const pairs: { p: number; e: number; score: number }[] = [];
  predicted.forEach((p, i) => expected.forEach((e, j) => {
    const s = score(p, e);
    if (s >= threshold) pairs.push({ p: i, e: j, score: s });
  }));
  pairs.sort((a, b) => b.score - a.score);
  const usedP = new Set<number>();
  const usedE = new Set<number>();
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedE.has(pair.e)) continue;
    usedP.add(pair.p);
    usedE.add(pair.e);
  }
  return { truePositives: usedP.size, predicted: predicted.length, expected: expected.length };
}
