// `foi-intake case assign REF [--owner ADDRESS] [--team NAME]`: give a case to an officer, a team or both
// (`none` takes either away). The same decider as the console's assignment form; recorded as `case_assigned`.
import type { Command } from 'commander';
import { AppError } from '../errors.js';
import { runCaseAction } from './case-action.js';
import type { CommandContext } from './with-database.js';

const orNull = (value: string | undefined) => (value === undefined ? undefined : value.trim().toLowerCase() === 'none' ? null : value);

export function addCaseAssignCommand(command: Command, context: CommandContext): void {
  command.command('assign').description('give the case an owner (an officer\'s address) or a team; "none" takes it away')
    .argument('<reference>')
    .option('--owner <address>', 'the officer who has the case, or none')
    .option('--team <name>', 'the team the case is with, or none')
    .action((reference: string, opts: { owner?: string; team?: string }) => {
      if (opts.owner === undefined && opts.team === undefined) throw new AppError('cli.invalid_argument', 'give --owner, --team or both');
      return runCaseAction(context, reference, { type: 'assign', owner: orNull(opts.owner), team: orNull(opts.team) });
    });
}
