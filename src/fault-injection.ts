// Crash points for the crash tests: with FOI_FAULT_INJECTION=<point> (and optionally
// FOI_FAULT_INJECTION_AFTER=<n>), the process kills itself with SIGKILL the n-th time it reaches
// that point, the way a power cut would. With FOI_FAULT_INJECTION_MARKER=<text>, only a message
// whose raw bytes hold that text reaches the point (the one message that crashes, or poisons, a batch).
// Unset in production, where this does nothing.

export type CrashPoint = 'after-commit-before-move' | 'after-smtp-accept-before-record' | 'during-prepare' | 'before-commit';
/** Points where a marked message makes the work in hand throw, the way a value the database refuses would. */
export type FailurePoint = 'filing-message';

let reached = 0;

export function crashPoint(point: CrashPoint, message?: Buffer): void {
  if (!reachedBy(point, message)) return;
  reached += 1;
  if (reached >= Number(process.env.FOI_FAULT_INJECTION_AFTER ?? '1')) process.kill(process.pid, 'SIGKILL');
}

export function failurePoint(point: FailurePoint, message: Buffer): void {
  if (reachedBy(point, message)) throw new Error(`injected failure at ${point}`);
}

function reachedBy(point: string, message: Buffer | undefined): boolean {
  if (process.env.FOI_FAULT_INJECTION !== point) return false;
  const marker = process.env.FOI_FAULT_INJECTION_MARKER;
  return !marker || (message !== undefined && message.includes(marker));
}

export type StallPoint = 'prepare-hang';

/**
 * With FOI_FAULT_INJECTION=<point>, the thread that reaches the point spins forever without
 * yielding, as a pathological input would: only terminating the thread ends it.
 */
export function stallPoint(point: StallPoint): void {
  if (process.env.FOI_FAULT_INJECTION !== point) return;
  for (;;);
}
