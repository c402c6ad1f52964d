// An officer's correction of how a case was read (`foi-intake case correct`): the kind, a question's
// topic, the s.16 and public-interest calls, a question split in two or two merged. Pure: the case as
// stored in, the corrected analysis, questions, flags, audit details and labelled examples out. The
// examples are what `classifier train` learns from, so the bot reads the authority's own mail better.
import { caseFlag, type CaseFlag, type FlagCode } from '../../domain/case-flag.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { LabelledExample } from '../../domain/labelled-example.js';
import type { Regime } from '../../domain/regime.js';
import type { AnalysedQuestion, CheckedDecision, RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import { AppError } from '../../errors.js';
import { regimeFor } from './plan-case.js';

export interface CaseCorrection {
  kind?: RequestKind;
  /** Question number (as written, or its position from 1) → the topic it is about. */
  topics?: { question: string; topic: string }[];
  section16?: boolean;
  publicInterest?: boolean;
  /** Split question `question` into two, the second starting at the words `at`. */
  split?: { question: string; at: string; numbers?: [string | null, string | null] };
  /** Merge these two questions into one, where the first of them stands. */
  merge?: [string, string];
  /** Replace a question's text (the officer's reading of what was asked). */
  edit?: { question: string; text: string };
}

export interface StoredQuestion {
  number: string | null;
  text: string;
  topics: string[];
}

export interface CorrectableCase {
  reference: string;
  kind: RequestKind;
  /** The regime the clock runs under, `none` for correspondence without one. */
  regime: Regime | 'none';
  jurisdiction: Jurisdiction;
  dueDate: string | null;
  subject: string;
  analysis: RequestAnalysis;
  questions: StoredQuestion[];
  flags: CaseFlag[];
  /** The text the message was analysed on; null when it is no longer kept (purged, or never stored). */
  messageText: string | null;
}

export interface SourcedExample extends LabelledExample {
  /** `case:<reference>` for the whole message, `case:<reference>#<question>` for one question. */
  source: string;
}

export interface CorrectedCase {
  kind: RequestKind;
  analysis: RequestAnalysis;
  questions: StoredQuestion[];
  flags: CaseFlag[];
  examples: SourcedExample[];
  /** What changed, for the audit trail: one line per decision, before → after. */
  changes: string[];
}

export function correctAnalysis(stored: CorrectableCase, correction: CaseCorrection, topics: readonly string[]): CorrectedCase {
  if (Object.values(correction).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))) {
    throw new AppError('cli.invalid_argument', 'nothing to correct: give --kind, --topic, --s16, --pi, --split, --merge or an edit');
  }
  let state: CorrectedCase = {
    kind: stored.kind, analysis: structuredClone(stored.analysis), questions: stored.questions.map((q) => ({ ...q, topics: [...q.topics] })),
    flags: [...stored.flags], examples: [], changes: [],
  };
  const message = (labels: Partial<LabelledExample>): SourcedExample[] =>
    stored.messageText ? [{ source: `case:${stored.reference}`, subject: stored.subject, text: stored.messageText, ...labels }] : [];
  if (correction.merge) state = mergeQuestions(state, stored.reference, correction.merge);
  if (correction.split) state = splitQuestion(state, stored.reference, correction.split);
  if (correction.edit) state = editQuestion(state, stored.reference, correction.edit);
  for (const t of correction.topics ?? []) state = correctTopic(state, stored.reference, t, topics);
  if (correction.kind && correction.kind !== state.kind) state = correctKind(state, stored, correction.kind);
  if (correction.kind) state.examples.push(...message({ kind: correction.kind }));
  if (correction.section16 !== undefined) {
    state = correctFlag(state, 'section16', correction.section16);
    state.examples.push(...message({ section16: correction.section16 }));
  }
  if (correction.publicInterest !== undefined) {
    state = correctFlag(state, 'publicInterest', correction.publicInterest);
    state.examples.push(...message({ publicInterest: correction.publicInterest }));
  }
  return state;
}

function findQuestion(questions: readonly StoredQuestion[], reference: string, number: string): number {
  const byNumber = questions.findIndex((q) => q.number === number);
  if (byNumber >= 0) return byNumber;
  const position = /^\d+$/.test(number) ? Number(number) - 1 : -1;
  if (position >= 0 && position < questions.length) return position;
  throw new AppError('cli.invalid_argument', `${reference} has no question ${number} (it has ${questions.length})`);
}

function withoutCheck(analysis: RequestAnalysis, decision: CheckedDecision): CheckedDecision[] {
  return (analysis.lowConfidence ?? []).filter((d) => d !== decision);
}

function correctKind(state: CorrectedCase, stored: CorrectableCase, kind: RequestKind): CorrectedCase {
  const before = state.kind;
  const analysis = { ...state.analysis, kind, kindConfidence: 1, lowConfidence: withoutCheck(state.analysis, 'kind') };
  let flags = [...state.flags];
  const wouldRun = regimeFor(kind, stored.jurisdiction);
  // The clock is not moved here: whether a request read as FOIA is an EIR one (reg 2(1)) or a SAR changes
  // the rules a deadline runs by (reg 7 against s.10(3); UK GDPR Art 12(3)), and that is the officer's
  // decision with the case in front of them. The mismatch is recorded and flagged instead.
  if (wouldRun !== regimeFor(before, stored.jurisdiction)) {
    // One flag says where the kind and the clock stand now; back to the kind the clock runs under, none.
    flags = flags.filter((f) => f.code !== 'kind_corrected');
    if ((wouldRun ?? 'none') === stored.regime) return { ...state, kind, analysis, flags, changes: [...state.changes, `kind: ${before} → ${kind}`] };
    const running = stored.regime === 'none' ? 'no statutory clock runs' : `the deadline still runs under ${stored.regime}${stored.dueDate ? ` (due ${stored.dueDate})` : ''}`;
    const text = `Kind corrected from ${before} to ${kind}: ${running}; under ${wouldRun ?? 'no regime'} it may differ: check the deadline`;
    flags.push(caseFlag('kind_corrected', text));
  }
  return { ...state, kind, analysis, flags, changes: [...state.changes, `kind: ${before} → ${kind}`] };
}

const FLAG_OF: Record<'section16' | 'publicInterest', { code: FlagCode; text: string; field: 'citesSection16' | 'publicInterestArgument'; confidence: 'section16Confidence' | 'publicInterestConfidence' }> = {
  section16: { code: 's16', text: 'Section 16 (advice and assistance) invoked (as corrected by an officer)', field: 'citesSection16', confidence: 'section16Confidence' },
  publicInterest: { code: 'public_interest', text: 'Public-interest argument made (as corrected by an officer)', field: 'publicInterestArgument', confidence: 'publicInterestConfidence' },
};

function correctFlag(state: CorrectedCase, decision: 'section16' | 'publicInterest', value: boolean): CorrectedCase {
  const { code, text, field, confidence } = FLAG_OF[decision];
  const before = state.analysis[field];
  const analysis = { ...state.analysis, [field]: value, [confidence]: 1, lowConfidence: withoutCheck(state.analysis, decision) };
  const others = state.flags.filter((f) => f.code !== code);
  const flags = value ? [...others, state.flags.find((f) => f.code === code) ?? caseFlag(code, text)] : others;
  return { ...state, analysis, flags, changes: [...state.changes, `${decision}: ${before ? 'yes' : 'no'} → ${value ? 'yes' : 'no'}`] };
}

function correctTopic(state: CorrectedCase, reference: string, t: { question: string; topic: string }, topics: readonly string[]): CorrectedCase {
  if (!topics.includes(t.topic)) throw new AppError('cli.invalid_argument', `--topic ${t.question}=${t.topic}: the topic must be one of ${topics.join(', ')}`);
  const i = findQuestion(state.questions, reference, t.question);
  const question = state.questions[i]!;
  const before = question.topics[0] ?? 'other';
  // The officer names the question's topic: it replaces what the classifier chose.
  const questions = state.questions.map((q, j) => (j === i ? { ...q, topics: [t.topic] } : q));
  const analysed = state.analysis.questions.map((q, j) => (j === i ? { ...q, topics: [t.topic], topicConfidence: 1, lowConfidence: false } : q));
  // The request's topics follow its questions' (first topics first, in order): primary topic = topics[0].
  const requestTopics = [...new Set([...questions.map((q) => q.topics[0]!).filter(Boolean), ...questions.flatMap((q) => q.topics)])];
  const analysis = { ...state.analysis, questions: analysed, topics: requestTopics, lowConfidence: withoutCheck(state.analysis, 'topic') };
  const example = { source: `case:${reference}#${question.number ?? i + 1}`, text: question.text, topic: t.topic };
  return { ...state, questions, analysis, examples: [...state.examples, example], changes: [...state.changes, `topic of question ${t.question}: ${before} → ${t.topic}`] };
}

function splitQuestion(state: CorrectedCase, reference: string, split: NonNullable<CaseCorrection['split']>): CorrectedCase {
  const i = findQuestion(state.questions, reference, split.question);
  const question = state.questions[i]!;
  const at = question.text.toLowerCase().indexOf(split.at.trim().toLowerCase(), 1);
  const first = at > 0 ? question.text.slice(0, at).trim() : '';
  const second = at > 0 ? question.text.slice(at).trim() : '';
  if (!first || !second) throw new AppError('cli.invalid_argument', `--at "${split.at}" is not inside question ${split.question} after its first word`);
  // The two parts are numbered 2a and 2b, unless the split undoes a merge and gives the old numbers back.
  const numbers = split.numbers ?? (question.number ? [`${question.number}a`, `${question.number}b`] : [null, null]);
  const parts: StoredQuestion[] = [{ ...question, number: numbers[0]!, text: first }, { ...question, number: numbers[1]!, text: second }];
  const analysedParts = parts.map((p): AnalysedQuestion => ({ ...(state.analysis.questions[i] ?? { topics: p.topics }), number: p.number, text: p.text, start: undefined, end: undefined }));
  const example = { source: `case:${reference}#${question.number ?? i + 1}`, text: question.text, questions: [first, second] };
  return {
    ...state,
    questions: [...state.questions.slice(0, i), ...parts, ...state.questions.slice(i + 1)],
    analysis: { ...state.analysis, questions: [...state.analysis.questions.slice(0, i), ...analysedParts, ...state.analysis.questions.slice(i + 1)] },
    examples: [...state.examples, example],
    changes: [...state.changes, `question ${split.question} split in two at "${split.at}"`],
  };
}

function mergeQuestions(state: CorrectedCase, reference: string, pair: [string, string]): CorrectedCase {
  const [a, b] = pair.map((n) => findQuestion(state.questions, reference, n)).sort((x, y) => x - y) as [number, number];
  if (a === b) throw new AppError('cli.invalid_argument', '--merge needs two different questions');
  const [first, second] = [state.questions[a]!, state.questions[b]!];
  // Merging the two halves of a split (2a and 2b) gives question 2 back: a split is undone by a merge.
  const halves = first.number && second.number && /a$/.test(first.number) && second.number === `${first.number.slice(0, -1)}b`;
  const merged: StoredQuestion = { number: halves ? first.number!.slice(0, -1) : first.number, text: `${first.text} ${second.text}`, topics: [...new Set([...first.topics, ...second.topics])] };
  const keep = <T>(list: readonly T[], replacement: T) => list.flatMap((q, j) => (j === a ? [replacement] : j === b ? [] : [q]));
  const analysedFirst = state.analysis.questions[a];
  const analysedMerged: AnalysedQuestion = { ...(analysedFirst ?? {}), number: merged.number, text: merged.text, topics: merged.topics, start: undefined, end: undefined };
  const example = { source: `case:${reference}#${first.number ?? a + 1}`, text: `${first.text}\n${second.text}`, questions: [merged.text] };
  return {
    ...state,
    questions: keep(state.questions, merged),
    analysis: { ...state.analysis, questions: state.analysis.questions.length > b ? keep(state.analysis.questions, analysedMerged) : state.analysis.questions },
    examples: [...state.examples, example],
    changes: [...state.changes, `questions ${pair[0]} and ${pair[1]} merged`],
  };
}

function editQuestion(state: CorrectedCase, reference: string, edit: { question: string; text: string }): CorrectedCase {
  const i = findQuestion(state.questions, reference, edit.question);
  const question = state.questions[i]!;
  const text = edit.text.trim();
  if (!text) throw new AppError('cli.invalid_argument', `question ${edit.question} cannot be left empty`);
  if (text === question.text) throw new AppError('cli.invalid_argument', `question ${edit.question} already reads like that`);
  const analysed = state.analysis.questions.map((q, j) => (j === i ? { ...q, text, start: undefined, end: undefined } : q));
  // As for a split or merge: the officer's reading of what was asked, kept for the splitter's evaluation.
  const example = { source: `case:${reference}#${question.number ?? i + 1}`, text: question.text, questions: [text] };
  return {
    ...state,
    questions: state.questions.map((q, j) => (j === i ? { ...q, text } : q)),
    analysis: { ...state.analysis, questions: analysed },
    examples: [...state.examples, example],
    changes: [...state.changes, `text of question ${edit.question} edited`],
  };
}
