// Mail that cannot be taken in the usual way is held for an officer, never retried forever: a
// message too large to download whole, one whose preparation failed (or stopped the process) too
// often, one whose filing fails its transaction on its own. Decided here in pure code; the pass
// (pipeline/intake) asks, and files what is decided. Each reason starts with its code (domain/case-flag.ts),
// which is also the held row's parse outcome, so officers and queries see the same word.
import type { FlagCode } from '../../domain/case-flag.js';
import type { PreparedMessage } from './inbound-fate.js';

type HeldCode = Extract<FlagCode, 'oversize' | 'held_poison'>;
type Unreadable = Extract<PreparedMessage, { type: 'unreadable' }>;

function held(code: HeldCode, reason: string, messageId: string | null): Unreadable {
  return { type: 'unreadable', parseOutcome: code, reason: `${code}: ${reason}`, notifyOfficers: true, messageId };
}

/** Whether a message of `size` bytes (the IMAP server's RFC822.SIZE) may be downloaded and read. */
export function isOversize(size: number, maxBytes: number): boolean {
  return size > maxBytes;
}

/** An oversize message: never downloaded, so it stays whole in the held folder only. */
export function oversizeHold(size: number, maxBytes: number, messageId: string | null): Unreadable {
  const reason = `the message is ${megabytes(size)} (${size} bytes), over this mailbox's limit of ${megabytes(maxBytes)} `
    + `(FOI_MAX_MESSAGE_BYTES); it was not downloaded or read, and is kept whole only in the mail folder`;
  return held('oversize', reason, messageId);
}

/**
 * Whether a message may be prepared again. `attempts` counts this attempt too, recorded before it
 * starts: an attempt that stopped the process (out of memory, killed at a deadline) left its count.
 */
export function mayPrepare(attempts: number, maxAttempts: number): boolean {
  return attempts <= maxAttempts;
}

/** A message whose preparation failed `maxAttempts` times: held with what is known of the failure. */
export function preparationHold(maxAttempts: number, lastError: string | null): Unreadable {
  const failure = lastError
    ? `the last attempt failed: ${lastError}`
    : 'each attempt stopped the process before it finished (for example, out of memory)';
  return held('held_poison', `reading this message failed ${maxAttempts} time(s); ${failure}`, null);
}

/** A message whose filing failed its transaction even on its own: held so that intake goes on. */
export function filingHold(error: string, messageId: string | null): Unreadable {
  return held('held_poison', `the message could not be stored (its filing failed even on its own): ${error}`, messageId);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
