// What the daemon tells operators: Prometheus metrics and the /healthz answer, fed from each pass
// and each outbox run. The listener starts only when FOI_HEALTH_PORT is set.
import { countQueued } from '../adapters/db/outbox-store.js';
import type { PassReport } from '../pipeline/intake/process-mailbox.js';
import type { DeliveryReport } from '../pipeline/notify/deliver-outbox.js';
import { startHealthServer, type HealthServer, type HealthState } from '../ops/health-server.js';
import { createMetrics, type Metrics } from '../ops/metrics.js';
import type { Runtime } from '../runtime.js';

export interface Observability {
  metrics: Metrics;
  passDone(report: PassReport | null, standby: boolean): void;
  deliveryDone(report: DeliveryReport): Promise<void>;
  reconnecting(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createObservability(runtime: Runtime): Observability {
  const metrics = createMetrics({ processMetrics: true });
  let mailbox: HealthState['mailbox'] = 'reconnecting';
  let lastPollAt: Date | null = null;
  let server: HealthServer | null = null;
  const health = async (): Promise<HealthState> => {
    try {
      const backlog = await countQueued(runtime.database.db);
      return { database: 'ok', mailbox, lastPollAt, outboxBacklog: backlog };
    } catch {
      return { database: 'unreachable', mailbox, lastPollAt, outboxBacklog: null };
    }
  };
  return {
    metrics,
    passDone(report, standby) {
      mailbox = standby ? 'standby' : 'connected';
      lastPollAt = new Date();
      if (report) metrics.recordPass(report);
    },
    async deliveryDone(report) {
      metrics.recordDelivery(report);
      metrics.setOutboxBacklog(await countQueued(runtime.database.db));
    },
    reconnecting() {
      mailbox = 'reconnecting';
      metrics.recordReconnect();
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
