// What the admin pages need beyond the console's own settings: where the admins' analysis settings live
// (FOI_ANALYSIS_CONFIG, the file `classifier` and the daemon read) and the evaluation set models are
// judged on. Shared helpers for the admin route files.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadAnalysisSettings, type AnalysisSettings } from '../config/analysis-settings.js';
import { isAppError } from '../errors.js';
import { defaultEvalDir, type TuningContext } from '../runtime/classifier-tuning.js';
import type { ConsoleDeps } from './server.js';

export interface AdminOptions {
  /** FOI_ANALYSIS_CONFIG; null: the built-in settings, shown but not editable here. */
  analysisConfigPath: string | null;
  /** The folder of labelled JSON Lines corpora candidates are scored on (default fixtures/eval). */
  evalDir?: string;
}

export const nowOf = (deps: ConsoleDeps): Date => (deps.now ?? (() => new Date()))();

/** Read on each use: an admin may have changed the file since (here or by hand). */
export function analysisSettingsOf(deps: ConsoleDeps): AnalysisSettings {
  return loadAnalysisSettings(deps.admin?.analysisConfigPath ?? null);
}

export function tuningOf(deps: ConsoleDeps): TuningContext {
  // The console prints nothing: what the CLI would print is shown on the pages instead.
  return { db: deps.db, settings: analysisSettingsOf(deps), evalDir: deps.admin?.evalDir ?? defaultEvalDir(), now: nowOf(deps), write: () => undefined };
}

/** A usage error of the shared core (`cli.invalid_argument`, `case.not_found`) is the admin's to fix: its message, else rethrown. */
export function usageMessage(error: unknown): string {
  if (isAppError(error) && (error.code === 'cli.invalid_argument' || error.code === 'case.not_found')) return error.message;
  throw error;
}

/** After a form: the GOV.UK pattern of post, redirect, and a banner saying what happened. */
export function done(request: FastifyRequest, reply: FastifyReply, to: string, text: string, kind: 'success' | 'error' = 'success'): FastifyReply {
  request.session.set('flash', { kind, text });
  return reply.redirect(to, 303);
}
