// `foi-intake case review-outcome REF --outcome upheld|part_upheld|overturned [--on DATE]`: the internal
// review's decision, judged against the review's due date (20 working days; EIR reg 11(4) 40). REF is the
// request or its linked review case. `--requested DATE` records a review asked for outside the mailbox.
import type { Command } from 'commander';
import { parentReferenceOf } from '../adapters/db/outcome-queries.js';
import { loadConfig } from '../config.js';
import { runCaseAction } from './case-action.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

/** A review case's decision belongs to the request it reviews, where the statistics read it. */
export async function requestReferenceOf(context: CommandContext, reference: string): Promise<string> {
  return withMigratedDb(loadConfig(context.env), async (db) => (await parentReferenceOf(db, reference)) ?? reference);
}

export function addCaseReviewOutcomeCommand(command: Command, context: CommandContext): void {
  command.command('review-outcome').description("record the internal review's decision on the original response")
    .argument('<reference>')
    .requiredOption('--outcome <outcome>', 'upheld, part_upheld or overturned')
    .option('--on <date>', 'the day the review decision was sent (default today)')
    .option('--requested <date>', 'when the requester asked for the review, if it did not come by the mailbox')
    .action(async (reference: string, opts: { outcome: string; on?: string; requested?: string }) => {
      const target = await requestReferenceOf(context, reference);
      await runCaseAction(context, target, { type: 'decide_review', outcome: opts.outcome, decidedOn: opts.on, requestedOn: opts.requested });
    });
}
