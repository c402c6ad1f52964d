// A pass that meets the mailbox's history (mail received before the acknowledgement cutoff) tells the
// mailbox's officers once: how many cases, the oldest, the overdue and the urgent, and how much was held.
import { londonDateOf, type ExtraHoliday } from '../../clock/index.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { caseWorkingDaysLeft } from '../case/select-reminders.js';
import { summariseImport, type ImportedCaseLine } from '../import/summarise-import.js';
import { composeImportSummary } from '../notify/compose-import-summary.js';
import type { NotifySettings } from '../notify/compose-messages.js';

/** What a pass gathered of history while committing its batches. */
export interface PassHistory {
  cases: ImportedCaseLine[];
  held: number;
}

export interface PassSummaryInput {
  history: PassHistory;
  cutoff: Date | null;
  mailboxName: string;
  now: Date;
  extraHolidays: readonly ExtraHoliday[];
}

/** The one import summary of a pass, or null when the pass met no history. */
export function passImportSummary(input: PassSummaryInput, notify: NotifySettings): OutgoingMail | null {
  const { history, cutoff } = input;
  if (cutoff === null || (history.cases.length === 0 && history.held === 0)) return null;
  const today = londonDateOf(input.now);
  const summary = summariseImport({
    cases: history.cases, today,
    workingDaysLeft: (c, day) => caseWorkingDaysLeft(c, day, input.extraHolidays),
  });
  return composeImportSummary({ summary, mailbox: input.mailboxName, today, source: { kind: 'mailbox', cutoff, heldCount: history.held } }, notify);
}
