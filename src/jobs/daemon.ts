// `foi-intake run`: IDLE on the mailbox with a node-cron polling fallback, reconnecting with
// capped, jittered backoff. On stop it finishes the message in hand, logs out and returns.
import cron from 'node-cron';
import { IMAP_RECONNECT, backoffDelayMs } from '../backoff.js';
import type { MailboxSession } from '../adapters/imap/imap-mailbox.js';
import { describeError } from '../errors.js';
import { processMailbox } from '../pipeline/intake/process-mailbox.js';
import { deliverOutbox } from '../pipeline/notify/deliver-outbox.js';
import type { Runtime } from '../runtime.js';
import { deliveryDeps } from './run-once.js';
import { runReminderJobs } from './send-reminders.js';
import { runPurge } from './purge-job.js';
import { createMailboxLease, type MailboxLease } from './mailbox-lease.js';
import { createObservability, type Observability } from './observability.js';

export interface DaemonOptions {
  pollCron: string;
  reminderCron: string;
  /** Called after every pass; tests and health checks watch it. */
  onPass?: (pass: { opened: number; held: number }) => void;
}

export async function runDaemon(runtime: Runtime, stop: AbortSignal, options: DaemonOptions): Promise<void> {
  const ticks = new EventTarget();
  const poll = cron.schedule(options.pollCron, () => void ticks.dispatchEvent(new Event('tick')), {
    name: 'poll-mailbox', timezone: 'Europe/London', noOverlap: true,
  });
  const remind = () => runReminderJobs(runtime.database.db, runtime.pipeline.settings.notify, new Date())
    .then((sent) => runtime.log.info(sent, 'reminder jobs done'))
    .then(() => runPurge(runtime.database.db, { now: new Date(), retentionMonths: runtime.config.retentionMonths }))
    .then((purged) => runtime.log.info(purged, 'retention purge done'))
    .catch((error: unknown) => runtime.log.error({ err: describeError(error) }, 'reminder jobs failed'));
  const reminders = cron.schedule(options.reminderCron, () => void remind(), { name: 'reminders', timezone: 'Europe/London', noOverlap: true });
  // What a stopped daemon missed is caught up at once: the jobs work it out from the database.
  await remind();
  const observe = createObservability(runtime);
  await observe.start();
  const lease = createMailboxLease(runtime.database.db, runtime.pipeline.settings.mailbox, 'daemon', runtime.config.leaseSeconds * 1000);
  // A standby that becomes the holder works the mailbox at once rather than at the next tick.
  lease.keepAlive(() => void ticks.dispatchEvent(new Event('tick')), (error) => runtime.log.warn({ err: describeError(error) }, 'lease renewal failed'));
  let failures = 0;
  try {
    while (!stop.aborted) {
      const healthy = await serveOneConnection(runtime, stop, ticks, options, lease, observe);
      failures = healthy ? 0 : failures + 1;
      if (!stop.aborted) observe.reconnecting();
      if (!stop.aborted) await sleep(backoffDelayMs(IMAP_RECONNECT, Math.max(1, failures)), stop);
    }
  } finally {
    await poll.stop();
    await reminders.stop();
    await lease.release();
    await observe.stop();
  }
}

/** Works one IMAP connection until it drops or the daemon stops; false when it never got going. */
async function serveOneConnection(
  runtime: Runtime, stop: AbortSignal, ticks: EventTarget, options: DaemonOptions, lease: MailboxLease, observe: Observability,
): Promise<boolean> {
  let session: MailboxSession;
  try {
    session = await runtime.openSession();
  } catch (error) {
    runtime.log.warn({ err: describeError(error) }, 'imap connection failed; will retry');
    return false;
  }
  runtime.log.info({ uidValidity: session.uidValidity }, 'mailbox connected');
  let passes = 0;
  try {
    while (!stop.aborted && !session.closed) {
      const mark = session.newMailMark();
      // Without the lease another daemon is reading this mailbox: stand by, work only the outbox.
      const holder = await lease.acquire();
      const pass = holder
        ? await processMailbox({ ...runtime.pipeline, log: runtime.log, now: () => new Date(), shouldStop: () => stop.aborted }, session)
        : null;
      observe.passDone(pass, !holder);
      const report = pass ?? { opened: 0, held: 0, duplicates: 0 };
      passes += 1;
      if (!runtime.config.dryRun) await observe.deliveryDone(await deliverOutbox(deliveryDeps(runtime), { ignoreSchedule: false }));
      runtime.log.info({ opened: report.opened, held: report.held, duplicates: report.duplicates }, 'mailbox pass done');
      options.onPass?.({ opened: report.opened, held: report.held });
      const woke = await waitForWork(session, ticks, stop, mark);
      if (woke === 'closed') runtime.log.warn({}, 'imap connection closed; reconnecting');
    }
  } catch (error) {
    runtime.log.error({ err: describeError(error) }, 'mailbox pass failed; reconnecting');
  } finally {
    await session.close();
  }
  return passes > 0;
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
