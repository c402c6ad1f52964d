// `foi-intake export disclosure-log --html|--csv|--json [--out PATH]`: the responses officers validated for
// publication (`case publish`), with personal data removed, as a static log to publish as it is. stdout
// without --out. "disclosure-log" is a subcommand of `export`, so it is never read as a case reference.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../adapters/db/database.js';
import { loadCasesWithHistory, loadPublishedCaseDetails } from '../adapters/db/outcome-queries.js';
import { londonDateOf } from '../clock/index.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { outcomeCaseFromEvents } from '../pipeline/case/outcome/outcome-case.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import {
  disclosureEntries, renderDisclosureLogCsv, renderDisclosureLogHtml, renderDisclosureLogJson, type DisclosureEntry, type DisclosureSource,
} from '../reports/disclosure-log.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

// The request as the requester wrote it; the questions split at intake when the message is gone (purged) or unreadable.
async function requestTextOf(raw: Buffer | null, questions: readonly string[]): Promise<string> {
  if (raw) {
    try {
      const text = (await parseMail(raw)).text.trim();
      if (text) return text;
    } catch {
      // Unreadable mail still has its questions, split when it arrived: the entry falls back to them.
    }
  }
  return questions.join('\n');
}

export async function disclosureLogOf(db: Db): Promise<DisclosureEntry[]> {
  const loaded = await loadCasesWithHistory(db, { validatedOnly: true });
  const details = await loadPublishedCaseDetails(db, loaded.map((c) => c.id));
  const sources: DisclosureSource[] = [];
  for (const c of loaded) {
    const d = details.get(c.id);
    if (!d) continue;
    const oc = outcomeCaseFromEvents(c.source, c.events);
    sources.push({
      reference: oc.reference, regime: oc.regime, receivedDate: oc.receivedDate, respondedOn: oc.respondedOn, subject: d.subject,
      requestText: await requestTextOf(d.raw, d.questions), questions: d.questions, requester: d.requester, outcome: oc.outcome,
      provisions: oc.provisions, attachments: d.attachments, validated: oc.validated,
    });
  }
  return disclosureEntries(sources);
}

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
