// Bounds on what one message's analysis reads. Anyone may write to the FOI address and every detector
// runs over the text, so past these limits the rest is kept (the raw message is stored) but not read.

/**
 * Characters of the body analysed. Real requests, even long letters with their quoted history, run to
 * a few thousand characters; 64 K leaves ample room while keeping the worst hostile text well under a
 * second of analysis.
 */
export const MAX_ANALYSED_CHARS = 65_536;

/** Characters of the subject analysed: RFC 5322 §2.1.1 limits a line to 998 octets, so no real subject is longer. */
export const MAX_ANALYSED_SUBJECT_CHARS = 998;

/** Set when only the start of a body was analysed, so that officers can be told to read the rest. */
export interface Truncation {
  analysedChars: number;
  totalChars: number;
}

export interface CappedText {
  text: string;
  truncated: Truncation | null;
}

/** The first `max` characters of `text` (never half of a surrogate pair), and whether anything was cut. */
export function capForAnalysis(text: string, max = MAX_ANALYSED_CHARS): CappedText {
  if (text.length <= max) return { text, truncated: null };
  const lastKept = text.charCodeAt(max - 1);
  const end = lastKept >= 0xd800 && lastKept <= 0xdbff ? max - 1 : max;
  return { text: text.slice(0, end), truncated: { analysedChars: end, totalChars: text.length } };
}
