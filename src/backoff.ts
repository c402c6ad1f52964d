// Capped exponential backoff with jitter, shared by IMAP reconnects and outbox retries, so that
// many daemons (or many queued messages) never retry in lock-step.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Attempt 1 waits about `baseMs`, each further attempt doubles, never beyond `capMs`; half is jitter. */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.baseMs * 2 ** Math.max(0, attempt - 1), policy.capMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const IMAP_RECONNECT: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };
export const SMTP_RETRY: BackoffPolicy = { baseMs: 30_000, capMs: 3_600_000 };
