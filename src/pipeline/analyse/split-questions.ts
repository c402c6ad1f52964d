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
    if (current && isContinuation(sentence.text) && !isNotAQuestion(sentence.text)) {
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
    return [{ ...spanQuestion(text, null, leadIn.start, leadIn.end, 'prose'), items: rootTexts }];
  }
  return roots.flatMap((node) => questionsFromNode(text, node));
}

function questionsFromNode(text: string, node: ItemNode): SplitQuestion[] {
  const own = ownText(text, node);
  if (node.children.length === 0) {
    const isQuestion = isItemAQuestion(own.text) && !/:\s*$/.test(own.text);
    return isQuestion ? [spanQuestion(text, node.label, own.start, own.end)] : [];
  }
  const childTexts = node.children.map((child) => ownText(text, child).text);
  if (isGovernedList(own.text, childTexts)) return [{ ...spanQuestion(text, node.label, own.start, own.end), items: childTexts }];
  const parent = isListLeadIn(own.text) || !isItemAQuestion(own.text) || isHeading(own.text)
    ? [] : [spanQuestion(text, node.label, own.start, own.end)];
  return [...parent, ...node.children.flatMap((child) => questionsFromNode(text, child))];
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
