// A bounce (RFC 3464 DSN), read receipt (RFC 8098 MDN) or auto-reply (RFC 3834 §3) names the message it
// answers; reading those Message-IDs lets a bounce of our acknowledgement thread to its case. Pure, no I/O.
import type { InboundMail, MailAttachment } from '../../domain/inbound-mail.js';
import { OWN_MESSAGE_ID_PREFIX } from './detect-automated-mail.js';

/**
 * What the message reports about mail we sent: a permanent failure (`bounce`: DSN Action failed or
 * Status 5.x.x), a `delay` (Action delayed or Status 4.x.x), a success DSN, a read receipt, an ARF abuse
 * report, or nothing (`none`: an auto-reply or any other message).
 */
export type ReportKind = 'bounce' | 'delay' | 'delivered' | 'read-receipt' | 'abuse-report' | 'none';

export interface OwnMessageRef {
  messageId: string;
  /** The outgoing purpose as written in the Message-ID, e.g. `acknowledgement`, `officer-summary`. */
  purpose: string;
  /** The case reference (or other key) the Message-ID was made for, e.g. `FOI-2026-00012`. */
  key: string;
}

export interface BouncedMessageIds {
  report: ReportKind;
  /**
   * The Message-IDs it refers to, most telling first: the original's own (from an attached message or
   * its headers, an MDN's Original-Message-ID, a copy quoted in the text), then In-Reply-To, then
   * References newest first. No duplicates.
   */
  messageIds: string[];
  /** Those of `messageIds` that we generated, read apart. */
  ownMessages: OwnMessageRef[];
  /** The most severe RFC 3463 status code reported, e.g. `5.1.1`, or null. */
  status: string | null;
  /** The recipients the report is about (Final-Recipient, X-Failed-Recipients), lower-case. */
  recipients: string[];
}

const HEADER_PART_TYPES = ['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers'];
const DSN_PART_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
const MDN_PART_TYPES = ['message/disposition-notification', 'message/global-disposition-notification'];
// The id's left part holds no "@", so a hostile "a@a@a@…" line is split one way only (linear time).
const MESSAGE_ID = /^(?:x-)?(?:original-)?message-id:[ \t]*<?([^<>\s@]+@[^<>\s]+?)>?[ \t]*$/gim;
const OWN_ID = /^<foi-intake\.([a-z][a-z-]*)\.([A-Za-z0-9-]+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[^<>\s]+>$/i;

export function bouncedMessageIds(mail: InboundMail): BouncedMessageIds {
  const report = reportFields(mail);
  const messageIds = unique([
    ...mail.attachments.filter((a) => HEADER_PART_TYPES.includes(a.contentType)).flatMap((a) => idsIn(headerBlock(a))),
    ...mail.attachments.filter((a) => MDN_PART_TYPES.includes(a.contentType)).flatMap((a) => idsIn(unfold(a.content.toString('utf8')))),
    // A copy in the text: qmail's "Below this line is a copy of the message", or a DSN folded into the text.
    ...(report.machine ? idsIn(unfold(mail.text)) : []),
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...[...mail.references].reverse(),
  ]);
  const ownMessages = messageIds.map(ownMessageIdParts).filter((ref): ref is OwnMessageRef => ref !== null);
  return { report: report.kind, messageIds, ownMessages, status: report.status, recipients: report.recipients };
}

/** Reads one of our own Message-IDs (`<foi-intake.PURPOSE.KEY.UUID@domain>`); null for anyone else's. */
export function ownMessageIdParts(messageId: string): OwnMessageRef | null {
  if (!messageId.startsWith(`<${OWN_MESSAGE_ID_PREFIX}`)) return null;
  const match = OWN_ID.exec(messageId);
  if (!match) return null;
  return { messageId, purpose: match[1]!.toLowerCase(), key: match[2]! };
}

interface ReportFields {
  kind: ReportKind;
  status: string | null;
  recipients: string[];
  /** Whether the mail is a machine's report, so that Message-ID lines in its text are the original's. */
  machine: boolean;
}

function reportFields(mail: InboundMail): ReportFields {
  const types = new Set(mail.attachments.map((a) => a.contentType));
  const reportType = /report-type\s*=\s*"?([a-z-]+)/i.exec(mail.headers.get('content-type') ?? '')?.[1]?.toLowerCase();
  const failedHeader = (mail.headers.get('x-failed-recipients') ?? '').split(/[\s,]+/).filter((a) => a.includes('@'));
  const isReport = mail.contentType === 'multipart/report';
  // mailparser folds message/delivery-status into the text; a kept part is read too.
  const dsnText = [
    ...(isReport ? [mail.text] : []),
    ...mail.attachments.filter((a) => DSN_PART_TYPES.includes(a.contentType)).map((a) => a.content.toString('utf8')),
  ].map(unfold).join('\n');
  const fields = dsnFields(dsnText);
  const recipients = unique([...fields.recipients, ...failedHeader.map((a) => a.toLowerCase())]);
  const machine = isReport || fields.actions.length > 0 || isDaemonMail(mail);

  if (reportType === 'disposition-notification' || MDN_PART_TYPES.some((t) => types.has(t))) {
    return { kind: 'read-receipt', status: null, recipients, machine };
  }
  if (reportType === 'feedback-report' || types.has('message/feedback-report')) {
    return { kind: 'abuse-report', status: null, recipients, machine };
  }
  const status = worstStatus(fields.statuses);
  if (fields.actions.includes('failed') || status?.startsWith('5')) return { kind: 'bounce', status, recipients, machine };
  if (fields.actions.includes('delayed') || status?.startsWith('4')) return { kind: 'delay', status, recipients, machine };
  if (fields.actions.some((a) => ['delivered', 'relayed', 'expanded'].includes(a))) return { kind: 'delivered', status, recipients, machine };
  if (isReport || isDaemonMail(mail)) {
    // qmail and Exim name each failed recipient on a line of its own: `<a.person@example.net>:`.
    const named = [...mail.text.matchAll(/^<([^<>\s@]+@[^<>\s]+)>:/gm)].map((m) => m[1]!.toLowerCase());
    return { kind: legacyBounceKind(mail), status: statusInProse(mail.text), recipients: unique([...recipients, ...named]), machine };
  }
  return { kind: 'none', status: null, recipients: [], machine };
}

/** Per-recipient DSN fields (RFC 3464 §2.3): Action, Status and Final-Recipient. */
function dsnFields(text: string): { actions: string[]; statuses: string[]; recipients: string[] } {
  const actions: string[] = [];
  const statuses: string[] = [];
  const recipients: string[] = [];
  for (const line of text.split('\n')) {
    // No `[ \t]*` after the colon (the value is trimmed): with `.` stopping at a lone CR it would backtrack.
    const field = /^(action|status|final-recipient)[ \t]*:(.*)$/i.exec(line);
    if (!field) continue;
    const name = field[1]!.toLowerCase();
    const value = field[2]!.trim();
    if (name === 'action') actions.push(value.toLowerCase().split(/[\s(]/)[0] ?? '');
    else if (name === 'status' && /^[245]\.\d{1,3}\.\d{1,3}\b/.test(value)) statuses.push(value.split(/\s/)[0]!);
    else if (name === 'final-recipient') {
      const address = value.replace(/^[a-z0-9-]+\s*;\s*/i, '').replace(/[<>]/g, '').trim().toLowerCase();
      if (address.includes('@')) recipients.push(address);
    }
  }
  return { actions, statuses, recipients };
}

function worstStatus(statuses: string[]): string | null {
  return statuses.find((s) => s.startsWith('5')) ?? statuses.find((s) => s.startsWith('4')) ?? statuses[0] ?? null;
}

/**
 * A bounce from an MTA that sends no DSN (qmail, old Exchange): a MAILER-DAEMON or postmaster sender, or a
 * non-delivery subject. A null Return-Path alone is not enough: RFC 3834 auto-replies use one too.
 */
function isDaemonMail(mail: InboundMail): boolean {
  if (/^(mailer[-_]?daemon|postmaster)@/i.test(mail.from?.address ?? '')) return true;
  return /^(undeliverable|undelivered mail|failure notice|delivery status notification|mail delivery (failed|failure)|returned mail|delayed mail)\b/i.test(mail.subject);
}

/** Without DSN fields only the prose is left: a warning that it will be retried is a delay, anything else a failure. */
function legacyBounceKind(mail: InboundMail): ReportKind {
  const prose = `${mail.subject}\n${mail.text.slice(0, 4000)}`;
  if (/\b(warning only|still being retried|will (be )?retr(y|ied)|not (been )?delivered yet|temporary (failure|error|problem)|delayed)\b/i.test(prose)) return 'delay';
  if (/\b(permanent(ly)? (error|failure|fatal)|could not be delivered|couldn't be delivered|undeliver(able|ed)|failure notice|delivery (has )?failed|returned to sender|no mailbox here|user unknown|does not exist)\b/i.test(prose)) return 'bounce';
  const status = statusInProse(mail.text);
  if (status?.startsWith('5')) return 'bounce';
  if (status?.startsWith('4')) return 'delay';
  return 'none';
}

function statusInProse(text: string): string | null {
  return /(?:^|[\s(#])([45]\.\d{1,3}\.\d{1,3})(?=[\s)]|$)/m.exec(text.slice(0, 4000))?.[1] ?? null;
}

/** The header block of an attached message (up to the first empty line), unfolded. */
function headerBlock(part: MailAttachment): string {
  const text = part.content.toString('utf8').replace(/\r\n/g, '\n');
  const end = text.search(/\n\n/);
  return unfold(end === -1 ? text : text.slice(0, end));
}

function unfold(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
}

function idsIn(text: string): string[] {
  return [...text.matchAll(MESSAGE_ID)].map((m) => `<${m[1]!}>`);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
