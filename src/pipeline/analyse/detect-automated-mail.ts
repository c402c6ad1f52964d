// Automated mail (auto-replies, bounces, lists, receipts) must never be acknowledged, or two
// robots answer each other for ever (RFC 3834 §2). Pure: headers in, a verdict with its reason out.
import type { InboundMail } from '../../domain/inbound-mail.js';

/** Every Message-ID we generate starts with this, so our own mail is recognised if it loops back. */
export const OWN_MESSAGE_ID_PREFIX = 'foi-intake.';

export type AutomatedReason =
  | 'auto-submitted'
  | 'bulk-precedence'
  | 'mailing-list'
  | 'suppress-auto-response'
  | 'autoreply-header'
  | 'null-return-path'
  | 'daemon-sender'
  | 'delivery-report'
  | 'own-address'
  | 'own-message';

export type AutomatedVerdict = { automated: false } | { automated: true; reason: AutomatedReason; evidence: string };

export interface OwnIdentity {
  /** Our own sending addresses (FOI_FROM); mail from them is our own looped back. */
  addresses: string[];
}

// Local parts of addresses that only machines send from (RFC 3834 §2, Pigeonhole's vacation list).
const DAEMON_LOCAL_PART = /^(mailer-daemon|postmaster|listserv|majordomo|owner-.+|.+-request|bounces?([+-].*)?|no-?reply|do-?not-?reply|donotreply|noreply-.+)$/i;
const REPORT_PART_TYPES = ['message/delivery-status', 'message/disposition-notification', 'message/feedback-report'];

export function isAutomated(mail: InboundMail, own?: OwnIdentity): AutomatedVerdict {
  const header = (name: string) => mail.headers.get(name)?.trim();
  const yes = (reason: AutomatedReason, evidence: string): AutomatedVerdict => ({ automated: true, reason, evidence });

  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && !/^no\b/i.test(autoSubmitted)) return yes('auto-submitted', `Auto-Submitted: ${autoSubmitted}`);
  if (mail.contentType === 'multipart/report') return yes('delivery-report', 'Content-Type: multipart/report');
  const reportPart = mail.attachments.find((a) => REPORT_PART_TYPES.includes(a.contentType));
  if (reportPart) return yes('delivery-report', `part ${reportPart.contentType}`);
  const returnPath = header('return-path');
  if (returnPath !== undefined && /^<?\s*>?$/.test(returnPath)) return yes('null-return-path', 'Return-Path: <>');
  const precedence = header('precedence');
  if (precedence && /^(bulk|junk|list|auto_reply)$/i.test(precedence)) return yes('bulk-precedence', `Precedence: ${precedence}`);
  const listHeader = [...mail.headers.keys()].find((k) => k.startsWith('list-') || k === 'mailing-list');
  if (listHeader) return yes('mailing-list', listHeader);
  const suppress = header('x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/i.test(suppress)) return yes('suppress-auto-response', `X-Auto-Response-Suppress: ${suppress}`);
  const autoreplyHeader = ['x-autoreply', 'x-autorespond', 'x-autoreply-from', 'x-ms-exchange-inbox-rules-loop'].find((k) => mail.headers.has(k));
  if (autoreplyHeader) return yes('autoreply-header', autoreplyHeader);
  return senderVerdict(mail, returnPath, own) ?? { automated: false };
}

function senderVerdict(mail: InboundMail, returnPath: string | undefined, own?: OwnIdentity): AutomatedVerdict | null {
  const candidates = [mail.from?.address, returnPath?.replace(/[<>]/g, '').trim()].filter(Boolean) as string[];
  for (const address of candidates) {
    const local = address.split('@')[0] ?? '';
    if (DAEMON_LOCAL_PART.test(local)) return { automated: true, reason: 'daemon-sender', evidence: address };
    if (own?.addresses.includes(address.toLowerCase())) return { automated: true, reason: 'own-address', evidence: address };
  }
  // Our own Message-ID on an incoming message means our own mail came back to us.
  if (mail.messageId?.startsWith(`<${OWN_MESSAGE_ID_PREFIX}`)) {
    return { automated: true, reason: 'own-message', evidence: mail.messageId };
  }
  return null;
}
