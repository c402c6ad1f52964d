// The regime of each question of a request that mixes them. A message is one kind (DESIGN.md "Analysis
// scoring": own data with general questions is `sar`, environmental with other information is `eir`),
// but officers answer each part under its own regime: own data under UK GDPR Art. 15 (ICO guidance on
// FOIA s.8), environmental information under the EIR, the rest under FOIA.
import type { AnalysedQuestion, RequestKind } from '../../domain/request-analysis.js';
import { readEnvironmentalSpan, type AskSpan, type EnvironmentalReading } from './detect-environmental.js';
import { asksForOwnData } from './detect-request-kind.js';

const REQUEST_KINDS: ReadonlySet<RequestKind> = new Set(['foi', 'eir', 'sar']);
/** Topics whose questions are about something other than the environment, even inside an EIR request. */
const NOT_ENVIRONMENTAL_TOPICS: ReadonlySet<string> = new Set(['staffing', 'it_security', 'policing', 'health', 'education', 'housing', 'personal_data']);

/**
 * Each question's kind: `sar` for the requester's own data; `eir` when the question is environmental
 * itself, or, in an environmental request, when it names nothing else ("how much did it cost?" is about
 * the measure the request is about: reg 2(1)(c) and (e)); `foi` otherwise.
 */
export function questionKinds(
  kind: RequestKind, questions: readonly { text: string; span: AskSpan; ownTopic: string | null }[], environmental: EnvironmentalReading,
): (RequestKind | undefined)[] {
  if (!REQUEST_KINDS.has(kind)) return questions.map(() => undefined);
  return questions.map((q) => {
    if (asksForOwnData(q.text)) return 'sar';
    const reading = readEnvironmentalSpan(environmental, q.span);
    if (reading.environmental) return 'eir';
    if (kind !== 'eir') return 'foi';
    const elsewhere = reading.score === 0 && NOT_ENVIRONMENTAL_TOPICS.has(q.ownTopic ?? 'other');
    return elsewhere ? 'foi' : 'eir';
  });
}

/**
 * A mixed request: some questions ask for the requester's own personal data (a subject access
 * request, due in a month) and others for general information (FOI/EIR, 20 working days).
 */
export function mixedParts(kind: RequestKind, questions: readonly AnalysedQuestion[]): { ownData: string[]; general: string[] } | null {
  if (!REQUEST_KINDS.has(kind) || questions.length < 2) return null;
  const label = (q: AnalysedQuestion, i: number) => q.number ?? String(i + 1);
  const ownData = questions.flatMap((q, i) => (q.kind === 'sar' ? [label(q, i)] : []));
  const general = questions.flatMap((q, i) => (q.kind === 'sar' ? [] : [label(q, i)]));
  return ownData.length > 0 && general.length > 0 ? { ownData, general } : null;
}
