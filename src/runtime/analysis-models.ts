// Which learned models an installation runs: the active version in the database (all four models, or
// a topic model alone for a version trained before the others were learned), or, with none active, the
// shipped models trained from the team's corpus. `analyse --json` always runs the shipped ones.
import { shippedAnalysisModels, shippedAnalysisModelsJson } from '../adapters/analysis-models-loader.js';
import { activeModel, activeVersion, type StoredModel } from '../adapters/db/classifier-store.js';
import type { Db } from '../adapters/db/database.js';
import { restoreAnalysisModels, type AnalysisModels } from '../pipeline/analyse/analysis-models.js';
import type { WireModels } from '../pipeline/workers/prepare-wire.js';
import { restoreTopicModel, type TopicModel } from '../pipeline/analyse/topic-model.js';

export interface LoadedModels {
  models: AnalysisModels | TopicModel;
  /** The same models as JSON, for the prepare workers to restore. */
  wire: WireModels;
  /** The database version, or `shipped`. */
  version: number | 'shipped';
}

export function restoreStoredModel(stored: StoredModel): AnalysisModels | TopicModel {
  return stored.format === 'analysis' ? restoreAnalysisModels(stored.model) : restoreTopicModel(stored.model);
}

export async function loadAnalysisModels(db: Db): Promise<LoadedModels> {
  const stored = await activeModel(db);
  if (stored) return { models: restoreStoredModel(stored), wire: { format: stored.format === 'analysis' ? 'analysis' : 'topic', json: stored.model }, version: stored.version };
  return { models: shippedAnalysisModels(), wire: { format: 'analysis', json: shippedAnalysisModelsJson() }, version: 'shipped' };
}

/** Whether the active version differs from the one loaded (an admin activated or rolled back since). */
export async function modelsChanged(db: Db, loaded: LoadedModels): Promise<boolean> {
  return ((await activeVersion(db)) ?? 'shipped') !== loaded.version;
}
