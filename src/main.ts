#!/usr/bin/env node
// Entry point of the `foi-intake` command. The only place that installs fatal handlers and
// decides exit codes: 0 done, 1 a fault the operator must see, 2 bad configuration or usage.
import { AppError, describeError } from './errors.js';
import { buildProgram } from './cli/program.js';
import { isClockError } from './clock/index.js';

function exitCodeFor(error: unknown): number {
  if (error instanceof AppError && (error.code === 'config.invalid' || error.code === 'cli.invalid_argument')) return 2;
  if (isClockError(error)) return 2;
  return 1;
}

// `foi-intake cases list --json | head`: a closed pipe is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`foi-intake: unexpected failure: ${describeError(reason)}\n`);
  process.exit(1);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`foi-intake: ${error instanceof AppError ? error.message : describeError(error)}\n`);
  process.exitCode = exitCodeFor(error);
}
