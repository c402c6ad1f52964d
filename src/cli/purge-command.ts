// `foi-intake purge [--before DATE]`: anonymises finished cases past retention now (the daemon does
// it daily with the reminders).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { runPurge } from '../jobs/purge-job.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export function addPurgeCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('purge')
    .description('anonymise the personal data of cases finished more than FOI_RETENTION_MONTHS ago (or before --before)')
    .option('--before <date>', 'YYYY-MM-DD: cases whose last activity is before this date')
    .action(async (opts: { before?: string }) => {
      const config = loadConfig(env);
      if (!opts.before && !config.retentionMonths) throw new AppError('cli.invalid_argument', 'set FOI_RETENTION_MONTHS or give --before DATE');
      const before = opts.before ? new Date(`${opts.before}T00:00:00Z`) : undefined;
      if (before && Number.isNaN(before.getTime())) throw new AppError('cli.invalid_argument', `--before: '${opts.before}' is not a date`);
      await withMigratedDb(config, async (_db, stores) => write(JSON.stringify(await runPurge(stores.retention, { now: new Date(), retentionMonths: config.retentionMonths, before }))));
    });
}
