// The mail a case's lifecycle sends: the officer's clarification request and the extension
// notice to the requester, the short acknowledgement of a clarification, and officers' updates,
// reminders and the daily digest. Rendered from the admins' templates in prompts/.
import { formatLongDate } from '../../clock/compute-deadline.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { Regime } from '../../domain/regime.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { acknowledgementSubject, echoToRequester, newMessageId, REQUESTER_ECHO, type NotifySettings } from './compose-messages.js';
import { cleanLine, cleanText, headerValue } from './echo-text.js';
import { renderTemplate } from './templates.js';
import { publicRecipients } from './single-mailbox.js';
import { caseLinkOf } from './case-link.js';

/** What every lifecycle message needs to know about its case. */
export interface CaseSnapshot {
  reference: string;
  subject: string;
  status: CaseStatus;
  regime: Regime | 'none';
  requesterName: string | null;
  requesterAddress: string | null;
  receivedDate: string;
  dueDate: string | null;
  /** The Message-IDs of the case's mail, oldest first, so replies thread in the requester's client. */
  threadIds: string[];
}

const REGIME_SHORT: Record<string, string> = {
  foi: 'Freedom of Information Act 2000', eir: 'Environmental Information Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002', eisr: 'Environmental Information (Scotland) Regulations 2004',
  sar: 'UK GDPR', foi_review: 'internal review', eir_review: 'internal review', foisa_review: 'review', eisr_review: 'review',
};

/** Mail to the requester echoes their subject and name bounded and without links; officers see them whole, on one line. */
function view(snapshot: CaseSnapshot, settings: NotifySettings, audience: 'requester' | 'officers' = 'officers') {
  const forRequester = audience === 'requester';
  const name = snapshot.requesterName === null ? '' : forRequester ? echoToRequester(snapshot.requesterName, REQUESTER_ECHO.nameChars) : cleanLine(snapshot.requesterName);
  return {
    reference: snapshot.reference,
    subject: forRequester ? echoToRequester(snapshot.subject, REQUESTER_ECHO.subjectChars) : cleanLine(snapshot.subject),
    status: snapshot.status.replace(/_/g, ' '),
    requesterGreeting: name || 'Sir or Madam',
    requesterName: name || '(no name given)',
    authorityName: settings.authorityName,
    receivedLong: formatLongDate(snapshot.receivedDate),
    dueLong: snapshot.dueDate ? formatLongDate(snapshot.dueDate) : 'no due date while on hold',
    regimeName: REGIME_SHORT[snapshot.regime] ?? 'the law',
    caseLink: forRequester ? '' : caseLinkOf(settings.consoleUrl, snapshot.reference),
  };
}

export function toRequester(snapshot: CaseSnapshot, settings: NotifySettings, purpose: OutgoingMail['purpose'], text: string, automatic: boolean): OutgoingMail {
  const last = snapshot.threadIds.at(-1);
  const threading: Record<string, string> = last ? { 'In-Reply-To': last, References: snapshot.threadIds.join(' ') } : {};
  // An officer's own message is not automatic; the acknowledgement of a reply is (RFC 3834).
  const marks: Record<string, string> = automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : { 'X-Auto-Response-Suppress': 'OOF, AutoReply' };
  return {
    purpose, messageId: newMessageId(purpose, snapshot.reference, settings.fromAddress), from: settings.from,
    to: publicRecipients(snapshot.requesterAddress), subject: acknowledgementSubject(snapshot.subject, snapshot.reference), text, html: null,
    headers: { ...threading, ...marks, 'X-FOI-Case': snapshot.reference },
  };
}

function toOfficers(snapshot: CaseSnapshot, settings: NotifySettings, purpose: OutgoingMail['purpose'], subject: string, text: string): OutgoingMail {
  return {
    purpose, messageId: newMessageId(purpose, snapshot.reference, settings.fromAddress), from: settings.from, to: settings.officers,
    subject: headerValue(subject, 900), text, html: null, headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-FOI-Case': snapshot.reference },
  };
}

export function composeClarificationRequest(snapshot: CaseSnapshot, officerMessage: string, settings: NotifySettings): OutgoingMail {
  const text = renderTemplate(settings.templates, 'clarification-request.txt', { ...view(snapshot, settings, 'requester'), officerMessage: cleanText(officerMessage.trim()) });
  return toRequester(snapshot, settings, 'clarification_request', text, false);
}

export function composeClarificationAcknowledgement(snapshot: CaseSnapshot, clarificationDate: string, settings: NotifySettings): OutgoingMail {
  const text = renderTemplate(settings.templates, 'clarification-acknowledgement.txt', { ...view(snapshot, settings, 'requester'), clarificationLong: formatLongDate(clarificationDate) });
  return toRequester(snapshot, settings, 'clarification_acknowledgement', text, true);
}

export function composeExtensionNotice(snapshot: CaseSnapshot, extension: { kind: 'pit' | 'complex'; reason: string }, settings: NotifySettings): OutgoingMail {
  const text = renderTemplate(settings.templates, 'extension-notice.txt', {
    ...view(snapshot, settings, 'requester'), extensionReason: cleanText(extension.reason), isPublicInterest: extension.kind === 'pit', isComplex: extension.kind === 'complex',
  });
  return toRequester(snapshot, settings, 'extension_notice', text, false);
}

export function composeCaseUpdate(snapshot: CaseSnapshot, headline: string, details: string[], settings: NotifySettings): OutgoingMail {
  const text = renderTemplate(settings.templates, 'case-update.txt', { ...view(snapshot, settings), headline: cleanLine(headline), details: details.map(cleanLine) });
  return toOfficers(snapshot, settings, 'case_update', `[${snapshot.reference}] ${headline}`, text);
}

export function composeReminder(snapshot: CaseSnapshot, reminder: { headline: string; workingDaysLeft: number }, settings: NotifySettings): OutgoingMail {
  const left = reminder.workingDaysLeft;
  const daysLeftText = left > 0 ? `${left} working day(s) left` : left === 0 ? 'due today' : `${-left} working day(s) overdue`;
  const text = renderTemplate(settings.templates, 'reminder.txt', { ...view(snapshot, settings), headline: cleanLine(reminder.headline), daysLeftText });
  return toOfficers(snapshot, settings, 'reminder', `[${snapshot.reference}] ${reminder.headline}`, text);
}

/** `importedOverdue`: references of imported cases already overdue when imported, whose reminders this digest is. */
export function composeDigest(today: string, open: CaseSnapshot[], settings: NotifySettings, importedOverdue: readonly string[] = []): OutgoingMail {
  const cases = open.map((c) => ({ ...view(c, settings), overdue: c.dueDate !== null && c.dueDate < today }));
  const text = renderTemplate(settings.templates, 'digest.txt', {
    todayLong: formatLongDate(today), cases, count: cases.length, overdueCount: cases.filter((c) => c.overdue).length,
    importedOverdue: importedOverdue.map((reference) => ({ reference })), importedOverdueCount: importedOverdue.length,
  });
  return {
    purpose: 'digest', messageId: newMessageId('digest', today, settings.fromAddress), from: settings.from, to: settings.officers,
    subject: `FOI digest ${today}: ${cases.length} open case(s)`, text, html: null,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
