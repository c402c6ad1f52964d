// `foi-intake reminders`: queues due-soon and overdue reminders and today's digest now (the daemon
// does it on FOI_REMINDER_CRON).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { runReminderJobs } from '../jobs/send-reminders.js';
import { notifyDirectoryOf } from '../runtime/notify-directory.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export function addRemindersCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('reminders')
    .description('queue due-soon and overdue reminders and today\'s digest now (the daemon does this on FOI_REMINDER_CRON)')
    .action(async () => {
      const config = loadConfig(env);
      await withMigratedDb(config, async (_db, stores) => write(JSON.stringify(await runReminderJobs(stores.reminders, notifyDirectoryOf(config), new Date()))));
    });
}
