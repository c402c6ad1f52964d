// What a sender's text may look like once echoed into mail we send. Anyone can write to the FOI
// address, and we answer from the authority's own domain, so an echo must never carry a forged line
// ("Bcc: …" after a CR/LF in a subject or name), characters that hide or reorder what the reader sees
// (controls, bidi overrides), text at volume, or, to the public, a live link. Pure string functions.

/** Characters that break a line somewhere: LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAK = /\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]/g;
/** C0 controls but TAB and LF, DEL, C1 controls, and the bidi embeddings, overrides and isolates (U+202A–E, U+2066–9). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text of several lines (a question's items, an officer's message, the original request): controls out, breaks as LF. */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(CONTROL, '');
}

/** A one-line field (subject, name, address, question, flag): every break and tab becomes a space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * The first `max` characters with "…" after them when anything was cut (never half of a surrogate
 * pair), so a reader can tell that there was more.
 */
export function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return `${text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max)}…`;
}

export const LINK_REMOVED = '[link removed]';

// Where a link starts inside a word: a scheme we would make clickable, or "www.".
const LINK_START = /(?:https?:\/\/|ftp:\/\/|mailto:|www\.)/i;
// A bare domain followed by a path ("evil.example/offer"), after any opening brackets or quotes.
const BARE_DOMAIN_WITH_PATH = /^[("'<[{]*[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}\//i;
// The look-behind tries a run of punctuation from its start only (linear on "http://x....…").
const TRAILING_PUNCTUATION = /(?<![.,;:!?)\]}>'"’”»])[.,;:!?)\]}>'"’”»]+$/;

/**
 * Every link made inert as `[link removed]`: http(s):// and ftp:// addresses, mailto:, www. and bare
 * domains with a path. Read word by word (linear in the text), so punctuation around a link is kept.
 */
export function withoutLinks(text: string): string {
  return text.replace(/\S+/g, (word) => {
    const start = LINK_START.exec(word)?.index ?? (BARE_DOMAIN_WITH_PATH.test(word) ? word.search(/[a-z0-9]/i) : -1);
    if (start < 0) return word;
    const trailing = TRAILING_PUNCTUATION.exec(word.slice(start))?.[0] ?? '';
    return `${word.slice(0, start)}${LINK_REMOVED}${trailing}`;
  });
}

/** The bound on a header value we write: well inside RFC 5322 §2.1.1's 998 octets, even UTF-8 encoded. */
export const MAX_HEADER_CHARS = 200;

/** A value safe for a header: one line, no controls, at most `max` characters. */
export function headerValue(text: string, max = MAX_HEADER_CHARS): string {
  return cutTo(cleanLine(text), max);
}
