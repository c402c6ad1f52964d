// The outbox worker: sends what is queued and records each outcome. An SMTP outage leaves rows
// queued for a later pass (never lost); a permanent rejection is recorded and shown to officers.
import { caseFlag } from '../../domain/case-flag.js';
import { isRequesterFacing } from '../../domain/outgoing-mail.js';
import { describeError, isAppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { crashPoint } from '../../fault-injection.js';
import { backoffDelayMs, SMTP_RETRY } from '../../backoff.js';
import type { Mailer } from './mailer.js';
import type { FailedAttempt, OutboxStore, QueuedMail } from './outbox-store.js';
import { publicRecipients } from './single-mailbox.js';
import { isPermanentSmtpFailure } from './smtp-failure.js';

export interface DeliveryDeps {
  outbox: OutboxStore;
  mailer: Mailer;
  log: Logger;
  now: () => Date;
  maxAttempts: number;
  /** How long a claimed row stays reserved for this process (it returns to the queue after). */
  claimMs?: number;
  /** Called when a row has failed for good (5xx, or its last attempt): officers are told. */
  onFailed?: (row: QueuedMail, error: string) => Promise<void>;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

const BATCH = 50;
const DEFAULT_CLAIM_MS = 60_000;
const IN_FLIGHT = 4;

export async function deliverOutbox(deps: DeliveryDeps, options: { ignoreSchedule: boolean }): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let afterId = 0;
  for (;;) {
    const rows = await deps.outbox.claim({ now: deps.now(), limit: BATCH, leaseMs: deps.claimMs ?? DEFAULT_CLAIM_MS, ignoreSchedule: options.ignoreSchedule, afterId });
    if (rows.length === 0) return report;
    afterId = rows[rows.length - 1]!.id;
    const unsent = await sendConcurrently(deps, rows, report);
    if (unsent.length > 0) {
      // The server is unreachable: the rest would fail the same way; hand them back untouched.
      await deps.outbox.release(unsent.map((r) => r.id));
      return report;
    }
  }
}

/** Sends with a few messages in flight (the SMTP pool's connections); returns rows left unsent. */
async function sendConcurrently(deps: DeliveryDeps, rows: QueuedMail[], report: DeliveryReport): Promise<QueuedMail[]> {
  const queue = [...rows];
  const recorder = createSentRecorder(deps);
  let unreachable = false;
  const worker = async () => {
    while (!unreachable) {
      const row = queue.shift();
      if (!row) return;
      const { outcome, serverUnreachable } = await deliverOne(deps, row, recorder);
      report[outcome] += 1;
      unreachable ||= serverUnreachable;
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    await recorder.drain();
  }
  return queue;
}

interface SentRecorder {
  add(row: QueuedMail): void;
  /** Resolves once every accepted row is recorded; rejects if a record failed. */
  drain(): Promise<void>;
}

/**
 * Records accepted sends in groups: whatever was accepted while the last group was being written
 * goes in the next transaction. The window between the server's acceptance and the record stays
 * a few messages wide; a crash inside it can only resend those messages, with their Message-IDs.
 */
function createSentRecorder(deps: DeliveryDeps): SentRecorder {
  let waiting: QueuedMail[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const flush = async () => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      await deps.outbox.recordSent(group, deps.now());
      for (const row of group) deps.log.info({ outboxId: row.id, caseId: row.caseId, purpose: row.purpose }, 'outgoing message sent');
    }
  };
  return {
    add(row) {
      waiting.push(row);
      if (waiting.length > 1) return; // a flush is already due to pick it up
      writing = writing.then(flush).catch((error: unknown) => {
        failure ??= error;
      });
    },
    async drain() {
      await writing;
      if (waiting.length > 0) await flush();
      if (failure !== null) throw failure;
    },
  };
}

interface DeliveryAttempt {
  outcome: keyof DeliveryReport;
  serverUnreachable: boolean;
}

async function deliverOne(deps: DeliveryDeps, row: QueuedMail, recorder: SentRecorder): Promise<DeliveryAttempt> {
  try {
    // Rows queued by an older version, or written by hand, meet the same rule as composed mail.
    if (isRequesterFacing(row.purpose)) publicRecipients(row.to.length === 1 ? row.to[0]! : null);
    await deps.mailer.send({
      messageId: row.messageId, from: row.from, to: row.to, subject: row.subject, text: row.text, html: row.html, headers: row.headers,
    });
  } catch (error) {
    const permanent = isAppError(error, 'notify.bad_recipient') || isPermanentSmtpFailure(error);
    const serverUnreachable = !permanent && typeof (error as { responseCode?: unknown }).responseCode !== 'number';
    const at = deps.now();
    const attempts = row.attempts + 1;
    const final = permanent || attempts >= deps.maxAttempts;
    const described = describeError(error);
    await deps.outbox.recordFailure(row, {
      at, error: described.slice(0, 500), attempts, final, nextAttemptAt: new Date(at.getTime() + backoffDelayMs(SMTP_RETRY, attempts)),
      caseNote: final ? undeliverableNote(row, described.slice(0, 500), attempts, at) : null,
    });
    const verdict = final ? 'failed' : 'retry';
    deps.log.warn({ outboxId: row.id, caseId: row.caseId, purpose: row.purpose, permanent, verdict }, 'outgoing message not sent');
    if (final) await deps.onFailed?.(row, described.slice(0, 300));
    return { outcome: final ? 'failed' : 'retrying', serverUnreachable };
  }
  crashPoint('after-smtp-accept-before-record');
  recorder.add(row);
  return { outcome: 'sent', serverUnreachable: false };
}

/** A message given up on is an event on its case, and a flag officers see. */
function undeliverableNote(row: QueuedMail, error: string, attempts: number, at: Date): FailedAttempt['caseNote'] {
  if (row.caseId === null) return null;
  return {
    event: {
      event: row.purpose === 'acknowledgement' ? 'acknowledgement_failed' : 'outbox_failed', at, fromStatus: null, toStatus: null,
      cause: error, details: { outboxId: row.id, attempts },
    },
    flag: caseFlag('undeliverable', `${row.purpose.replace('_', ' ')} could not be delivered: ${error}`),
  };
}
