// What `classifier train|activate|use|list` do: train a candidate on the shipped corpus plus officers'
// corrections and admins' examples (all four learned models: kind, topic, s.16, public interest), score it
// on the evaluation set, and let it go live only when no figure drops against the active version, unless
// an admin forces it with a recorded reason (DESIGN.md "Contract details").
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { shippedAnalysisModels } from '../adapters/analysis-models-loader.js';
import {
  activateModel, activeModel, listActivations, listExamples, listModels, modelVersion, saveCandidate, useModel, type StoredModel,
} from '../adapters/db/classifier-store.js';
import { listLabelledExamples } from '../adapters/db/correction-store.js';
import type { Db } from '../adapters/db/database.js';
import { readAnalysisTrainingCorpus } from '../adapters/fs/training-corpus.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import { AppError } from '../errors.js';
import type { LabelledRequest } from '../evaluation/evaluate-corpus.js';
import { dropsBetween, figuresOf, type EvaluationCorpus, type Figures } from '../evaluation/model-figures.js';
import { fixturesDir } from '../paths.js';
import { serialiseAnalysisModels, trainAnalysisModels } from '../pipeline/analyse/analysis-models.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { restoreStoredModel } from '../runtime/analysis-models.js';

type Write = (line: string) => void;

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
function gateKey(settings: AnalysisSettings, set: EvaluationSet): string {
  return createHash('sha256').update(set.digest).update(JSON.stringify(settings)).digest('hex');
}

/** A version's figures on `set`: those recorded at training when they were scored on the same set, else scored now. */
function figuresOfVersion(settings: AnalysisSettings, stored: StoredModel, set: EvaluationSet): Figures {
  const recorded = stored.evaluation as { evalDigest?: string; figures?: Figures } | null;
  if (recorded?.evalDigest === gateKey(settings, set) && recorded.figures) return recorded.figures;
  return figuresOf(createAnalyser(settings, restoreStoredModel(stored)), set.corpora);
}

export interface TuningContext {
  db: Db;
  settings: AnalysisSettings;
  evalDir: string;
  now: Date;
  write: Write;
}

export async function trainCandidate({ db, settings, evalDir, write }: TuningContext): Promise<number> {
  const [corrections, adminTopics] = await Promise.all([listLabelledExamples(db), listExamples(db)]);
  const examples = [...readAnalysisTrainingCorpus(), ...adminTopics, ...corrections];
  const models = trainAnalysisModels(examples);
  const set = readEvaluationSet(evalDir);
  const figures = figuresOf(createAnalyser(settings, models), set.corpora);
  const evaluation = { evalDir, evalDigest: gateKey(settings, set), figures, corrections: corrections.length, adminExamples: adminTopics.length };
  const version = await saveCandidate(db, { json: serialiseAnalysisModels(models), format: 'analysis', exampleCount: examples.length, evaluation });
  write(JSON.stringify({ version, active: false, examples: examples.length, corrections: corrections.length, figures, next: `classifier activate ${version}` }));
  return version;
}

/** The active version's figures now, on the same evaluation set (the shipped models' when none is active). */
async function activeFigures(db: Db, settings: AnalysisSettings, set: EvaluationSet): Promise<{ version: number | 'shipped'; figures: Figures }> {
  const stored = await activeModel(db);
  if (stored) return { version: stored.version, figures: figuresOfVersion(settings, stored, set) };
  return { version: 'shipped', figures: figuresOf(createAnalyser(settings, shippedAnalysisModels()), set.corpora) };
}

export interface ActivateOptions {
  force?: boolean;
  reason?: string;
}

/** Activates `version` when no figure drops; otherwise exit 2, unless forced with a reason (recorded). */
export async function activateCandidate(ctx: TuningContext, versionText: string, options: ActivateOptions): Promise<void> {
  const { db, settings, evalDir, now, write } = ctx;
  if (options.force && !options.reason?.trim()) throw new AppError('cli.invalid_argument', '--force needs --reason TEXT: why the drop is accepted');
  const stored = await modelVersion(db, versionOf(versionText));
  if (!stored) throw new AppError('cli.invalid_argument', `no classifier model version ${versionText}`);
  const set = readEvaluationSet(evalDir);
  const active = await activeFigures(db, settings, set);
  const candidate = figuresOfVersion(settings, stored, set);
  const drops = dropsBetween(active.figures, candidate);
  if (drops.length > 0 && !options.force) {
    write(JSON.stringify({ version: stored.version, activated: false, against: active.version, drops }));
    throw new AppError('cli.invalid_argument', `version ${stored.version} not activated: ${drops.length} figure(s) drop against ${active.version === 'shipped' ? 'the shipped models' : `version ${active.version}`}; ` +
      'activate anyway with --force --reason TEXT');
  }
  const action = drops.length > 0 ? 'force' : 'activate';
  await activateModel(db, { version: stored.version, action, reason: options.reason?.trim() || null, drops, at: now });
  write(JSON.stringify({ version: stored.version, activated: true, forced: action === 'force', against: active.version, drops, figures: candidate }));
}

function versionOf(text: string): number {
  if (!/^\d+$/.test(text)) throw new AppError('cli.invalid_argument', `a model version is a number, not "${text}"`);
  return Number(text);
}

/** `classifier use VERSION`: a recorded rollback; `use shipped` goes back to the models every installation starts from. */
export async function useVersion(db: Db, versionText: string, now: Date, write: Write): Promise<void> {
  if (versionText === 'shipped') {
    await activateModel(db, { version: null, action: 'use', reason: null, drops: [], at: now });
    return write(JSON.stringify({ version: 'shipped', active: true }));
  }
  if (!(await useModel(db, versionOf(versionText), now))) throw new AppError('cli.invalid_argument', `no classifier model version ${versionText}`);
  write(JSON.stringify({ version: Number(versionText), active: true }));
}

/** Every version with the figures it scored when trained, and each activation, forced or rolled back. */
export async function listVersions(db: Db, write: Write): Promise<void> {
  const activations = await listActivations(db);
  for (const m of await listModels(db)) {
    const history = activations.filter((a) => a.version === m.version).map((a) => ({ action: a.action, at: a.at, reason: a.reason, drops: a.drops }));
    write(JSON.stringify({ ...m, activations: history }));
  }
}
