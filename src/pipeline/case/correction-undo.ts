// The correction that puts a reading back as it was before a correction: kept with the correction's event
// so an officer can undo it later (as a new, attributed correction). Pure. Null when no single correction
// can restore the reading exactly (several structural changes at once, or two questions merged that were
// not next to each other): the officer then corrects it by hand.
import type { RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import type { CaseCorrection, StoredQuestion } from './correct-analysis.js';

interface Reading {
  kind: RequestKind;
  analysis: RequestAnalysis;
  questions: readonly StoredQuestion[];
}

/** A question's label as the correction forms and the CLI name it: its number, else its position from 1. */
export function questionLabel(questions: readonly StoredQuestion[], index: number): string {
  return questions[index]?.number ?? String(index + 1);
}

function indexOf(questions: readonly StoredQuestion[], label: string): number {
  const byNumber = questions.findIndex((q) => q.number === label);
  return byNumber >= 0 ? byNumber : /^\d+$/.test(label) ? Number(label) - 1 : -1;
}

export function undoOf(before: Reading, correction: CaseCorrection, after: Reading): CaseCorrection | null {
  const structural = [correction.merge, correction.split, correction.edit].filter((c) => c !== undefined).length;
  const topics = correction.topics ?? [];
  // Topic labels name questions after the structural change: the two do not invert in one step.
  if (structural > 1 || (structural === 1 && topics.length > 0)) return null;
  const undo: CaseCorrection = {};
  if (correction.kind !== undefined && correction.kind !== before.kind) undo.kind = before.kind;
  const s16 = before.analysis.citesSection16 ?? false;
  if (correction.section16 !== undefined && correction.section16 !== s16) undo.section16 = s16;
  const pi = before.analysis.publicInterestArgument ?? false;
  if (correction.publicInterest !== undefined && correction.publicInterest !== pi) undo.publicInterest = pi;
  const topicUndo = topicsUndo(before, topics);
  if (topicUndo.length > 0) undo.topics = topicUndo;
  if (correction.edit) {
    const i = indexOf(before.questions, correction.edit.question);
    if (i < 0) return null;
    undo.edit = { question: questionLabel(after.questions, i), text: before.questions[i]!.text };
  }
  if (correction.split) {
    const i = indexOf(before.questions, correction.split.question);
    if (i < 0) return null;
    undo.merge = [questionLabel(after.questions, i), questionLabel(after.questions, i + 1)];
  }
  if (correction.merge) {
    const [a, b] = correction.merge.map((n) => indexOf(before.questions, n)).sort((x, y) => x - y) as [number, number];
    if (a < 0 || b !== a + 1) return null;
    const [first, second] = [before.questions[a]!, before.questions[b]!];
    undo.split = { question: questionLabel(after.questions, a), at: second.text, numbers: [first.number, second.number] };
    // Both halves come back with the merged question's topics; each gets its own back where it differs.
    const merged = (after.questions[a]?.topics ?? []).join(',');
    undo.topics = [first, second]
      .filter((q) => q.topics.join(',') !== merged)
      .map((q) => ({ question: q.number ?? String(a + [first, second].indexOf(q) + 1), topic: q.topics[0] ?? 'other' }));
  }
  return Object.values(undo).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)) ? undo : null;
}

function topicsUndo(before: Reading, topics: NonNullable<CaseCorrection['topics']>): { question: string; topic: string }[] {
  const seen = new Set<number>();
  const undo: { question: string; topic: string }[] = [];
  for (const t of topics) {
    const i = indexOf(before.questions, t.question);
    if (i < 0 || seen.has(i)) continue;
    seen.add(i);
    const was = before.questions[i]!.topics[0] ?? 'other';
    if (was !== t.topic) undo.push({ question: questionLabel(before.questions, i), topic: was });
  }
  return undo;
}
