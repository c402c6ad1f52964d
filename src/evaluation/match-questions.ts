// Question-span scoring: a predicted question matches a labelled one when their word sets overlap
// by Jaccard ≥ 0.5; each label is matched at most once (greedy, best pairs first).

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9£%]+/g) ?? []);

export function jaccard(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / (x.size + y.size - shared);
}

export interface SpanCounts {
  truePositives: number;
  predicted: number;
  expected: number;
}

export function matchQuestions(predicted: string[], expected: string[], threshold = 0.5): SpanCounts {
  const pairs: { p: number; e: number; score: number }[] = [];
  predicted.forEach((p, i) => expected.forEach((e, j) => {
    const score = jaccard(p, e);
    if (score >= threshold) pairs.push({ p: i, e: j, score });
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
