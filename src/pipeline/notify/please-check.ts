// The line that asks officers to check what the analysis was not sure of (below the admins'
// `confidenceThreshold`): each unsure decision, as read and how sure, so a misreading is caught early.
import type { RequestAnalysis } from '../../domain/request-analysis.js';

const percent = (confidence: number | undefined) => (confidence === undefined ? '' : `, ${Math.round(confidence * 100)} % sure`);

function describe(analysis: RequestAnalysis, kindLabel: string): Record<string, string> {
  return {
    kind: `the kind (read as ${kindLabel}${percent(analysis.kindConfidence)})`,
    section16: `section 16 advice and assistance (read as ${analysis.citesSection16 ? 'asked for' : 'not asked for'}${percent(analysis.section16Confidence)})`,
    publicInterest: `the public-interest argument (read as ${analysis.publicInterestArgument ? 'made' : 'not made'}${percent(analysis.publicInterestConfidence)})`,
    topic: `the topic (read as ${analysis.topics[0] ?? 'other'}${percent(analysis.topicConfidence)})`,
  };
}

/** "Please check: …", or null when the analysis was sure of everything. */
export function pleaseCheckLine(analysis: RequestAnalysis, kindLabel: string): string | null {
  const unsure = analysis.lowConfidence ?? [];
  if (unsure.length === 0) return null;
  const words = describe(analysis, kindLabel);
  return `Please check: ${unsure.map((d) => words[d] ?? d).join('; ')}. The analysis was not sure of ${unsure.length === 1 ? 'this' : 'these'}; \`case correct\` records the right reading and teaches the classifier.`;
}
