// One sentence or item may ask for two different things ("the salary of X and how much it has risen",
// "What is the policy? Is there guidance?"); officers answer each separately, so each becomes a question.
import { endsWithQuestionMark } from './classify-sentence.js';
import { countWords, splitSentences, trimSpan } from './text-lines.js';

export interface QuestionSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Where a second, different ask begins after "and" / "as well as". Regex source, case-insensitive.
 * A run of spaces is tried from its start only (the look-behind), not again from each of its spaces.
 */
export const SECOND_ASK_PATTERN = String.raw`(?:,|(?<!\s))\s+(?:and|as well as)\s+(?:(?:also|separately|additionally|likewise)\s+)?(?=(?:how (?:many|much|often|long)|what|which|whether|when (?:does|did|will|is|was|do|are|were|would)\b|who\b|in (?:how many|what|which)\b|if (?:the|there|he|she|it|they|any)\b|(?:is|are|was|were|has|have|did|does) (?:any|there)\b|the (?:number|total|amount|cost|names?|dates?|value|locations?)\b|of these\b|confirm\b|provide\b|please\b|disclose\b|state\b|send\b|supply\b|a copy\b|copies\b|any (?:[\w-]+ ){0,2}(?:notes|e-?mails|correspondence|records|documents|reports|minutes|letters|polic(?:y|ies)|guidance|assessments?|plans?|evaluations?|communications)\b|(?:could|can|would) you\b))|,\s+together with\s+(?=(?:the|any|all|a|copies)\b)`;

/** A bare comma before a second "how many…" separates two figures ("how many X, how many Y"). */
export const COMMA_ASK_PATTERN = String.raw`,\s+(?=how (?:many|much)\b)`;
const COMMA_ASK_BEFORE = /\b(how (many|much)|number of|what|which|whether)\b/i;

const SECOND_ASK = new RegExp(`${SECOND_ASK_PATTERN}|${COMMA_ASK_PATTERN}`, 'gi');
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

/**
 * Each candidate cut is judged on the text before and after it. A sender's text can hold thousands
 * of candidates ("How many, and if so, how many, …"), so nothing here rereads that text from its
 * start at every cut: words are counted only up to the minimum, bracket depth is kept as it goes,
 * and a figure word once seen before a cut is seen before every later cut of the same piece.
 */
function splitAtSecondAsk(source: string, part: QuestionSpan): QuestionSpan[] {
  const pieces: QuestionSpan[] = [];
  let pieceStart = part.start;
  let figureAskBefore = false;
  const brackets = { depth: 0, at: part.start };
  SECOND_ASK.lastIndex = 0;
  for (let m = SECOND_ASK.exec(part.text); m; m = SECOND_ASK.exec(part.text)) {
    const cutAt = part.start + m.index;
    const nextStart = part.start + m.index + m[0].length;
    const before = source.slice(pieceStart, cutAt);
    if (!hasWords(before, MIN_PART_WORDS) || !hasWords(source.slice(nextStart, part.end), MIN_PART_WORDS)) continue;
    if (!/\b(and|as well as|together with)\b/i.test(m[0])) {
      figureAskBefore ||= COMMA_ASK_BEFORE.test(before);
      if (!figureAskBefore) continue;
    }
    if (isInsideBrackets(source, brackets, cutAt)) continue;
    pieces.push(trimSpan(source, pieceStart, cutAt));
    pieceStart = nextStart;
    figureAskBefore = false;
  }
  pieces.push(trimSpan(source, pieceStart, part.end));
  return pieces;
}

/** Whether `text` holds at least `min` words (as countWords counts them), reading no further than that. */
function hasWords(text: string, min: number): boolean {
  const token = /\S+/g;
  let words = 0;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (/[A-Za-z0-9]/.test(m[0])) words += 1;
    if (words >= min) return true;
  }
  return false;
}

/**
 * A second ask inside brackets ("(when did the first… and when was the last)") only explains the
 * first. `brackets` carries the depth (opened minus closed) of the question's text read so far.
 */
function isInsideBrackets(source: string, brackets: { depth: number; at: number }, cutAt: number): boolean {
  for (; brackets.at < cutAt; brackets.at += 1) {
    const c = source[brackets.at];
    if (c === '(') brackets.depth += 1;
    else if (c === ')') brackets.depth -= 1;
  }
  return brackets.depth > 0;
}

/**
 * An enumeration run into the sentence after a colon: "…broken down by: (i) hostels; (ii) B&B…".
 * Its first marker, then its second anywhere after: two searches, where one pattern with `[^]*?`
 * between them would rescan the rest of the text from every colon (quadratic on ": (i) : (i) …").
 */
const INLINE_BREAKDOWN_OPENS = /:\s*\(?(?:i|a|1)\)\s/i;
const INLINE_BREAKDOWN_GOES_ON = /\(?(?:ii|b|2)\)\s/i;
/** Between a breakdown's items; the look-behind scans a run of spaces from its start only. */
const BREAKDOWN_MARKER = /(?:(?<!\s)\s+)?\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*/i;

/** Bullets run into the sentence after a colon, as when a list loses its line breaks: "…each month of: • 2019 • 2020". */
const INLINE_BULLETS = /:\s*[•·▪◦]\s*[^•·▪◦]{1,80}[•·▪◦]/;

/**
 * A question whose breakdown categories are enumerated inline keeps only its opening fragment: the
 * categories are one figure's breakdown, and the labelled span is the fragment before the list.
 */
export function cutInlineBreakdown(source: string, question: QuestionSpan): QuestionSpan & { items?: string[] } {
  const bulleted = INLINE_BULLETS.exec(question.text);
  if (bulleted && countWords(question.text.slice(0, bulleted.index)) >= 4) {
    const items = question.text.slice(bulleted.index + 1).split(/[•·▪◦]/).map((item) => item.trim()).filter((item) => item.length > 0);
    return { ...trimSpan(source, question.start, question.start + bulleted.index + 1), items };
  }
  const m = INLINE_BREAKDOWN_OPENS.exec(question.text);
  if (!m || !INLINE_BREAKDOWN_GOES_ON.test(question.text.slice(m.index + m[0].length))) return question;
  if (countWords(question.text.slice(0, m.index)) < 4) return question;
  const items = question.text.slice(m.index + 1).split(BREAKDOWN_MARKER)
    .map((item) => item.trim().replace(/(?:[;,]|(?<!\s))\s*(and|or)?$/i, '').trim()).filter((item) => item.length > 0);
  return { ...trimSpan(source, question.start, question.start + m.index), items };
}
