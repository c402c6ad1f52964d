// `foi-intake cases list [--json] [--mailbox NAME]`: every case, newest last; JSON Lines in the contract's fields.
import type { Command } from 'commander';
import { listCases, type CaseListing } from '../adapters/db/case-queries.js';
import type { Db } from '../adapters/db/database.js';
import { loadConfig } from '../config.js';
import { withDatabase, type CommandContext } from './with-database.js';
import { describeAssignment } from '../pipeline/case/assign-case.js';

export function addCasesCommand(program: Command, { env, write }: CommandContext): void {
  const cases = program.command('cases').description('list and inspect cases');
  cases
    .command('list')
    .option('--json', 'one JSON object per case per line')
    .option('--mailbox <name>', 'only the cases that came in by this mailbox')
    .action(async (opts: { json?: boolean; mailbox?: string }) => {
      await withDatabase(loadConfig(env), async (database) => runCasesList(database.db, Boolean(opts.json), write, { mailbox: opts.mailbox }));
    });
}

export async function runCasesList(db: Db, json: boolean, write: (line: string) => void, filter: { mailbox?: string } = {}): Promise<void> {
  const all = await listCases(db, filter);
  for (const c of all) write(json ? JSON.stringify(c) : describeCase(c));
  if (!json && all.length === 0) write('no cases');
}

export function describeCase(c: CaseListing): string {
  const lines = [
    `${c.reference}  ${c.kind}  ${c.status}  received ${c.receivedAt.slice(0, 10)}  due ${c.dueDate ?? '-'}  ${c.subject}`,
    ...c.questions.map((q, i) => `    ${q.number ?? i + 1}. ${q.text}`),
    ...c.flagDetails.map((f) => `    ! ${f.text}`),
    ...(c.owner || c.team ? [`    ${describeAssignment({ owner: c.owner, team: c.team })}`] : []),
  ];
  return lines.join('\n');
}
