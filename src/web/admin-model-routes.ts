// Classifier models: every stored version with the figures it scored, the active models' per-topic
// report, the activation history; train a candidate, compare it with the active version on the same
// evaluation set, activate it only when no figure drops (or with a recorded reason), roll back.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activeVersion, listActivations, listModels } from '../adapters/db/classifier-store.js';
import { labellersOf } from '../adapters/db/correction-store.js';
import { recordAudit } from '../adapters/db/console-case-queries.js';
import { FIGURE_NAMES, type FigureName, type Figures } from '../evaluation/model-figures.js';
import { activateCandidate, compareWithActive, trainCandidate, useVersion, type Comparison } from '../runtime/classifier-tuning.js';
import { activeModelReport } from '../runtime/model-report.js';
import type { TuningRunner } from '../runtime/tuning-compute.js';
import { createTuningWorkers } from '../runtime/tuning-workers.js';
import { done, nowOf, tuningOf, usageMessage } from './admin-options.js';
import { createCandidateTraining } from './admin-training.js';
import { page, type ConsoleDeps } from './server.js';

export const FIGURE_LABELS: Record<FigureName, string> = {
  kindAccuracy: 'Kind: accuracy', kindMacroF1: 'Kind: macro-F1', questionSpanF1: 'Questions found: F1',
  section16F1: 'Section 16: F1', publicInterestF1: 'Public interest: F1', topicAccuracy: 'Primary topic: accuracy',
};

/** One row per corpus and figure: both versions' values, the change, and whether it is a drop. */
export function comparisonRows(comparison: Comparison) {
  return Object.entries(comparison.active.figures).flatMap(([corpus, figures]) => FIGURE_NAMES.map((figure) => {
    const active = figures[figure];
    const candidate = comparison.candidate.figures[corpus]?.[figure] ?? 0;
    return { corpus, figure: FIGURE_LABELS[figure], active, candidate, change: Math.round((candidate - active) * 10_000) / 10_000, dropped: candidate < active };
  }));
}

/** A version's recorded figures, averaged over the corpora, for the versions table. */
function meanFigures(figures: Figures | undefined): Record<FigureName, number> | null {
  const corpora = Object.values(figures ?? {});
  if (corpora.length === 0) return null;
  return Object.fromEntries(FIGURE_NAMES.map((f) => [f, Math.round((corpora.reduce((s, c) => s + c[f], 0) / corpora.length) * 1000) / 1000])) as Record<FigureName, number>;
}

async function showComparison(deps: Tuned, request: FastifyRequest, reply: FastifyReply, version: string, form: { errors?: string[]; reason?: string; force?: boolean } = {}) {
  let comparison: Comparison;
  try {
    comparison = await compareWithActive(tunedOf(deps), version);
  } catch (error) {
    return done(request, reply, '/admin/models', usageMessage(error), 'error');
  }
  return page(request, reply, 'admin/compare.njk', { comparison, rows: comparisonRows(comparison), ...form });
}

type ActivateBody = { force?: string; reason?: string };
/** The console's deps with the worker threads its training and scoring run in. */
type Tuned = ConsoleDeps & { runner: TuningRunner };
const tunedOf = (deps: Tuned) => ({ ...tuningOf(deps), runner: deps.runner });

export function addAdminModelRoutes(app: FastifyInstance, consoleDeps: ConsoleDeps): void {
  const runner = createTuningWorkers(consoleDeps.admin?.analysisConfigPath ?? null);
  const deps: Tuned = { ...consoleDeps, runner };
  const training = createCandidateTraining(deps.log);
  app.addHook('onClose', async () => {
    // A training in progress fails with the workers (logged); nothing half-stored: the version is saved only at the end.
    await runner.close();
    await training.settled();
  });

  app.get('/admin/models', async (request, reply) => {
    const tuning = tunedOf(deps);
    const [models, activations, active, report] = await Promise.all([
      listModels(deps.db), listActivations(deps.db), activeVersion(deps.db), activeModelReport(deps.db, tuning.settings, tuning.evalDir, runner),
    ]);
    const versions = models.map((m) => {
      const evaluation = m.evaluation as { figures?: Figures; corrections?: number; adminExamples?: number } | null;
      return { ...m, mean: meanFigures(evaluation?.figures), corrections: evaluation?.corrections ?? null };
    }).reverse();
    return page(request, reply, 'admin/models.njk', {
      versions, activations: [...activations].reverse(), active: active ?? 'shipped', report, figureNames: FIGURE_NAMES, figureLabels: FIGURE_LABELS,
      training: training.state, labellers: await labellersOf(deps.db),
    });
  });

  app.post('/admin/models/train', async (request, reply) => {
    const by = request.user!.identity;
    const started = training.start(by, nowOf(deps), async () => {
      const version = await trainCandidate(tunedOf(deps));
      await recordAudit(deps.db, { actor: by, caseId: null, action: 'classifier_train', details: { version } });
      return version;
    });
    if (!started) return done(request, reply, '/admin/models/training', 'A candidate is already being trained: wait for it to finish, then train again if you need to.', 'error');
    return reply.redirect('/admin/models/training', 303);
  });

  // The progress page: refreshes while training runs, then leads to the comparison (or says why it failed).
  app.get('/admin/models/training', async (request, reply) => {
    const state = training.state;
    if (state.kind === 'running') return page(request, reply, 'admin/models-training.njk', { state });
    if (state.kind === 'trained') {
      return done(request, reply, `/admin/models/${state.version}/compare`, `Candidate version ${state.version} trained. Compare it with the active model before activating it.`);
    }
    if (state.kind === 'failed') return done(request, reply, '/admin/models', `Training the candidate failed: ${state.message}`, 'error');
    return reply.redirect('/admin/models', 303);
  });

  app.get<{ Params: { version: string } }>('/admin/models/:version/compare', async (request, reply) => showComparison(deps, request, reply, request.params.version));

  app.post<{ Params: { version: string }; Body: ActivateBody }>('/admin/models/:version/activate', async (request, reply) => {
    const { version } = request.params;
    const force = request.body?.force === 'yes';
    const reason = request.body?.reason?.trim() ?? '';
    if (force && !reason) return showComparison(deps, request, reply, version, { errors: ['Give the reason for activating although a figure drops'], force, reason });
    try {
      // The gate is the core's; asking first only lets the page say it in the admin's words, not the CLI's flags.
      const seen = await compareWithActive(tunedOf(deps), version);
      if (seen.drops.length > 0 && !force) {
        const against = seen.active.version === 'shipped' ? 'the shipped models' : `version ${seen.active.version}`;
        const text = `Version ${seen.candidate.version} was not activated: ${seen.drops.length} figure(s) drop against ${against}. To activate it anyway, tick "Activate although figures drop" and give the reason`;
        return showComparison(deps, request, reply, version, { errors: [text], force, reason });
      }
      const result = await activateCandidate(tunedOf(deps), version, { force, reason: reason || undefined });
      await recordAudit(deps.db, {
        actor: request.user!.identity, caseId: null, action: 'classifier_activate',
        details: { version: result.candidate.version, against: result.active.version, forced: result.drops.length > 0, reason: reason || null, drops: result.drops.length },
      });
      const forced = result.drops.length > 0 ? ` although ${result.drops.length} figure(s) drop; the reason is recorded` : '';
      return done(request, reply, '/admin/models', `Version ${result.candidate.version} is now the active model${forced}.`);
    } catch (error) {
      return showComparison(deps, request, reply, version, { errors: [usageMessage(error)], force, reason });
    }
  });

  app.post<{ Body: { version?: string } }>('/admin/models/use', async (request, reply) => {
    const version = request.body?.version?.trim() ?? '';
    try {
      await useVersion(deps.db, version, tuningOf(deps).now, () => undefined);
    } catch (error) {
      return done(request, reply, '/admin/models', usageMessage(error), 'error');
    }
    await recordAudit(deps.db, { actor: request.user!.identity, caseId: null, action: 'classifier_use', details: { version } });
    return done(request, reply, '/admin/models', version === 'shipped' ? 'The shipped models are now active.' : `Version ${version} is now the active model (rollback recorded).`);
  });
}
