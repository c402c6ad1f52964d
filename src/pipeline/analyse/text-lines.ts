// Line and sentence helpers shared by the analysis modules: every piece keeps its offsets so
// that evidence and questions can point back at the exact text the requester wrote.

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Splits on LF or CRLF; each line's offsets exclude the line break. */
export function splitLines(text: string): TextSpan[] {
  const lines: TextSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ text: text.slice(start, end), start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Narrows a span to exclude surrounding whitespace. */
export function trimSpan(source: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(source[s] ?? '')) s += 1;
  while (e > s && /\s/.test(source[e - 1] ?? '')) e -= 1;
  return { text: source.slice(s, e), start: s, end: e };
}

/** Words whose trailing full stop does not end a sentence. */
export const NON_TERMINAL_ABBREVIATIONS = [
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'no', 'nos', 'st', 'vs', 'cf', 'approx', 'incl', 'ref',
  'para', 'paras', 'reg', 'regs', 's', 'ss', 'sec', 'art', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'co', 'ltd', 'plc', 'govt', 'dept', 'fig', 'vol', 'p', 'pp', 'op',
] as const;

const ABBREVIATION_SET = new Set<string>(NON_TERMINAL_ABBREVIATIONS);
// The look-behind starts an attempt only at a run's first mark: from inside a run of "?!.…" not
// followed by a space, every start would rescan the rest of the run (quadratic in its length).
const SENTENCE_END = /(?<![.?!])[.?!]+["'”’)\]]*(?=\s+\S)/g;

function endsWithAbbreviation(before: string): boolean {
  // Only the tail matters; an anchored-at-end pattern over the whole prefix is quadratic.
  const word = /([A-Za-z.]+)\.$/.exec(before.slice(-24))?.[1]?.toLowerCase() ?? '';
  if (ABBREVIATION_SET.has(word)) return true;
  return /^[a-z]$/i.test(word);
}

/** Splits a region of `source` into sentences (offsets are into `source`). */
export function splitSentences(source: string, start: number, end: number): TextSpan[] {
  const region = source.slice(start, end);
  const sentences: TextSpan[] = [];
  let sentenceStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(region); m; m = SENTENCE_END.exec(region)) {
    const stop = m.index + m[0].length;
    const next = region.slice(stop).trimStart()[0] ?? '';
    if (m[0].startsWith('.') && endsWithAbbreviation(region.slice(0, m.index + 1))) continue;
    if (/[a-z]/.test(next) && !m[0].startsWith('?')) continue;
    pushSentence(sentences, source, start + sentenceStart, start + stop);
    sentenceStart = stop;
  }
  pushSentence(sentences, source, start + sentenceStart, end);
  return sentences;
}

function pushSentence(out: TextSpan[], source: string, start: number, end: number): void {
  const span = trimSpan(source, start, end);
  if (span.text.length > 0) out.push(span);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** A line that opens a list item or a new paragraph-like unit: a marker, a bullet, a quote or a heading. */
const STARTS_UNIT = /^\s*([-*•–—>]|\(?[0-9]{1,3}[.):]|\(?[a-z][.)]\s|\(?[ivx]{1,4}[.)]\s|Q\d|[A-Z][A-Za-z ]{0,30}:\s)/;
/** A line at least this long that ends mid-sentence was wrapped by the sender's client. */
const WRAPPED_LINE_CHARS = 40;

/**
 * The text with soft line breaks (a client wrapping a paragraph at ~72 characters) turned into spaces,
 * character for character, so offsets are unchanged and phrases split across lines can be matched.
 * A break stays when the line is short, ends a sentence or a lead-in, or the next line opens a new unit.
 */
export function unwrapSoftBreaks(text: string): string {
  const lines = splitLines(text);
  if (lines.length < 2) return text;
  const chars = text.split('');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const tail = line.text.trimEnd();
    if (tail.length < WRAPPED_LINE_CHARS || /[.?!:;]["'”’)\]]*$/.test(tail) || next.text.trim() === '' || STARTS_UNIT.test(next.text)) continue;
    for (let k = line.end; k < next.start; k++) chars[k] = ' ';
  }
  return chars.join('');
}
