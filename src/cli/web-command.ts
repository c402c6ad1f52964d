// `foi-intake web`: the officers' and admins' console (DESIGN.md, Console) until SIGTERM/SIGINT.
// It needs PostgreSQL: PGlite belongs to one process, and the daemon holds it.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadConsoleSettings } from '../config/console-settings.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { withDatabase, type CommandContext } from './with-database.js';

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
  });
}

export function addWebCommand(program: Command, { env }: CommandContext): void {
  program
    .command('web')
    .description("serve the officers' and admins' console (needs PostgreSQL and an OpenID Connect provider)")
    .action(async () => {
      const config = loadConfig(env);
      if (!config.databaseUrl) throw new AppError('config.invalid', 'DATABASE_URL: required by `web` (the console needs PostgreSQL; PGlite is one process\'s)');
      const settings = loadConsoleSettings(env, config.extraMailboxes);
      const log = createLogger(config.logLevel, 'stdout');
      await withDatabase(config, async (database) => {
        await database.migrate();
        // Loaded here, not at start-up: the console's web stack is not needed by any other command.
        const { startConsole } = await import('../web/start-console.js');
        const running = await startConsole({ database, config, settings, log });
        log.info({ origin: running.origin }, 'console listening');
        await untilStopped();
        await running.close();
      });
    });
}
