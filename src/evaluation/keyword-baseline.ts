// The naive keyword baseline the analysis is measured against: the first thing anyone would
// write (a few literal phrases, lines ending in "?"). If the analysis cannot beat it clearly,
// its extra complexity is not earning its keep.
import type { RequestAnalysis } from '../domain/request-analysis.js';

const TOPIC_WORDS: Record<string, string[]> = {
  it_security: ['cyber', 'ransomware', 'it '], finance: ['spend', 'budget', 'cost'], contracts: ['contract', 'tender'],
  staffing: ['staff', 'employees', 'salary'], health: ['nhs', 'patients', 'hospital'], policing: ['police', 'crime', 'arrest'],
  planning_environment: ['planning', 'air quality', 'pollution'], education: ['school', 'pupils', 'students'],
  transport: ['road', 'parking', 'bus'], housing: ['housing', 'tenants', 'homeless'], personal_data: ['my personal data', 'about me'],
};

function kindOf(text: string): string {
  if (/environmental information/i.test(text)) return 'eir';
  if (/subject access/i.test(text)) return 'sar';
  if (/internal review/i.test(text)) return 'internal_review';
  if (/complain/i.test(text)) return 'complaint';
  return 'foi';
}

export function keywordBaseline(subject: string, text: string): Pick<RequestAnalysis, 'kind' | 'citesSection16' | 'publicInterestArgument' | 'topics'> & { questions: string[] } {
  const lower = `${subject}\n${text}`.toLowerCase();
  const topic = Object.entries(TOPIC_WORDS)
    .map(([t, ws]) => [t, ws.filter((w) => lower.includes(w)).length] as const)
    .sort((a, b) => b[1] - a[1])[0]!;
  return {
    kind: kindOf(lower) as RequestAnalysis['kind'],
    citesSection16: /section 16/.test(lower),
    publicInterestArgument: /public interest/.test(lower),
    topics: [topic[1] > 0 ? topic[0] : 'other'],
    questions: text.split('\n').map((l) => l.trim()).filter((l) => l.endsWith('?')),
  };
}
