// `foi-intake run`: IDLE on each mailbox with a node-cron polling fallback, reconnecting with
// capped, jittered backoff. On stop it finishes the message in hand, logs out and returns.
import cron from 'node-cron';
import { IMAP_RECONNECT, backoffDelayMs } from '../backoff.js';
import type { MailboxSession } from '../pipeline/intake/mailbox-session.js';
import { describeError } from '../errors.js';
import { processMailbox } from '../pipeline/intake/process-mailbox.js';
import { deliverOutbox } from '../pipeline/notify/deliver-outbox.js';
import type { MailboxRuntime, Runtime } from '../runtime.js';
import { runReminderJobs } from './send-reminders.js';
import { runPurge } from './purge-job.js';
import { createMailboxLease, type MailboxLease } from './mailbox-lease.js';
import { createObservability, type Observability } from './observability.js';

export interface DaemonOptions {
  pollCron: string;
  reminderCron: string;
  /** Called after every pass of every mailbox; tests and health checks watch it. */
  onPass?: (pass: { opened: number; held: number; mailbox: string }) => void;
}

/**
 * Every mailbox is served by its own loop (its own connection, lease and reconnect backoff), all at
 * once; reminders, the outbox and the health listener are shared. A stop ends every loop.
 */
export async function runDaemon(runtime: Runtime, stop: AbortSignal, options: DaemonOptions): Promise<void> {
  const wakers = runtime.mailboxes.map(() => new EventTarget());
  const poll = cron.schedule(options.pollCron, async () => {
    // A version an admin activated (or rolled back to) since the last poll is read before the mail is.
    await runtime.refreshModels().catch((error: unknown) => runtime.log.error({ err: describeError(error) }, 'analysis models not reloaded'));
    wakers.forEach((ticks) => ticks.dispatchEvent(new Event('tick')));
  }, {
    name: 'poll-mailbox', timezone: 'Europe/London', noOverlap: true,
  });
  const remind = () => runReminderJobs(runtime.stores.reminders, runtime.notify, new Date())
    .then((sent) => runtime.log.info(sent, 'reminder jobs done'))
    .then(() => runPurge(runtime.stores.retention, { now: new Date(), retentionMonths: runtime.config.retentionMonths }))
    .then((purged) => runtime.log.info(purged, 'retention purge done'))
    .catch((error: unknown) => runtime.log.error({ err: describeError(error) }, 'reminder jobs failed'));
  const reminders = cron.schedule(options.reminderCron, () => void remind(), { name: 'reminders', timezone: 'Europe/London', noOverlap: true });
  // What a stopped daemon missed is caught up at once: the jobs work it out from the database.
  await remind();
  const observe = createObservability(runtime);
  await observe.start();
  const delivery = createDeliveryRunner(runtime, observe);
  // A loop that fails outright stops the others too, so the process exits rather than limps.
  const halt = new AbortController();
  if (stop.aborted) halt.abort();
  stop.addEventListener('abort', () => halt.abort(), { once: true });
  try {
    const loops = runtime.mailboxes.map((mailbox, i) =>
      serveMailbox({ runtime, mailbox, ticks: wakers[i]!, stop: halt.signal, options, observe, delivery }).catch((error: unknown) => {
        halt.abort();
        throw error;
      }));
    const settled = await Promise.allSettled(loops);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await poll.stop();
    await reminders.stop();
    await observe.stop();
  }
}

interface MailboxLoop {
  runtime: Runtime;
  mailbox: MailboxRuntime;
  ticks: EventTarget;
  stop: AbortSignal;
  options: DaemonOptions;
  observe: Observability;
  delivery: DeliveryRunner;
}

/** One mailbox until the daemon stops: connect, work, reconnect with capped, jittered backoff. */
async function serveMailbox(loop: MailboxLoop): Promise<void> {
  const { runtime, mailbox, stop } = loop;
  const lease = createMailboxLease(runtime.stores.leases, mailbox.key, 'daemon', runtime.config.leaseSeconds * 1000);
  // A standby that becomes the holder works the mailbox at once rather than at the next tick.
  lease.keepAlive(() => void loop.ticks.dispatchEvent(new Event('tick')), (error) => runtime.log.warn({ mailbox: mailbox.name, err: describeError(error) }, 'lease renewal failed'));
  let failures = 0;
  try {
    while (!stop.aborted) {
      const healthy = await serveOneConnection(loop, lease);
      failures = healthy ? 0 : failures + 1;
      if (!stop.aborted) loop.observe.reconnecting(mailbox.name);
      if (!stop.aborted) await sleep(backoffDelayMs(IMAP_RECONNECT, Math.max(1, failures)), stop);
    }
  } finally {
    await lease.release();
  }
}

/** Works one IMAP connection until it drops or the daemon stops; false when it never got going. */
async function serveOneConnection(loop: MailboxLoop, lease: MailboxLease): Promise<boolean> {
  const { runtime, mailbox, stop, observe } = loop;
  const log = runtime.log.child({ mailbox: mailbox.name });
  let session: MailboxSession;
  try {
    session = await mailbox.openSession();
  } catch (error) {
    log.warn({ err: describeError(error) }, 'imap connection failed; will retry');
    return false;
  }
  log.info({ uidValidity: session.uidValidity }, 'mailbox connected');
  let passes = 0;
  try {
    while (!stop.aborted && !session.closed) {
      const mark = session.newMailMark();
      // Without the lease another daemon is reading this mailbox: stand by, work only the outbox.
      const holder = await lease.acquire();
      const pass = holder
        ? await processMailbox({ ...mailbox.pipeline, log, now: () => new Date(), shouldStop: () => stop.aborted }, session)
        : null;
      observe.passDone(mailbox.name, pass, !holder);
      const report = pass ?? { opened: 0, held: 0, duplicates: 0 };
      passes += 1;
      await loop.delivery.kick();
      log.info({ opened: report.opened, held: report.held, duplicates: report.duplicates }, 'mailbox pass done');
      loop.options.onPass?.({ opened: report.opened, held: report.held, mailbox: mailbox.name });
      const woke = await waitForWork(session, loop.ticks, stop, mark);
      if (woke === 'closed') log.warn({}, 'imap connection closed; reconnecting');
    }
  } catch (error) {
    log.error({ err: describeError(error) }, 'mailbox pass failed; reconnecting');
  } finally {
    await session.close();
  }
  return passes > 0;
}

interface DeliveryRunner {
  /** Sends what is due; resolves when a run that began after the call has finished. */
  kick(): Promise<void>;
}

/**
 * One outbox loop for every mailbox: passes ending together share a run instead of each starting
 * their own, and a request made during a run is served by one more run after it.
 */
function createDeliveryRunner(runtime: Runtime, observe: Observability): DeliveryRunner {
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const run = async () => {
    if (runtime.config.dryRun) return;
    await observe.deliveryDone(await deliverOutbox(runtime.delivery, { ignoreSchedule: false }));
  };
  const start = (): Promise<void> => (current = run().finally(() => void (current = null)));
  return {
    kick() {
      if (!current) return start();
      next ??= current.catch(() => undefined).then(() => {
        next = null;
        return start();
      });
      return next;
    },
  };
}

async function waitForWork(session: MailboxSession, ticks: EventTarget, stop: AbortSignal, since: number) {
  // A stop that came during the pass has already fired: an abort listener would never hear it.
  if (stop.aborted) return 'aborted';
  const done = new AbortController();
  const onStop = () => done.abort();
  stop.addEventListener('abort', onStop);
  const tick = new Promise<'tick'>((resolve) => ticks.addEventListener('tick', () => resolve('tick'), { once: true, signal: done.signal }));
  return Promise.race([session.waitForNewMail(done.signal, since), tick]).finally(() => {
    done.abort();
    stop.removeEventListener('abort', onStop);
  });
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (stop.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
    stop.addEventListener('abort', done);
  });
}
