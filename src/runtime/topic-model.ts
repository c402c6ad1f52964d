// Which topic model an installation runs: the active version in the database, or, before any
// admin has trained one, a model trained at start-up from the team's corpus.
import type { Db } from '../adapters/db/database.js';
import { activeModel } from '../adapters/db/classifier-store.js';
import { readTopicTrainingCorpus } from '../adapters/fs/training-corpus.js';
import { restoreTopicModel, trainTopicModel, type TopicModel } from '../pipeline/analyse/topic-model.js';

export interface LoadedTopicModel {
  model: TopicModel;
  /** The database version, or `fixtures` for the built-in corpus. */
  version: number | 'fixtures';
}

export async function loadTopicModel(db: Db | null): Promise<LoadedTopicModel> {
  const stored = db ? await activeModel(db) : null;
  if (stored) return { model: restoreTopicModel(stored.model), version: stored.version };
  return { model: trainTopicModel(readTopicTrainingCorpus()), version: 'fixtures' };
}
