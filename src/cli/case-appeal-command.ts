// `foi-intake case appeal REF --decision-notice ID --outcome upheld|part_upheld|overturned [--on DATE]`: the
// Information Commissioner's (FOIA s.50; EIR reg 18) or the Scottish Information Commissioner's (FOISA s.47)
// decision on the request, with its decision notice reference. "upheld": the authority's decision stood.
import type { Command } from 'commander';
import { runCaseAction } from './case-action.js';
import { requestReferenceOf } from './case-review-outcome-command.js';
import type { CommandContext } from './with-database.js';

export function addCaseAppealCommand(command: Command, context: CommandContext): void {
  command.command('appeal').description("record the Commissioner's decision notice on the request")
    .argument('<reference>')
    .requiredOption('--decision-notice <id>', 'e.g. IC-123456-A1B2, FS50123456, Decision 123/2024')
    .requiredOption('--outcome <outcome>', "upheld, part_upheld or overturned (what became of the authority's decision)")
    .option('--on <date>', 'the date of the decision notice (default today)')
    .action(async (reference: string, opts: { decisionNotice: string; outcome: string; on?: string }) => {
      const target = await requestReferenceOf(context, reference);
      await runCaseAction(context, target, { type: 'decide_appeal', decisionNotice: opts.decisionNotice, outcome: opts.outcome, decidedOn: opts.on });
    });
}
