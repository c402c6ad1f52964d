// Decides, for one sentence or list item, whether it asks for information, adds to the previous ask, or
// is something else (greeting, procedure, legal reminder); the phrase lists live in question-phrases.ts.
import {
  CONTINUATION_OPENERS, DATA_FIELD_OPENERS, GENERAL_ASK_PATTERNS, GOVERNING_LEAD_IN_PATTERNS, LEADING_CONNECTIVES,
  NOT_A_QUESTION_PATTERNS, PREAMBLE_LEAD_IN_PATTERNS, QUESTION_WORD_OPENERS, REQUEST_FRAMES, REQUEST_OPENERS,
} from './question-phrases.js';
import { countWords } from './text-lines.js';

const anchored = (sources: readonly string[]) => sources.map((s) => new RegExp(`^(${s})`, 'i'));
const unanchored = (sources: readonly string[]) => sources.map((s) => new RegExp(s, 'i'));

const REQUEST = anchored(REQUEST_OPENERS);
const QUESTION_WORD = anchored(QUESTION_WORD_OPENERS);
const CONTINUATION = anchored(CONTINUATION_OPENERS);
const DATA_FIELD = anchored(DATA_FIELD_OPENERS);
const NOT_A_QUESTION = unanchored(NOT_A_QUESTION_PATTERNS);
const GOVERNING = unanchored(GOVERNING_LEAD_IN_PATTERNS);
const PREAMBLE = unanchored(PREAMBLE_LEAD_IN_PATTERNS);
const CONNECTIVE = new RegExp(LEADING_CONNECTIVES, 'i');
const FRAMES = unanchored(REQUEST_FRAMES);
const GENERAL_ASK = unanchored(GENERAL_ASK_PATTERNS);
const LEADING_CLAUSE = /^[^,?;:]{2,60},\s+/;
/** A lead-in naming the figure itself ("the number of staff dismissed for:") can govern bare categories. */
const FIGURE_WORDS = /\b(number|numbers|amount|total|how many|how much|costs?|figures?|breakdown|statistics|count|spend|expenditure|proportion|percentage|rate|ratio|average|median|share)\b/i;
/** An item that only says where or for whom ("in parks and open spaces;", "on road verges"): a breakdown of its lead-in. */
const PLACE_OR_GROUP = /^\W*(in|on|at|within|across|for|by|from|under|over|between)\b/i;
const OPENING_PUNCTUATION = /^[\s"'“‘(\[*_]+/;

function withoutConnective(sentence: string): string {
  return sentence.replace(OPENING_PUNCTUATION, '').replace(CONNECTIVE, '');
}

/** The sentence as written, without its framing ("Under the Act, …") and without a leading clause. */
function candidateCores(sentence: string): string[] {
  const core = withoutConnective(sentence);
  const afterClause = withoutConnective(core.replace(LEADING_CLAUSE, ''));
  const cores = afterClause === core ? [core] : [core, afterClause];
  for (const candidate of [...cores]) {
    for (const frame of FRAMES) {
      const unframed = candidate.replace(frame, '');
      if (unframed !== candidate) cores.push(withoutConnective(unframed));
    }
  }
  return cores;
}

export function endsWithQuestionMark(sentence: string): boolean {
  return /\?["'”’)\]]*\s*$/.test(sentence);
}

export function isNotAQuestion(sentence: string): boolean {
  const text = sentence.replace(OPENING_PUNCTUATION, '');
  return NOT_A_QUESTION.some((p) => p.test(text));
}

export function isRequestSentence(sentence: string): boolean {
  if (isNotAQuestion(sentence) || isHeading(sentence)) return false;
  const cores = candidateCores(sentence);
  if (cores.some((core) => REQUEST.some((p) => p.test(core)))) return true;
  if (!endsWithQuestionMark(sentence)) return false;
  return cores.some((core) => QUESTION_WORD.some((p) => p.test(core))) || countWords(sentence) >= 4;
}

/** Whether the sentence asks in an explicit request form, not only by ending with a question mark. */
export function isExplicitRequest(sentence: string): boolean {
  return !isNotAQuestion(sentence) && candidateCores(sentence).some((core) => REQUEST.some((p) => p.test(core)));
}

/** A general ask ("information on pest control") that the specific questions after it spell out. */
export function isGeneralAsk(sentence: string): boolean {
  return !endsWithQuestionMark(sentence) && countWords(sentence) <= 40 && GENERAL_ASK.some((p) => p.test(sentence));
}

/** An all-capitals line such as a subject or title repeated in the body. */
function isHeading(sentence: string): boolean {
  return !/[a-z]/.test(sentence) && !endsWithQuestionMark(sentence) && countWords(sentence) <= 10;
}

export function isContinuation(sentence: string): boolean {
  const core = sentence.replace(OPENING_PUNCTUATION, '');
  return CONTINUATION.some((p) => p.test(core));
}

/** Whether a lead-in ends in a way that announces a list ("…the following:", "…broken down by:"). */
export function isListLeadIn(sentence: string): boolean {
  const text = sentence.trim();
  return /[:\-–—]$/.test(text) || /\bfollowing\W*$/i.test(text) || GOVERNING.some((p) => p.test(text));
}

/**
 * One question or several: a lead-in governs its list when it says so ("for each of the following") or
 * when the items are only short categories of the figure it asks for, not separate figures or documents.
 */
export function isGovernedList(leadIn: string, items: readonly string[]): boolean {
  const firstClauses = items.map((item) => item.split(/[.?!]\s/)[0] ?? item);
  if (/[:\-–—]\s*$/.test(leadIn) && firstClauses.every((item) => countWords(item) <= 10 && PLACE_OR_GROUP.test(item))) return true;
  if (items.some((item) => endsWithQuestionMark(item))) return false;
  if (PREAMBLE.some((p) => p.test(leadIn))) return false;
  if (GOVERNING.some((p) => p.test(leadIn))) return true;
  if (!/[:\-–—]\s*$/.test(leadIn) || !FIGURE_WORDS.test(leadIn)) return false;
  return items.every((item) => countWords(item) <= 6 && !DATA_FIELD.some((p) => p.test(withoutConnective(item))));
}
