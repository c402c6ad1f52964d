// One error class for the whole app: a stable `<stage>.<reason>` code that callers and tests
// branch on, a message safe to print (never a secret, never a requester's text), and the cause.
import { DrizzleQueryError } from 'drizzle-orm';

export type ErrorCode =
  | 'config.invalid'
  | 'db.unavailable'
  | 'db.migration_failed'
  | 'imap.connect_failed'
  | 'imap.message_vanished'
  | 'imap.move_failed'
  | 'parse.unreadable_mime'
  | 'parse.missing_sender'
  | 'parse.empty_message'
  | 'analyse.failed'
  | 'case.not_found'
  | 'template.missing'
  | 'smtp.rejected_permanent'
  | 'smtp.transient'
  | 'cli.invalid_argument';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}

/**
 * A short description of any thrown value, for logs and stored error columns. An AppError's own
 * message is curated to be safe to print, so its cause stays out. Other errors carry their causes
 * (a failed query says little without the connection error under it), but a failed query's
 * parameters are left out: they hold requesters' names, addresses and text.
 */
export function describeError(error: unknown, depth = 0): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const because = cause !== undefined && cause !== null && depth < 3 ? `: ${describeError(cause, depth + 1)}` : '';
  if (error instanceof DrizzleQueryError) return `database query failed (${error.query.slice(0, 60)}…)${because}`;
  if (error instanceof Error) return `${error.message}${because}`;
  return String(error);
}
