// The operator's window on a running daemon: `/healthz` for container and load-balancer checks,
// `/metrics` for Prometheus. Plain node:http, loopback by default, read-only: it changes nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';

export type MailboxStatus = 'connected' | 'reconnecting' | 'standby';

/** One mailbox of several: its own connection state and last completed pass. */
export interface MailboxHealth {
  name: string;
  status: MailboxStatus;
  lastPollAt: Date | null;
}

export interface HealthState {
  database: 'ok' | 'unreachable';
  /** `standby`: another instance holds the mailbox's lease; this one works only the outbox. With several mailboxes, the worst. */
  mailbox: MailboxStatus;
  /** End of the last completed mailbox pass; null before the first. With several mailboxes, the oldest. */
  lastPollAt: Date | null;
  /** Outbox rows still queued; null when the database could not be asked. */
  outboxBacklog: number | null;
  /** Each mailbox's own state, when the daemon reads several (or names its one). */
  mailboxes?: MailboxHealth[];
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: HealthState['database'];
  mailbox: HealthState['mailbox'];
  lastPollAt: string | null;
  outboxBacklog: number | null;
  /** By mailbox name: `{"eir": {"status": "connected", "lastPollAt": "…"}}`. */
  mailboxes?: Record<string, { status: MailboxStatus; lastPollAt: string | null }>;
}

export interface HealthServerOptions {
  port: number;
  host?: string;
  metrics: Pick<Metrics, 'registry'>;
  /** Asked on every `/healthz`; it should check the database itself rather than trust a cached answer. */
  health: () => Promise<HealthState>;
  /** A health check slower than this answers 503 (a hung database must not hang the probe). */
  timeoutMs?: number;
}

export interface HealthServer {
  /** The bound port (the one chosen by the system when 0 was asked for). */
  port: number;
  close(): Promise<void>;
}

/**
 * Without its database the bot can neither record mail nor send acknowledgements: that is 503.
 * A reconnecting mailbox is degraded but alive (backoff will retry); a standby is healthy.
 */
export function describeHealth(state: HealthState): { httpStatus: 200 | 503; report: HealthReport } {
  const ok = state.database === 'ok' && state.mailbox !== 'reconnecting';
  return {
    httpStatus: state.database === 'ok' ? 200 : 503,
    report: {
      status: ok ? 'ok' : 'degraded',
      database: state.database,
      mailbox: state.mailbox,
      lastPollAt: state.lastPollAt?.toISOString() ?? null,
      outboxBacklog: state.outboxBacklog,
      ...(state.mailboxes
        ? { mailboxes: Object.fromEntries(state.mailboxes.map((m) => [m.name, { status: m.status, lastPollAt: m.lastPollAt?.toISOString() ?? null }])) }
        : {}),
    },
  };
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { host = '127.0.0.1', timeoutMs = 5000 } = options;
  const server = createServer((req, res) => {
    route(options, timeoutMs, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from a scraper would otherwise hold the close open.
        server.closeAllConnections();
      }),
  };
}

const ROUTES = new Set(['/healthz', '/metrics']);

async function route(options: HealthServerOptions, timeoutMs: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!ROUTES.has(path)) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  if (path === '/metrics') {
    const { registry } = options.metrics;
    return send(res, 200, registry.contentType, await registry.metrics());
  }
  const state = await withTimeout(options.health(), timeoutMs).catch(() => null);
  if (!state) return send(res, 503, 'application/json; charset=utf-8', JSON.stringify({ status: 'degraded', error: 'health_check_failed' }));
  const { httpStatus, report } = describeHealth(state);
  return send(res, httpStatus, 'application/json; charset=utf-8', JSON.stringify(report));
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`health check took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
