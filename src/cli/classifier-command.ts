// `foi-intake classifier train|activate|use|list|eval|add-example`: admins tune the learned parts of the
// analysis. `train` stores a candidate version (kind, topic, s.16 and public-interest models, from the
// shipped corpus plus officers' corrections); `activate` lets it go live only when no figure on the
// evaluation set drops; `use` is a recorded rollback. The logic is in classifier-tuning.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { questionsOf } from '../adapters/db/case-queries.js';
import type { Db } from '../adapters/db/database.js';
import { addExample } from '../adapters/db/classifier-store.js';
import { loadConfig } from '../config.js';
import { loadAnalysisSettings, type AnalysisSettings } from '../config/analysis-settings.js';
import { AppError } from '../errors.js';
import { evaluateCorpus, type LabelledRequest } from '../evaluation/evaluate-corpus.js';
import { figuresOf } from '../evaluation/model-figures.js';
import { reportAsHtml, reportAsText } from '../evaluation/render-report.js';
import { fixturesDir } from '../paths.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { loadAnalysisModels } from '../runtime/analysis-models.js';
import { activateCandidate, defaultEvalDir, listVersions, trainCandidate, useVersion, type ActivateOptions, type TuningContext } from './classifier-tuning.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

type Write = (line: string) => void;

export const defaultEvalCorpus = () => join(fixturesDir, 'eval', 'requests.jsonl');

export function readCorpus(path: string): LabelledRequest[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRequest);
}

/** Every component's figures for the active models, then the topic report (per topic, confusion matrix). */
export async function evalClassifier(db: Db, settings: AnalysisSettings, options: { corpus: string; html?: string }, write: Write): Promise<void> {
  const loaded = await loadAnalysisModels(db);
  const analyse = createAnalyser(settings, loaded.models);
  const items = readCorpus(options.corpus);
  write(JSON.stringify({ model: loaded.version, corpus: options.corpus, figures: figuresOf(analyse, [{ name: 'corpus', items }]).corpus }));
  const report = evaluateCorpus(items, (item) => {
    const a = analyse({ subject: item.subject, text: item.text, from: null });
    return { ...a, questions: a.questions.map((q) => q.text) };
  }).topic;
  const title = `Topic classifier, model ${loaded.version}`;
  write(reportAsText(`${title} on ${options.corpus}`, report));
  if (options.html) {
    writeFileSync(options.html, reportAsHtml(title, report, { corpus: options.corpus, model: String(loaded.version) }));
    write(`report written to ${options.html}`);
  }
}

export interface AddExampleOptions {
  topic?: string;
  text?: string;
  case?: string;
  question?: string;
}

export async function addClassifierExample(db: Db, settings: AnalysisSettings, options: AddExampleOptions, write: Write): Promise<void> {
  if (!options.topic || !settings.topics.includes(options.topic)) {
    throw new AppError('cli.invalid_argument', `--topic must be one of ${settings.topics.join(', ')}`);
  }
  const { text, source } = options.case ? await questionText(db, options.case, options.question) : { text: options.text, source: 'admin' };
  if (!text?.trim()) throw new AppError('cli.invalid_argument', 'give --text "…", or --case REF --question N');
  const id = await addExample(db, { topic: options.topic, text: text.trim(), source });
  write(JSON.stringify({ example: id, topic: options.topic, source, note: 'run `foi-intake classifier train` to use it' }));
}

async function questionText(db: Db, reference: string, number: string | undefined): Promise<{ text: string; source: string }> {
  if (!number) throw new AppError('cli.invalid_argument', '--case needs --question N');
  const rows = await questionsOf(db, reference);
  const found = rows.find((q) => q.number === number) ?? rows[Number(number) - 1];
  if (!found) throw new AppError('case.not_found', `case ${reference} has no question ${number}`);
  return { text: found.text, source: `case:${reference}#${number}` };
}

export function addClassifierCommand(program: Command, { env, write }: CommandContext): void {
  const classifier = program.command('classifier').description('tune the learned models (kind, topic, s.16, public interest): training, evaluation, activation, versions');
  const withTuning = (fn: (db: Db, settings: AnalysisSettings) => Promise<void>) => {
    const config = loadConfig(env);
    const settings = loadAnalysisSettings(config.analysisConfigPath);
    return withMigratedDb(config, (db) => fn(db, settings));
  };
  const tuning = (fn: (ctx: TuningContext) => Promise<unknown>, evalDir = defaultEvalDir()) =>
    withTuning((db, settings) => fn({ db, settings, evalDir, now: new Date(), write }).then(() => undefined));
  classifier
    .command('train')
    .description('train a candidate version (kind, topic, s.16, public interest) from fixtures/training plus officers\' corrections; it is not active until `activate`')
    .option('--eval-dir <dir>', 'folder of labelled JSON Lines corpora to score it on', defaultEvalDir())
    .action((opts: { evalDir: string }) => tuning(trainCandidate, opts.evalDir));
  classifier
    .command('activate')
    .description('make a candidate the active version, only if no figure on the evaluation set drops against the active one')
    .argument('<version>')
    .option('--force', 'activate even though a figure drops (needs --reason)')
    .option('--reason <text>', 'why the drop is accepted (recorded)')
    .option('--eval-dir <dir>', 'folder of labelled JSON Lines corpora to compare on', defaultEvalDir())
    .action((version: string, opts: ActivateOptions & { evalDir: string }) => tuning((ctx) => activateCandidate(ctx, version, opts), opts.evalDir));
  classifier
    .command('eval')
    .description('every component\'s figures for the active models, then per-topic precision, recall, F1 and a confusion matrix')
    .option('--corpus <file>', 'labelled JSON Lines corpus', defaultEvalCorpus())
    .option('--html <file>', 'also write the topic report as an HTML page')
    .action((opts: { corpus: string; html?: string }) => withTuning((db, settings) => evalClassifier(db, settings, opts, write)));
  classifier
    .command('add-example')
    .description('add a topic training example: --topic T --text "…", or --topic T --case REF --question N')
    .requiredOption('--topic <topic>')
    .option('--text <text>')
    .option('--case <reference>')
    .option('--question <number>')
    .action((opts: AddExampleOptions) => withTuning((db, settings) => addClassifierExample(db, settings, opts, write)));
  classifier
    .command('use')
    .description('make an earlier (or later) version the active one, without the evaluation gate (recorded); `shipped` for the built-in models')
    .argument('<version>')
    .action((version: string) => withTuning((db) => useVersion(db, version, new Date(), write)));
  classifier.command('list').description('every version with its figures and activations').action(() => withTuning((db) => listVersions(db, write)));
}
