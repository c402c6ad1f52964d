// Finds numbered lists run together on one line ("…as follows: 1) … 2) … 3) …"), as happens when HTML
// mail or a web form loses its line breaks, and cuts the line so that each item can be read on its own.
import type { TextSpan } from './text-lines.js';

/**
 * A number marker inside running text, after a sentence end, colon or line start: "1." or "1)"
 * before a capital, or "1 -" (web forms and phones) before any word.
 */
const INLINE_NUMBER = /(?:^|(?<=[\s:;.?!]))\(?(\d{1,2})(?:[.)](?=\s*["'“‘(]?[A-Z])|\s?[-–—](?=\s+[A-Za-z]))/g;

/** Splits `line` before each marker of a 1, 2, 3… sequence; returns the line whole when there is none. */
export function splitInlineList(line: TextSpan): TextSpan[] {
  const cuts = findNumberSequence(line.text);
  if (cuts.length < 2) return [line];
  const pieces: TextSpan[] = [];
  const bounds = [0, ...cuts, line.text.length];
  for (let i = 0; i < bounds.length - 1; i += 1) {
    const from = bounds[i] ?? 0;
    const to = bounds[i + 1] ?? line.text.length;
    const text = line.text.slice(from, to).trimEnd();
    if (text.trim().length > 0) pieces.push({ text, start: line.start + from, end: line.start + from + text.length });
  }
  return pieces;
}

/** Offsets of the markers 1, 2, 3… in order; a restart inside an item (nested 1., 2.) is skipped. */
function findNumberSequence(text: string): number[] {
  const cuts: number[] = [];
  let expected = 1;
  INLINE_NUMBER.lastIndex = 0;
  for (let m = INLINE_NUMBER.exec(text); m; m = INLINE_NUMBER.exec(text)) {
    if (Number(m[1]) !== expected) continue;
    cuts.push(m.index);
    expected += 1;
  }
  return cuts;
}
