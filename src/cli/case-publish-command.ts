// `foi-intake case publish REF [--attachment NAME]...`: an officer confirms the response is anonymised and
// may go in the disclosure log (`export disclosure-log`), naming the files released with it.
import type { Command } from 'commander';
import { collect, runCaseAction } from './case-action.js';
import type { CommandContext } from './with-database.js';

export function addCasePublishCommand(command: Command, context: CommandContext): void {
  command.command('publish').description('mark the response as checked and anonymised, for the disclosure log')
    .argument('<reference>')
    .option('--attachment <name>', 'the name of a file released with the response (repeatable)', collect)
    .action((reference: string, opts: { attachment?: string[] }) =>
      runCaseAction(context, reference, { type: 'validate_publication', attachments: opts.attachment }));
}
