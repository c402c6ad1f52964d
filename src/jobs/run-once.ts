// `foi-intake run --once`: one pass over each mailbox while the outbox is sent alongside, then a
// last pass over the outbox (retry schedule ignored: everything queued is tried now), then stop.
import { describeError } from '../errors.js';
import { createMailboxLease, type MailboxLease } from './mailbox-lease.js';
import { processMailbox, type PassReport } from '../pipeline/intake/process-mailbox.js';
import { deliverOutbox, type DeliveryReport } from '../pipeline/notify/deliver-outbox.js';
import type { MailboxRuntime, Runtime } from '../runtime.js';

export interface RunOnceReport {
  /** The first mailbox's pass; null when another instance holds its lease (it is processing it now). */
  mailbox: PassReport | null;
  /** Every mailbox's pass by name (null: another instance holds that mailbox's lease). */
  mailboxes: Record<string, PassReport | null>;
  delivery: DeliveryReport | null;
  outboxQueued: number;
  /** Wall time of each half, for operators and the benchmark. */
  timings: { mailboxMs: number; deliveryMs: number };
}

/** One pass over every mailbox at once (each under its own lease), the outbox sent alongside. */
export async function runOnce(runtime: Runtime, options: { shouldStop?: () => boolean } = {}): Promise<RunOnceReport> {
  const started = performance.now();
  const alongside = sendAlongside(runtime);
  let passes: PromiseSettledResult<PassReport | null>[];
  let early: DeliveryReport;
  try {
    passes = await Promise.allSettled(runtime.mailboxes.map((mailbox) => readMailbox(runtime, mailbox, options.shouldStop)));
  } finally {
    // Whatever happened to the mailbox passes, the sending alongside them stops before we return.
    early = await alongside.stop();
  }
  const failed = passes.flatMap((pass, i) => (pass.status === 'rejected' ? [{ name: runtime.mailboxes[i]!.name, error: pass.reason as unknown }] : []));
  for (const { name, error } of failed) runtime.log.error({ mailbox: name, err: describeError(error) }, 'mailbox pass failed');
  // The other mailboxes' passes are committed; what they queued goes out with the next run.
  if (failed.length > 0) throw failed[0]!.error;
  const mailboxes = Object.fromEntries(runtime.mailboxes.map((m, i) => [m.name, (passes[i] as PromiseFulfilledResult<PassReport | null>).value]));
  const mailboxMs = Math.round(performance.now() - started);
  const last = runtime.config.dryRun ? null : await deliverOutbox(runtime.delivery, { ignoreSchedule: true });
  const delivery = last && { sent: early.sent + last.sent, retrying: last.retrying, failed: early.failed + last.failed };
  const deliveryMs = Math.round(performance.now() - started) - mailboxMs;
  return {
    mailbox: mailboxes[runtime.mailboxes[0]!.name] ?? null, mailboxes, delivery,
    outboxQueued: await runtime.stores.outbox.countQueued(), timings: { mailboxMs, deliveryMs },
  };
}

async function readMailbox(runtime: Runtime, mailbox: MailboxRuntime, shouldStop?: () => boolean): Promise<PassReport | null> {
  const log = runtime.log.child({ mailbox: mailbox.name });
  const lease = createMailboxLease(runtime.stores.leases, mailbox.key, 'once', runtime.config.leaseSeconds * 1000);
  if (!(await waitForLease(lease, runtime.config.leaseSeconds * 1000 + 2000, shouldStop))) {
    log.warn({ mailboxKey: mailbox.key }, 'another instance holds the mailbox; only the outbox is worked');
    return null;
  }
  lease.keepAlive(() => undefined, (error) => log.warn({ err: describeError(error) }, 'lease renewal failed'));
  try {
    const session = await mailbox.openSession();
    try {
      return await processMailbox({ ...mailbox.pipeline, log, now: () => new Date(), shouldStop: shouldStop ?? (() => false) }, session);
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
      const report = await deliverOutbox(runtime.delivery, { ignoreSchedule: false });
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
