// The one message officers get when a mailbox's history (mail from before FOI_ACKNOWLEDGE_SINCE) or an old
// tracker becomes cases: counts, the oldest, the overdue and the urgent, instead of a summary per case.
import { formatLongDate, type IsoDate } from '../../clock/index.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { AttentionItem, ImportSummary } from '../import/summarise-import.js';
import { newMessageId, type NotifySettings } from './compose-messages.js';
import { caseLinkOf } from './case-link.js';
import { cleanLine } from './echo-text.js';
import { renderTemplate, type TemplateName } from './templates.js';

export const IMPORT_SUMMARY_TEMPLATE: TemplateName = 'import-summary.txt';

/** A list in mail stays readable: the rest are one `cases list` away. */
export const MAX_LISTED = 25;

export type ImportSource =
  /** Mail that reached the mailbox before the acknowledgement cutoff; `held`: such mail held instead. */
  | { kind: 'mailbox'; cutoff: Date; heldCount: number }
  | { kind: 'file'; fileName: string };

export interface ImportSummaryInput {
  summary: ImportSummary;
  /** The configured name of the mailbox whose officers are told. */
  mailbox: string;
  source: ImportSource;
  /** Today in Europe/London, for the Message-ID and the subject line. */
  today: IsoDate;
}

const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });

function listed(items: readonly AttentionItem[], consoleUrl: URL | null | undefined) {
  return items.slice(0, MAX_LISTED).map((item) => ({
    reference: item.reference,
    caseLink: caseLinkOf(consoleUrl, item.reference),
    dueLong: item.dueDate ? formatLongDate(item.dueDate) : 'no date yet',
    reasonText: cleanLine(item.reasons.join('; ')),
    subject: cleanLine(item.subject),
  }));
}

function sourceText(source: ImportSource, mailbox: string): string {
  if (source.kind === 'file') return `from the tracker ${source.fileName}`;
  const name = mailbox === 'default' ? 'the mailbox' : `mailbox ${mailbox}`;
  return `from mail that reached ${name} before foi-intake started acknowledging`;
}

export function composeImportSummary(input: ImportSummaryInput, settings: NotifySettings): OutgoingMail {
  const { summary, source } = input;
  const view = {
    count: summary.count,
    sourceText: sourceText(source, input.mailbox),
    fromMailbox: source.kind === 'mailbox',
    cutoffLong: source.kind === 'mailbox' ? LONDON_DATE_TIME.format(source.cutoff) : '',
    heldCount: source.kind === 'mailbox' ? source.heldCount : 0,
    heldFolder: settings.heldFolder,
    oldestReference: summary.oldest?.reference ?? '',
    oldestReceivedLong: summary.oldest ? formatLongDate(summary.oldest.receivedDate) : '',
    awaitingResponse: summary.awaitingResponse,
    overdueCount: summary.overdue.length,
    urgentCount: summary.urgent.length,
    hasOverdue: summary.overdue.length > 0,
    hasUrgent: summary.urgent.length > 0,
    overdue: listed(summary.overdue, settings.consoleUrl),
    urgent: listed(summary.urgent, settings.consoleUrl),
    overdueMore: Math.max(0, summary.overdue.length - MAX_LISTED),
    urgentMore: Math.max(0, summary.urgent.length - MAX_LISTED),
  };
  const where = input.mailbox === 'default' ? '' : ` (${input.mailbox})`;
  return {
    // To officers only and about no one case, as the digest is (an officer purpose: no requester threads on it).
    purpose: 'import_summary',
    messageId: newMessageId('import_summary', `import-${input.mailbox}-${input.today}`, settings.fromAddress),
    from: settings.from,
    to: settings.officers,
    subject: `FOI import${where}: ${summary.count} case(s) imported, ${summary.overdue.length} overdue, ${summary.urgent.length} need attention`,
    text: renderTemplate(settings.templates, IMPORT_SUMMARY_TEMPLATE, view),
    html: null,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
