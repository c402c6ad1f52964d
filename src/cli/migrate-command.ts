// `foi-intake migrate`: applies the migrations in drizzle/ (idempotent; several processes may run it at once).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { withDatabase, type CommandContext } from './with-database.js';

export function addMigrateCommand(program: Command, { env, write }: CommandContext): void {
  program.command('migrate').description('apply database migrations (idempotent)').action(async () => {
    await withDatabase(loadConfig(env), async (database) => {
      await database.migrate();
      write(JSON.stringify({ migrated: true, engine: database.engine }));
    });
  });
}
