// Undoing a correction of the reading: the inverse kept with each correction puts the reading back as it
// was (a topic, the kind, the s.16 and public-interest calls, a split, a merge of neighbours, an edit),
// and is refused where one step cannot restore it exactly.
import { describe, expect, it } from 'vitest';
import type { RequestAnalysis } from '../../../src/domain/request-analysis.js';
import { isAppError } from '../../../src/errors.js';
import { correctAnalysis, type CaseCorrection, type CorrectableCase } from '../../../src/pipeline/case/correct-analysis.js';
import { undoOf } from '../../../src/pipeline/case/correction-undo.js';

const TOPICS = ['transport', 'finance', 'housing', 'other'];
const QUESTIONS = [
  { number: '1', text: 'How many potholes were repaired on Mill Lane in 2025?', topics: ['transport'] },
  { number: '2', text: 'What did the repairs cost and who paid for them?', topics: ['finance'] },
  { number: '3', text: 'How many council homes are empty?', topics: ['housing'] },
];

function stored(): CorrectableCase {
  const analysis = {
    kind: 'foi', kindConfidence: 0.9, questions: QUESTIONS.map((q) => ({ ...q })), topics: ['transport', 'finance', 'housing'],
    citesSection16: false, publicInterestArgument: true, sectionsCited: [], timeSpan: null, ambiguousTerms: [], validity: { valid: true, missing: [] },
  } as unknown as RequestAnalysis;
  return {
    reference: 'FOI-2026-00009', kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', dueDate: '2026-12-01', subject: 'Roads',
    analysis, questions: QUESTIONS.map((q) => ({ ...q, topics: [...q.topics] })), flags: [], messageText: 'the request',
  };
}

/** Applies `correction`, then its undo, and returns the reading after both. */
function roundTrip(correction: CaseCorrection) {
  const before = stored();
  const after = correctAnalysis(before, correction, TOPICS);
  const undo = undoOf(before, correction, after);
  expect(undo).not.toBeNull();
  const back = correctAnalysis({ ...before, kind: after.kind, analysis: after.analysis, questions: after.questions, flags: after.flags }, undo!, TOPICS);
  return { before, back, undo: undo! };
}

describe('undoing a correction of the reading', () => {
  it('puts a topic, the kind and the s.16 and public-interest calls back', () => {
    const { before, back } = roundTrip({ topics: [{ question: '2', topic: 'housing' }], kind: 'eir', section16: true, publicInterest: false });
    expect(back.questions).toEqual(before.questions);
    expect(back.kind).toBe('foi');
    // Back under the regime the clock runs by: the kind_corrected flag the correction raised goes.
    expect(back.flags.map((f) => f.code)).not.toContain('kind_corrected');
    expect(back.analysis).toMatchObject({ citesSection16: false, publicInterestArgument: true });
  });

  it('merges a split back into the question it was, with its number', () => {
    const { before, back, undo } = roundTrip({ split: { question: '1', at: 'on Mill Lane' } });
    expect(undo).toEqual({ merge: ['1a', '1b'] });
    expect(back.questions).toEqual(before.questions);
  });

  it('splits a merge of neighbours back into the two questions, numbers and topics', () => {
    const { before, back } = roundTrip({ merge: ['1', '2'] });
    expect(back.questions).toEqual(before.questions);
  });

  it('edits a question back to the words it had', () => {
    const { before, back, undo } = roundTrip({ edit: { question: '3', text: 'How many council houses are empty?' } });
    expect(undo).toEqual({ edit: { question: '3', text: QUESTIONS[2]!.text } });
    expect(back.questions).toEqual(before.questions);
  });

  it('offers no undo where one step cannot restore the reading', () => {
    const before = stored();
    const far: CaseCorrection = { merge: ['1', '3'] };
    expect(undoOf(before, far, correctAnalysis(before, far, TOPICS))).toBeNull();
    const both: CaseCorrection = { split: { question: '1', at: 'on Mill Lane' }, topics: [{ question: '2', topic: 'other' }] };
    expect(undoOf(before, both, correctAnalysis(before, both, TOPICS))).toBeNull();
  });

  it('an edit leaves a labelled example of the question as the officer reads it; an empty or unchanged text is refused', () => {
    const edited = correctAnalysis(stored(), { edit: { question: '3', text: 'How many council houses are empty?' } }, TOPICS);
    expect(edited.examples).toEqual([{ source: 'case:FOI-2026-00009#3', text: QUESTIONS[2]!.text, questions: ['How many council houses are empty?'] }]);
    for (const text of ['  ', QUESTIONS[2]!.text]) {
      let caught: unknown;
      try { correctAnalysis(stored(), { edit: { question: '3', text } }, TOPICS); } catch (error) { caught = error; }
      expect(isAppError(caught)).toBe(true);
    }
  });
});
