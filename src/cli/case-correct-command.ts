// `foi-intake case correct REF [--kind K] [--topic N=TOPIC]... [--s16 yes|no] [--pi yes|no]
// [--split N --at TEXT] [--merge N,M]`: an officer corrects how a case was read. The case's analysis is
// updated, the change is audited, and each correction is stored as a labelled example for
// `classifier train`. Prints one JSON line: what changed.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createCorrectionStore } from '../adapters/db/correction-store.js';
import { loadConfig } from '../config.js';
import { loadAnalysisSettings } from '../config/analysis-settings.js';
import { REQUEST_KINDS, type RequestKind } from '../domain/request-analysis.js';
import { AppError } from '../errors.js';
import type { CaseCorrection } from '../pipeline/case/correct-analysis.js';
import { correctCase } from '../pipeline/case/correct-case.js';
import { withMigratedDb, type CommandContext } from './with-database.js';

export interface CorrectOptions {
  kind?: string;
  topic?: string[];
  s16?: string;
  pi?: string;
  split?: string;
  at?: string;
  merge?: string;
}

function yesNo(flag: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new AppError('cli.invalid_argument', `${flag} must be yes or no`);
}

/** The command line's words as a correction; every mistake is a usage error (exit 2), nothing stored. */
export function correctionOf(opts: CorrectOptions): CaseCorrection {
  if (opts.kind !== undefined && !(REQUEST_KINDS as readonly string[]).includes(opts.kind)) {
    throw new AppError('cli.invalid_argument', `--kind must be one of ${REQUEST_KINDS.join(', ')}`);
  }
  if ((opts.split === undefined) !== (opts.at === undefined)) throw new AppError('cli.invalid_argument', '--split N needs --at TEXT (and --at needs --split)');
  const merge = opts.merge?.split(',').map((n) => n.trim());
  if (merge && (merge.length !== 2 || merge.some((n) => !n))) throw new AppError('cli.invalid_argument', '--merge takes two question numbers: --merge N,M');
  const topics = (opts.topic ?? []).map((pair) => {
    const [question, topic] = pair.split('=').map((s) => s.trim());
    if (!question || !topic) throw new AppError('cli.invalid_argument', `--topic takes N=TOPIC, not "${pair}"`);
    return { question, topic };
  });
  return {
    kind: opts.kind as RequestKind | undefined,
    topics,
    section16: yesNo('--s16', opts.s16),
    publicInterest: yesNo('--pi', opts.pi),
    split: opts.split !== undefined && opts.at !== undefined ? { question: opts.split, at: opts.at } : undefined,
    merge: merge as [string, string] | undefined,
  };
}

export function addCaseCorrectCommand(program: Command, { env, write }: CommandContext): void {
  const caseCommand = program.commands.find((c) => c.name() === 'case') ?? program.command('case');
  caseCommand
    .command('correct')
    .description("correct how a case was read (kind, a question's topic, s.16, public interest, questions split or merged); each correction is kept to train on")
    .argument('<reference>')
    .option('--kind <kind>', `the kind: ${REQUEST_KINDS.join(', ')}`)
    .option('--topic <N=TOPIC>', 'the topic of question N (repeatable)', (value: string, all: string[] = []) => [...all, value])
    .option('--s16 <yes|no>', 'whether the request invokes s.16 advice and assistance')
    .option('--pi <yes|no>', 'whether the request argues the public interest')
    .option('--split <N>', 'split question N in two …')
    .option('--at <text>', '… where these words begin the second part')
    .option('--merge <N,M>', 'merge questions N and M into one')
    .action((reference: string, opts: CorrectOptions) => {
      const correction = correctionOf(opts);
      const config = loadConfig(env);
      const { topics } = loadAnalysisSettings(config.analysisConfigPath);
      return withMigratedDb(config, async (db) => {
        write(JSON.stringify(await correctCase(createCorrectionStore(db), reference, correction, { now: new Date(), topics, actor: cliActor() })));
      });
    });
}

/** Who runs the command, for the labelled examples and the event: the OS user, else `cli` (no user database, e.g. a bare container uid). */
export function cliActor(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // userInfo throws when the uid has no passwd entry: the label is still kept, as the CLI's.
    return 'cli';
  }
}
