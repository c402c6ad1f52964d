// Binds the analysis to what an installation has tuned (settings file, active models), so that every
// caller analyses the same way: the daemon, `analyse --json` and the evaluation.
import type { AnalysisInput, RequestAnalysis, Topic } from '../../domain/request-analysis.js';
import type { AnalysisModels } from './analysis-models.js';
import { analyseRequest, type ExtraPatterns } from './analyse-request.js';
import type { TopicKeywords } from './classify-topics.js';
import type { TopicModel } from './topic-model.js';

/** What an installation tunes (config/analysis-settings.ts reads it from FOI_ANALYSIS_CONFIG). */
export interface AnalysisSettings {
  topicThreshold: number;
  /** Below this confidence a decision (kind, s.16, public interest) is flagged for an officer to check. */
  confidenceThreshold: number;
  topicModelWeight: number;
  topics: Topic[];
  topicKeywords: TopicKeywords;
  extraPatterns: ExtraPatterns;
}

export type Analyser = (input: AnalysisInput) => RequestAnalysis;

/**
 * `learned`: all the learned models (`trainAnalysisModels`, `restoreAnalysisModels`), or, as before,
 * only a topic model (the kind, s.16 and public-interest calls are then the rules' alone).
 */
export function createAnalyser(settings: AnalysisSettings, learned: AnalysisModels | TopicModel | undefined): Analyser {
  const models = learned && 'remembered' in learned ? learned : undefined;
  const options = {
    topics: settings.topics,
    topicKeywords: settings.topicKeywords,
    topicThreshold: settings.topicThreshold,
    topicModelWeight: settings.topicModelWeight,
    confidenceThreshold: settings.confidenceThreshold,
    topicModel: models ? models.topic : (learned as TopicModel | undefined),
    models,
    extraPatterns: settings.extraPatterns,
  };
  return (input) => analyseRequest(input, options);
}
