// `npm run eval [-- --corpus PATH] [--verbose] [--rules-only]`: scores the request analysis beside a naive keyword
// baseline. Without --corpus: first the shared real development sets (../shared/devset/*.jsonl next to
// the checkout, each file on its own; skipped with a note when absent), then the team's own sets
// (fixtures/eval/*.jsonl), then a one-line-per-corpus summary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateCorpus, type CorpusScores, type LabelledRequest } from '../src/evaluation/evaluate-corpus.js';
import { keywordBaseline } from '../src/evaluation/keyword-baseline.js';
import { REAL_DEVSET_TARGETS, renderCorpusReport, renderSummary, UNSEEN_SET_TARGETS, type Targets } from '../src/evaluation/render-eval.js';
import { fixturesDir, packageRoot } from '../src/paths.js';
import { analyseRequest } from '../src/pipeline/analyse/analyse-request.js';
import { shippedAnalysisModels } from '../src/adapters/analysis-models-loader.js';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, verbose: { type: 'boolean', default: false }, 'rules-only': { type: 'boolean', default: false } },
});
const write = (text: string) => process.stdout.write(text);

const jsonlIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
const devsetDir = resolve(packageRoot, '..', 'shared', 'devset');
const corpora: { path: string; targets: Targets }[] = [];
if (values.corpus) {
  corpora.push({ path: values.corpus, targets: UNSEEN_SET_TARGETS });
} else {
  if (existsSync(devsetDir)) corpora.push(...jsonlIn(devsetDir).map((path) => ({ path, targets: REAL_DEVSET_TARGETS })));
  else write(`note: no shared real development set at ${devsetDir}; scoring the team's own sets only\n\n`);
  corpora.push(...jsonlIn(join(fixturesDir, 'eval')).map((path) => ({ path, targets: UNSEEN_SET_TARGETS })));
}

// The models every installation starts from: trained on the team's corpus only. `--rules-only` keeps
// the topic model (as before the other models existed) and leaves kind, s.16 and public interest to the rules.
const models = shippedAnalysisModels();
const options = values['rules-only'] ? { topicModel: models.topic } : { models };
const results: { name: string; analysis: CorpusScores; baseline: CorpusScores }[] = [];
let analysed = 0;
let analysisMs = 0;
for (const { path, targets } of corpora) {
  const items = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRequest);
  const started = performance.now();
  const analysis = evaluateCorpus(items, (item) => {
    const a = analyseRequest({ subject: item.subject, text: item.text, from: null }, options);
    return { ...a, questions: a.questions.map((q) => q.text) };
  });
  analysisMs += performance.now() - started;
  analysed += items.length;
  const baseline = evaluateCorpus(items, (item) => keywordBaseline(item.subject, item.text));
  const name = path.startsWith(devsetDir) ? `devset/${basename(path)}` : relative(process.cwd(), path);
  results.push({ name, analysis, baseline });
  write(`${renderCorpusReport(name, analysis, baseline, targets, values.verbose ?? false)}\n`);
}
if (results.length > 1) write(`${renderSummary(results)}\n`);
write(`analysis with scoring: ${analysed} requests in ${(analysisMs / 1000).toFixed(2)} s (speed: npm run bench)\n`);
