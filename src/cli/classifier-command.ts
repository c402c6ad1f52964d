// `foi-intake classifier train|eval|add-example|use|list`: admins tune the topic classifier. Every
// trained model is stored as a new version with the figures it scored, so a bad retrain is undone
// with `classifier use VERSION`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { questionsOf } from '../adapters/db/case-queries.js';
import type { Db } from '../adapters/db/database.js';
import { addExample, listExamples, listModels, saveModel, useModel } from '../adapters/db/classifier-store.js';
import { readTopicTrainingCorpus } from '../adapters/fs/training-corpus.js';
import { loadTopicModel } from '../runtime/topic-model.js';
import { loadConfig } from '../config.js';
import { loadAnalysisSettings, type AnalysisSettings } from '../config/analysis-settings.js';
import { AppError } from '../errors.js';
import { evaluateCorpus, type LabelledRequest } from '../evaluation/evaluate-corpus.js';
import { reportAsHtml, reportAsText } from '../evaluation/render-report.js';
import { fixturesDir } from '../paths.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { trainTopicModel, type TopicModel } from '../pipeline/analyse/topic-model.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

type Write = (line: string) => void;

export const defaultEvalCorpus = () => join(fixturesDir, 'eval', 'requests.jsonl');

export function readCorpus(path: string): LabelledRequest[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRequest);
}

function scoreTopics(settings: AnalysisSettings, model: TopicModel, corpus: LabelledRequest[]) {
  const analyse = createAnalyser(settings, model);
  return evaluateCorpus(corpus, (item) => {
    const a = analyse({ subject: item.subject, text: item.text, from: null });
    return { ...a, questions: a.questions.map((q) => q.text) };
  }).topic;
}

export async function trainClassifier(db: Db, settings: AnalysisSettings, corpusPath: string, write: Write): Promise<number> {
  const examples = [...readTopicTrainingCorpus(), ...(await listExamples(db))];
  const model = trainTopicModel(examples);
  const report = scoreTopics(settings, model, readCorpus(corpusPath));
  const evaluation = { corpus: corpusPath, accuracy: report.accuracy, macroF1: report.macroF1, perLabel: report.perLabel };
  const version = await saveModel(db, { json: model.serialise(), exampleCount: examples.length, evaluation });
  write(JSON.stringify({ version, active: true, examples: examples.length, accuracy: report.accuracy, macroF1: report.macroF1 }));
  return version;
}

export async function evalClassifier(db: Db, settings: AnalysisSettings, options: { corpus: string; html?: string }, write: Write): Promise<void> {
  const loaded = await loadTopicModel(db);
  const report = scoreTopics(settings, loaded.model, readCorpus(options.corpus));
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

export async function useClassifierVersion(db: Db, version: string, write: Write): Promise<void> {
  if (!(await useModel(db, Number(version)))) throw new AppError('cli.invalid_argument', `no classifier model version ${version}`);
  write(JSON.stringify({ version: Number(version), active: true }));
}

export async function listClassifierVersions(db: Db, write: Write): Promise<void> {
  for (const m of await listModels(db)) write(JSON.stringify(m));
}

export function addClassifierCommand(program: Command, { env, write }: CommandContext): void {
  const classifier = program.command('classifier').description('tune the topic classifier: examples, training, evaluation, versions');
  const withTuning = (fn: (db: Db, settings: AnalysisSettings) => Promise<void>) => {
    const config = loadConfig(env);
    const settings = loadAnalysisSettings(config.analysisConfigPath);
    return withMigratedDb(config, (db) => fn(db, settings));
  };
  classifier
    .command('train')
    .description('train a new model version from fixtures/training plus stored examples, evaluate it, make it active')
    .option('--corpus <file>', 'labelled JSON Lines corpus to score the new model on', defaultEvalCorpus())
    .action((opts: { corpus: string }) => withTuning((db, settings) => trainClassifier(db, settings, opts.corpus, write).then(() => undefined)));
  classifier
    .command('eval')
    .description('precision, recall and F1 per topic and a confusion matrix for the active model')
    .option('--corpus <file>', 'labelled JSON Lines corpus', defaultEvalCorpus())
    .option('--html <file>', 'also write the report as an HTML page')
    .action((opts: { corpus: string; html?: string }) => withTuning((db, settings) => evalClassifier(db, settings, opts, write)));
  classifier
    .command('add-example')
    .description('add a training example: --topic T --text "…", or --topic T --case REF --question N')
    .requiredOption('--topic <topic>')
    .option('--text <text>')
    .option('--case <reference>')
    .option('--question <number>')
    .action((opts: AddExampleOptions) => withTuning((db, settings) => addClassifierExample(db, settings, opts, write)));
  classifier
    .command('use')
    .description('make an earlier (or later) model version the active one')
    .argument('<version>')
    .action((version: string) => withTuning((db) => useClassifierVersion(db, version, write)));
  classifier.command('list').description('every model version with its figures').action(() => withTuning((db) => listClassifierVersions(db, write)));
}
