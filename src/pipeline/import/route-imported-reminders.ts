// A mailbox's history or an old tracker can bring dozens of cases that were overdue before foi-intake
// knew of them: an "OVERDUE" mail for each on the first morning would bury the officers. Those reminders
// go into the first daily digest instead, and are recorded as given so they never come as mail later.
import type { IsoDate } from '../../clock/index.js';

/** What this rule reads of a reminder `selectReminders` chose; the rest passes through untouched. */
export interface ReminderLike {
  caseId: number;
  kind: 'due_soon' | 'due_today' | 'overdue';
  /** The due date the reminder is for. */
  dueDate: IsoDate;
}

/** An imported case: the London date it was imported on. */
export interface ImportedMark {
  caseId: number;
  importedOn: IsoDate;
}

export interface RouteRemindersInput<R extends ReminderLike> {
  /** What `selectReminders` chose today. */
  selected: readonly R[];
  /** The imported cases among them (others may be left out). */
  imported: readonly ImportedMark[];
  /** Cases whose mailbox's digest for today is still to be sent (the digest runs after the reminders). */
  digestPending: ReadonlySet<number>;
}

export interface RoutedReminders<R extends ReminderLike> {
  /** Sent as mail, as for any case. */
  mail: R[];
  /** Recorded as given (their key claimed, no mail) and listed in today's digest. */
  intoDigest: R[];
  /** Neither sent nor recorded: today's digest is already out, so they wait for tomorrow's. */
  deferred: R[];
}

/**
 * An overdue reminder for a due date that had already passed when the case was imported goes to the
 * digest; every other reminder (a deadline still ahead at import, or one set after it) is mailed.
 */
export function routeImportedReminders<R extends ReminderLike>(input: RouteRemindersInput<R>): RoutedReminders<R> {
  const importedOn = new Map(input.imported.map((m) => [m.caseId, m.importedOn]));
  const routed: RoutedReminders<R> = { mail: [], intoDigest: [], deferred: [] };
  for (const reminder of input.selected) {
    const on = importedOn.get(reminder.caseId);
    const overdueAtImport = on !== undefined && reminder.kind === 'overdue' && reminder.dueDate < on;
    if (!overdueAtImport) routed.mail.push(reminder);
    else if (input.digestPending.has(reminder.caseId)) routed.intoDigest.push(reminder);
    else routed.deferred.push(reminder);
  }
  return routed;
}
