// `foi-intake run --once`: one pass over the mailbox, then one pass over the outbox, then stop.
import { countQueued } from '../adapters/db/outbox-store.js';
import { describeError } from '../errors.js';
import { createMailboxLease, type MailboxLease } from './mailbox-lease.js';
import { processMailbox, type PassReport } from '../pipeline/intake/process-mailbox.js';
import { deliverOutbox, type DeliveryReport } from '../pipeline/notify/deliver-outbox.js';
import type { Runtime } from '../runtime.js';

export interface RunOnceReport {
  /** Null when another instance holds the mailbox's lease (it is processing it now). */
  mailbox: PassReport | null;
  delivery: DeliveryReport | null;
  outboxQueued: number;
  /** Wall time of each half, for operators and the benchmark. */
  timings: { mailboxMs: number; deliveryMs: number };
}

export async function runOnce(runtime: Runtime, options: { shouldStop?: () => boolean } = {}): Promise<RunOnceReport> {
  const started = performance.now();
  const { db } = runtime.database;
  const mailboxKey = runtime.pipeline.settings.mailbox;
  const lease = createMailboxLease(db, mailboxKey, 'once', runtime.config.leaseSeconds * 1000);
  let mailbox: PassReport | null = null;
  if (await waitForLease(lease, runtime.config.leaseSeconds * 1000 + 2000, options.shouldStop)) {
    lease.keepAlive(() => undefined, (error) => runtime.log.warn({ err: describeError(error) }, 'lease renewal failed'));
    try {
      const session = await runtime.openSession();
      try {
        mailbox = await processMailbox(
          { ...runtime.pipeline, log: runtime.log, now: () => new Date(), shouldStop: options.shouldStop ?? (() => false) },
          session,
        );
      } finally {
        await session.close();
      }
    } finally {
      await lease.release();
    }
  } else {
    runtime.log.warn({ mailbox: mailboxKey }, 'another instance holds the mailbox; only the outbox is worked');
  }
  const mailboxMs = Math.round(performance.now() - started);
  const delivery = runtime.config.dryRun ? null : await deliverOutbox(deliveryDeps(runtime), { ignoreSchedule: true });
  const deliveryMs = Math.round(performance.now() - started) - mailboxMs;
  return { mailbox, delivery, outboxQueued: await countQueued(runtime.database.db), timings: { mailboxMs, deliveryMs } };
}

export function deliveryDeps(runtime: Runtime) {
  return {
    db: runtime.database.db, mailer: runtime.mailer, log: runtime.log, now: () => new Date(), maxAttempts: runtime.config.outboxMaxAttempts,
    // A claim outlives any one send; a process killed mid-send gives its rows back this soon.
    claimMs: runtime.config.leaseSeconds * 2000,
  };
}


/**
 * A run that starts just after another was killed finds its lease still standing; the lease
 * lapses within its own length, so wait that long before concluding another instance is alive.
 */
async function waitForLease(lease: MailboxLease, maxWaitMs: number, shouldStop?: () => boolean): Promise<boolean> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    if (await lease.acquire()) return true;
    if (Date.now() >= deadline || shouldStop?.()) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
