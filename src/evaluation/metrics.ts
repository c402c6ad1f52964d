// Scoring for the analysis and the classifiers: precision, recall and F1 per label, accuracy,
// macro-F1 and a confusion matrix. Pure: labels in, figures out.

export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perLabel: LabelScore[];
  /** confusion[actual][predicted] = count */
  confusion: Record<string, Record<string, number>>;
  labels: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
export const f1Of = (precision: number, recall: number) => ratio(2 * precision * recall, precision + recall);

export function binaryF1(pairs: { expected: boolean; predicted: boolean }[]): { precision: number; recall: number; f1: number } {
  const tp = pairs.filter((p) => p.expected && p.predicted).length;
  const fp = pairs.filter((p) => !p.expected && p.predicted).length;
  const fn = pairs.filter((p) => p.expected && !p.predicted).length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: f1Of(precision, recall) };
}

export function classificationReport(pairs: { expected: string; predicted: string }[]): ClassificationReport {
  const labels = [...new Set(pairs.flatMap((p) => [p.expected, p.predicted]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of labels) confusion[a] = Object.fromEntries(labels.map((b) => [b, 0]));
  for (const p of pairs) confusion[p.expected]![p.predicted]! += 1;
  const perLabel = labels.map((label) => {
    const tp = confusion[label]![label]!;
    const predicted = labels.reduce((n, a) => n + confusion[a]![label]!, 0);
    const support = labels.reduce((n, b) => n + confusion[label]![b]!, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: f1Of(precision, recall), support };
  });
  const scored = perLabel.filter((s) => s.support > 0);
  return {
    accuracy: ratio(pairs.filter((p) => p.expected === p.predicted).length, pairs.length),
    macroF1: ratio(scored.reduce((n, s) => n + s.f1, 0), scored.length),
    perLabel,
    confusion,
    labels,
  };
}
