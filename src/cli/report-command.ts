// `foi-intake report compliance --from DATE --to DATE [--mailbox NAME] [--json|--csv|--html] [--out PATH]`:
// the requests received in the period and what became of them (DESIGN.md "Compliance counting"; every
// figure is defined in docs/compliance-statistics.md). Without a format flag: a readable table.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isIsoDate, type IsoDate } from '../clock/index.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { renderComplianceCsv, renderComplianceHtml, renderComplianceJson, renderComplianceText } from '../reports/render-compliance.js';
import { complianceReportOf } from '../runtime/compliance-report.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

interface ReportOptions { from: string; to: string; mailbox?: string; json?: boolean; csv?: boolean; html?: boolean; out?: string }

function checkedDate(value: string, flag: string): IsoDate {
  if (!isIsoDate(value)) throw new AppError('cli.invalid_argument', `${flag} '${value}' is not a date (YYYY-MM-DD)`);
  return value;
}

export function addReportCommand(program: Command, { env, write }: CommandContext): void {
  const report = program.command('report').description('statistics for publication');
  report.command('compliance').description('requests received in a period: timeliness, outcomes, exemptions, reviews, appeals')
    .requiredOption('--from <date>', 'first day of the period (date of receipt, inclusive)')
    .requiredOption('--to <date>', 'last day of the period (inclusive)')
    .option('--mailbox <name>', "only this mailbox's requests")
    .option('--json', 'one JSON object (the contract fields, then the Code, Cabinet Office and SIC tables)')
    .option('--csv', 'the same figures as CSV, for publication')
    .option('--html', 'a self-contained page with charts and a table behind each')
    .option('--out <path>', 'write to this file instead of stdout')
    .action(async (opts: ReportOptions) => {
      const from = checkedDate(opts.from, '--from');
      const to = checkedDate(opts.to, '--to');
      if (to < from) throw new AppError('cli.invalid_argument', `--to ${to} is before --from ${from}`);
      if ([opts.json, opts.csv, opts.html].filter(Boolean).length > 1) throw new AppError('cli.invalid_argument', 'give at most one of --json, --csv, --html');
      const config = loadConfig(env);
      await withMigratedDb(config, async (db) => {
        const r = await complianceReportOf(db, { from, to, mailbox: opts.mailbox ?? null, now: new Date() });
        const text = opts.json ? renderComplianceJson(r) : opts.csv ? renderComplianceCsv(r)
          : opts.html ? renderComplianceHtml(r, config.authorityName) : renderComplianceText(r);
        if (opts.out) writeFileSync(opts.out, text);
        else write(text.replace(/\n$/, ''));
      });
    });
}

// The demo reads the report the same way.
export { complianceReportOf };
