// Reminder and digest jobs with an injected clock, on a real database: due-soon, due-today and
// overdue reminders go out once each, a restart in the middle repeats nothing, and a missed
// day is caught up with only the latest reminder.
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseReminders, outbox } from '../../src/adapters/db/schema.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import { createReminderStore } from '../../src/adapters/db/reminder-store.js';
import { queueDailyDigests, queueDueReminders } from '../../src/pipeline/case/remind-officers.js';
import type { NotifyDirectory } from '../../src/pipeline/notify/notify-directory.js';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { fixture, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();

async function seedCase(): Promise<NotifyDirectory> {
  // Received Tue 30 May 2017: due Tue 27 June 2017.
  await servers.mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
  await runOnce(runtime);
  await runtime.close();
  return runtime.notify;
}

const at = (day: string) => ({ today: day, now: new Date(`${day}T07:00:00Z`) });
const reminderSubjects = async () =>
  (await servers.db.db.select({ subject: outbox.subject }).from(outbox).where(eq(outbox.purpose, 'reminder')).orderBy(asc(outbox.id))).map((r) => r.subject);

describe('reminder jobs', () => {
  it('sends each reminder once, survives a restart mid-way, and catches up after missed days', async () => {
    const notify = await seedCase();
    const jobs = (day: string) => queueDueReminders({ store: createReminderStore(servers.db.db), notify, ...at(day) });

    expect(await jobs('2017-06-19')).toEqual({ queued: 0 }); // 6 working days left: nothing yet
    expect(await jobs('2017-06-20')).toEqual({ queued: 1 }); // 5 working days before
    // A restart: a new run the same day (as a new daemon would do at start-up) sends nothing more.
    expect(await jobs('2017-06-20')).toEqual({ queued: 0 });
    expect(await jobs('2017-06-21')).toEqual({ queued: 0 });
    // The daemon was down on the 23rd (2 days before); on the due date only "due today" goes out.
    expect(await jobs('2017-06-27')).toEqual({ queued: 1 });
    expect(await jobs('2017-06-28')).toEqual({ queued: 1 }); // overdue
    expect(await jobs('2017-06-29')).toEqual({ queued: 0 });
    expect(await reminderSubjects()).toEqual([
      '[FOI-2017-00001] response due soon', '[FOI-2017-00001] response due today', '[FOI-2017-00001] response OVERDUE',
    ]);
    expect(await servers.db.db.select().from(caseReminders)).toHaveLength(3);
  });

  it('sends no reminders for a case that has been responded to', async () => {
    const notify = await seedCase();
    const [c] = await listCases(servers.db.db);
    const { actOnCase } = await import('../../src/pipeline/case/act-on-case.js');
    await actOnCase(createCaseStore(servers.db.db), c!.reference, { type: 'respond', cause: 'officer' }, { now: new Date('2017-06-10T10:00:00Z'), notify });
    expect(await queueDueReminders({ store: createReminderStore(servers.db.db), notify, ...at('2017-06-28') })).toEqual({ queued: 0 });
  });

  it('sends one digest a day, open cases by due date', async () => {
    const notify = await seedCase();
    expect(await queueDailyDigests({ store: createReminderStore(servers.db.db), notify, ...at('2017-06-20') })).toEqual({ queued: true });
    expect(await queueDailyDigests({ store: createReminderStore(servers.db.db), notify, ...at('2017-06-20') })).toEqual({ queued: false });
    const [digest] = await servers.db.db.select().from(outbox).where(eq(outbox.purpose, 'digest'));
    expect(digest!.textBody).toContain('27 June 2017  FOI-2017-00001');
    expect(digest!.recipients).toEqual(['"Casework Officer" <officer@example.gov.uk>']);
  });
});
