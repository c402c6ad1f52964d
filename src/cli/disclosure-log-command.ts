// `foi-intake export disclosure-log --html|--csv|--json [--out PATH]`: the responses officers validated for
// publication (`case publish`), with personal data removed, as a static log to publish as it is. stdout
// without --out. "disclosure-log" is a subcommand of `export`, so it is never read as a case reference.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { londonDateOf } from '../clock/index.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { renderDisclosureLogCsv, renderDisclosureLogHtml, renderDisclosureLogJson } from '../reports/disclosure-log.js';
import { disclosureLogOf } from '../runtime/disclosure-log.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export function addDisclosureLogCommand(exportCommand: Command, { env, write }: CommandContext): void {
  exportCommand.command('disclosure-log').description('the validated responses, anonymised, as a log to publish')
    .option('--html').option('--csv').option('--json').option('--out <path>', 'write to this file instead of stdout')
    .action(async (opts: { html?: boolean; csv?: boolean; json?: boolean; out?: string }) => {
      if ([opts.json, opts.csv, opts.html].filter(Boolean).length !== 1) throw new AppError('cli.invalid_argument', 'give one of --html, --csv, --json');
      const config = loadConfig(env);
      await withMigratedDb(config, async (db) => {
        const entries = await disclosureLogOf(db);
        const text = opts.json ? renderDisclosureLogJson(entries) : opts.csv ? renderDisclosureLogCsv(entries)
          : renderDisclosureLogHtml(entries, config.authorityName, londonDateOf(new Date()));
        if (opts.out) writeFileSync(opts.out, text);
        else write(text.replace(/\n$/, ''));
      });
    });
}

export { disclosureLogOf };
