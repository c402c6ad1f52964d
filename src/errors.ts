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
  | 'prepare.timeout'
  | 'prepare.crashed'
  | 'analyse.models_invalid'
  | 'analyse.tuning_failed'
  | 'case.not_found'
  | 'case.changed'
  | 'template.missing'
  | 'notify.bad_recipient'
  | 'template.invalid'
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

/**
 * Preparing one message (parse + analyse, in a worker thread) went past its deadline: the worker was
 * terminated mid-work and replaced. Says nothing about how often it happened; the caller decides
 * whether to try again or hold the message.
 */
export class PrepareTimeoutError extends AppError {
  constructor(readonly uid: number, readonly timeoutMs: number) {
    super('prepare.timeout', `preparing message UID ${uid} took longer than ${timeoutMs} ms; its worker was stopped`);
    this.name = 'PrepareTimeoutError';
  }
}

/** The worker preparing one message died (out of memory, a native crash) before answering. */
export class PrepareCrashedError extends AppError {
  constructor(readonly uid: number, reason: string) {
    super('prepare.crashed', `the worker preparing message UID ${uid} stopped: ${reason}`);
    this.name = 'PrepareCrashedError';
  }
}

export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}

/**
 * How an adapter describes its library's errors safely, or null for errors it does not know. The
 * database adapter registers one: a failed query's message lists its parameters, which hold
 * requesters' names, addresses and text.
 */
export type ErrorDescriber = (error: unknown) => string | null;

const describers: ErrorDescriber[] = [];

/** Called once by an adapter when it is loaded, before any of its errors can be thrown. */
export function addErrorDescriber(describer: ErrorDescriber): void {
  if (!describers.includes(describer)) describers.push(describer);
}

/**
 * A short description of any thrown value, for logs and stored error columns. An AppError's own
 * message is curated to be safe to print, so its cause stays out. Other errors carry their causes
 * (a failed query says little without the connection error under it).
 */
export function describeError(error: unknown, depth = 0): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const because = cause !== undefined && cause !== null && depth < 3 ? `: ${describeError(cause, depth + 1)}` : '';
  for (const describe of describers) {
    const described = describe(error);
    if (described !== null) return `${described}${because}`;
  }
  if (error instanceof Error) return `${error.message}${because}`;
  return String(error);
}
