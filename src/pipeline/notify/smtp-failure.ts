// Whether an SMTP failure is worth retrying. 5xx replies are permanent except 503 (bad
// sequence: a session problem, not a verdict on the message); everything else is transient.

export interface SmtpFailureLike {
  responseCode?: number;
  code?: string;
}

export function isPermanentSmtpFailure(error: unknown): boolean {
  const responseCode = (error as SmtpFailureLike | null)?.responseCode;
  if (typeof responseCode !== 'number') return false;
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

/** Capped exponential backoff with full jitter: 30 s, 1 min, 2 min … up to 1 h. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base / 2 + (random() * base) / 2);
}
