// `foi-intake run [--once]`: the daemon (IDLE plus polling, until SIGTERM/SIGINT), or one pass over
// every mailbox and the outbox.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { runDaemon } from '../jobs/daemon.js';
import { runOnce } from '../jobs/run-once.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';
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

export function addRunCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('run')
    .description('run the intake daemon (IDLE with a polling fallback) until SIGTERM/SIGINT')
    .option('--once', 'process every message now in the mailbox, send what the outbox holds, and exit')
    .action(async (opts: { once?: boolean }) => {
      const config = loadConfig(env);
      const log = createLogger(config.logLevel, opts.once ? 'stderr' : 'stdout');
      const stop = stopSignal();
      const runtime = await openRuntime(config, log);
      if (!opts.once && config.senderAuth.mode === 'off' && !config.dryRun) {
        log.warn({ setting: 'FOI_SENDER_AUTH' }, 'sender authentication is off: a forged sender would be acknowledged; set FOI_TRUSTED_AUTHSERV_ID or FOI_SENDER_AUTH=verify');
      }
      try {
        if (opts.once) write(JSON.stringify(await runOnce(runtime, { shouldStop: () => stop.aborted })));
        else await runDaemon(runtime, stop, { pollCron: config.pollCron, reminderCron: config.reminderCron });
      } finally {
        await runtime.close();
      }
    });
}
