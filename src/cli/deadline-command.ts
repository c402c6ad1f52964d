// deadline-command.ts: `foi-intake deadline`: option strings in, the contract's JSON object out,
// and the `--batch -` loop over JSON Lines, where one bad line prints an error and the rest go on.
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config.js';
import type { CommandContext } from './with-database.js';
import {
  ClockError, EXTENSIONS, JURISDICTIONS, REGIMES, computeDeadline, isClockError, isExtension, isJurisdiction, isRegime,
  type DeadlineResult, type ExtraHoliday,
} from '../clock/index.js';

/** The command's options as parsed from flags (or one JSON line), all strings, none yet checked. */
export interface DeadlineOptions {
  regime?: string | null;
  received?: string | null;
  jurisdiction?: string | null;
  clarificationSought?: string | null;
  clarificationReceived?: string | null;
  extension?: string | null;
  feeNoticeGiven?: string | null;
  feeReceived?: string | null;
}

export interface DeadlineDefaults {
  /** From FOI_JURISDICTION; used when an input gives none. */
  jurisdiction?: string | null;
  extraHolidays?: readonly ExtraHoliday[];
}

const OPTION_FIELDS = [
  'regime', 'received', 'jurisdiction', 'clarificationSought', 'clarificationReceived', 'extension',
  'feeNoticeGiven', 'feeReceived',
] as const;

// An empty flag value means the option was not given, as with commander's optional strings.
function given(value: string | null | undefined): string | undefined {
  return value == null || value.trim() === '' ? undefined : value.trim();
}

function oneOf<T extends string>(value: string | undefined, guard: (v: unknown) => v is T,
  allowed: readonly string[], field: string, code: ClockError['code']): T | undefined {
  if (value === undefined || guard(value)) return value;
  throw new ClockError(code, `${field}: '${value}' is not one of ${allowed.join(', ')}`);
}

/** `foi-intake deadline` for one set of options: the contract object, or a ClockError for bad input. */
export function runDeadline(options: DeadlineOptions, defaults: DeadlineDefaults = {}): DeadlineResult {
  const regime = oneOf(given(options.regime), isRegime, REGIMES, 'regime', 'clock.invalid_regime');
  const received = given(options.received);
  if (!regime) throw new ClockError('clock.missing_field', `regime: required, one of ${REGIMES.join(', ')}`);
  if (!received) throw new ClockError('clock.missing_field', 'received: required, YYYY-MM-DD or an ISO date-time');
  const jurisdiction = given(options.jurisdiction) ?? given(defaults.jurisdiction);
  const result = computeDeadline({
    regime,
    received,
    jurisdiction: oneOf(jurisdiction, isJurisdiction, JURISDICTIONS, 'jurisdiction', 'clock.invalid_jurisdiction'),
    clarificationSought: given(options.clarificationSought),
    clarificationReceived: given(options.clarificationReceived),
    feeNoticeGiven: given(options.feeNoticeGiven),
    feeReceived: given(options.feeReceived),
    extension: oneOf(given(options.extension), isExtension, EXTENSIONS, 'extension', 'clock.invalid_extension'),
    extraHolidays: defaults.extraHolidays ?? [],
  });
  // Rebuilt so the printed keys keep the contract's order whatever the clock adds later.
  return { regime: result.regime, received: result.received, dayOne: result.dayOne, dueDate: result.dueDate, explain: result.explain };
}

class BadLine extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function parseLine(text: string): DeadlineOptions {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BadLine('deadline.invalid_json', `not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadLine('deadline.invalid_json', 'expected a JSON object with regime and received');
  }
  const record = value as Record<string, unknown>;
  const options: DeadlineOptions = {};
  for (const field of OPTION_FIELDS) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw new BadLine('deadline.invalid_field', `${field}: expected a string, got ${Array.isArray(v) ? 'array' : typeof v}`);
    }
    options[field] = v ?? undefined;
  }
  return options;
}

export interface DeadlineBatchSummary {
  /** Input lines answered (blank lines are not inputs). */
  answered: number;
  /** Of which ended in an `{"error": ...}` line. */
  failed: number;
}

/**
 * `foi-intake deadline --batch -`: one output line per non-blank input line, in order. A bad line prints
 * `{"error", "code", "line"}` and the rest go on; an unexpected error (a bug) is rethrown, not hidden.
 */
export async function runDeadlineBatch(
  lines: AsyncIterable<string>, defaults: DeadlineDefaults, write: (line: string) => void,
): Promise<DeadlineBatchSummary> {
  const summary: DeadlineBatchSummary = { answered: 0, failed: 0 };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    summary.answered += 1;
    try {
      write(JSON.stringify(runDeadline(parseLine(text), defaults)));
    } catch (err) {
      if (!(err instanceof BadLine) && !isClockError(err)) throw err;
      summary.failed += 1;
      write(JSON.stringify({ error: err.message, code: err.code, line: lineNumber }));
    }
  }
  return summary;
}

export function addDeadlineCommand(program: Command, { env, write }: CommandContext): void {
  program
    .command('deadline')
    .description('compute a statutory deadline and explain it')
    .addOption(new Option('--regime <regime>', REGIMES.join(', ')))
    .option('--received <date>', 'YYYY-MM-DD or an ISO date-time (taken in Europe/London)')
    .option('--jurisdiction <jurisdiction>', 'england-and-wales, scotland or northern-ireland (default FOI_JURISDICTION)')
    .option('--clarification-sought <date>')
    .option('--clarification-received <date>')
    .option('--fee-notice-given <date>')
    .option('--fee-received <date>')
    .option('--extension <kind>', EXTENSIONS.join(' or '))
    .option('--batch <file>', 'read JSON Lines from - (stdin); one result line per input line')
    .option('--json', 'print JSON (the default)')
    .action(async (opts: Record<string, string | undefined>) => {
      const defaults = { jurisdiction: loadConfig(env).jurisdiction };
      if (opts.batch !== undefined) {
        await runDeadlineBatch(createInterface({ input: process.stdin, crlfDelay: Infinity }), defaults, write);
        return;
      }
      write(JSON.stringify(runDeadline(opts, defaults)));
    });
}
