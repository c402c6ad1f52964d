// The active models' report for the admin pages and `classifier eval`'s figures: on the whole evaluation
// set, kind and primary topic as classification reports (per-label precision, recall, F1 and a confusion
// matrix), s.16 and public interest as yes/no precision, recall and F1.
import { activeModel } from '../adapters/db/classifier-store.js';
import type { Db } from '../adapters/db/database.js';
import type { AnalysisSettings } from '../config/analysis-settings.js';
import { gateKey, modelsOf, readEvaluationSet, runnerOf } from './classifier-tuning.js';
import type { ReportScores, TuningRunner } from './tuning-compute.js';

export interface ModelReport extends ReportScores {
  version: number | 'shipped';
}

// Scoring takes seconds; a version's report on one set under one settings file never changes.
const reports = new Map<string, ModelReport>();

/** Scored by `runner` (the console's worker threads), else on this thread. */
export async function activeModelReport(db: Db, settings: AnalysisSettings, evalDir: string, runner?: TuningRunner): Promise<ModelReport> {
  const stored = await activeModel(db);
  const version = stored?.version ?? 'shipped';
  const key = `${version}:${gateKey(settings, readEvaluationSet(evalDir))}`;
  const known = reports.get(key);
  if (known) return known;
  const scores = await runnerOf({ settings, runner }).run({ kind: 'report', models: stored ? modelsOf(stored) : 'shipped', evalDir });
  const report: ModelReport = { version, ...scores };
  if (reports.size > 20) reports.clear();
  reports.set(key, report);
  return report;
}
