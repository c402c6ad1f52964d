// `foi-intake run [--once]`: the daemon (IDLE plus polling, until SIGTERM/SIGINT), or one pass over
// every mailbox and the outbox. With FOI_WEB_PORT set the daemon also serves the console.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { consoleSettingsForRun, type ConsoleSettings } from '../config/console-settings.js';
import { runDaemon } from '../jobs/daemon.js';
import { runOnce } from '../jobs/run-once.js';
import { createLogger, type Logger } from '../logger.js';
import { openRuntime, type Runtime } from '../runtime.js';
import type { RunningConsole } from '../web/start-console.js';
import type { CommandContext } from './with-database.js';

/**
 * The first SIGTERM/SIGINT asks for a clean stop (finish the batch in hand, log out, exit 0); a
 * second one exits at once. The listener stays installed: the lock-file library re-raises a
 * signal that no one else is listening to, which would kill the process mid-stop.
 */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(1);
      controller.abort();
    });
  }
  return controller.signal;
}

/**
 * The console on the daemon's own database: with PGlite (no DATABASE_URL) this process is the only
 * one that can open it, so the console must live here. Never the demo's one-time sign-in.
 */
async function serveConsole(runtime: Runtime, settings: ConsoleSettings, log: Logger): Promise<RunningConsole> {
  // Loaded only when asked for: a daemon without a console starts without the web stack.
  const { startConsole } = await import('../web/start-console.js');
  const running = await startConsole({ database: runtime.database, config: runtime.config, settings, notify: runtime.notify, log: log.child({ component: 'console' }) });
  log.info({ origin: running.origin }, 'console listening');
  return running;
}

export function addRunCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('run')
    .description('run the intake daemon (IDLE with a polling fallback) until SIGTERM/SIGINT; with FOI_WEB_PORT set, serve the console too')
    .option('--once', 'process every message now in the mailbox, send what the outbox holds, and exit')
    .action(async (opts: { once?: boolean }) => {
      const config = loadConfig(env);
      // Checked before anything opens, so a console that cannot serve stops start-up with one line.
      // A single pass (`--once`) serves nothing: it exits as soon as the mailbox is read.
      const consoleSettings = opts.once ? null : consoleSettingsForRun(env, config.extraMailboxes, config.health);
      const log = createLogger(config.logLevel, opts.once ? 'stderr' : 'stdout');
      const stop = stopSignal();
      const runtime = await openRuntime(config, log);
      if (!opts.once && config.senderAuth.mode === 'off' && !config.dryRun) {
        log.warn({ setting: 'FOI_SENDER_AUTH' }, 'sender authentication is off: a forged sender would be acknowledged; set FOI_TRUSTED_AUTHSERV_ID or FOI_SENDER_AUTH=verify');
      }
      let served: RunningConsole | null = null;
      try {
        if (consoleSettings) served = await serveConsole(runtime, consoleSettings, log);
        if (opts.once) write(JSON.stringify(await runOnce(runtime, { shouldStop: () => stop.aborted })));
        else await runDaemon(runtime, stop, { pollCron: config.pollCron, reminderCron: config.reminderCron });
      } finally {
        // The console goes first: its requests in hand finish while the database is still open.
        try {
          await served?.close();
        } finally {
          await runtime.close();
        }
      }
    });
}
