// Decides whether an email body says that the request itself is in an attachment ("my request is attached",
// "please see the attached letter"), as opposed to a photo, proof of ID or the authority's own reply being attached.

/**
 * Ways of saying "something is attached", as regex sources (case-insensitive). `after`: the attached thing is
 * named after the match ("I attach a letter"); `before`: it is named before it ("my request is attached").
 */
export const ATTACHED_FRAMES: readonly { source: string; object: 'after' | 'before' }[] = [
  // "I attach a letter", "I have attached my questions", "we are enclosing", "I've also attached"
  { source: String.raw`\b(?:i|we)(?:'ve|'m|'re|\s+have|\s+am|\s+are|\s+now|\s+also|\s+hereby|\s+herewith)*\s+(?:attach|attached|attaching|enclose|enclosed|enclosing)\b`, object: 'after' },
  // "Attached is my FOI request", "Enclosed: request.pdf", "Attaching my request"
  { source: String.raw`^(?:attached|enclosed|attaching|enclosing)\b(?:\s+(?:is|are|please find|you will find|herewith|here))?`, object: 'after' },
  // "please find attached", "see attached", "please see the attached letter", "as per attached", "details in the attached"
  { source: String.raw`\b(?:find|see|refer to|read|per|in)\s+(?:the\s+|my\s+|our\s+)?(?:attached|enclosed)\b`, object: 'after' },
  // "the attached letter sets out…", "my attached request"
  { source: String.raw`\b(?:the|my|our)\s+attached\b`, object: 'after' },
  // "my request is attached", "my questions are enclosed", "the letter has been attached"
  { source: String.raw`\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|also\s+|here\s+)?(?:attached|enclosed)\b`, object: 'before' },
  // "please find my request attached", "FOI request attached"
  { source: String.raw`(?:\bfind\s+\S.{0,60}?|\b(?:request|questions|letter))\s+(?:attached|enclosed)\b`, object: 'before' },
];

/** Nouns that name the request itself: when one is what is attached, the request is in the attachment. */
export const REQUEST_NOUNS = [
  String.raw`requests?`, String.raw`questions?`, String.raw`letters?`, String.raw`enquiry`, String.raw`inquiry`,
  String.raw`foi(?:a)?`, String.raw`eir`, String.raw`sar`, String.raw`submission`, String.raw`application`,
] as const;

/** Things requesters attach that are not the request: photos, proof of identity, the authority's own reply. */
export const NOT_THE_REQUEST_NOUNS = [
  String.raw`photo(?:graph)?s?`, String.raw`pic(?:ture)?s?`, String.raw`images?`, String.raw`screen\s?shots?`,
  String.raw`snaps?`, String.raw`videos?`, String.raw`recordings?`, String.raw`maps?`, String.raw`plans?`,
  String.raw`id`, String.raw`identification`, String.raw`passport`, String.raw`driving\s+licen[cs]e`,
  String.raw`proof\s+of\s+(?:id|identity|address)`, String.raw`(?:utility|council\s+tax|gas|electricity|water)\s+bill`,
  String.raw`bank\s+statement`, String.raw`birth\s+certificate`, String.raw`invoices?`, String.raw`receipts?`,
  String.raw`cv`, String.raw`responses?`, String.raw`reply`, String.raw`replies`, String.raw`decision`,
  String.raw`acknowledge?ment`, String.raw`refusal(?:\s+notice)?`, String.raw`privacy\s+notice`,
] as const;

/** Words showing that the attached thing came from the authority, not from the requester. */
const THEIRS = /\b(?:your|yours|you\s+sent|you\s+have\s+sent|you\s+attached|the\s+council's|the\s+authority's|their)\b/i;
const FRAMES = ATTACHED_FRAMES.map((f) => ({ pattern: new RegExp(f.source, 'i'), object: f.object }));
const REQUEST_NOUN = new RegExp(String.raw`\b(?:${REQUEST_NOUNS.join('|')})\b`, 'i');
const OTHER_NOUN = new RegExp(String.raw`\b(?:${NOT_THE_REQUEST_NOUNS.join('|')})\b`, 'i');
/** Where the phrase naming the attached thing ends. */
const PHRASE_BREAK = /[,;:!?()]|\.(?:\s|$)|\s(?:and|but|so|because|as\s+(?:you|requested|asked))\s/i;
const WINDOW_WORDS = 8;

/** True when the body says that the request (letter, questions, document) is attached or enclosed. */
export function bodySaysRequestIsAttached(text: string): boolean {
  return sentencesOf(text).some(sentenceSaysRequestIsAttached);
}

function sentenceSaysRequestIsAttached(sentence: string): boolean {
  for (const { pattern, object } of FRAMES) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const window = object === 'after'
      ? wordsAfter(sentence.slice(match.index + match[0].length))
      : wordsBefore(sentence.slice(0, match.index + match[0].search(/(?:attached|enclosed)$/i)));
    if (object === 'before' && window === '') continue;
    if (attachedThingIsTheRequest(window)) return true;
  }
  return false;
}

/** The first of a request noun or another noun decides; the authority's own papers never count. */
function attachedThingIsTheRequest(window: string): boolean {
  if (THEIRS.test(window)) return false;
  const request = REQUEST_NOUN.exec(window);
  const other = OTHER_NOUN.exec(window);
  if (!other) return true;
  return request !== null && request.index < other.index;
}

function wordsAfter(rest: string): string {
  const stop = PHRASE_BREAK.exec(rest);
  const phrase = stop ? rest.slice(0, stop.index) : rest;
  return phrase.trim().split(/\s+/).slice(0, WINDOW_WORDS).join(' ');
}

function wordsBefore(head: string): string {
  const parts = head.split(PHRASE_BREAK);
  const phrase = parts[parts.length - 1] ?? '';
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  const subject = words.slice(-WINDOW_WORDS);
  // "Please find my request attached": the object of "find" is what is attached.
  const find = subject.findIndex((w) => /^find$/i.test(w));
  return (find >= 0 ? subject.slice(find + 1) : subject).join(' ');
}

/** Sentences of the requester's own lines: lines quoted from an earlier message (`>`) are not theirs. */
function sentencesOf(text: string): string[] {
  const own = text.split(/\r?\n/).filter((line) => !/^\s*>/.test(line)).join('\n');
  return own.split(/(?<=[.!?])\s+|\n\s*\n/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
}
