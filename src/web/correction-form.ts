// The case page's "correct the reading" forms read into one correction for correctCase, as the CLI's
// `case correct` reads its flags. Each form makes one kind of correction, so each correction can be
// undone in one step. The form's shape is checked here with the officer's words; what a correction
// does (and whether a topic exists) is the core's.
import { REQUEST_KINDS, type RequestKind } from '../domain/request-analysis.js';
import type { CaseCorrection, StoredQuestion } from '../pipeline/case/correct-analysis.js';
import { questionLabel } from '../pipeline/case/correction-undo.js';
import type { FormError } from './case-action-form.js';

export type CorrectionBody = Partial<Record<
  'correction' | 'kind' | 'question' | 'topic' | 's16' | 'pi' | 'at' | 'first' | 'second' | 'text' | 'expectedCorrection',
  string
>>;

export const CORRECTIONS = ['kind', 'topic', 'flags', 'split', 'merge', 'edit'] as const;

export interface CurrentReading {
  kind: string;
  citesSection16: boolean;
  publicInterestArgument: boolean;
  questions: readonly StoredQuestion[];
  topics: readonly string[];
}

/** The question a select names, by the label the core knows it by. */
function questionAt(reading: CurrentReading, label: string | undefined): StoredQuestion | undefined {
  const i = reading.questions.findIndex((_, j) => questionLabel(reading.questions, j) === label);
  return i >= 0 ? reading.questions[i] : undefined;
}

function yesNo(value: string | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

export function correctionFromForm(body: CorrectionBody, reading: CurrentReading): { correction: CaseCorrection } | { errors: FormError[] } {
  const fail = (field: string, text: string) => ({ errors: [{ field, text }] });
  switch (body.correction) {
    case 'kind':
      if (!(REQUEST_KINDS as readonly string[]).includes(body.kind ?? '')) return fail('correct-kind', 'Choose the kind of request');
      if (body.kind === reading.kind) return fail('correct-kind', `The case is already read as ${body.kind!.replace(/_/g, ' ')}: choose another kind`);
      return { correction: { kind: body.kind as RequestKind } };
    case 'topic': {
      const question = questionAt(reading, body.question);
      if (!question) return fail('correct-topic-question', 'Choose the question');
      if (!reading.topics.includes(body.topic ?? '')) return fail('correct-topic', 'Choose the topic');
      if (question.topics.length === 1 && question.topics[0] === body.topic) return fail('correct-topic', `Question ${body.question} is already about ${body.topic!.replace(/_/g, ' ')}`);
      return { correction: { topics: [{ question: body.question!, topic: body.topic! }] } };
    }
    case 'flags': {
      const s16 = yesNo(body.s16);
      const pi = yesNo(body.pi);
      if (s16 === undefined) return fail('correct-s16', 'Say whether the request asks for advice and assistance (s.16)');
      if (pi === undefined) return fail('correct-pi', 'Say whether the request argues the public interest');
      // Only what the officer changed is a correction: an unchanged answer would teach nothing new.
      const correction: CaseCorrection = {
        ...(s16 !== reading.citesSection16 ? { section16: s16 } : {}),
        ...(pi !== reading.publicInterestArgument ? { publicInterest: pi } : {}),
      };
      return Object.keys(correction).length > 0 ? { correction } : fail('correct-s16', 'Nothing was changed: choose a different answer to correct it');
    }
    case 'split': {
      const question = questionAt(reading, body.question);
      if (!question) return fail('correct-split-question', 'Choose the question to split');
      const at = body.at?.trim() ?? '';
      if (!at) return fail('correct-split-at', 'Enter the words the second question starts with');
      if (question.text.toLowerCase().indexOf(at.toLowerCase(), 1) <= 0) return fail('correct-split-at', `Those words are not in question ${body.question} after its first word`);
      return { correction: { split: { question: body.question!, at } } };
    }
    case 'merge': {
      if (!questionAt(reading, body.first)) return fail('correct-merge-first', 'Choose the first question');
      if (!questionAt(reading, body.second)) return fail('correct-merge-second', 'Choose the second question');
      if (body.first === body.second) return fail('correct-merge-second', 'Choose two different questions');
      return { correction: { merge: [body.first!, body.second!] } };
    }
    case 'edit': {
      const question = questionAt(reading, body.question);
      if (!question) return fail('correct-edit-question', 'Choose the question to edit');
      const text = body.text?.trim() ?? '';
      if (!text) return fail('correct-edit-text', 'Enter the question as it should read');
      if (text === question.text) return fail('correct-edit-text', 'The question already reads like that');
      return { correction: { edit: { question: body.question!, text } } };
    }
    default:
      return fail('correct-reading', 'Choose what to correct');
  }
}

/** The first field of a correction form, where a refusal from the core is shown. */
export function fieldOfCorrection(correction: string | undefined): string {
  const first: Record<string, string> = {
    kind: 'correct-kind', topic: 'correct-topic', flags: 'correct-s16', split: 'correct-split-at', merge: 'correct-merge-first', edit: 'correct-edit-text',
  };
  return first[correction ?? ''] ?? 'correct-reading';
}

/** The form's `expectedCorrection`: the latest correction the officer saw ('' for none). */
export function expectedCorrectionOf(body: CorrectionBody): number | null | undefined {
  const text = body.expectedCorrection;
  if (text === undefined) return undefined;
  // A malformed value never matches: the form is treated as stale rather than unchecked.
  return text === '' ? null : /^\d+$/.test(text) ? Number(text) : -1;
}
