// The learned models an installation starts from: trained from the team's shipped corpus
// (fixtures/training). Training takes most of a second, so the build trains them once
// (scripts/train-shipped-models.ts) and stores the JSON beside this module with a digest of the
// corpus; a process restores that (milliseconds) while the corpus is unchanged, and trains otherwise
// (running from the TypeScript sources, or a corpus edited since the build). A stored, retrained
// version (with officers' corrections) is restored by `restoreAnalysisModels`; choosing which version
// is active belongs to the database layer.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAnalysisTrainingCorpus, trainingCorpusBytes } from './fs/training-corpus.js';
import { restoreAnalysisModels, serialiseAnalysisModels, trainAnalysisModels, type AnalysisModels } from '../pipeline/analyse/analysis-models.js';

interface Shipped {
  models: AnalysisModels;
  /** The same models as JSON (what the prepare workers restore). */
  json: string;
}

interface StoredShipped {
  corpusDigest: string;
  json: string;
}

let shipped: Shipped | undefined;

export function shippedAnalysisModels(): AnalysisModels {
  return loadShipped().models;
}

export function shippedAnalysisModelsJson(): string {
  return loadShipped().json;
}

/** Trains the shipped models and stores them for the built code to restore; returns where. */
export function storeShippedAnalysisModels(): string {
  const path = builtModelsPath();
  if (!path) throw new Error('the shipped models are stored by the built code (dist/), not the sources');
  const json = serialiseAnalysisModels(trainAnalysisModels(readAnalysisTrainingCorpus()));
  writeFileSync(path, JSON.stringify({ corpusDigest: corpusDigest(), json } satisfies StoredShipped));
  return path;
}

function loadShipped(): Shipped {
  if (shipped) return shipped;
  const stored = readStored();
  if (stored) shipped = { models: restoreAnalysisModels(stored), json: stored };
  else {
    const models = trainAnalysisModels(readAnalysisTrainingCorpus());
    shipped = { models, json: serialiseAnalysisModels(models) };
  }
  return shipped;
}

/** The build's models when they were trained from the corpus as it is now; null otherwise. */
function readStored(): string | null {
  const path = builtModelsPath();
  if (!path || !existsSync(path)) return null;
  const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredShipped;
  return stored.corpusDigest === corpusDigest() ? stored.json : null;
}

/** Beside the compiled module only: under the sources (tests), the models are always trained afresh. */
function builtModelsPath(): string | null {
  return import.meta.url.endsWith('.js') ? fileURLToPath(new URL('./shipped-analysis-models.json', import.meta.url)) : null;
}

function corpusDigest(): string {
  const hash = createHash('sha256');
  for (const bytes of trainingCorpusBytes()) hash.update(bytes);
  return hash.digest('hex');
}
