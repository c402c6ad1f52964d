// Renders the acknowledgement, the officer summary and the held-mail notice from the admins'
// templates, with the headers of the outgoing-mail contract. Pure apart from the Message-ID maker.
import { randomUUID } from 'node:crypto';
import { formatLongDate } from '../../clock/compute-deadline.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { ReferencedCase, Regime } from '../../domain/foi-case.js';
import type { OutgoingMail, OutgoingPurpose } from '../../domain/outgoing-mail.js';
import { OWN_MESSAGE_ID_PREFIX } from '../analyse/detect-automated-mail.js';
import { renderTemplate, type TemplateSet } from './templates.js';
import { questionLabel } from './question-label.js';

export interface NotifySettings {
  templates: TemplateSet;
  /** The formatted From of everything we send, e.g. `"FOI Team" <foi@example.gov.uk>`. */
  from: string;
  fromAddress: string;
  officers: string[];
  authorityName: string;
  jurisdiction: Jurisdiction;
  heldFolder: string;
}

const REGIME_NAMES: Record<Regime, string> = {
  foi: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002',
  eisr: 'Environmental Information (Scotland) Regulations 2004',
  sar: 'UK GDPR right of access (subject access request)',
  foi_review: 'Freedom of Information Act 2000 (internal review)',
  eir_review: 'Environmental Information Regulations 2004 (reconsideration, regulation 11)',
  foisa_review: 'Freedom of Information (Scotland) Act 2002 (review, section 21)',
  eisr_review: 'Environmental Information (Scotland) Regulations 2004 (review, regulation 16)',
};

// Building an Intl formatter is costly; one instance serves every message.
const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });
const londonDateTime = (d: Date) => LONDON_DATE_TIME.format(d);

const KIND_LABELS: Record<string, string> = {
  foi: 'FOI request', eir: 'EIR request', sar: 'Subject access request', internal_review: 'Internal review request',
  clarification: 'Clarification', complaint: 'Complaint', other: 'Other correspondence',
};

export function newMessageId(purpose: OutgoingPurpose, key: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'localhost';
  const safeKey = key.replace(/[^A-Za-z0-9-]/g, '');
  return `<${OWN_MESSAGE_ID_PREFIX}${purpose.replace('_', '-')}.${safeKey}.${randomUUID()}@${domain}>`;
}

function adviceAndAssistanceLaw(regime: Regime | null, jurisdiction: Jurisdiction): string {
  if (regime === 'eir' || regime === 'eisr') return 'regulation 9 of the Environmental Information Regulations';
  if (jurisdiction === 'scotland') return 'section 15 of the Freedom of Information (Scotland) Act 2002';
  return 'section 16 of the Freedom of Information Act 2000';
}

// A "question" split from junk or a pasted document can run to pages; mail repeats a readable
// part of it and officers read the whole in `case show`.
const MAX_ECHOED_CHARS = 1000;

function echoed(text: string): string {
  return text.length <= MAX_ECHOED_CHARS ? text : `${text.slice(0, MAX_ECHOED_CHARS).trimEnd()} […]`;
}

function caseView(foiCase: ReferencedCase, settings: NotifySettings) {
  const questions = foiCase.questions.map((q, i) => ({
    label: questionLabel(q.number, i),
    text: echoed(q.text),
    // A lead-in that governs a list ("for each of the following:") keeps its items under it.
    items: (q.items ?? []).map(echoed),
    topicList: q.topics.length > 0 ? q.topics.join(', ') : 'other',
  }));
  return {
    reference: foiCase.reference,
    subject: foiCase.subject,
    requesterGreeting: foiCase.requester.name ?? 'Sir or Madam',
    requesterName: foiCase.requester.name ?? '(no name given)',
    requesterAddress: foiCase.requester.address,
    authorityName: settings.authorityName,
    receivedLong: formatLongDate(foiCase.receivedDate),
    receivedAtLondon: londonDateTime(foiCase.receivedAt),
    dueLong: foiCase.dueDate ? formatLongDate(foiCase.dueDate) : 'no statutory deadline',
    regimeName: foiCase.regime ? REGIME_NAMES[foiCase.regime] : '',
    kindLabel: KIND_LABELS[foiCase.kind] ?? foiCase.kind,
    questions,
    hasQuestions: questions.length > 0,
    citesSection16: foiCase.analysis.citesSection16,
    adviceAndAssistanceLaw: adviceAndAssistanceLaw(foiCase.regime, settings.jurisdiction),
    flags: foiCase.flags.map((f) => f.text),
    dueExplain: foiCase.dueExplain,
    acknowledgementNote: foiCase.acknowledge.send ? 'sent automatically' : `not sent: ${foiCase.acknowledge.reason}`,
  };
}

/** RFC 3834 §3 markers plus threading headers, so the requester's client files it with the request. */
function replyHeaders(mail: InboundMail): Record<string, string> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
  if (mail.messageId) {
    headers['In-Reply-To'] = mail.messageId;
    headers['References'] = [...mail.references.filter((r) => r !== mail.messageId), mail.messageId].join(' ');
  }
  return headers;
}

export function composeAcknowledgement(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  const view = caseView(foiCase, settings);
  return {
    purpose: 'acknowledgement',
    messageId: newMessageId('acknowledgement', foiCase.reference, settings.fromAddress),
    from: settings.from,
    to: [foiCase.requester.address],
    subject: `Re: ${foiCase.subject} [${foiCase.reference}]`,
    text: renderTemplate(settings.templates, 'acknowledgement.txt', view),
    html: renderTemplate(settings.templates, 'acknowledgement.html', view),
    headers: { ...replyHeaders(mail), 'X-FOI-Case': foiCase.reference },
  };
}

/** A complaint gets a short receipt, not a statutory acknowledgement: there is no clock to state. */
export function composeComplaintReceipt(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  return {
    ...composeAcknowledgement(foiCase, mail, settings),
    text: renderTemplate(settings.templates, 'complaint-receipt.txt', caseView(foiCase, settings)),
    html: null,
  };
}

export function composeOfficerSummary(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  const view = { ...caseView(foiCase, settings), originalText: mail.text.trim() };
  return {
    purpose: 'officer_summary',
    messageId: newMessageId('officer_summary', foiCase.reference, settings.fromAddress),
    from: settings.from,
    to: settings.officers,
    subject: `[${foiCase.reference}] ${view.kindLabel}, due ${view.dueLong}: ${foiCase.subject}`,
    text: renderTemplate(settings.templates, 'officer-summary.txt', view),
    html: renderTemplate(settings.templates, 'officer-summary.html', view),
    // Officers' own out-of-office replies must not come back into the FOI mailbox as requests.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-FOI-Case': foiCase.reference },
  };
}

export interface HeldNoticeInput {
  inboundId: number;
  receivedAt: Date;
  reason: string;
}

export function composeHeldNotice(held: HeldNoticeInput, settings: NotifySettings): OutgoingMail {
  const view = {
    inboundId: held.inboundId,
    receivedAtLondon: londonDateTime(held.receivedAt),
    reason: held.reason,
    heldFolder: settings.heldFolder,
  };
  return {
    purpose: 'held_notice',
    messageId: newMessageId('held_notice', `held-${held.inboundId}`, settings.fromAddress),
    from: settings.from,
    to: settings.officers,
    subject: `[HELD] A message needs an officer (inbound #${held.inboundId})`,
    text: renderTemplate(settings.templates, 'held-notice.txt', view),
    html: null,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
