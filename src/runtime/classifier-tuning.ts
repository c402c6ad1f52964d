// What `classifier train|activate|use|list` do: train a candidate on the shipped corpus plus officers'
// corrections and admins' examples (all four learned models: kind, topic, s.16, public interest), score it
// on the evaluation set, and let it go live only when no figure drops against the active version, unless
// an admin forces it with a recorded reason (DESIGN.md "Contract details"). The CLI and the console's
// admin pages both call these; they print through `write` and return what they decided.
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
import { dropsBetween, figuresOf, type EvaluationCorpus, type FigureDrop, type Figures } from '../evaluation/model-figures.js';
import { fixturesDir } from '../paths.js';
import { serialiseAnalysisModels, trainAnalysisModels } from '../pipeline/analyse/analysis-models.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';
import { restoreStoredModel } from './analysis-models.js';

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
export function gateKey(settings: AnalysisSettings, set: EvaluationSet): string {
  return createHash('sha256').update(set.digest).update(JSON.stringify(settings)).digest('hex');
}

// Scoring a version takes seconds; the figures of a version on one set under one settings file never change.
const scored = new Map<string, Figures>();
function remembered(key: string, score: () => Figures): Figures {
  let figures = scored.get(key);
  if (!figures) {
    figures = score();
    if (scored.size > 50) scored.clear();
    scored.set(key, figures);
  }
  return figures;
}

/** A version's figures on `set`: those recorded at training when they were scored on the same set, else scored now. */
function figuresOfVersion(settings: AnalysisSettings, stored: StoredModel, set: EvaluationSet): Figures {
  const key = gateKey(settings, set);
  const recorded = stored.evaluation as { evalDigest?: string; figures?: Figures } | null;
  if (recorded?.evalDigest === key && recorded.figures) return recorded.figures;
  return remembered(`${stored.version}:${key}`, () => figuresOf(createAnalyser(settings, restoreStoredModel(stored)), set.corpora));
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
  return { version: 'shipped', figures: remembered(`shipped:${gateKey(settings, set)}`, () => figuresOf(createAnalyser(settings, shippedAnalysisModels()), set.corpora)) };
}

export interface Comparison {
  candidate: { version: number; figures: Figures };
  active: { version: number | 'shipped'; figures: Figures };
  /** Every figure the candidate scores lower than the active version. */
  drops: FigureDrop[];
}

/** A stored version against the active one (or the shipped models) on the same evaluation set. */
export async function compareWithActive(ctx: Pick<TuningContext, 'db' | 'settings' | 'evalDir'>, versionText: string): Promise<Comparison> {
  const stored = await modelVersion(ctx.db, versionOf(versionText));
  if (!stored) throw new AppError('cli.invalid_argument', `no classifier model version ${versionText}`);
  const set = readEvaluationSet(ctx.evalDir);
  const active = await activeFigures(ctx.db, ctx.settings, set);
  const figures = figuresOfVersion(ctx.settings, stored, set);
  return { candidate: { version: stored.version, figures }, active, drops: dropsBetween(active.figures, figures) };
}

export interface ActivateOptions {
  force?: boolean;
  reason?: string;
}

/** Activates `version` when no figure drops; otherwise exit 2, unless forced with a reason (recorded). */
export async function activateCandidate(ctx: TuningContext, versionText: string, options: ActivateOptions): Promise<Comparison> {
  const { db, now, write } = ctx;
  if (options.force && !options.reason?.trim()) throw new AppError('cli.invalid_argument', '--force needs --reason TEXT: why the drop is accepted');
  const comparison = await compareWithActive(ctx, versionText);
  const { active, drops } = comparison;
  const stored = comparison.candidate;
  const candidate = stored.figures;
  if (drops.length > 0 && !options.force) {
    write(JSON.stringify({ version: stored.version, activated: false, against: active.version, drops }));
    throw new AppError('cli.invalid_argument', `version ${stored.version} not activated: ${drops.length} figure(s) drop against ${active.version === 'shipped' ? 'the shipped models' : `version ${active.version}`}; ` +
      'activate anyway with --force --reason TEXT');
  }
  const action = drops.length > 0 ? 'force' : 'activate';
  await activateModel(db, { version: stored.version, action, reason: options.reason?.trim() || null, drops, at: now });
  write(JSON.stringify({ version: stored.version, activated: true, forced: action === 'force', against: active.version, drops, figures: candidate }));
  return comparison;
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
