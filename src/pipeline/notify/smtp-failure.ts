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
