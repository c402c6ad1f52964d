// Reduces an email body to what the requester wrote this time: quoted earlier messages, signatures and
// legal footers would otherwise be read as new questions (and an authority's own reply as a request).
import { splitLines, type TextSpan } from './text-lines.js';

/** Lines from which everything below is an earlier message (top-posted reply). Regex sources. */
export const REPLY_HEADER_PATTERNS = [
  String.raw`^-{2,}\s*Original Message\s*-{2,}`,
  String.raw`^_{10,}\s*$`,
  String.raw`^\s*(From|Von|De):\s.*\b(Sent|Date):\s`,
  String.raw`^Please use this email address for all replies to this request`,
] as const;

/** Lines from which everything below is a signature or footer. Regex sources. */
export const FOOTER_START_PATTERNS = [
  String.raw`^--\s?$`,
  String.raw`^Sent from my (iPhone|iPad|Android|mobile|phone|Samsung|Galaxy|BlackBerry)`,
  String.raw`^Get Outlook for (iOS|Android)`,
  String.raw`^\**\s*(DISCLAIMER|CONFIDENTIALITY NOTICE|IMPORTANT NOTICE)\b`,
  String.raw`\bthis (e-?mail|message|communication)\b.{0,80}\b(is|are|may be) (strictly )?(confidential|privileged|intended (solely|only))`,
  String.raw`^If you (are not the intended recipient|have received this (e-?mail|message) in error)`,
  String.raw`^Please consider the environment before printing`,
  String.raw`^This (e-?mail|message) has been (scanned|checked)`,
] as const;

/** Markers of a forwarded message: the forwarded text may be the request itself, so it is kept. */
export const FORWARD_HEADER_PATTERNS = [
  String.raw`^-{2,}\s*Forwarded message\s*-{2,}`,
  String.raw`^Begin forwarded message:`,
] as const;

const compile = (sources: readonly string[]) => sources.map((s) => new RegExp(s, 'i'));
const REPLY_HEADERS = compile(REPLY_HEADER_PATTERNS);
const FOOTER_STARTS = compile(FOOTER_START_PATTERNS);
const FORWARD_HEADERS = compile(FORWARD_HEADER_PATTERNS);
const WROTE_LINE = /^On\b.{0,250}\bwrote:\s*$/i;
const WROTE_START = /^On\b.{0,160}$/i;
const OUTLOOK_FIELD = /^\s*\*?(From|Sent|Date|To|Cc|Subject)\*?:/i;

/** A run of kept text: `length` characters at `start` in the stripped text came from `originalStart`. */
export interface KeptSegment {
  start: number;
  originalStart: number;
  length: number;
}

export interface StrippedText {
  text: string;
  segments: KeptSegment[];
}

export function stripQuotedText(raw: string): StrippedText {
  const lines = splitLines(raw);
  const kept: TextSpan[] = [];
  let sawContent = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as TextSpan;
    const trimmed = line.text.trim();
    const wroteHeaderLength = measureWroteHeader(lines, i);
    if (wroteHeaderLength > 0) {
      if (!isFollowedByOwnText(lines, i + wroteHeaderLength)) break;
      i += wroteHeaderLength - 1;
      continue;
    }
    if (FORWARD_HEADERS.some((p) => p.test(trimmed))) continue;
    if (isReplyHeader(lines, i) && (sawContent || !isForwardedBlock(lines, i))) break;
    if (sawContent && FOOTER_STARTS.some((p) => p.test(trimmed))) break;
    if (/^\s*>/.test(line.text)) continue;
    if (trimmed.length > 0) sawContent = true;
    kept.push(line);
  }
  return joinKept(dropTrailingRules(kept));
}

/** "On <date>, <name> wrote:" possibly wrapped over two lines; returns how many lines it spans. */
function measureWroteHeader(lines: TextSpan[], i: number): number {
  const first = lines[i]?.text.trim() ?? '';
  if (WROTE_LINE.test(first)) return 1;
  const second = lines[i + 1]?.text.trim() ?? '';
  if (WROTE_START.test(first) && /\bwrote:\s*$/i.test(second) && !/[.?!]$/.test(first)) return 2;
  return 0;
}

/** After a "wrote:" header, interleaved (bottom-posted) replies quote with ">" and continue below. */
function isFollowedByOwnText(lines: TextSpan[], from: number): boolean {
  let sawQuote = false;
  for (let j = from; j < lines.length; j += 1) {
    const text = lines[j]?.text ?? '';
    if (/^\s*>/.test(text)) sawQuote = true;
    else if (text.trim().length > 0) return sawQuote;
  }
  return false;
}

function isReplyHeader(lines: TextSpan[], i: number): boolean {
  const text = lines[i]?.text.trim() ?? '';
  if (REPLY_HEADERS.some((p) => p.test(text))) return true;
  if (!/^\*?From\*?:\s*\S/i.test(text)) return false;
  const following = lines.slice(i + 1, i + 6).map((l) => l.text);
  return following.filter((l) => OUTLOOK_FIELD.test(l)).length >= 2;
}

/** A forwarded message quoted from the very top is the content being sent on, not history. */
function isForwardedBlock(lines: TextSpan[], i: number): boolean {
  const previous = lines.slice(Math.max(0, i - 2), i).map((l) => l.text).join(' ');
  return FORWARD_HEADERS.some((p) => p.test(previous.trim()));
}

function dropTrailingRules(kept: TextSpan[]): TextSpan[] {
  let end = kept.length;
  while (end > 0 && /^[\s\-_=*~]*$/.test(kept[end - 1]?.text ?? '')) end -= 1;
  let start = 0;
  while (start < end && (kept[start]?.text.trim() ?? '') === '') start += 1;
  return kept.slice(start, end);
}

function joinKept(kept: TextSpan[]): StrippedText {
  const segments: KeptSegment[] = [];
  const parts: string[] = [];
  let position = 0;
  for (const line of kept) {
    segments.push({ start: position, originalStart: line.start, length: line.text.length });
    parts.push(line.text);
    position += line.text.length + 1;
  }
  return { text: parts.join('\n'), segments };
}

/** Maps an offset in the stripped text back to the same character in the original body. */
export function toOriginalOffset(stripped: StrippedText, offset: number): number {
  let low = 0;
  let high = stripped.segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((stripped.segments[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  const segment = stripped.segments[low];
  if (!segment) return offset;
  return segment.originalStart + Math.min(offset - segment.start, segment.length);
}
