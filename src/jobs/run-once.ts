// `foi-intake run --once`: one pass over the mailbox, then one pass over the outbox, then stop.
import { countQueued } from '../adapters/db/outbox-store.js';
import { processMailbox, type PassReport } from '../pipeline/intake/process-mailbox.js';
import { deliverOutbox, type DeliveryReport } from '../pipeline/notify/deliver-outbox.js';
import type { Runtime } from '../runtime.js';

export interface RunOnceReport {
  mailbox: PassReport;
  delivery: DeliveryReport | null;
  outboxQueued: number;
  /** Wall time of each half, for operators and the benchmark. */
  timings: { mailboxMs: number; deliveryMs: number };
}

export async function runOnce(runtime: Runtime, options: { shouldStop?: () => boolean } = {}): Promise<RunOnceReport> {
  const started = performance.now();
  const session = await runtime.openSession();
  let mailbox: PassReport;
  try {
    mailbox = await processMailbox(
      { ...runtime.pipeline, log: runtime.log, now: () => new Date(), shouldStop: options.shouldStop ?? (() => false) },
      session,
    );
  } finally {
    await session.close();
  }
  const mailboxMs = Math.round(performance.now() - started);
  const delivery = runtime.config.dryRun ? null : await deliverOutbox(deliveryDeps(runtime), { ignoreSchedule: true });
  const deliveryMs = Math.round(performance.now() - started) - mailboxMs;
  return { mailbox, delivery, outboxQueued: await countQueued(runtime.database.db), timings: { mailboxMs, deliveryMs } };
}

export function deliveryDeps(runtime: Runtime) {
  return { db: runtime.database.db, mailer: runtime.mailer, log: runtime.log, now: () => new Date(), maxAttempts: runtime.config.outboxMaxAttempts };
}
