// `foi-intake holidays add DATE --jurisdiction J --reason "…"` and `holidays list`: the official
// calendar plus days admins add when a new bank holiday is proclaimed.
import type { Command } from 'commander';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { isIsoDate } from '../clock/index.js';
import { loadConfig } from '../config.js';
import { JURISDICTIONS } from '../domain/jurisdiction.js';
import { AppError } from '../errors.js';
import { addHoliday } from '../pipeline/case/add-holiday.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

const HOLIDAY_JURISDICTIONS = [...JURISDICTIONS, 'united-kingdom'] as const;

export function addHolidaysCommand(program: Command, { env, write }: CommandContext): void {
  const holidays = program.command('holidays').description('bank holidays admins add; open cases are recomputed');
  holidays
    .command('add')
    .argument('<date>', 'YYYY-MM-DD')
    .requiredOption('--jurisdiction <j>', HOLIDAY_JURISDICTIONS.join(', '))
    .requiredOption('--reason <text>', 'e.g. the proclamation')
    .action((date: string, opts: { jurisdiction: string; reason: string }) => {
      if (!isIsoDate(date)) throw new AppError('cli.invalid_argument', `DATE: '${date}' is not a YYYY-MM-DD date`);
      if (!(HOLIDAY_JURISDICTIONS as readonly string[]).includes(opts.jurisdiction)) {
        throw new AppError('cli.invalid_argument', `--jurisdiction must be one of ${HOLIDAY_JURISDICTIONS.join(', ')}`);
      }
      return withMigratedDb(loadConfig(env), async (_db, stores) => {
        const recomputed = await addHoliday(stores.holidays, { date, jurisdiction: opts.jurisdiction as (typeof HOLIDAY_JURISDICTIONS)[number], reason: opts.reason }, new Date());
        write(JSON.stringify({ added: { date, jurisdiction: opts.jurisdiction, reason: opts.reason }, recomputed }));
      });
    });
  holidays.command('list').description('holidays added by admins (the official ones are built in)').action(() =>
    withMigratedDb(loadConfig(env), async (db) => {
      for (const h of await loadExtraHolidays(db)) write(JSON.stringify(h));
    }));
}
