// An officer's correction of how a case was read: what it changes in the stored analysis, what it flags,
// and the labelled examples it leaves for training.
import { describe, expect, it } from 'vitest';
import { caseFlag } from '../../../src/domain/case-flag.js';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import { isAppError } from '../../../src/errors.js';
import { correctAnalysis, type CorrectableCase } from '../../../src/pipeline/case/correct-analysis.js';
import { pleaseCheckLine } from '../../../src/pipeline/notify/please-check.js';

const TOPICS = ['transport', 'finance', 'planning_environment', 'personal_data', 'other'];
const TEXT = 'Dear Council,\n\n1. How many potholes were repaired on Mill Lane in 2025?\n2. What did the repairs cost and who paid for them?\n\nYours faithfully,\nA. Reader';

function analysis(): RequestAnalysis {
  return {
    kind: 'foi', kindConfidence: 0.55, section16Confidence: 0.9, publicInterestConfidence: 0.6, lowConfidence: ['kind', 'publicInterest'],
    questions: [
      { number: '1', text: 'How many potholes were repaired on Mill Lane in 2025?', topics: ['transport'], start: 16, end: 68 },
      { number: '2', text: 'What did the repairs cost and who paid for them?', topics: ['finance'] },
    ],
    topics: ['transport', 'finance'], topicConfidence: 0.8, citesSection16: false, publicInterestArgument: true, sectionsCited: [], timeSpan: null,
    ambiguousTerms: [], validity: { valid: true, missing: [] }, evidence: { section16: null, publicInterest: null, timeSpan: null, kind: null },
  };
}

function stored(overrides: Partial<CorrectableCase> = {}): CorrectableCase {
  const a = analysis();
  return {
    reference: 'FOI-2026-00007', kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', dueDate: '2026-12-01', subject: 'Potholes',
    analysis: a, questions: a.questions.map((q) => ({ number: q.number, text: q.text, topics: q.topics })),
    flags: [caseFlag('public_interest', 'Public-interest argument made')], messageText: TEXT, ...overrides,
  };
}

describe('correcting the analysis of a case', () => {
  it('a kind under another regime is recorded and flagged; the clock is left for the officer', () => {
    const result = correctAnalysis(stored(), { kind: 'eir' }, TOPICS);
    expect(result.kind).toBe('eir');
    expect(result.analysis).toMatchObject({ kind: 'eir', kindConfidence: 1, lowConfidence: ['publicInterest'] });
    expect(result.flags.find((f) => f.code === 'kind_corrected')?.text).toBe(
      'Kind corrected from foi to eir: the deadline still runs under foi (due 2026-12-01); under eir it may differ: check the deadline');
    expect(result.examples).toEqual([{ source: 'case:FOI-2026-00007', subject: 'Potholes', text: TEXT, kind: 'eir' }]);
    expect(result.changes).toEqual(['kind: foi → eir']);
  });

  it('a kind under the same regime raises no flag; the same kind again still teaches the model', () => {
    expect(correctAnalysis(stored(), { kind: 'clarification' }, TOPICS).flags.map((f) => f.code)).toContain('kind_corrected');
    const same = correctAnalysis(stored(), { kind: 'foi' }, TOPICS);
    expect(same.flags.map((f) => f.code)).toEqual(['public_interest']);
    expect(same.examples).toHaveLength(1);
  });

  it('the s.16 and public-interest calls set the flags and the confidences', () => {
    const result = correctAnalysis(stored(), { section16: true, publicInterest: false }, TOPICS);
    expect(result.analysis).toMatchObject({ citesSection16: true, publicInterestArgument: false, section16Confidence: 1, publicInterestConfidence: 1, lowConfidence: ['kind'] });
    expect(result.flags.map((f) => f.code)).toEqual(['s16']);
    expect(result.examples.map((e) => [e.section16, e.publicInterest])).toEqual([[true, undefined], [undefined, false]]);
  });

  it("a question's topic replaces the classifier's and leads the request's topics", () => {
    const result = correctAnalysis(stored(), { topics: [{ question: '2', topic: 'planning_environment' }] }, TOPICS);
    expect(result.questions[1]!.topics).toEqual(['planning_environment']);
    expect(result.analysis.topics).toEqual(['transport', 'planning_environment']);
    expect(result.examples).toEqual([{ source: 'case:FOI-2026-00007#2', text: 'What did the repairs cost and who paid for them?', topic: 'planning_environment' }]);
    expect(() => correctAnalysis(stored(), { topics: [{ question: '2', topic: 'weather' }] }, TOPICS)).toThrow(/must be one of/);
  });

  it('splits a question where the given words begin, and merges two into one', () => {
    const split = correctAnalysis(stored(), { split: { question: '2', at: 'who paid' } }, TOPICS);
    expect(split.questions.map((q) => [q.number, q.text])).toEqual([
      ['1', 'How many potholes were repaired on Mill Lane in 2025?'], ['2a', 'What did the repairs cost and'], ['2b', 'who paid for them?'],
    ]);
    expect(split.analysis.questions.map((q) => q.number)).toEqual(['1', '2a', '2b']);
    expect(split.examples[0]!.questions).toEqual(['What did the repairs cost and', 'who paid for them?']);

    const merged = correctAnalysis(stored(), { merge: ['2', '1'] }, TOPICS);
    expect(merged.questions).toEqual([{ number: '1', text: 'How many potholes were repaired on Mill Lane in 2025? What did the repairs cost and who paid for them?', topics: ['transport', 'finance'] }]);
    expect(merged.analysis.questions).toHaveLength(1);
    expect(merged.analysis.questions[0]!.start).toBeUndefined();
  });

  it('refuses what it cannot do, naming the problem', () => {
    const usage = (fn: () => unknown) => expect(fn).toThrow(expect.toSatisfy((e: unknown) => isAppError(e, 'cli.invalid_argument')));
    usage(() => correctAnalysis(stored(), {}, TOPICS));
    usage(() => correctAnalysis(stored(), { split: { question: '9', at: 'x' } }, TOPICS));
    usage(() => correctAnalysis(stored(), { split: { question: '1', at: 'How' } }, TOPICS));
    usage(() => correctAnalysis(stored(), { merge: ['1', '1'] }, TOPICS));
  });

  it('without the message (purged), the decision is still corrected but no whole-message example is made', () => {
    const result = correctAnalysis(stored({ messageText: null }), { kind: 'sar', publicInterest: false }, TOPICS);
    expect(result.kind).toBe('sar');
    expect(result.examples).toEqual([]);
  });
});

describe("the officer summary's please-check line", () => {
  it('names each decision the analysis was unsure of, as read and how sure', () => {
    expect(pleaseCheckLine(analysis(), 'FOI request')).toMatch(
      /^Please check: the kind \(read as FOI request, 55 % sure\); the public-interest argument \(read as made, 60 % sure\)\. /);
    expect(pleaseCheckLine({ ...analysis(), lowConfidence: [] }, 'FOI request')).toBeNull();
  });
});
