// Reminders and the daily digest, durable without node-cron's help: what is due is worked out
// from the database each run, and a unique row per (case, reminder) or per day makes a second
// run, a restart or a missed day send nothing twice.
import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../adapters/db/database.js';
import { insertEvents, snapshotOf } from '../adapters/db/case-state-store.js';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { insertOutbox } from '../adapters/db/outbox-store.js';
import { caseReminders, cases, digests } from '../adapters/db/schema.js';
import { londonDateOf, type Jurisdiction } from '../clock/index.js';
import { CLOCK_RUNNING_STATUSES, OPEN_STATUSES, type CaseStatus } from '../domain/case-status.js';
import type { Regime } from '../domain/regime.js';
import { composeDigest, composeReminder } from '../pipeline/notify/compose-case-updates.js';
import type { NotifySettings } from '../pipeline/notify/compose-messages.js';
import { asNotifyDirectory, type NotifyDirectory } from '../pipeline/notify/notify-directory.js';
import { DEFAULT_REMINDER_OFFSETS, selectReminders, type ReminderCase } from './select-reminders.js';


const HEADLINES = { due_soon: 'response due soon', due_today: 'response due today', overdue: 'response OVERDUE' } as const;

export interface ReminderJobDeps {
  db: Db;
  /** One mailbox's settings, or every mailbox's: a case's reminder goes to its own mailbox's officers. */
  notify: NotifySettings | NotifyDirectory;
  /** Today in Europe/London (YYYY-MM-DD); passed in so tests need no fake timers. */
  today: string;
  now: Date;
  offsets?: readonly number[];
}

export async function sendDueReminders(deps: ReminderJobDeps): Promise<{ queued: number }> {
  const rows = await deps.db.select().from(cases).where(and(inArray(cases.status, [...CLOCK_RUNNING_STATUSES]), isNotNull(cases.dueDate)));
  if (rows.length === 0) return { queued: 0 };
  const sent = await deps.db
    .select({ caseId: caseReminders.caseId, dueDate: caseReminders.dueDate, offset: caseReminders.offset })
    .from(caseReminders)
    .where(inArray(caseReminders.caseId, rows.map((r) => r.id)))
    .orderBy(desc(caseReminders.sentAt), desc(caseReminders.id));
  const lastOf = (caseId: number) => sent.find((s) => s.caseId === caseId) ?? null;
  const candidates: ReminderCase[] = rows.filter((r) => r.regime !== 'none').map((r) => ({
    caseId: r.id, status: r.status as CaseStatus, regime: r.regime as Regime, jurisdiction: r.jurisdiction as Jurisdiction,
    dueDate: r.dueDate, lastReminder: lastOf(r.id),
  }));
  const notify = asNotifyDirectory(deps.notify);
  const selected = selectReminders({ cases: candidates, today: deps.today, offsets: deps.offsets ?? DEFAULT_REMINDER_OFFSETS, extraHolidays: await loadExtraHolidays(deps.db) });
  let queued = 0;
  for (const reminder of selected) {
    const row = rows.find((r) => r.id === reminder.caseId)!;
    await deps.db.transaction(async (tx) => {
      const [claimed] = await tx.insert(caseReminders)
        .values({ caseId: row.id, key: reminder.key, dueDate: reminder.dueDate, offset: reminder.offset, sentAt: deps.now })
        .onConflictDoNothing().returning({ id: caseReminders.id });
      if (!claimed) return; // another daemon, or an earlier run, already sent it
      const headline = HEADLINES[reminder.kind];
      await insertOutbox(tx, [composeReminder(await snapshotOf(tx, row), { headline, workingDaysLeft: reminder.workingDaysLeft }, notify.settingsOf(row.mailbox))], { caseId: row.id });
      await insertEvents(tx, row.id, [{
        event: 'reminder_sent', at: deps.now, fromStatus: row.status as CaseStatus, toStatus: row.status as CaseStatus, cause: headline,
        details: { oldDueDate: row.dueDate, newDueDate: row.dueDate, key: reminder.key },
      }]);
      queued += 1;
    });
  }
  return { queued };
}

/** One digest of open cases per London day and mailbox, to that mailbox's officers, whatever the number of runs. */
export async function sendDailyDigest(deps: ReminderJobDeps): Promise<{ queued: boolean }> {
  const notify = asNotifyDirectory(deps.notify);
  let queued = false;
  for (const mailbox of notify.names) {
    const done = await deps.db.transaction(async (tx) => {
      const [claimed] = await tx.insert(digests).values({ day: deps.today, mailbox, sentAt: deps.now }).onConflictDoNothing().returning({ day: digests.day });
      if (!claimed) return false;
      const open = await tx.select().from(cases).where(and(inArray(cases.status, [...OPEN_STATUSES])));
      const own = open.filter((row) => notify.nameOf(row.mailbox) === mailbox);
      const snapshots = await Promise.all(own.map((row) => snapshotOf(tx, row)));
      snapshots.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
      await insertOutbox(tx, [composeDigest(deps.today, snapshots, notify.settingsOf(mailbox))], {});
      return true;
    });
    queued ||= done;
  }
  return { queued };
}

/** Both jobs, as the daemon's schedule and `foi-intake reminders send` run them. */
export async function runReminderJobs(db: Db, notify: NotifySettings | NotifyDirectory, now: Date): Promise<{ reminders: number; digest: boolean }> {
  const deps = { db, notify, now, today: londonDateOf(now) };
  const { queued } = await sendDueReminders(deps);
  const { queued: digest } = await sendDailyDigest(deps);
  return { reminders: queued, digest };
}
