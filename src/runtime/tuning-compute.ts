// The CPU-heavy half of tuning the classifiers: training the four models and scoring a version on the
// evaluation set take seconds of pure computation. It touches no database, so the console can run it in
// a worker thread (tuning-workers.ts) while its event loop keeps answering; the CLI runs it in-thread.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { shippedAnalysisModels } from '../adapters/analysis-models-loader.js';
import { readAnalysisTrainingCorpus } from '../adapters/fs/training-corpus.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import type { LabelledExample } from '../domain/labelled-example.js';
import { evaluateCorpus, type BinaryScores, type LabelledRequest } from '../evaluation/evaluate-corpus.js';
import type { ClassificationReport } from '../evaluation/metrics.js';
import { figuresOf, type EvaluationCorpus, type Figures } from '../evaluation/model-figures.js';
import { fixturesDir } from '../paths.js';
import { restoreAnalysisModels, serialiseAnalysisModels, trainAnalysisModels } from '../pipeline/analyse/analysis-models.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { restoreTopicModel } from '../pipeline/analyse/topic-model.js';

/** The evaluation set: the team's own labelled corpora (fixtures/eval/*.jsonl), each scored on its own. */
export const defaultEvalDir = () => join(fixturesDir, 'eval');

export interface EvaluationSet {
  corpora: EvaluationCorpus[];
  /** A digest of the set's files: figures stored with the same digest were scored on the same set. */
  digest: string;
}

export function readEvaluationSet(dir: string): EvaluationSet {
  const hash = createHash('sha256');
  const corpora = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    hash.update(f).update('\0').update(text).update('\0');
    return { name: basename(f, '.jsonl'), items: text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRequest) };
  });
  return { corpora, digest: hash.digest('hex') };
}

/** The evaluation set and the admins' analysis settings: recorded figures stand only while both are unchanged. */
export function gateKey(settings: AnalysisSettings, set: EvaluationSet): string {
  return createHash('sha256').update(set.digest).update(JSON.stringify(settings)).digest('hex');
}

/** A version's models as stored (JSON, which crosses threads), or the shipped ones. */
export type ModelsToScore = { format: 'analysis' | 'topic'; json: string } | 'shipped';

/** The active models' report: kind and primary topic per label with a confusion matrix, s.16 and public interest yes/no. */
export interface ReportScores {
  corpora: string[];
  items: number;
  kind: ClassificationReport;
  topic: ClassificationReport;
  section16: BinaryScores;
  publicInterest: BinaryScores;
}

/** Plain data in and out, so that a job and its result can be posted to and from a worker. */
export type TuningJob =
  | { kind: 'train'; extra: LabelledExample[]; evalDir: string }
  | { kind: 'figures'; models: ModelsToScore; evalDir: string }
  | { kind: 'report'; models: ModelsToScore; evalDir: string };

export interface TrainedModels {
  json: string;
  /** How many examples it learned from: the shipped corpus plus `extra`. */
  examples: number;
  figures: Figures;
}

export type TuningResult<J extends TuningJob> = J extends { kind: 'train' } ? TrainedModels : J extends { kind: 'figures' } ? Figures : ReportScores;

/** Runs tuning jobs on this thread (the CLI) or in a worker (the console). */
export interface TuningRunner {
  run<J extends TuningJob>(job: J): Promise<TuningResult<J>>;
}

function restore(models: ModelsToScore) {
  if (models === 'shipped') return shippedAnalysisModels();
  return models.format === 'analysis' ? restoreAnalysisModels(models.json) : restoreTopicModel(models.json);
}

export function runTuningJob(settings: AnalysisSettings, job: TuningJob): TrainedModels | Figures | ReportScores {
  const set = readEvaluationSet(job.evalDir);
  if (job.kind === 'train') {
    const examples = [...readAnalysisTrainingCorpus(), ...job.extra];
    const models = trainAnalysisModels(examples);
    return { json: serialiseAnalysisModels(models), examples: examples.length, figures: figuresOf(createAnalyser(settings, models), set.corpora) };
  }
  const analyse = createAnalyser(settings, restore(job.models));
  if (job.kind === 'figures') return figuresOf(analyse, set.corpora);
  const items = set.corpora.flatMap((c) => c.items);
  const scores = evaluateCorpus(items, (item) => {
    const a = analyse({ subject: item.subject, text: item.text, from: null });
    return { ...a, questions: a.questions.map((q) => q.text) };
  });
  return { corpora: set.corpora.map((c) => c.name), items: items.length, kind: scores.kind, topic: scores.topic, section16: scores.section16, publicInterest: scores.publicInterest };
}

/** The CLI's runner: the same work on the caller's thread (a command has no one else to keep waiting). */
export function inThreadTuning(settings: AnalysisSettings): TuningRunner {
  return { run: async (job) => runTuningJob(settings, job) as never };
}
