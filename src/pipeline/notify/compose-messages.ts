// Renders the acknowledgement, the officer summary and the held-mail notice from the admins'
// templates, with the headers of the outgoing-mail contract. Pure apart from the Message-ID maker.
// Everything a sender wrote is cleaned before it is echoed (echo-text.ts): to the requester it is
// also bounded and stripped of links, since anyone can make us send it to the address they wrote from.
import { randomUUID } from 'node:crypto';
import { formatLongDate } from '../../clock/compute-deadline.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { ReferencedCase, Regime } from '../../domain/foi-case.js';
import type { OutgoingMail, OutgoingPurpose } from '../../domain/outgoing-mail.js';
import { OWN_MESSAGE_ID_PREFIX } from '../analyse/detect-automated-mail.js';
import { cleanLine, cleanText, cutTo, headerValue, withoutLinks } from './echo-text.js';
import { renderTemplate, type TemplateSet } from './templates.js';
import { publicRecipients } from './single-mailbox.js';
import { questionLabel } from './question-label.js';
import { pleaseCheckLine } from './please-check.js';
import { caseLinkOf } from './case-link.js';

export interface NotifySettings {
  templates: TemplateSet;
  /** The formatted From of everything we send, e.g. `"FOI Team" <foi@example.gov.uk>`. */
  from: string;
  fromAddress: string;
  officers: string[];
  authorityName: string;
  jurisdiction: Jurisdiction;
  heldFolder: string;
  /** FOI_CONSOLE_URL: officers' mail links to each case's page there; absent or null, no links. */
  consoleUrl?: URL | null;
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

/** What the requester sees of their own words (DESIGN.md "Contract details"): bounded, without links. */
export const REQUESTER_ECHO = { subjectChars: 200, questionChars: 500, questions: 30, nameChars: 100 } as const;

/** A one-line echo to the public: cleaned, links made inert, cut to `max` characters. */
export function echoToRequester(text: string, max: number): string {
  return cutTo(withoutLinks(cleanLine(text)), max);
}

type Audience = 'requester' | 'officers';

/** The subject as shown to each audience: officers keep all of it (on one line), the requester a bounded echo. */
function subjectFor(subject: string, audience: Audience): string {
  return audience === 'requester' ? echoToRequester(subject, REQUESTER_ECHO.subjectChars) : cleanLine(subject);
}

function questionsFor(foiCase: ReferencedCase, audience: Audience) {
  const shown = audience === 'requester' ? foiCase.questions.slice(0, REQUESTER_ECHO.questions) : foiCase.questions;
  const line = audience === 'requester' ? (t: string) => echoToRequester(t, REQUESTER_ECHO.questionChars) : (t: string) => echoed(cleanLine(t));
  return shown.map((q, i) => ({
    label: cleanLine(questionLabel(q.number, i)),
    text: line(q.text),
    // A lead-in that governs a list ("for each of the following:") keeps its items under it.
    items: (audience === 'requester' ? (q.items ?? []).slice(0, REQUESTER_ECHO.questions) : q.items ?? []).map(line),
    topicList: q.topics.length > 0 ? q.topics.join(', ') : 'other',
  }));
}

/** Officers are told when a long message was only partly analysed, so they read the rest themselves. */
function truncationFlag(foiCase: ReferencedCase): string[] {
  const cut = foiCase.analysis.truncated;
  if (!cut) return [];
  return [`Message too long to analyse whole: only its first ${cut.analysedChars.toLocaleString('en-GB')} of ${cut.totalChars.toLocaleString('en-GB')} characters were read; read the rest in the original below`];
}

/** First among the officers' flags, so every summary template shows it: what the analysis was unsure of. */
function pleaseCheckFor(foiCase: ReferencedCase, audience: Audience): string[] {
  if (audience !== 'officers') return [];
  const line = pleaseCheckLine(foiCase.analysis, KIND_LABELS[foiCase.kind] ?? foiCase.kind);
  return line ? [line] : [];
}

function caseView(foiCase: ReferencedCase, settings: NotifySettings, audience: Audience) {
  const questions = questionsFor(foiCase, audience);
  const name = foiCase.requester.name === null ? '' : audience === 'requester' ? echoToRequester(foiCase.requester.name, REQUESTER_ECHO.nameChars) : cleanLine(foiCase.requester.name);
  return {
    reference: foiCase.reference,
    subject: subjectFor(foiCase.subject, audience),
    requesterGreeting: name || 'Sir or Madam',
    requesterName: name || '(no name given)',
    requesterAddress: cleanLine(foiCase.requester.address),
    authorityName: settings.authorityName,
    receivedLong: formatLongDate(foiCase.receivedDate),
    receivedAtLondon: londonDateTime(foiCase.receivedAt),
    dueLong: foiCase.dueDate ? formatLongDate(foiCase.dueDate) : 'no statutory deadline',
    regimeName: foiCase.regime ? REGIME_NAMES[foiCase.regime] : '',
    kindLabel: KIND_LABELS[foiCase.kind] ?? foiCase.kind,
    questions,
    hasQuestions: questions.length > 0,
    moreQuestions: Math.max(0, foiCase.questions.length - questions.length),
    citesSection16: foiCase.analysis.citesSection16,
    adviceAndAssistanceLaw: adviceAndAssistanceLaw(foiCase.regime, settings.jurisdiction),
    flags: [...pleaseCheckFor(foiCase, audience), ...foiCase.flags.map((f) => f.text), ...truncationFlag(foiCase)].map(cleanLine),
    dueExplain: foiCase.dueExplain,
    acknowledgementNote: foiCase.acknowledge.send ? 'sent automatically' : `not sent: ${foiCase.acknowledge.reason}`,
    // Officers only: the requester has no account on the console.
    caseLink: audience === 'officers' ? caseLinkOf(settings.consoleUrl, foiCase.reference) : '',
  };
}

/** `Re: <subject, cut to 200 characters with …> [<reference>]`: the reference always last (DESIGN.md). */
export function acknowledgementSubject(subject: string, reference: string): string {
  return `Re: ${echoToRequester(subject, REQUESTER_ECHO.subjectChars)} [${cleanLine(reference)}]`;
}

/** RFC 3834 §3 markers plus threading headers, so the requester's client files it with the request. */
function replyHeaders(mail: InboundMail): Record<string, string> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
  if (mail.messageId && mail.messageId.length <= MAX_THREAD_ID_CHARS) {
    headers['In-Reply-To'] = mail.messageId;
    headers['References'] = shortReferences([...mail.references.filter((r) => r !== mail.messageId), mail.messageId]).join(' ');
  }
  return headers;
}

/** A Message-ID longer than this could not be written within one header line (RFC 5322 §2.1.1: 998 octets). */
const MAX_THREAD_ID_CHARS = 500;
/** How many ids References keeps: the thread's first and the newest (RFC 5322 §3.6.4 allows trimming). */
const MAX_REFERENCES = 10;

function shortReferences(ids: string[]): string[] {
  const usable = ids.filter((id) => id.length <= MAX_THREAD_ID_CHARS);
  return usable.length <= MAX_REFERENCES ? usable : [usable[0]!, ...usable.slice(-(MAX_REFERENCES - 1))];
}

export function composeAcknowledgement(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  const view = caseView(foiCase, settings, 'requester');
  return {
    purpose: 'acknowledgement',
    messageId: newMessageId('acknowledgement', foiCase.reference, settings.fromAddress),
    from: settings.from,
    to: publicRecipients(foiCase.requester.address),
    subject: acknowledgementSubject(foiCase.subject, foiCase.reference),
    text: renderTemplate(settings.templates, 'acknowledgement.txt', view),
    html: renderTemplate(settings.templates, 'acknowledgement.html', view),
    headers: { ...replyHeaders(mail), 'X-FOI-Case': foiCase.reference },
  };
}

/** A complaint gets a short receipt, not a statutory acknowledgement: there is no clock to state. */
export function composeComplaintReceipt(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  return {
    ...composeAcknowledgement(foiCase, mail, settings),
    text: renderTemplate(settings.templates, 'complaint-receipt.txt', caseView(foiCase, settings, 'requester')),
    html: null,
  };
}

export function composeOfficerSummary(foiCase: ReferencedCase, mail: InboundMail, settings: NotifySettings): OutgoingMail {
  const originalText = cleanText(mail.text.trim());
  // Quoted line by line, so nothing in the original can pass for a line of the summary itself.
  const originalTextQuoted = originalText.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
  const view = { ...caseView(foiCase, settings, 'officers'), originalText, originalTextQuoted };
  return {
    purpose: 'officer_summary',
    messageId: newMessageId('officer_summary', foiCase.reference, settings.fromAddress),
    from: settings.from,
    to: settings.officers,
    subject: `[${foiCase.reference}] ${view.kindLabel}, due ${view.dueLong}: ${headerValue(foiCase.subject)}`,
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
    reason: cutTo(cleanLine(held.reason), 2000),
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
