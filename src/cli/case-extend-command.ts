// `foi-intake case extend REF --pit [--until DATE]` (FOIA s.10(3): the public interest test; the requester
// is told by the statutory due date, s.17(2)) or `--complex` (EIR/EISR reg 7; a SAR, UK GDPR Art 12(3)).
// Without --until the new date is the 40th working day, the ICO's norm. The notice is queued to the requester.
import type { Command } from 'commander';
import { AppError } from '../errors.js';
import { collect, runCaseAction } from './case-action.js';
import type { CommandContext } from './with-database.js';

export function addCaseExtendCommand(command: Command, context: CommandContext): void {
  command.command('extend').description('extend the deadline: --pit (FOIA public interest, optionally --until DATE) or --complex (EIR/EISR, SAR)')
    .argument('<reference>').option('--pit').option('--complex')
    .option('--until <date>', 'with --pit: the date estimated in the notice (default the 40th working day)')
    .option('--reason <text>', 'what the requester is told (a standard sentence by default)')
    .option('--exemption <provision>', 'with --pit: the qualified exemption being weighed (repeatable)', collect)
    .option('--notice-given <date>', 'the day the requester was told, if before today (it must be by the statutory due date)')
    .action((reference: string, opts: { pit?: boolean; complex?: boolean; until?: string; reason?: string; exemption?: string[]; noticeGiven?: string }) => {
      if (Boolean(opts.pit) === Boolean(opts.complex)) throw new AppError('cli.invalid_argument', 'give exactly one of --pit or --complex');
      return runCaseAction(context, reference, {
        type: 'extend_deadline', extension: opts.pit ? 'pit' : 'complex', until: opts.until, reason: opts.reason, exemptions: opts.exemption, noticeGivenOn: opts.noticeGiven, cause: 'officer',
      });
    });
}
