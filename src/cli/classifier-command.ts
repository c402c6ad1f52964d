// `foi-intake classifier train|eval|add-example|use|list`: admins tune the topic classifier. Every
// trained model is stored as a new version with the figures it scored, so a bad retrain is undone
// with `classifier use VERSION`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../adapters/db/database.js';
import { addExample, listExamples, listModels, saveModel, useModel } from '../adapters/db/classifier-store.js';
import { cases, questions } from '../adapters/db/schema.js';
import { readTopicTrainingCorpus } from '../adapters/fs/training-corpus.js';
import { loadTopicModel } from '../adapters/topic-model-loader.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import { AppError } from '../errors.js';
import { evaluateCorpus, type LabelledRequest } from '../evaluation/evaluate-corpus.js';
import { reportAsHtml, reportAsText } from '../evaluation/render-report.js';
import { fixturesDir } from '../paths.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { trainTopicModel, type TopicModel } from '../pipeline/analyse/topic-model.js';

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
  const rows = await db
    .select({ number: questions.number, position: questions.position, text: questions.text })
    .from(questions)
    .innerJoin(cases, eq(cases.id, questions.caseId))
    .where(and(eq(cases.reference, reference)))
    .orderBy(asc(questions.position));
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
