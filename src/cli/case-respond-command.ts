// `foi-intake case respond REF [--outcome O] [--exemption E]... [--on DATE] [--reason TEXT]`: records that the
// response was sent, and with --outcome what it decided (DESIGN.md "Outcomes and reports"). An unknown
// provision for the case's regime, or an outcome for a withdrawn case, is refused (exit 2) and nothing is
// recorded. Without --outcome it records the response alone, as it always did. `--draft` prints the
// response letter from the templates; `--send [--letter FILE]` queues it to the requester in the case's thread.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../errors.js';
import type { OutcomeAction } from '../pipeline/case/outcome/decide-outcome-action.js';
import { collect, runCaseAction } from './case-action.js';
import type { CommandContext } from './with-database.js';

interface RespondOptions {
  outcome?: string;
  exemption?: string[];
  on?: string;
  reason?: string;
  question?: string[];
  amend?: boolean;
  send?: boolean;
  letter?: string;
  draft?: boolean;
}

/** `2=refused:s40(2),s43(2)` → question 2, refused, two provisions. */
export function parseQuestionOutcome(text: string): { question: string; outcome: string; provisions: string[] } {
  const m = /^\s*([^=\s]+)\s*=\s*([a-z_]+)\s*(?::(.*))?$/.exec(text);
  if (!m) throw new AppError('cli.invalid_argument', `--question '${text}': write it as N=OUTCOME or N=OUTCOME:PROVISION,PROVISION (e.g. 2=refused:s40(2))`);
  return { question: m[1]!, outcome: m[2]!, provisions: m[3] ? m[3].split(',').map((p) => p.trim()).filter(Boolean) : [] };
}

export function addCaseRespondCommand(command: Command, context: CommandContext): void {
  command.command('respond').description('record that the response has been sent, and with --outcome what it decided')
    .argument('<reference>')
    .option('--outcome <outcome>', 'granted, part_granted, refused, not_held or part_not_held')
    .option('--exemption <provision>', 'a provision applied, e.g. s40(2), s12, reg12(4)(b) (repeatable)', collect)
    .option('--question <n=outcome[:provisions]>', "one question's outcome, e.g. 2=refused:s40(2) (repeatable)", collect)
    .option('--on <date>', 'the day the response was sent (default today, Europe/London)')
    .option('--reason <text>', 'a note for the audit trail')
    .option('--amend', 'correct the outcome of a response already recorded')
    .option('--draft', 'print the response letter from the templates; record nothing')
    .option('--send', 'send the response to the requester as a reply in the case\'s thread')
    .option('--letter <file>', 'with --send: the completed letter to send')
    .action((reference: string, opts: RespondOptions) => {
      const questions = (opts.question ?? []).map(parseQuestionOutcome);
      if (opts.outcome === undefined && questions.length === 0) {
        if ((opts.exemption ?? []).length > 0 || opts.send || opts.draft || opts.amend) {
          throw new AppError('cli.invalid_argument', '--exemption, --amend, --draft and --send go with --outcome (or --question)');
        }
        return runCaseAction(context, reference, { type: 'respond', date: opts.on, cause: opts.reason ?? 'officer' });
      }
      if (opts.letter && !opts.send) throw new AppError('cli.invalid_argument', '--letter goes with --send');
      const action: OutcomeAction = {
        type: 'record_outcome', outcome: opts.outcome, provisions: opts.exemption ?? [], questions, respondedOn: opts.on,
        amend: Boolean(opts.amend), cause: opts.reason ?? 'officer',
      };
      const letter = opts.letter ? readFileSync(opts.letter, 'utf8') : undefined;
      return runCaseAction(context, reference, action, {
        draftResponse: Boolean(opts.draft), sendResponse: opts.send ? { letter } : undefined,
      }, (outcome) => context.write(opts.draft && outcome.letter !== undefined ? outcome.letter : JSON.stringify(outcome)));
    });
}
