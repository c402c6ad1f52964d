// What the daemon tells operators: Prometheus metrics and the /healthz answer, fed from each
// mailbox's passes and each outbox run. The listener starts only when FOI_HEALTH_PORT is set.
import type { PassReport } from '../pipeline/intake/process-mailbox.js';
import type { DeliveryReport } from '../pipeline/notify/deliver-outbox.js';
import { startHealthServer, type HealthServer, type HealthState, type MailboxHealth } from '../ops/health-server.js';
import { createMetrics, type Metrics } from '../ops/metrics.js';
import type { Runtime } from '../runtime.js';

export interface Observability {
  metrics: Metrics;
  passDone(mailbox: string, report: PassReport | null, standby: boolean): void;
  deliveryDone(report: DeliveryReport): Promise<void>;
  reconnecting(mailbox: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole daemon's mailbox state is its worst mailbox's: one reconnecting is degraded; all
 * standing by is standby. Its last poll is the oldest, so a stuck mailbox is not hidden by a busy one.
 */
export function overallMailboxHealth(mailboxes: readonly MailboxHealth[]): Pick<HealthState, 'mailbox' | 'lastPollAt'> {
  const mailbox = mailboxes.some((m) => m.status === 'reconnecting')
    ? 'reconnecting'
    : mailboxes.some((m) => m.status === 'connected') ? 'connected' : 'standby';
  const polls = mailboxes.map((m) => m.lastPollAt);
  const lastPollAt = polls.some((p) => p === null) ? null : new Date(Math.min(...polls.map((p) => p!.getTime())));
  return { mailbox, lastPollAt };
}

export function createObservability(runtime: Runtime): Observability {
  const names = runtime.mailboxes.map((m) => m.name);
  const metrics = createMetrics({ processMetrics: true, mailboxes: names });
  const mailboxes = new Map<string, MailboxHealth>(names.map((name) => [name, { name, status: 'reconnecting', lastPollAt: null }]));
  let server: HealthServer | null = null;
  const health = async (): Promise<HealthState> => {
    const each = [...mailboxes.values()].map((m) => ({ ...m }));
    const overall = overallMailboxHealth(each);
    try {
      const backlog = await runtime.stores.outbox.countQueued();
      return { database: 'ok', ...overall, outboxBacklog: backlog, mailboxes: each };
    } catch {
      return { database: 'unreachable', ...overall, outboxBacklog: null, mailboxes: each };
    }
  };
  const set = (name: string, change: Partial<MailboxHealth>) => {
    const known = mailboxes.get(name) ?? { name, status: 'reconnecting', lastPollAt: null };
    mailboxes.set(name, { ...known, ...change });
  };
  return {
    metrics,
    passDone(mailbox, report, standby) {
      const at = new Date();
      set(mailbox, { status: standby ? 'standby' : 'connected', lastPollAt: at });
      metrics.setMailboxState(mailbox, { connected: true, lastPollAt: at });
      if (report) metrics.recordPass(report, mailbox);
    },
    async deliveryDone(report) {
      metrics.recordDelivery(report);
      metrics.setOutboxBacklog(await runtime.stores.outbox.countQueued());
    },
    reconnecting(mailbox) {
      set(mailbox, { status: 'reconnecting' });
      metrics.setMailboxState(mailbox, { connected: false });
      metrics.recordReconnect(mailbox);
    },
    async start() {
      const config = runtime.config.health;
      if (!config) return;
      server = await startHealthServer({ port: config.port, host: config.host, metrics, health });
      runtime.log.info({ port: server.port }, 'health and metrics listening');
    },
    async stop() {
      await server?.close();
    },
  };
}
