// A council's general inbox often forwards a request to the FOI team with a short note on top: the
// request to analyse, and the requester to answer, are the forwarded original, not the forwarder's note.
import { countWords, splitLines, type TextSpan } from './text-lines.js';

/** Lines that open a forwarded message. Regex sources, case-insensitive. */
export const FORWARD_MARKER_PATTERNS = [
  String.raw`^-{2,}\s*Forwarded message\s*-{2,}\s*$`,
  String.raw`^Begin forwarded message:\s*$`,
] as const;

/** Lines that open a quoted message in a reply or a forward; a forward only when the subject says "FW:". */
export const QUOTED_MESSAGE_MARKER_PATTERNS = [
  String.raw`^-{2,}\s*Original Message\s*-{2,}\s*$`,
  String.raw`^_{10,}\s*$`,
] as const;

/** Subjects of forwarded mail ("FW:", "Fwd:", and the Welsh "YM:"). */
export const FORWARD_SUBJECT = /^\s*(fw|fwd|ym|wg|tr|rv)\s*:/i;

/** A forwarder's note longer than this is a message of its own, not a covering note. */
export const MAX_FORWARD_NOTE_WORDS = 80;

const FORWARD_MARKERS = FORWARD_MARKER_PATTERNS.map((s) => new RegExp(s, 'i'));
const QUOTED_MARKERS = QUOTED_MESSAGE_MARKER_PATTERNS.map((s) => new RegExp(s, 'i'));
// Linear by construction (the text is the sender's): `[^\n]` where `.` would stop at a lone CR or
// U+2028 and leave `\s*` to backtrack; a local part without "@", so "a@a@a@…" splits one way only;
// the display name taken lazily up to the bracket (cleanName trims it) instead of `(.*?)\s*`.
const HEADER_FIELD = /^\s*\*?(From|Sent|Date|To|Cc|Subject|Reply-To)\*?\s*:\s*([^\n]*)$/i;
const ANGLE_ADDRESS = /^([^]*?)[<[](?:mailto:)?([^\s<>[\]@]+@[^\s<>[\]]+)[>\]]\s*$/i;
const BARE_ADDRESS = /^\s*([^\s<>@]+@[^\s<>]+)\s*$/;

export interface ForwardedRequest {
  /** Where the forwarded original's own text begins and ends in the body. */
  start: number;
  end: number;
  from: { name: string; address: string } | null;
  subject: string | null;
  /** The forwarder's covering note above the forwarded message. */
  note: string;
}

/**
 * The forwarded original when the body is a short note followed by a forwarded message (a Gmail-style
 * marker or an Outlook "From: … Sent: … To: … Subject:" block); null when the body is not a forward.
 */
export function unwrapForwarded(text: string, subject = ''): ForwardedRequest | null {
  const lines = splitLines(text);
  const headerAt = findForwardHeader(lines, FORWARD_SUBJECT.test(subject));
  if (headerAt === null) return null;
  const note = text.slice(0, lines[headerAt.markerLine]?.start ?? 0).trim();
  if (countWords(note) > MAX_FORWARD_NOTE_WORDS) return null;
  const fields = readHeaderFields(lines, headerAt.fieldsFrom);
  const from = fields.values.get('from');
  if (from === undefined) return null;
  const bodyStart = lines[fields.nextLine]?.start ?? text.length;
  return {
    start: bodyStart, end: text.length, from: parseAddress(from), subject: fields.values.get('subject') ?? null, note,
  };
}

/** The first forward marker, or an Outlook header block with no marker, in the top part of the body. */
function findForwardHeader(lines: TextSpan[], subjectSaysForward: boolean): { markerLine: number; fieldsFrom: number } | null {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]?.text.trim() ?? '';
    if (FORWARD_MARKERS.some((p) => p.test(line))) return { markerLine: i, fieldsFrom: i + 1 };
    if (!subjectSaysForward) continue;
    if (QUOTED_MARKERS.some((p) => p.test(line))) return { markerLine: i, fieldsFrom: i + 1 };
    if (/^\*?From\*?\s*:/i.test(line) && countFields(lines, i) >= 3) return { markerLine: i, fieldsFrom: i };
  }
  return null;
}

function countFields(lines: TextSpan[], from: number): number {
  return lines.slice(from, from + 8).filter((l) => HEADER_FIELD.test(l.text)).length;
}

/** Header fields after the marker (blank lines before them allowed); stops at the first other line. */
function readHeaderFields(lines: TextSpan[], from: number): { values: Map<string, string>; nextLine: number } {
  const values = new Map<string, string>();
  let i = from;
  while (i < lines.length && (lines[i]?.text.trim() ?? '') === '' && values.size === 0) i += 1;
  for (; i < lines.length; i += 1) {
    const m = HEADER_FIELD.exec(lines[i]?.text ?? '');
    if (!m) break;
    const key = (m[1] ?? '').toLowerCase();
    if (!values.has(key)) values.set(key, (m[2] ?? '').trim());
  }
  return { values, nextLine: i };
}

/** "Jane Smith <jane@example.org>", "Smith, Jane [mailto:jane@example.org]", "jane@example.org". */
export function parseAddress(field: string): { name: string; address: string } | null {
  const angle = ANGLE_ADDRESS.exec(field);
  if (angle) return { name: cleanName(angle[1] ?? ''), address: (angle[2] ?? '').toLowerCase() };
  const bare = BARE_ADDRESS.exec(field);
  if (bare) return { name: '', address: (bare[1] ?? '').toLowerCase() };
  return field.trim() ? { name: cleanName(field), address: '' } : null;
}

/** Outlook writes "Surname, Forename"; quotes and stray brackets are not part of the name. */
function cleanName(raw: string): string {
  const name = raw.replace(/["'“”]/g, '').trim();
  const reversed = /^([\p{L}'’-]+),\s*([\p{L}'’-][\p{L}'’ -]*)$/u.exec(name);
  return reversed ? `${reversed[2]?.trim()} ${reversed[1]}` : name;
}
