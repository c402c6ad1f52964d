// One sentence or item may ask for two different things ("the salary of X and how much it has risen",
// "What is the policy? Is there guidance?"); officers answer each separately, so each becomes a question.
import { endsWithQuestionMark } from './classify-sentence.js';
import { countWords, splitSentences, trimSpan } from './text-lines.js';

export interface QuestionSpan {
  text: string;
  start: number;
  end: number;
}

/** Where a second, different ask begins after "and" / "as well as". Regex source, case-insensitive. */
export const SECOND_ASK_PATTERN = String.raw`,?\s+(?:and|as well as)\s+(?:also\s+)?(?=(?:how (?:many|much|often|long)|what|which|whether|if (?:the|there|he|she|it|they|any)\b|the (?:number|total|amount|cost|names?|dates?|value|locations?)\b|of these\b|confirm\b|provide\b|please\b|disclose\b|state\b|a copy\b|copies\b|(?:could|can|would) you\b))`;

const SECOND_ASK = new RegExp(SECOND_ASK_PATTERN, 'gi');
const MIN_PART_WORDS = 3;

/** Splits a question's span in `source` into the separate asks it holds (or returns it whole). */
export function splitCompoundQuestion(source: string, question: QuestionSpan): QuestionSpan[] {
  const bySentence = splitQuestionSentences(source, question);
  return bySentence.flatMap((part) => splitAtSecondAsk(source, part));
}

/**
 * Two sentences that both end with "?" are separate questions. A trailing explanation ("This could
 * be…") or a rider on the same subject ("I would also request any … reports") stays with its
 * question: the requester numbered them as one item, and the acknowledgement echoes their numbering.
 */
function splitQuestionSentences(source: string, question: QuestionSpan): QuestionSpan[] {
  const sentences = splitSentences(source, question.start, question.end);
  const asks = sentences.filter((s) => endsWithQuestionMark(s.text));
  if (asks.length < 2) return [question];
  const parts: QuestionSpan[] = [];
  for (const sentence of sentences) {
    const previous = parts[parts.length - 1];
    const afterQuestion = !previous || endsWithQuestionMark(source.slice(previous.start, previous.end));
    const startsNew = afterQuestion && endsWithQuestionMark(sentence.text);
    if (startsNew) parts.push({ ...sentence });
    else if (previous) Object.assign(previous, trimSpan(source, previous.start, sentence.end));
    else parts.push({ ...sentence });
  }
  return parts;
}

function splitAtSecondAsk(source: string, part: QuestionSpan): QuestionSpan[] {
  const pieces: QuestionSpan[] = [];
  let pieceStart = part.start;
  SECOND_ASK.lastIndex = 0;
  for (let m = SECOND_ASK.exec(part.text); m; m = SECOND_ASK.exec(part.text)) {
    const cutAt = part.start + m.index;
    const nextStart = part.start + m.index + m[0].length;
    const before = source.slice(pieceStart, cutAt);
    const after = source.slice(nextStart, part.end);
    if (countWords(before) < MIN_PART_WORDS || countWords(after) < MIN_PART_WORDS) continue;
    pieces.push(trimSpan(source, pieceStart, cutAt));
    pieceStart = nextStart;
  }
  pieces.push(trimSpan(source, pieceStart, part.end));
  return pieces;
}
