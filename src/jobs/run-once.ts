// `foi-intake run --once`: one pass over the mailbox while the outbox is sent alongside it, then a
// last pass over the outbox (retry schedule ignored: everything queued is tried now), then stop.
import { countQueued, type OutboxRow } from '../adapters/db/outbox-store.js';
import { queueDeliveryAlert } from '../adapters/db/delivery-alert.js';
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
  const alongside = sendAlongside(runtime);
  let mailbox: PassReport | null;
  let early: DeliveryReport;
  try {
    mailbox = await readMailbox(runtime, lease, options.shouldStop);
  } finally {
    // Whatever happened to the mailbox pass, the sending alongside it stops before we return.
    early = await alongside.stop();
  }
  const mailboxMs = Math.round(performance.now() - started);
  const last = runtime.config.dryRun ? null : await deliverOutbox(deliveryDeps(runtime), { ignoreSchedule: true });
  const delivery = last && { sent: early.sent + last.sent, retrying: last.retrying, failed: early.failed + last.failed };
  const deliveryMs = Math.round(performance.now() - started) - mailboxMs;
  return { mailbox, delivery, outboxQueued: await countQueued(runtime.database.db), timings: { mailboxMs, deliveryMs } };
}

async function readMailbox(runtime: Runtime, lease: MailboxLease, shouldStop?: () => boolean): Promise<PassReport | null> {
  if (!(await waitForLease(lease, runtime.config.leaseSeconds * 1000 + 2000, shouldStop))) {
    runtime.log.warn({ mailbox: runtime.pipeline.settings.mailbox }, 'another instance holds the mailbox; only the outbox is worked');
    return null;
  }
  lease.keepAlive(() => undefined, (error) => runtime.log.warn({ err: describeError(error) }, 'lease renewal failed'));
  try {
    const session = await runtime.openSession();
    try {
      return await processMailbox(
        { ...runtime.pipeline, log: runtime.log, now: () => new Date(), shouldStop: shouldStop ?? (() => false) },
        session,
      );
    } finally {
      await session.close();
    }
  } finally {
    await lease.release();
  }
}

/**
 * Acknowledgements go out while later messages are still being read: the two wait on different
 * servers, so overlapping them shortens a backlog. Failed rows keep their retry schedule here.
 */
function sendAlongside(runtime: Runtime): { stop(): Promise<DeliveryReport> } {
  const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let stopped = runtime.config.dryRun;
  const loop = (async () => {
    while (!stopped) {
      const report = await deliverOutbox(deliveryDeps(runtime), { ignoreSchedule: false });
      total.sent += report.sent;
      total.failed += report.failed;
      if (report.sent + report.retrying + report.failed === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return total;
    },
  };
}

export function deliveryDeps(runtime: Runtime) {
  return {
    db: runtime.database.db, mailer: runtime.mailer, log: runtime.log, now: () => new Date(), maxAttempts: runtime.config.outboxMaxAttempts,
    // A claim outlives any one send; a process killed mid-send gives its rows back this soon.
    claimMs: runtime.config.leaseSeconds * 2000,
    onFailed: (row: OutboxRow, error: string) => queueDeliveryAlert(runtime.database.db, runtime.pipeline.settings.notify, row, error),
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
