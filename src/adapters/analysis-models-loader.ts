// The learned models an installation starts from: trained once per process from the team's shipped
// corpus (fixtures/training). A stored, retrained version (with officers' corrections) is restored from
// its JSON by `restoreAnalysisModels`; choosing which version is active belongs to the database layer.
import { readAnalysisTrainingCorpus } from './fs/training-corpus.js';
import { trainAnalysisModels, type AnalysisModels } from '../pipeline/analyse/analysis-models.js';

let shipped: AnalysisModels | undefined;

export function shippedAnalysisModels(): AnalysisModels {
  shipped ??= trainAnalysisModels(readAnalysisTrainingCorpus());
  return shipped;
}
