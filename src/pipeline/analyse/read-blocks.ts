// Cuts a request into paragraphs and list runs, stopping at the sign-off, so that question splitting can
// treat numbered/bulleted items and running prose each in their own way.
import { splitInlineList } from './inline-lists.js';
import { parseListMarker, resolveRomanOrLetter, type ListMarker } from './list-markers.js';
import { SIGN_OFF_PATTERN } from './question-phrases.js';
import { splitLines, type TextSpan } from './text-lines.js';

export interface ListItem {
  marker: ListMarker;
  /** Where the item's own text starts (after its marker) and ends (including wrapped lines). */
  contentStart: number;
  end: number;
}

export type Block =
  | { type: 'paragraph'; start: number; end: number }
  | { type: 'list'; items: ListItem[] };

const SIGN_OFF = new RegExp(SIGN_OFF_PATTERN, 'i');

interface BlockReader {
  blocks: Block[];
  paragraph: { start: number; end: number } | null;
  list: ListItem[] | null;
  previousLetter: string | null;
  afterBlank: boolean;
}

export function readBlocks(text: string): Block[] {
  const reader: BlockReader = { blocks: [], paragraph: null, list: null, previousLetter: null, afterBlank: false };
  const lines = splitLines(text).flatMap(splitInlineList);
  const bareNumbers = bareNumberMarkers(lines);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.text.trim();
    if (SIGN_OFF.test(trimmed)) break;
    if (trimmed === '') {
      closeParagraph(reader);
      reader.afterBlank = true;
      continue;
    }
    const marker = parseListMarker(line.text) ?? bareNumbers.get(index) ?? null;
    if (marker) addItem(reader, line, marker);
    else addTextLine(reader, line);
    reader.afterBlank = false;
  }
  closeParagraph(reader);
  closeList(reader);
  return reader.blocks;
}

/** A number and a space opening a line, before a capital: "3 How many claims…". */
const BARE_NUMBER = /^(\s*)(\d{1,2}) +(?=["'“‘(]?[A-Z])/;

/**
 * Lines numbered "1 …", "2 …", "3 …" with no full stop or bracket (typed in a hurry, or lost in a copy):
 * taken as list items only when they run 1, 2, 3… in order, so that a line starting with a figure
 * ("10 Downing Street", "12 buses were late") is not read as an item.
 */
function bareNumberMarkers(lines: readonly TextSpan[]): Map<number, ListMarker> {
  const run: { index: number; marker: ListMarker }[] = [];
  const found = new Map<number, ListMarker>();
  const flush = () => {
    if (run.length >= 2) for (const { index, marker } of run) found.set(index, marker);
    run.length = 0;
  };
  for (const [index, line] of lines.entries()) {
    const m = BARE_NUMBER.exec(line.text);
    if (!m || parseListMarker(line.text)) continue;
    const number = Number(m[2]);
    const expected = run.length === 0 ? 1 : Number(run[run.length - 1]!.marker.label) + 1;
    if (number !== expected) {
      flush();
      if (number !== 1) continue;
    }
    const indent = m[1]!.length;
    run.push({ index, marker: { kind: 'number', label: String(number), bullet: null, contentOffset: m[0].length, indent } });
  }
  flush();
  return found;
}

function addItem(reader: BlockReader, line: TextSpan, raw: ListMarker): void {
  closeParagraph(reader);
  const marker = resolveRomanOrLetter(raw, reader.previousLetter);
  if (marker.kind === 'letter') reader.previousLetter = marker.label;
  reader.list ??= [];
  reader.list.push({ marker, contentStart: line.start + marker.contentOffset, end: line.end });
}

function addTextLine(reader: BlockReader, line: TextSpan): void {
  const lastItem = reader.list?.[reader.list.length - 1];
  const awaitingContent = lastItem !== undefined && lastItem.contentStart >= lastItem.end;
  if (lastItem && (!reader.afterBlank || awaitingContent)) {
    if (awaitingContent) lastItem.contentStart = line.start;
    lastItem.end = line.end;
    return;
  }
  closeList(reader);
  if (reader.paragraph && !reader.afterBlank) reader.paragraph.end = line.end;
  else {
    closeParagraph(reader);
    reader.paragraph = { start: line.start, end: line.end };
  }
}

function closeParagraph(reader: BlockReader): void {
  if (reader.paragraph) reader.blocks.push({ type: 'paragraph', ...reader.paragraph });
  reader.paragraph = null;
}

function closeList(reader: BlockReader): void {
  if (reader.list && reader.list.length > 0) reader.blocks.push({ type: 'list', items: reader.list });
  reader.list = null;
  reader.previousLetter = null;
}
