// Whether an SMTP failure is worth retrying. 5xx replies are permanent except 503 (bad
// sequence: a session problem, not a verdict on the message); everything else is transient,
// except a message whose envelope cannot be sent at all (no usable recipient): retrying it
// can never succeed, and treating it as an unreachable server would hold back every row behind it.

export interface SmtpFailureLike {
  responseCode?: number;
  code?: string;
}

/** nodemailer's code for an envelope it refuses before talking to the server (e.g. "No recipients defined"). */
const UNSENDABLE_ENVELOPE = 'EENVELOPE';

export function isPermanentSmtpFailure(error: unknown): boolean {
  const failure = error as SmtpFailureLike | null;
  if (failure?.code === UNSENDABLE_ENVELOPE && typeof failure.responseCode !== 'number') return true;
  const responseCode = failure?.responseCode;
  if (typeof responseCode !== 'number') return false;
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}
