// `foi-intake import cases FILE.csv [--dry-run]`: a team's old tracker becomes cases (docs/adopting.md).
// The whole file is checked first; a bad row is exit 2 with its line and reason, and nothing is imported.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadExtraHolidays } from '../adapters/db/holiday-store.js';
import { createImportStore } from '../adapters/db/import-store.js';
import { londonDateOf } from '../clock/index.js';
import { loadConfig, type AppConfig } from '../config.js';
import { AppError, describeError } from '../errors.js';
import { importTracker, type ImportReport } from '../pipeline/import/import-tracker.js';
import type { ImportSummary } from '../pipeline/import/summarise-import.js';
import { composeImportSummary } from '../pipeline/notify/compose-import-summary.js';
import { notifyDirectoryOf } from '../runtime/notify-directory.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export function addImportCommand(program: Command, { env, write }: CommandContext): void {
  const imports = program.command('import').description('bring in what a team kept before foi-intake');
  imports
    .command('cases')
    .argument('<file>', 'the tracker saved as CSV (a header row; the ICO template\'s columns are accepted)')
    .option('--dry-run', 'check the file and report what would be imported; change nothing')
    .action((file: string, opts: { dryRun?: boolean }) => {
      const config = loadConfig(env);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (cause) {
        throw new AppError('cli.invalid_argument', `FILE: ${file} cannot be read: ${describeError(cause)}`, { cause });
      }
      return withMigratedDb(config, async (db) => {
        const now = new Date();
        const report = await importTracker(createImportStore(db), {
          file: bytes, fileName: basename(file), jurisdiction: config.jurisdiction, mailbox: config.mailboxName,
          referenceFormats: [config.referenceFormat, ...config.extraMailboxes.map((m) => m.referenceFormat)],
          today: londonDateOf(now), now, extraHolidays: await loadExtraHolidays(db), dryRun: Boolean(opts.dryRun),
          composeSummary: summaryComposer(config, basename(file), londonDateOf(now)),
        });
        writeReport(report, file, write);
      });
    });
}

/** Officers are told when the installation can write to them; an import works without FOI_FROM too. */
function summaryComposer(config: AppConfig, fileName: string, today: string): ((summary: ImportSummary) => ReturnType<typeof composeImportSummary>) | null {
  if (!config.from || !config.officers) return null;
  const notify = notifyDirectoryOf(config).settingsOf(config.mailboxName);
  return (summary) => composeImportSummary({ summary, mailbox: config.mailboxName, today, source: { kind: 'file', fileName } }, notify);
}

// Problems name lines and columns, never the personal data in them (they reach terminals and logs).
function writeReport(report: ImportReport, file: string, write: (line: string) => void): void {
  if (!report.ok) {
    const lines = report.problems.map((p) => `${file} line ${p.line}: ${p.reason}`);
    throw new AppError('cli.invalid_argument', `nothing imported: ${lines.length} problem(s)\n${lines.join('\n')}`);
  }
  const { summary } = report;
  write(JSON.stringify({
    dryRun: report.dryRun, imported: report.imported.length, unchanged: report.unchanged.length,
    references: report.imported, ignoredColumns: report.ignoredColumns,
    awaitingResponse: summary?.awaitingResponse ?? 0, overdue: summary?.overdue.map((o) => o.reference) ?? [],
    needAttention: summary?.urgent.map((o) => o.reference) ?? [],
  }));
}
