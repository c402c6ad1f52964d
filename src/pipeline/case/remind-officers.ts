// Reminders and the daily digest, durable without node-cron's help: what is due is worked out from
// the cases each run (select-reminders.ts), and a record claimed per (case, reminder) or per day and
// mailbox makes a second run, a restart or a missed day send nothing twice.
import type { ExtraHoliday, IsoDate } from '../../clock/index.js';
import { CLOCK_RUNNING_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../domain/case-status.js';
import { composeDigest, composeReminder } from '../notify/compose-case-updates.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import type { CaseTransaction, LockedCase } from './case-store.js';
import { routeImportedReminders } from '../import/route-imported-reminders.js';
import { DEFAULT_REMINDER_OFFSETS, selectReminders, type ReminderCase, type SelectedReminder } from './select-reminders.js';

export interface ReminderTransaction extends CaseTransaction {
  /** Records a reminder as sent; false when it already was (another daemon, or an earlier run). */
  claimReminder(claim: { caseId: number; key: string; dueDate: IsoDate; offset: number; at: Date }): Promise<boolean>;
  /** The mailboxes whose digest of a day was sent already. */
  digestsSent(day: IsoDate): Promise<string[]>;
  /** Records a mailbox's digest of a day as sent; false when it already was. */
  claimDigest(claim: { day: IsoDate; mailbox: string; at: Date }): Promise<boolean>;
  /** Every case in these statuses, as its mail sees it (not locked). */
  casesIn(statuses: readonly CaseStatus[]): Promise<LockedCase[]>;
}

export interface ReminderStore {
  /** Cases in these statuses with a due date, each with the latest reminder sent for it. */
  casesToRemind(statuses: readonly CaseStatus[]): Promise<ReminderCase[]>;
  extraHolidays(): Promise<ExtraHoliday[]>;
  inTransaction<T>(work: (tx: ReminderTransaction) => Promise<T>): Promise<T>;
}

export interface ReminderRun {
  store: ReminderStore;
  /** Every mailbox's mail settings: a case's reminder goes to its own mailbox's officers. */
  notify: NotifyDirectory;
  /** Today in Europe/London (YYYY-MM-DD); passed in so tests need no fake timers. */
  today: IsoDate;
  now: Date;
  offsets?: readonly number[];
  /**
   * References of imported cases whose overdue reminder is today's digest, by mailbox name: filled by
   * `queueDueReminders`, listed by `queueDailyDigests` (route-imported-reminders.ts says why).
   */
  importedOverdue?: Map<string, string[]>;
}

const HEADLINES = { due_soon: 'response due soon', due_today: 'response due today', overdue: 'response OVERDUE' } as const;

export async function queueDueReminders(run: ReminderRun): Promise<{ queued: number }> {
  const { store, now } = run;
  const candidates = await store.casesToRemind(CLOCK_RUNNING_STATUSES);
  if (candidates.length === 0) return { queued: 0 };
  const selected = selectReminders({ cases: candidates, today: run.today, offsets: run.offsets ?? DEFAULT_REMINDER_OFFSETS, extraHolidays: await store.extraHolidays() });
  const routed = await routeReminders(run, candidates, selected);
  for (const reminder of routed.intoDigest) await remindInDigest(run, reminder);
  let queued = 0;
  for (const reminder of routed.mail) {
    const done = await store.inTransaction(async (tx) => {
      const { caseId, key, dueDate, offset } = reminder;
      if (!(await tx.claimReminder({ caseId, key, dueDate, offset, at: now }))) return false;
      const foiCase = await tx.lockCase({ id: caseId });
      if (!foiCase) return false;
      const { snapshot } = foiCase;
      const headline = HEADLINES[reminder.kind];
      const mail = composeReminder(snapshot, { headline, workingDaysLeft: reminder.workingDaysLeft }, run.notify.settingsOf(foiCase.mailbox));
      await Promise.all([
        tx.queueMail([mail], { caseId }),
        tx.saveChange({
          caseId,
          events: [{
            event: 'reminder_sent', at: now, fromStatus: snapshot.status, toStatus: snapshot.status, cause: headline,
            details: { oldDueDate: snapshot.dueDate, newDueDate: snapshot.dueDate, key },
          }],
        }),
      ]);
      return true;
    });
    if (done) queued += 1;
  }
  return { queued };
}

async function routeReminders(run: ReminderRun, candidates: readonly ReminderCase[], selected: SelectedReminder[]) {
  const imported = candidates.flatMap((c) => (c.importedOn ? [{ caseId: c.caseId, importedOn: c.importedOn }] : []));
  if (imported.length === 0) return { mail: selected, intoDigest: [] };
  const sent = new Set(await run.store.inTransaction((tx) => tx.digestsSent(run.today)));
  const digestPending = new Set(candidates.filter((c) => !sent.has(run.notify.nameOf(c.mailbox ?? ''))).map((c) => c.caseId));
  return routeImportedReminders({ selected, imported, digestPending });
}

/** Recorded as given (so it is never mailed later) and listed in today's digest of the case's mailbox. */
async function remindInDigest(run: ReminderRun, reminder: SelectedReminder): Promise<void> {
  await run.store.inTransaction(async (tx) => {
    const { caseId, key, dueDate, offset } = reminder;
    if (!(await tx.claimReminder({ caseId, key, dueDate, offset, at: run.now }))) return;
    const foiCase = await tx.lockCase({ id: caseId });
    if (!foiCase) return;
    const { snapshot } = foiCase;
    await tx.saveChange({
      caseId,
      events: [{
        event: 'reminder_sent', at: run.now, fromStatus: snapshot.status, toStatus: snapshot.status, cause: 'overdue when imported: listed in the daily digest',
        details: { oldDueDate: snapshot.dueDate, newDueDate: snapshot.dueDate, key },
      }],
    });
    const name = run.notify.nameOf(foiCase.mailbox);
    const list = run.importedOverdue?.get(name) ?? [];
    run.importedOverdue?.set(name, [...list, snapshot.reference]);
  });
}

/** One digest of open cases per London day and mailbox, to that mailbox's officers, whatever the number of runs. */
export async function queueDailyDigests(run: ReminderRun): Promise<{ queued: boolean }> {
  const { notify } = run;
  let queued = false;
  for (const mailbox of notify.names) {
    const done = await run.store.inTransaction(async (tx) => {
      if (!(await tx.claimDigest({ day: run.today, mailbox, at: run.now }))) return false;
      const own = (await tx.casesIn(OPEN_STATUSES)).filter((c) => notify.nameOf(c.mailbox) === mailbox).map((c) => c.snapshot);
      own.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
      await tx.queueMail([composeDigest(run.today, own, notify.settingsOf(mailbox), run.importedOverdue?.get(mailbox) ?? [])], {});
      return true;
    });
    queued ||= done;
  }
  return { queued };
}
