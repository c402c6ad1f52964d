// The command line (commander): each command parses its flags and calls the core. The
// configuration is loaded per command so that `analyse` and `deadline` need no mailbox settings.
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { loadConfig, requireMailConfig, type AppConfig } from '../config.js';
import { withDatabase, withMigratedDb } from './with-database.js';
import type { Db } from '../adapters/db/database.js';
import { createLogger } from '../logger.js';
import { notifyDirectoryOf, openRuntime } from '../runtime.js';
import { runReminderJobs } from '../jobs/send-reminders.js';
import { runPurge } from '../jobs/purge-job.js';
import { exportCase } from '../adapters/db/case-export.js';
import { AppError } from '../errors.js';
import { runOnce } from '../jobs/run-once.js';
import { runDaemon } from '../jobs/daemon.js';
import { runAnalyse } from './analyse-command.js';
import { runCasesList } from './cases-command.js';
import { runDeadline, runDeadlineBatch } from './deadline-command.js';
import {
  addClassifierExample, defaultEvalCorpus, evalClassifier, listClassifierVersions, trainClassifier, useClassifierVersion,
  type AddExampleOptions,
} from './classifier-command.js';
import { loadAnalysisSettings, type AnalysisSettings } from '../config/analysis-settings.js';
import { addCaseCommands } from './case-command.js';
import { addHolidayCommands } from './holidays-command.js';
import { loadTopicModel } from '../adapters/topic-model-loader.js';
import { createAnalyser } from '../pipeline/analyse/create-analyser.js';

const out = (line: string) => process.stdout.write(`${line}\n`);


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

export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('foi-intake')
    .description('Freedom of Information intake: reads the FOI mailbox, opens cases with statutory deadlines, acknowledges requesters and briefs officers.')
    .showHelpAfterError();

  program.command('migrate').description('apply database migrations (idempotent)').action(async () => {
    const config = loadConfig(env);
    await withDatabase(config, async (database) => {
      await database.migrate();
      out(JSON.stringify({ migrated: true, engine: database.engine }));
    });
  });

  program
    .command('run')
    .description('run the intake daemon (IDLE with a polling fallback) until SIGTERM/SIGINT')
    .option('--once', 'process every message now in the mailbox, send what the outbox holds, and exit')
    .action(async (opts: { once?: boolean }) => {
      const config = loadConfig(env);
      const mail = requireMailConfig(config);
      const log = createLogger(config.logLevel, opts.once ? 'stderr' : 'stdout');
      const stop = stopSignal();
      const runtime = await openRuntime(config, mail, log);
      if (!opts.once && config.senderAuth.mode === 'off' && !config.dryRun) {
        log.warn({ setting: 'FOI_SENDER_AUTH' }, 'sender authentication is off: a forged sender would be acknowledged; set FOI_TRUSTED_AUTHSERV_ID or FOI_SENDER_AUTH=verify');
      }
      try {
        if (opts.once) out(JSON.stringify(await runOnce(runtime, { shouldStop: () => stop.aborted })));
        else await runDaemon(runtime, stop, { pollCron: config.pollCron, reminderCron: config.reminderCron });
      } finally {
        await runtime.close();
      }
    });

  program
    .command('analyse')
    .description('analyse RFC 822 files (- for stdin) without touching any database or mailbox')
    .option('--json', 'print one JSON object per message, one per line (the default)')
    .argument('<files...>')
    .action(async (files: string[]) => {
      const config = loadConfig(env);
      // No database here: the model is the one every installation starts from.
      const analyse = createAnalyser(loadAnalysisSettings(config.analysisConfigPath), (await loadTopicModel(null)).model);
      const failures = await runAnalyse(files, analyse, out);
      if (failures > 0) process.exitCode = 1;
    });

  const cases = program.command('cases').description('list and inspect cases');
  cases
    .command('list')
    .option('--json', 'one JSON object per case per line')
    .option('--mailbox <name>', 'only the cases that came in by this mailbox')
    .action(async (opts: { json?: boolean; mailbox?: string }) => {
      const config = loadConfig(env);
      await withDatabase(config, async (database) => runCasesList(database.db, Boolean(opts.json), out, { mailbox: opts.mailbox }));
    });

  program
    .command('deadline')
    .description('compute a statutory deadline and explain it')
    .addOption(new Option('--regime <regime>', 'foi, eir, foisa, eisr, sar, foi_review, eir_review, foisa_review, eisr_review'))
    .option('--received <date>', 'YYYY-MM-DD or an ISO date-time (taken in Europe/London)')
    .option('--jurisdiction <jurisdiction>', 'england-and-wales, scotland or northern-ireland (default FOI_JURISDICTION)')
    .option('--clarification-sought <date>')
    .option('--clarification-received <date>')
    .option('--fee-notice-given <date>')
    .option('--fee-received <date>')
    .option('--extension <kind>', 'pit or complex')
    .option('--batch <file>', 'read JSON Lines from - (stdin); one result line per input line')
    .option('--json', 'print JSON (the default)')
    .action(async (opts: Record<string, string | undefined>) => {
      const config = loadConfig(env);
      const defaults = { jurisdiction: config.jurisdiction };
      if (opts.batch !== undefined) {
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        await runDeadlineBatch(lines, defaults, out);
        return;
      }
      out(JSON.stringify(runDeadline(opts, defaults)));
    });

  addClassifierCommands(program, env);
  addCaseCommands(program, env, out);
  program
    .command('purge')
    .description('anonymise the personal data of cases finished more than FOI_RETENTION_MONTHS ago (or before --before)')
    .option('--before <date>', 'YYYY-MM-DD: cases whose last activity is before this date')
    .action(async (opts: { before?: string }) => {
      const config = loadConfig(env);
      if (!opts.before && !config.retentionMonths) throw new AppError('cli.invalid_argument', 'set FOI_RETENTION_MONTHS or give --before DATE');
      const before = opts.before ? new Date(`${opts.before}T00:00:00Z`) : undefined;
      if (before && Number.isNaN(before.getTime())) throw new AppError('cli.invalid_argument', `--before: '${opts.before}' is not a date`);
      await withMigratedDb(config, async (db) => out(JSON.stringify(await runPurge(db, { now: new Date(), retentionMonths: config.retentionMonths, before }))));
    });
  program
    .command('export')
    .description('everything held about a case, as JSON (for a subject access request by its requester: check their identity first)')
    .argument('<reference>')
    .action(async (reference: string) => {
      const config = loadConfig(env);
      await withDatabase(config, async (database) => out(JSON.stringify(await exportCase(database.db, reference), null, 2)));
    });
  program
    .command('reminders')
    .description('queue due-soon and overdue reminders and today\'s digest now (the daemon does this on FOI_REMINDER_CRON)')
    .action(async () => {
      const config = loadConfig(env);
      await withMigratedDb(config, async (db) => out(JSON.stringify(await runReminderJobs(db, notifyDirectoryOf(config), new Date()))));
    });
  addHolidayCommands(program, env, out);
  return program;
}

function addClassifierCommands(program: Command, env: NodeJS.ProcessEnv): void {
  const classifier = program.command('classifier').description('tune the topic classifier: examples, training, evaluation, versions');
  const withTuning = (fn: (db: Db, settings: AnalysisSettings) => Promise<void>) => {
    const config = loadConfig(env);
    const settings = loadAnalysisSettings(config.analysisConfigPath);
    return withMigratedDb(config, (db) => fn(db, settings));
  };
  classifier
    .command('train')
    .description('train a new model version from fixtures/training plus stored examples, evaluate it, make it active')
    .option('--corpus <file>', 'labelled JSON Lines corpus to score the new model on', defaultEvalCorpus())
    .action((opts: { corpus: string }) => withTuning((db, settings) => trainClassifier(db, settings, opts.corpus, out).then(() => undefined)));
  classifier
    .command('eval')
    .description('precision, recall and F1 per topic and a confusion matrix for the active model')
    .option('--corpus <file>', 'labelled JSON Lines corpus', defaultEvalCorpus())
    .option('--html <file>', 'also write the report as an HTML page')
    .action((opts: { corpus: string; html?: string }) => withTuning((db, settings) => evalClassifier(db, settings, opts, out)));
  classifier
    .command('add-example')
    .description('add a training example: --topic T --text "…", or --topic T --case REF --question N')
    .requiredOption('--topic <topic>')
    .option('--text <text>')
    .option('--case <reference>')
    .option('--question <number>')
    .action((opts: AddExampleOptions) => withTuning((db, settings) => addClassifierExample(db, settings, opts, out)));
  classifier
    .command('use')
    .description('make an earlier (or later) model version the active one')
    .argument('<version>')
    .action((version: string) => withTuning((db) => useClassifierVersion(db, version, out)));
  classifier.command('list').description('every model version with its figures').action(() => withTuning((db) => listClassifierVersions(db, out)));
}
