// What `classifier train|activate|use|list` do: train a candidate on the shipped corpus plus officers'
// corrections and admins' examples (all four learned models: kind, topic, s.16, public interest), score it
// on the evaluation set, and let it go live only when no figure drops against the active version, unless
// an admin forces it with a recorded reason (DESIGN.md "Contract details"). The CLI and the console's
// admin pages both call these; they print through `write` and return what they decided.
import { activateModel, activeModel, listActivations, listExamples, listModels, modelVersion, saveCandidate, useModel, type StoredModel,
} from '../adapters/db/classifier-store.js';
import { listLabelledExamples } from '../adapters/db/correction-store.js';
import type { Db } from '../adapters/db/database.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import { AppError } from '../errors.js';
import { dropsBetween, type FigureDrop, type Figures } from '../evaluation/model-figures.js';
import { gateKey, inThreadTuning, readEvaluationSet, type EvaluationSet, type ModelsToScore, type TuningRunner } from './tuning-compute.js';

export { defaultEvalDir, gateKey, readEvaluationSet, type EvaluationSet } from './tuning-compute.js';

type Write = (line: string) => void;

// Scoring a version takes seconds; the figures of a version on one set under one settings file never change.
const scored = new Map<string, Figures>();
async function remembered(key: string, score: () => Promise<Figures>): Promise<Figures> {
  let figures = scored.get(key);
  if (!figures) {
    figures = await score();
    if (scored.size > 50) scored.clear();
    scored.set(key, figures);
  }
  return figures;
}

export const modelsOf = (stored: StoredModel): ModelsToScore => ({ format: stored.format === 'analysis' ? 'analysis' : 'topic', json: stored.model });

/** A version's figures on `set`: those recorded at training when they were scored on the same set, else scored now. */
async function figuresOfVersion(ctx: ScoringContext, stored: StoredModel, set: EvaluationSet): Promise<Figures> {
  const key = gateKey(ctx.settings, set);
  const recorded = stored.evaluation as { evalDigest?: string; figures?: Figures } | null;
  if (recorded?.evalDigest === key && recorded.figures) return recorded.figures;
  return remembered(`${stored.version}:${key}`, () => runnerOf(ctx).run({ kind: 'figures', models: modelsOf(stored), evalDir: ctx.evalDir }));
}

export interface TuningContext {
  db: Db;
  settings: AnalysisSettings;
  evalDir: string;
  now: Date;
  write: Write;
  /** Where training and scoring run: this thread unless given (the console gives its worker threads). */
  runner?: TuningRunner;
}

type ScoringContext = Pick<TuningContext, 'db' | 'settings' | 'evalDir' | 'runner'>;

export const runnerOf = (ctx: Pick<TuningContext, 'settings' | 'runner'>): TuningRunner => ctx.runner ?? inThreadTuning(ctx.settings);

export async function trainCandidate(ctx: TuningContext): Promise<number> {
  const { db, settings, evalDir, write } = ctx;
  const [corrections, adminTopics] = await Promise.all([listLabelledExamples(db), listExamples(db)]);
  const trained = await runnerOf(ctx).run({ kind: 'train', extra: [...adminTopics, ...corrections], evalDir });
  const { figures, examples } = trained;
  const evaluation = { evalDir, evalDigest: gateKey(settings, readEvaluationSet(evalDir)), figures, corrections: corrections.length, adminExamples: adminTopics.length };
  const version = await saveCandidate(db, { json: trained.json, format: 'analysis', exampleCount: examples, evaluation });
  write(JSON.stringify({ version, active: false, examples, corrections: corrections.length, figures, next: `classifier activate ${version}` }));
  return version;
}

/** The active version's figures now, on the same evaluation set (the shipped models' when none is active). */
async function activeFigures(ctx: ScoringContext, set: EvaluationSet): Promise<{ version: number | 'shipped'; figures: Figures }> {
  const stored = await activeModel(ctx.db);
  if (stored) return { version: stored.version, figures: await figuresOfVersion(ctx, stored, set) };
  const figures = await remembered(`shipped:${gateKey(ctx.settings, set)}`, () => runnerOf(ctx).run({ kind: 'figures', models: 'shipped', evalDir: ctx.evalDir }));
  return { version: 'shipped', figures };
}

export interface Comparison {
  candidate: { version: number; figures: Figures };
  active: { version: number | 'shipped'; figures: Figures };
  /** Every figure the candidate scores lower than the active version. */
  drops: FigureDrop[];
}

/** A stored version against the active one (or the shipped models) on the same evaluation set. */
export async function compareWithActive(ctx: ScoringContext, versionText: string): Promise<Comparison> {
  const stored = await modelVersion(ctx.db, versionOf(versionText));
  if (!stored) throw new AppError('cli.invalid_argument', `no classifier model version ${versionText}`);
  const set = readEvaluationSet(ctx.evalDir);
  const [active, figures] = await Promise.all([activeFigures(ctx, set), figuresOfVersion(ctx, stored, set)]);
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
