// Binds the analysis to what an installation has tuned (settings file, active topic model), so
// that every caller analyses the same way: the daemon, `analyse --json` and the evaluation.
import type { AnalysisInput, RequestAnalysis, Topic } from '../../domain/request-analysis.js';
import { analyseRequest, type ExtraPatterns } from './analyse-request.js';
import type { TopicKeywords } from './classify-topics.js';
import type { TopicModel } from './topic-model.js';

/** What an installation tunes (config/analysis-settings.ts reads it from FOI_ANALYSIS_CONFIG). */
export interface AnalysisSettings {
  topicThreshold: number;
  topicModelWeight: number;
  topics: Topic[];
  topicKeywords: TopicKeywords;
  extraPatterns: ExtraPatterns;
}

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
