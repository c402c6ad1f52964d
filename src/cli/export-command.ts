// `foi-intake export REF`: everything held about a case, as JSON, for a subject access request by
// its requester (UK GDPR Art 15). Raw mail is read back into text here; hostile or broken mail is
// still disclosed, as its raw bytes.
import type { Command } from 'commander';
import { loadCaseExport, type CaseExport, type ExportedInbound, type StoredInbound } from '../adapters/db/case-export.js';
import type { Db } from '../adapters/db/database.js';
import { loadConfig } from '../config.js';
import { describeError } from '../errors.js';
import { parseMail } from '../pipeline/parse/parse-mail.js';
import { addDisclosureLogCommand } from './disclosure-log-command.js';
import { withDatabase, type CommandContext } from './with-database.js';

export function addExportCommand(program: Command, { env, write }: CommandContext): void {
  const command = program
    .command('export')
    .description('everything held about a case, as JSON (for a subject access request by its requester: check their identity first)')
    .argument('<reference>')
    .action(async (reference: string) => {
      await withDatabase(loadConfig(env), async (database) => write(JSON.stringify(await exportCase(database.db, reference, new Date()), null, 2)));
    });
  addDisclosureLogCommand(command, { env, write });
}

/** Throws AppError('case.not_found') for an unknown reference. */
export async function exportCase(db: Db, reference: string, now: Date): Promise<CaseExport> {
  const stored = await loadCaseExport(db, reference, now);
  return { ...stored, inboundMessages: await Promise.all(stored.inboundMessages.map(readInbound)) };
}

async function readInbound({ raw, ...base }: StoredInbound): Promise<ExportedInbound> {
  if (!raw) return { ...base, parsed: null, parseError: null, rawBase64: null };
  const rawBase64 = raw.toString('base64');
  try {
    const mail = await parseMail(raw);
    const parsed = {
      from: mail.from ? formatAddress(mail.from) : null, to: mail.to.map(formatAddress), subject: mail.subject,
      date: mail.date ? mail.date.toISOString() : null, text: mail.text,
    };
    return { ...base, parsed, parseError: null, rawBase64 };
  } catch (error) {
    return { ...base, parsed: null, parseError: describeError(error), rawBase64 };
  }
}

function formatAddress(a: { name: string; address: string }): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}
