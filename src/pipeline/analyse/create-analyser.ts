// Binds the analysis to what an installation has tuned (settings file, active topic model), so
// that every caller analyses the same way: the daemon, `analyse --json` and the evaluation.
import type { AnalysisSettings } from '../../config/analysis-settings.js';
import type { AnalysisInput, RequestAnalysis } from '../../domain/request-analysis.js';
import { analyseRequest } from './analyse-request.js';
import type { TopicModel } from './topic-model.js';

export type Analyser = (input: AnalysisInput) => RequestAnalysis;

export function createAnalyser(settings: AnalysisSettings, topicModel: TopicModel | undefined): Analyser {
  const options = {
    topics: settings.topics,
    topicKeywords: settings.topicKeywords,
    topicThreshold: settings.topicThreshold,
    topicModelWeight: settings.topicModelWeight,
    topicModel,
    extraPatterns: settings.extraPatterns,
  };
  return (input) => analyseRequest(input, options);
}
