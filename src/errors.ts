// One error class for the whole app: a stable `<stage>.<reason>` code that callers and tests
// branch on, a message safe to print (never a secret, never a requester's text), and the cause.

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

/** A short description of any thrown value, for logs and stored error columns. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
