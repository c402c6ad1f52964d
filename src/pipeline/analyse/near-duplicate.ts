// The same request sent again, or one campaign template sent by many, must be recognised so that it gets one
// acknowledgement and officers see the link (FOIA s.12 aggregation, s.14(2) repeats). Pure: text in, a score out.

/** Words per shingle: three keeps word order without letting one changed word sink a long text. */
const SHINGLE_WORDS = 3;

// A salutation alone on the first line: "Dear Sir or Madam,", "Hello FOI team", "To whom it may concern".
const GREETING = /^(dear|hello|hi|hiya|hey|good (morning|afternoon|evening)|greetings|to whom it may concern)\b[^.?!]{0,60}$/i;
// A valediction alone on its line; it and everything after it (name, signature, platform footer) go.
const VALEDICTION = new RegExp(
  '^(yours( (faithfully|sincerely|truly))?|(with )?(kind|best|warm|many)( regards| wishes| thanks)?|regards|best wishes|best' +
    '|thanks( (again|very much|in advance))?|thank you( (very much|in advance))?|cheers|sincerely|all the best|respectfully)[\\s,.!]*$',
  'i',
);

/**
 * The text reduced to what a request says: greeting line and sign-off (with everything after it) removed,
 * case folded, accents, punctuation and spacing normalised. Quoted earlier messages are the caller's to
 * remove first. Applying it twice changes nothing, so a stored fingerprint can be compared again later.
 */
export function textFingerprint(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  // A fingerprint is one line: greeting and sign-off rules apply only to the original layout.
  if (lines.length > 1) {
    if (GREETING.test(lines[0]!)) lines.shift();
    const signOff = lines.findLastIndex((l) => VALEDICTION.test(l));
    if (signOff >= 0) lines.splice(signOff);
  }
  return lines
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Jaccard similarity of the two texts' word shingles, from 0 (nothing shared) to 1 (the same words in the
 * same order). Texts may be raw or fingerprints. An empty text is similar to nothing, not even another empty one.
 */
export function similarity(a: string, b: string): number {
  const wordsA = words(a);
  const wordsB = words(b);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const size = Math.min(SHINGLE_WORDS, wordsA.length, wordsB.length);
  const shinglesA = shingles(wordsA, size);
  const shinglesB = shingles(wordsB, size);
  let shared = 0;
  for (const shingle of shinglesA) if (shinglesB.has(shingle)) shared += 1;
  return shared / (shinglesA.size + shinglesB.size - shared);
}

/** Whether two texts say the same thing, allowing a different greeting, sign-off, name or a small edit. */
export function isNearDuplicate(a: string, b: string, threshold = 0.9): boolean {
  return similarity(a, b) >= threshold;
}

function words(text: string): string[] {
  const fingerprint = textFingerprint(text);
  return fingerprint === '' ? [] : fingerprint.split(' ');
}

function shingles(list: string[], size: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + size <= list.length; i += 1) out.add(list.slice(i, i + size).join(' '));
  return out;
}

