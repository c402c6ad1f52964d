// Splits a request into the separate items of information asked for, each keeping the number or letter
// the requester gave it, so that the acknowledgement can restate them and officers can answer item by item.
import {
  endsWithQuestionMark, isContinuation, isGeneralAsk, isGovernedList, isListLeadIn, isNotAQuestion, isRequestSentence,
} from './classify-sentence.js';
import { cutInlineBreakdown, splitCompoundQuestion } from './split-compound-question.js';
import { markerLevelKey, type ListMarker } from './list-markers.js';
import { readBlocks, type Block, type ListItem } from './read-blocks.js';
import { countWords, splitLines, splitSentences, trimSpan, type TextSpan } from './text-lines.js';

export interface SplitQuestion {
  /** The label as written (`1`, `a`, `1(a)`, `2.1`, `Q3`), or null for prose and bullets. */
  number: string | null;
  text: string;
  /** Offsets of `text` in the text that was split. */
  start: number;
  end: number;
  /** A list item, a sentence of prose, or the whole request taken as one question. */
  source: 'list' | 'prose' | 'whole';
  /** For a lead-in governing a list ("for each of the following:"), the items it governs. */
  items?: string[];
}

interface ItemNode {
  item: ListItem;
  label: string | null;
  children: ItemNode[];
}

export function splitQuestions(text: string): SplitQuestion[] {
  const blocks = readBlocks(text);
  const questions: SplitQuestion[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'list') return;
    const next = blocks[index + 1];
    const leadIn = next?.type === 'list' ? findLeadIn(text, block) : null;
    append(questions, questionsFromProse(text, block.start, leadIn ? leadIn.start : block.end));
    if (next?.type === 'list') append(questions, questionsFromList(text, next.items, leadIn));
  });
  const leadingList = blocks[0]?.type === 'list' ? questionsFromList(text, blocks[0].items, null) : [];
  const specific = withoutGeneralAsks(leadingList.concat(questions));
  if (specific.length === 0) return wholeRequestAsOneQuestion(text, blocks);
  return specific.flatMap((q) => splitCompoundQuestion(text, q).map((part) => ({ ...q, ...cutInlineBreakdown(text, part) })));
}

/** "Please provide information on X." introduces the specific questions; it is not one itself. */
function withoutGeneralAsks(questions: SplitQuestion[]): SplitQuestion[] {
  const isGeneral = (q: SplitQuestion) => q.source === 'prose' && isGeneralAsk(q.text);
  if (questions.every(isGeneral)) return questions;
  return questions.filter((q) => !isGeneral(q));
}

/** The last sentence of the paragraph before a list, when it announces that list. */
function findLeadIn(text: string, paragraph: { start: number; end: number }): TextSpan | null {
  const sentences = splitProse(text, paragraph.start, paragraph.end);
  const last = sentences[sentences.length - 1];
  return last && isListLeadIn(last.text) ? last : null;
}

/** Prose, sentence by sentence: each request sentence opens a question, continuations extend it. */
function questionsFromProse(text: string, start: number, end: number): SplitQuestion[] {
  const questions: SplitQuestion[] = [];
  let current: SplitQuestion | null = null;
  for (const sentence of splitProse(text, start, end)) {
    // Every opener and question test needs a letter or digit: a "sentence" of punctuation alone (a
    // sender's thousands of "?" lines) asks nothing and continues nothing, so skip the phrase lists.
    if (!/[A-Za-z0-9]/.test(sentence.text)) {
      current = null;
      continue;
    }
    const inline = semicolonItems(text, sentence);
    if (inline) {
      for (const item of inline) questions.push(item);
      current = null;
    } else if (current && ITEM_NOTE.test(sentence.text)) {
      current = null;
    } else if (current && isContinuation(sentence.text) && !isNotAQuestion(sentence.text)) {
      current.end = sentence.end;
      current.text = text.slice(current.start, current.end);
    } else if (isRequestSentence(sentence.text) && !/:\s*$/.test(sentence.text)) {
      current = { number: null, ...sentence, source: 'prose' };
      questions.push(current);
    } else {
      current = null;
    }
  }
  return questions;
}

/** A lead-in that announces what follows it: "Information should include:", "namely:". */
const INLINE_LEAD_IN = /\b(include|includes|including|following|namely|as follows|these|such as|specifically|in particular|comprising)\W*$/i;
const MIN_INLINE_ITEMS = 3;

/**
 * A list run into one sentence after a colon and cut by semicolons ("Information should include: a
 * timeline of…; any notes of…; any advice from…"): each part asks for different material, so each is a
 * question, unless the parts are only short categories of the lead-in (a governed breakdown).
 */
function semicolonItems(text: string, sentence: TextSpan): SplitQuestion[] | null {
  const colon = sentence.text.indexOf(':');
  if (colon < 0 || colon > 200) return null;
  const lead = sentence.text.slice(0, colon);
  if (!INLINE_LEAD_IN.test(lead) && !isRequestSentence(lead)) return null;
  const parts: TextSpan[] = [];
  let from = colon + 1;
  for (let i = from; i <= sentence.text.length; i++) {
    if (i < sentence.text.length && sentence.text[i] !== ';') continue;
    const part = trimSpan(text, sentence.start + from, sentence.start + i);
    const lead = /^(and|or)\s+/i.exec(part.text);
    if (part.text.length > 0) parts.push(lead ? trimSpan(text, part.start + lead[0].length, part.end) : part);
    from = i + 1;
  }
  if (parts.length < MIN_INLINE_ITEMS || isGovernedList(`${lead}:`, parts.map((p) => p.text))) return null;
  // Parts that name material of their own ("any notes of…", "a copy of…"); subjects of one ask ("the state of the track") are not.
  if (parts.filter((p) => isRequestSentence(p.text)).length * 2 < parts.length) return null;
  return parts.filter((p) => countWords(p.text) >= 2 && !isNotAQuestion(p.text)).map((p) => spanQuestion(text, null, p.start, p.end, 'prose'));
}

/** Sentences, also breaking after headings and lines ending in a colon (hard-wrapped lines are joined). */
function splitProse(text: string, start: number, end: number): TextSpan[] {
  const sentences: TextSpan[] = [];
  let groupStart = start;
  for (const line of splitLines(text.slice(start, end))) {
    const lineEnd = start + line.end;
    const trimmed = line.text.trim();
    const isGreeting = /^(dear|hello|hi|to whom it may concern)\b/i.test(trimmed);
    const breaksAfter = /[:;?]$/.test(trimmed) || isGreeting || (trimmed.length > 0 && trimmed.length < 40 && !/[,]$/.test(trimmed));
    if (breaksAfter) {
      append(sentences, splitSentences(text, groupStart, lineEnd));
      groupStart = lineEnd;
    }
  }
  append(sentences, splitSentences(text, groupStart, end));
  return sentences;
}

/** `target.push(...items)` passes every item as an argument: a huge list overflows the call stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function questionsFromList(text: string, items: ListItem[], leadIn: TextSpan | null): SplitQuestion[] {
  const roots = buildItemTree(items);
  const rootTexts = roots.map((node) => ownText(text, node).text);
  if (leadIn && isGovernedList(leadIn.text, rootTexts)) {
    // Fields of a format instruction ("prepared to include the following:") ask nothing of their own.
    if (isNotAQuestion(leadIn.text)) return [];
    return [{ ...spanQuestion(text, null, leadIn.start, leadIn.end, 'prose'), items: rootTexts }];
  }
  return roots.flatMap((node) => questionsFromNode(text, node));
}

function questionsFromNode(text: string, node: ItemNode): SplitQuestion[] {
  const own = ownText(text, node);
  if (node.children.length === 0) {
    const isQuestion = isItemAQuestion(own.text) && !/:\s*$/.test(own.text);
    return isQuestion ? itemQuestions(text, node.label, own) : [];
  }
  const childTexts = node.children.map((child) => ownText(text, child).text);
  if (isGovernedList(own.text, childTexts)) return [{ ...spanQuestion(text, node.label, own.start, own.end), items: childTexts }];
  const parent = isListLeadIn(own.text) || !isItemAQuestion(own.text) || isHeading(own.text)
    ? [] : [spanQuestion(text, node.label, own.start, own.end)];
  return [...parent, ...node.children.flatMap((child) => questionsFromNode(text, child))];
}

const INLINE_SUB_ITEMS = /\s\(?1[.)]\s[^]{0,300}?\s\(?2[.)]\s/;

/** An example or an aside after an item's question ("For example, …", "For the avoidance of doubt, …"). */
const ITEM_NOTE = /^\W*(for (example|instance)|e\.g\.|i\.e\.|for the avoidance of doubt|note\b|nb\b|this (is|was) because|the reason|(please |could you |can you |would you )?(break|split|separate|itemi[sz]e)\b[^.?!]{0,60}\b(down|by|into|out)\b|(please )?(provide|send|give) (the|this|these|it|them) (figures?|data|information|answers?)? ?(in|as|by) (an? )?(excel|csv|spreadsheet|pdf|table))/i;

/**
 * A list item's first sentence is its question; what asks with it (a request sentence, a continuation)
 * stays with it, while notes, examples and format or procedure sentences after it are left out, so that
 * the span is what the requester asked. A request sentence after such a note asks again, on its own.
 */
function itemQuestions(text: string, label: string | null, own: TextSpan): SplitQuestion[] {
  const sentences = splitSentences(text, own.start, own.end);
  const first = sentences[0];
  // Sub-items numbered inside the item ("…to a private individual 1. For retrofitting 2. To scrap?") break
  // its sentences at their numbers: the item is read whole.
  if (!first || sentences.length < 2 || INLINE_SUB_ITEMS.test(own.text)) return [spanQuestion(text, label, own.start, own.end)];
  const questions = [spanQuestion(text, label, first.start, first.end)];
  let current: SplitQuestion | null = questions[0]!;
  for (const sentence of sentences.slice(1)) {
    if (/^\(?\w{1,3}[.)]$/.test(sentence.text)) continue; // a sub-item's marker alone ("1."): the item goes on
    const asks = !ITEM_NOTE.test(sentence.text) && !isNotAQuestion(sentence.text) && !/:\s*$/.test(sentence.text);
    if (current && asks && (isContinuation(sentence.text) || isRequestSentence(sentence.text))) {
      Object.assign(current, spanQuestion(text, label, current.start, sentence.end));
    } else if (asks && isRequestSentence(sentence.text)) {
      current = spanQuestion(text, label, sentence.start, sentence.end);
      questions.push(current);
    } else {
      current = null;
    }
  }
  return questions;
}

/** Items are questions unless they are headings or boilerplate (a reminder, a format instruction). */
function isItemAQuestion(itemText: string): boolean {
  if (itemText.length === 0) return false;
  const firstSentence = splitSentences(itemText, 0, itemText.length)[0]?.text ?? itemText;
  if (isNotAQuestion(firstSentence)) return false;
  return countWords(itemText) >= 2 || endsWithQuestionMark(itemText);
}

/** A parent item of a few words that asks nothing ("Detection software") only heads its sub-items. */
function isHeading(itemText: string): boolean {
  return countWords(itemText) <= 4 && !endsWithQuestionMark(itemText) && !isRequestSentence(itemText);
}

function buildItemTree(items: ListItem[]): ItemNode[] {
  const roots: ItemNode[] = [];
  const stack: { key: string; node: ItemNode }[] = [];
  for (const item of items) {
    const key = markerLevelKey(item.marker);
    const level = stack.findIndex((entry) => entry.key === key);
    if (level >= 0) stack.length = level;
    const parent = stack[stack.length - 1]?.node ?? null;
    const node: ItemNode = { item, label: composeLabel(parent?.label ?? null, item.marker), children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push({ key, node });
  }
  return roots;
}

/** Letters and numerals under a numbered parent are written with it: `1(a)`, `1(a)(ii)`. */
function composeLabel(parentLabel: string | null, marker: ListMarker): string | null {
  if (marker.label === null) return null;
  const nestsUnderParent = ['letter', 'upper_letter', 'roman'].includes(marker.kind);
  return parentLabel !== null && nestsUnderParent ? `${parentLabel}(${marker.label})` : marker.label;
}

function ownText(text: string, node: ItemNode): TextSpan {
  return trimSpan(text, node.item.contentStart, node.item.end);
}

function spanQuestion(
  text: string, number: string | null, start: number, end: number, source: SplitQuestion['source'] = 'list',
): SplitQuestion {
  const span = trimSpan(text, start, end);
  return { number, text: span.text, start: span.start, end: span.end, source };
}

/** A request with no recognisable ask is taken whole: its first substantial paragraph is the question. */
function wholeRequestAsOneQuestion(text: string, blocks: Block[]): SplitQuestion[] {
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const kept = splitProse(text, block.start, block.end).filter((s) => !isNotAQuestion(s.text));
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first && last && countWords(kept.map((s) => s.text).join(' ')) >= 6) {
      return [spanQuestion(text, null, first.start, last.end, 'whole')];
    }
  }
  return [];
}
