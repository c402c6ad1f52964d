// `npm run eval [-- --corpus PATH]`: scores the request analysis on a labelled JSON Lines corpus
// (default fixtures/eval/requests.jsonl) beside a naive keyword baseline, and prints the figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateCorpus, type CorpusScores, type LabelledRequest } from '../src/evaluation/evaluate-corpus.js';
import { keywordBaseline } from '../src/evaluation/keyword-baseline.js';
import { fixturesDir } from '../src/paths.js';
import { analyseRequest } from '../src/pipeline/analyse/analyse-request.js';
import { trainTopicModel } from '../src/pipeline/analyse/topic-model.js';
import { readTopicTrainingCorpus } from '../src/adapters/fs/training-corpus.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const corpusPath = values.corpus ?? join(fixturesDir, 'eval', 'requests.jsonl');
const items = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRequest);

// The model every installation starts from: trained on the team's corpus only.
const topicModel = trainTopicModel(readTopicTrainingCorpus());
const analysis = evaluateCorpus(items, (item) => {
  const a = analyseRequest({ subject: item.subject, text: item.text, from: null }, { topicModel });
  return { ...a, questions: a.questions.map((q) => q.text) };
});
const baseline = evaluateCorpus(items, (item) => keywordBaseline(item.subject, item.text));

const pct = (n: number) => n.toFixed(3);
const rows: [string, (s: CorpusScores) => string, string][] = [
  ['s.16 F1', (s) => pct(s.section16F1), '≥ 0.95'],
  ['public-interest F1', (s) => pct(s.publicInterestF1), '≥ 0.85'],
  ['kind accuracy', (s) => pct(s.kind.accuracy), '≥ 0.90'],
  ['kind macro-F1', (s) => pct(s.kind.macroF1), '≥ 0.65'],
  ['question-span F1 (Jaccard ≥ 0.5)', (s) => pct(s.questionSpan.f1), '≥ 0.80'],
  ['  question-span precision', (s) => pct(s.questionSpan.precision), ''],
  ['  question-span recall', (s) => pct(s.questionSpan.recall), ''],
  ['primary-topic accuracy', (s) => pct(s.primaryTopicAccuracy), '≥ 0.70'],
  ['sections cited, exact set', (s) => (s.sectionsCitedExact === null ? '-' : pct(s.sectionsCitedExact)), ''],
];
process.stdout.write(`corpus: ${corpusPath} (${items.length} requests)\n\n`);
process.stdout.write(`| measure | analysis | keyword baseline | target |\n|---|---:|---:|---:|\n`);
for (const [label, get, target] of rows) process.stdout.write(`| ${label} | ${get(analysis)} | ${get(baseline)} | ${target} |\n`);
process.stdout.write('\nkind, per label (analysis):\n');
for (const s of analysis.kind.perLabel) {
  process.stdout.write(`  ${s.label.padEnd(16)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  n=${s.support}\n`);
}
if (values.verbose) {
  process.stdout.write('\nkind confusion (rows: labelled, columns: predicted):\n');
  const labels = analysis.kind.labels;
  process.stdout.write(`  ${''.padEnd(16)}${labels.map((l) => l.slice(0, 8).padStart(9)).join('')}\n`);
  for (const a of labels) process.stdout.write(`  ${a.padEnd(16)}${labels.map((b) => String(analysis.kind.confusion[a]![b]).padStart(9)).join('')}\n`);
}
