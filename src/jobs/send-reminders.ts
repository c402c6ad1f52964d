// The reminder and digest jobs, as the daemon's schedule and `foi-intake reminders` run them: the
// clock is read here, at the edge; what is due and what is sent is pipeline/case/remind-officers.ts'.
import { londonDateOf } from '../clock/index.js';
import { queueDailyDigests, queueDueReminders, type ReminderStore } from '../pipeline/case/remind-officers.js';
import type { NotifyDirectory } from '../pipeline/notify/notify-directory.js';

export async function runReminderJobs(store: ReminderStore, notify: NotifyDirectory, now: Date): Promise<{ reminders: number; digest: boolean }> {
  // Imported cases' overdue reminders found by the first job are listed by the second.
  const run = { store, notify, now, today: londonDateOf(now), importedOverdue: new Map<string, string[]>() };
  const { queued } = await queueDueReminders(run);
  const { queued: digest } = await queueDailyDigests(run);
  return { reminders: queued, digest };
}
