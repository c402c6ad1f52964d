// Imported cases keep the references of the tracker they came from (FOI/24/0456, EIR-2025-12, REQ 1234), so
// replies quoting them must thread. No pattern is learnt from them: the subject is cut into reference-like
// tokens by one linear scan and each token is looked up exactly, which no crafted subject can slow down.

/** At most this many words in a reference (`FOI 2024 0012`); more would need too many candidate phrases. */
export const MAX_REFERENCE_WORDS = 3;
const MAX_REFERENCE_LENGTH = 60;
/** A subject yields at most this many candidates (a database lookup takes them all at once). */
const MAX_CANDIDATES = 64;

// Letters and digits joined by single separators. Each match ends where the next character cannot
// continue it, and nothing follows the repetition, so a match never backtracks: linear in the subject.
const TOKEN = /[\p{L}\p{N}]+(?:[-/._:][\p{L}\p{N}]+)*/gu;
const WORD = /^[\p{L}\p{N}]+(?:[-/._:][\p{L}\p{N}]+)*$/u;
const DIGIT = /\p{N}/u;
const ALL_DIGITS = /^\p{N}+$/u;
// Words that announce a bare number as a reference: "ref 1234", "case no. 1234", "request #1234".
const ANNOUNCERS = new Set(['REF', 'REFERENCE', 'CASE', 'REQUEST', 'NO', 'NUMBER', 'TICKET', 'ID']);

/** How references are compared and looked up: spaces collapsed, upper case (as our own are matched). */
export function referenceKey(reference: string): string {
  return reference.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Why a reference could never be recognised in a subject, or null when it can be. */
export function unrecognisableReference(reference: string): string | null {
  const key = referenceKey(reference);
  if (key.length === 0) return 'the reference is empty';
  if (key.length > MAX_REFERENCE_LENGTH) return `the reference is longer than ${MAX_REFERENCE_LENGTH} characters`;
  const words = key.split(' ');
  if (words.length > MAX_REFERENCE_WORDS || !words.every((w) => WORD.test(w))) {
    return `reference '${reference.trim()}' cannot be recognised in replies: use letters and digits joined by - / . _ or : (at most ${MAX_REFERENCE_WORDS} words)`;
  }
  if (!DIGIT.test(key)) return `reference '${reference.trim()}' has no digit, so it cannot be told apart from words in a subject`;
  return null;
}

interface Token {
  /** Upper case; null for a token too long to be (part of) a reference. */
  key: string | null;
  start: number;
  end: number;
}

function isAnnounced(subject: string, token: Token, previous: Token | null): boolean {
  const before = subject[token.start - 1] ?? '';
  const after = subject[token.end] ?? '';
  if ((before === '[' && after === ']') || (before === '(' && after === ')') || before === '#') return true;
  if (!previous?.key || !ANNOUNCERS.has(previous.key)) return false;
  // Only "ref: ", "no. " and the like may stand between the announcing word and the number.
  const gap = subject.slice(previous.end, token.start);
  return gap.length <= 3 && /^[.:]?\s*#?$/.test(gap);
}

/** The phrases that end with the run's last token (the run: tokens separated by spaces only), shortest first. */
function phrasesEndingAt(subject: string, run: readonly Token[], previous: Token | null): string[] {
  const phrases: string[] = [];
  let phrase = '';
  for (let k = run.length - 1; k >= 0; k -= 1) {
    const key = run[k]!.key;
    if (key === null) break;
    phrase = phrase === '' ? key : `${key} ${phrase}`;
    if (phrase.length > MAX_REFERENCE_LENGTH) break;
    if (!DIGIT.test(phrase)) continue;
    if (k === run.length - 1 && ALL_DIGITS.test(phrase) && !isAnnounced(subject, run[k]!, previous)) continue;
    phrases.push(phrase);
  }
  return phrases;
}

/**
 * The reference-like phrases in a subject, as `referenceKey`s, in order of where they end, without
 * repeats: each token with a digit, and runs of up to `maxWords` tokens separated only by spaces
 * (`FOI 2024 0012`); pass the most words any imported reference has (1 when none has a space) to keep
 * the lookup small. A token of digits alone counts only when announced (`[1234]`, `(1234)`, `#1234`,
 * `ref 1234`): years and counts are everywhere. One pass, keeping only the last few tokens.
 */
export function referenceCandidates(subject: string, maxWords: number = MAX_REFERENCE_WORDS): string[] {
  const words = Math.max(1, Math.min(maxWords, MAX_REFERENCE_WORDS));
  const found = new Set<string>();
  let run: Token[] = [];
  let previous: Token | null = null;
  for (const m of subject.matchAll(TOKEN)) {
    const token: Token = { key: m[0].length <= MAX_REFERENCE_LENGTH ? m[0].toUpperCase() : null, start: m.index, end: m.index + m[0].length };
    const joined = previous !== null && /^\s+$/u.test(subject.slice(previous.end, token.start));
    run = joined ? [...run.slice(run.length - (words - 1)), token] : [token];
    for (const phrase of phrasesEndingAt(subject, run, previous)) found.add(phrase);
    if (found.size >= MAX_CANDIDATES) break;
    previous = token;
  }
  return [...found].slice(0, MAX_CANDIDATES);
}

/** The most words among references: what `referenceCandidates` needs to find them all. */
export function wordsNeeded(referenceKeys: Iterable<string>): number {
  let most = 1;
  for (const key of referenceKeys) most = Math.max(most, key.split(' ').length);
  return Math.min(most, MAX_REFERENCE_WORDS);
}

/** The imported references (given as `referenceKey`s) that a subject quotes, in order of appearance. */
export function importedReferencesInSubject(subject: string, known: ReadonlySet<string>): string[] {
  return referenceCandidates(subject, wordsNeeded(known)).filter((candidate) => known.has(candidate));
}
