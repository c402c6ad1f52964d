// Crash points for the crash tests: with FOI_FAULT_INJECTION=<point> (and optionally
// FOI_FAULT_INJECTION_AFTER=<n>), the process kills itself with SIGKILL the n-th time it reaches
// that point, the way a power cut would. Unset in production, where this does nothing.

export type CrashPoint = 'after-commit-before-move' | 'after-smtp-accept-before-record';

let reached = 0;

export function crashPoint(point: CrashPoint): void {
  if (process.env.FOI_FAULT_INJECTION !== point) return;
  reached += 1;
  if (reached >= Number(process.env.FOI_FAULT_INJECTION_AFTER ?? '1')) process.kill(process.pid, 'SIGKILL');
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
