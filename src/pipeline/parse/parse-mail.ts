// Raw RFC 822 bytes → InboundMail. Wraps mailparser so that no other stage depends on it; decodes
// charsets, converts HTML-only mail to readable text and lists attachments. Every string it returns
// is storable text (no NUL, no lone surrogate): one bad character must not fail a batch's commit.
import type { AddressObject, ParsedMail } from 'mailparser';
import type { InboundMail, MailAddress } from '../../domain/inbound-mail.js';
import { AppError } from '../../errors.js';
import { capForAnalysis } from '../analyse/analysis-limits.js';
import { toStorableText } from './storable-text.js';

let mailparser: Promise<typeof import('mailparser')> | undefined;

/**
 * mailparser and what it brings (charset tables, HTML to text) hold several megabytes of heap: loaded
 * on first use, so that a process's main thread, which leaves parsing to its workers, never holds them.
 * A worker loads it before it takes its first message (whose deadline would otherwise count it).
 */
export function loadMailParser(): Promise<typeof import('mailparser')> {
  return (mailparser ??= import('mailparser'));
}

export async function parseMail(source: Buffer): Promise<InboundMail> {
  if (!hasContent(source)) {
    throw new AppError('parse.empty_message', 'the message is empty');
  }
  const { simpleParser } = await loadMailParser();
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, { skipImageLinks: true, keepCidLinks: false });
  } catch (cause) {
    throw new AppError('parse.unreadable_mime', 'the MIME structure could not be read', { cause });
  }
  const from = firstAddress(parsed.from);
  if (!from) throw new AppError('parse.missing_sender', 'the message has no usable From address');
  const rescued = hasNoReadablePart(parsed) ? textOfBrokenMultipart(source) : null;
  const subject = toStorableText((parsed.subject ?? '').trim());
  return {
    messageId: normaliseMessageId(parsed.messageId),
    from,
    senderCount: addressList(parsed.from).length,
    replyTo: firstAddress(parsed.replyTo),
    to: addressList(parsed.to),
    cc: addressList(parsed.cc),
    subject: capForAnalysis(subject, MAX_SUBJECT_CHARS).text,
    date: parsed.date ?? null,
    inReplyTo: normaliseMessageId(parsed.inReplyTo),
    references: referencesOf(parsed.references),
    text: toStorableText(rescued ?? (parsed.text ?? '').replace(/\r\n/g, '\n')),
    html: typeof parsed.html === 'string' ? toStorableText(parsed.html) : null,
    headers: headerMap(parsed),
    contentType: toStorableText(contentTypeOf(parsed)),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename === undefined ? null : toStorableText(a.filename),
      contentType: toStorableText(a.contentType.toLowerCase()),
      size: a.size,
      content: a.content,
    })),
    parseWarnings: [...(rescued === null ? [] : [BROKEN_MULTIPART_WARNING]), ...longSubjectWarning(subject)],
  };
}

/** Any byte but whitespace, looked for without copying the message (it may be megabytes) into a string. */
function hasContent(source: Buffer): boolean {
  for (let i = 0; i < source.length; i++) if (!WHITESPACE.has(source[i]!)) return true;
  return false;
}

// What String.prototype.trim() removes among single bytes read as latin1: tab to CR, space, no-break space.
const WHITESPACE: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]);

/**
 * RFC 5322 §2.1.1 holds a line to 998 octets, and no real subject comes near it; a longer one (a folded
 * header of any size) is cut here, so that no later stage (threading, matching, echoes) works on megabytes
 * of it. The raw message keeps it whole.
 */
const MAX_SUBJECT_CHARS = 2_000;

function longSubjectWarning(subject: string): string[] {
  if (subject.length <= MAX_SUBJECT_CHARS) return [];
  return [`Subject too long: only its first ${MAX_SUBJECT_CHARS.toLocaleString('en-GB')} of ${subject.length.toLocaleString('en-GB')} characters are kept (the original message has it all)`];
}

const BROKEN_MULTIPART_WARNING = 'Broken MIME structure (a multipart message without a usable boundary): the text was read from the raw body';

/** A multipart message from which the parser got nothing: no text, no HTML, no attachment. */
function hasNoReadablePart(parsed: ParsedMail): boolean {
  return contentTypeOf(parsed).startsWith('multipart/') && !(parsed.text ?? '').trim() && !parsed.html && parsed.attachments.length === 0;
}

/**
 * A multipart body whose boundary is missing or never used is still text a person wrote: read it
 * as a mail client's "view source" would, without the delimiter lines and the parts' own headers.
 */
function textOfBrokenMultipart(source: Buffer): string | null {
  const raw = source.toString('utf8').replace(/\r\n/g, '\n');
  const bodyStart = raw.indexOf('\n\n');
  if (bodyStart === -1) return null;
  const kept: string[] = [];
  let inPartHeaders = false;
  for (const line of raw.slice(bodyStart + 2).split('\n')) {
    if (/^--\S+$/.test(line)) {
      inPartHeaders = true;
      continue;
    }
    if (inPartHeaders) {
      if (line.trim() === '') inPartHeaders = false;
      else if (/^[\w-]+:/.test(line) || /^[ \t]/.test(line)) continue;
      else inPartHeaders = false;
    }
    if (!inPartHeaders) kept.push(line);
  }
  const text = kept.join('\n').trim();
  return text === '' ? null : text;
}

function addressList(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      const members = entry.group ?? [entry];
      for (const m of members) {
        if (m.address && /@/.test(m.address)) out.push({ name: toStorableText((m.name ?? '').trim()), address: toStorableText(m.address.toLowerCase()) });
      }
    }
  }
  return out;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): MailAddress | null {
  return addressList(value)[0] ?? null;
}

// RFC 5322 msg-id: "<" id-left "@" id-right ">", no spaces, angle brackets or control characters
// inside. Anything else (a header-injection attempt, a folded fragment, a NUL) is dropped rather than
// stored or echoed into our replies.
const MESSAGE_ID = /^<[^<>\s@\u0000-\u001f\u007f]+@[^<>\s@\u0000-\u001f\u007f]+>$/;

function normaliseMessageId(value: string | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const wrapped = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return MESSAGE_ID.test(wrapped) && toStorableText(wrapped) === wrapped ? wrapped : null;
}

function referencesOf(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : value.split(/\s+/);
  return list.map((id) => normaliseMessageId(id)).filter((id): id is string => id !== null);
}

/** Header lines unfolded, keyed by lower-case name; the first occurrence wins. */
function headerMap(parsed: ParsedMail): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(toStorableText(key), toStorableText(line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim()));
  }
  return map;
}

function contentTypeOf(parsed: ParsedMail): string {
  const header = parsed.headers.get('content-type');
  if (header && typeof header === 'object' && 'value' in header) return String(header.value).toLowerCase();
  return 'text/plain';
}
