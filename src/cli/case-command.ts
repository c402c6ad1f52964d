// `foi-intake case show|clarify|close|withdraw|reopen REF` (respond, extend, review-outcome, appeal, publish, assign: own files): officers move a case
// through its lifecycle. Each prints the new state and due date; mail it causes is queued and
// sent by the daemon (or the next `run --once`).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { caseEventsOf, listCases } from '../adapters/db/case-queries.js';
import type { Db } from '../adapters/db/database.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import type { CaseAction } from '../pipeline/case/case-lifecycle.js';
import { describeCase } from './cases-command.js';
import { runCaseAction } from './case-action.js';
import { addCaseAppealCommand } from './case-appeal-command.js';
import { addCaseAssignCommand } from './case-assign-command.js';
import { addCaseExtendCommand } from './case-extend-command.js';
import { addCasePublishCommand } from './case-publish-command.js';
import { addCaseRespondCommand } from './case-respond-command.js';
import { addCaseReviewOutcomeCommand } from './case-review-outcome-command.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

type Write = (line: string) => void;

export async function showCase(db: Db, reference: string, json: boolean, write: Write): Promise<void> {
  const [found] = await listCases(db, { reference });
  if (!found) throw new AppError('case.not_found', `no case ${reference}`);
  const events = await caseEventsOf(db, found.id);
  if (json) return write(JSON.stringify({ ...found, events }));
  write(describeCase(found));
  for (const e of events) write(`    ${e.at.toISOString().slice(0, 16).replace('T', ' ')}  ${e.event}  ${e.fromStatus ?? '-'} → ${e.toStatus ?? '-'}  (${e.cause})`);
}

export function addCaseCommand(program: Command, { env, write }: CommandContext): void {
  const command = program.command('case').description("show a case or move it through its lifecycle");
  command.command('show').argument('<reference>').option('--json').action((reference: string, opts: { json?: boolean }) =>
    withMigratedDb(loadConfig(env), (db) => showCase(db, reference, Boolean(opts.json), write)));

  const act = (reference: string, action: CaseAction, message?: string) => runCaseAction({ env, write }, reference, action, { message });
  command.command('clarify').description('send the requester a clarification request and stop the clock (FOIA s.1(3))')
    .argument('<reference>').requiredOption('--message <file>', 'the text of the question to the requester')
    .action((reference: string, opts: { message: string }) => act(reference, { type: 'seek_clarification', cause: 'officer' }, readFileSync(opts.message, 'utf8')));
  for (const [name, type, description] of [
    ['close', 'close', 'close the case'],
    ['withdraw', 'withdraw', 'the requester withdrew the request'],
    ['reopen', 'reopen', 'reopen a closed, responded or withdrawn case'],
  ] as const) {
    command.command(name).description(description).argument('<reference>').option('--reason <text>')
      .action((reference: string, opts: { reason?: string }) => act(reference, { type, reason: opts.reason, cause: 'officer' } as CaseAction));
  }
  for (const add of [addCaseRespondCommand, addCaseExtendCommand, addCaseReviewOutcomeCommand, addCaseAppealCommand, addCasePublishCommand, addCaseAssignCommand]) add(command, { env, write });
}
