// The text `npm run eval` prints for one labelled corpus: each measure for the analysis beside the
// keyword baseline and its target, kind per label and, when asked, the kind confusion matrix.
import type { CorpusScores } from './evaluate-corpus.js';

export interface Targets {
  kindAccuracy: number;
  kindMacroF1: number;
  questionSpan: number;
  section16: number;
  publicInterest: number;
  topic: number;
}

/** The shared real development sets: what issue #14 asks them to reach. */
export const REAL_DEVSET_TARGETS: Targets = { kindAccuracy: 0.92, kindMacroF1: 0.65, questionSpan: 0.85, section16: 0.95, publicInterest: 0.85, topic: 0.8 };
/** An unseen real set, labelled by the same rules: what the product must reach there. */
export const UNSEEN_SET_TARGETS: Targets = { kindAccuracy: 0.9, kindMacroF1: 0.65, questionSpan: 0.8, section16: 0.95, publicInterest: 0.85, topic: 0.75 };

const f = (n: number) => n.toFixed(3);
const atLeast = (n: number) => `≥ ${n.toFixed(2)}`;

export function renderCorpusReport(title: string, analysis: CorpusScores, baseline: CorpusScores, targets: Targets, verbose: boolean): string {
  const rows: [string, (s: CorpusScores) => string, string][] = [
    ['kind accuracy', (s) => f(s.kind.accuracy), atLeast(targets.kindAccuracy)],
    ['kind macro-F1', (s) => f(s.kind.macroF1), atLeast(targets.kindMacroF1)],
    ['question-span F1 (contained: ≥ 70 % of label, label ≥ 30 %)', (s) => f(s.questionSpanContained.f1), atLeast(targets.questionSpan)],
    ['  precision / recall', (s) => `${f(s.questionSpanContained.precision)} / ${f(s.questionSpanContained.recall)}`, ''],
    ['question-span F1 (Jaccard ≥ 0.5)', (s) => f(s.questionSpan.f1), ''],
    ['s.16 F1', (s) => f(s.section16.f1), atLeast(targets.section16)],
    ['  precision / recall', (s) => `${f(s.section16.precision)} / ${f(s.section16.recall)}`, ''],
    ['public-interest F1', (s) => f(s.publicInterest.f1), atLeast(targets.publicInterest)],
    ['  precision / recall', (s) => `${f(s.publicInterest.precision)} / ${f(s.publicInterest.recall)}`, ''],
    ['primary-topic accuracy', (s) => f(s.primaryTopicAccuracy), atLeast(targets.topic)],
    ['sections cited, exact set', (s) => (s.sectionsCitedExact === null ? '-' : f(s.sectionsCitedExact)), ''],
  ];
  const lines = [`## ${title} (${analysis.count} requests)`, '', '| measure | analysis | keyword baseline | target |', '|---|---:|---:|---:|'];
  for (const [label, get, target] of rows) lines.push(`| ${label} | ${get(analysis)} | ${get(baseline)} | ${target} |`);
  lines.push('', 'kind, per label (analysis):');
  for (const s of analysis.kind.perLabel) lines.push(`  ${s.label.padEnd(16)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  n=${s.support}`);
  if (verbose) lines.push('', ...confusion(analysis));
  return `${lines.join('\n')}\n`;
}

function confusion(scores: CorpusScores): string[] {
  const labels = scores.kind.labels;
  const lines = ['kind confusion (rows: labelled, columns: predicted):', `  ${''.padEnd(16)}${labels.map((l) => l.slice(0, 8).padStart(9)).join('')}`];
  for (const a of labels) lines.push(`  ${a.padEnd(16)}${labels.map((b) => String(scores.kind.confusion[a]![b]).padStart(9)).join('')}`);
  return lines;
}

/** One line per corpus: the headline figures, the baseline's in brackets. */
export function renderSummary(results: { name: string; analysis: CorpusScores; baseline: CorpusScores }[]): string {
  const lines = ['## Summary (analysis, keyword baseline in brackets)', '', '| corpus | n | kind | kind macro-F1 | spans (contained) | spans (Jaccard) | s.16 F1 | PI F1 | topic |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const { name, analysis: a, baseline: b } of results) {
    const cell = (get: (s: CorpusScores) => number) => `${f(get(a))} (${f(get(b))})`;
    lines.push(`| ${name} | ${a.count} | ${cell((s) => s.kind.accuracy)} | ${cell((s) => s.kind.macroF1)} | ${cell((s) => s.questionSpanContained.f1)} | ${cell((s) => s.questionSpan.f1)} | ${cell((s) => s.section16.f1)} | ${cell((s) => s.publicInterest.f1)} | ${cell((s) => s.primaryTopicAccuracy)} |`);
  }
  return `${lines.join('\n')}\n`;
}
