// /healthz and /metrics over real HTTP on a loopback port: what a container HEALTHCHECK and a
// Prometheus scraper see. The health state is injected, so no database or mailbox is needed here.
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer, type HealthState } from '../../src/ops/health-server.js';
import { createMetrics } from '../../src/ops/metrics.js';

const healthy: HealthState = { database: 'ok', mailbox: 'connected', lastPollAt: new Date('2026-11-27T09:30:00Z'), outboxBacklog: 2 };
let server: HealthServer | undefined;

async function start(health: () => Promise<HealthState>, metrics = createMetrics(), timeoutMs?: number) {
  server = await startHealthServer({ port: 0, metrics, health, timeoutMs });
  return { url: (path: string) => `http://127.0.0.1:${server!.port}${path}`, metrics };
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('health server', () => {
  it('answers /healthz 200 ok with the injected state', async () => {
    const { url } = await start(async () => healthy);
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      status: 'ok', database: 'ok', mailbox: 'connected', lastPollAt: '2026-11-27T09:30:00.000Z', outboxBacklog: 2,
    });
  });

  it('stays 200 but degraded while the mailbox reconnects; a standby is ok', async () => {
    let state: HealthState = { ...healthy, mailbox: 'reconnecting', lastPollAt: null };
    const { url } = await start(async () => state);
    const reconnecting = await fetch(url('/healthz'));
    expect(reconnecting.status).toBe(200);
    expect(await reconnecting.json()).toMatchObject({ status: 'degraded', mailbox: 'reconnecting', lastPollAt: null });
    state = { ...healthy, mailbox: 'standby' };
    expect(await (await fetch(url('/healthz'))).json()).toMatchObject({ status: 'ok', mailbox: 'standby' });
  });

  it('reports each mailbox of several, degraded while any one reconnects', async () => {
    const at = new Date('2026-11-27T09:31:00Z');
    const { url } = await start(async () => ({
      ...healthy, mailbox: 'reconnecting', lastPollAt: null,
      mailboxes: [{ name: 'default', status: 'connected', lastPollAt: at }, { name: 'eir', status: 'reconnecting', lastPollAt: null }],
    }));
    expect(await (await fetch(url('/healthz'))).json()).toMatchObject({
      status: 'degraded', mailbox: 'reconnecting',
      mailboxes: { default: { status: 'connected', lastPollAt: '2026-11-27T09:31:00.000Z' }, eir: { status: 'reconnecting', lastPollAt: null } },
    });
  });

  it('labels the mailbox counters and gauges by mailbox', async () => {
    const { url, metrics } = await start(async () => healthy, createMetrics({ mailboxes: ['default', 'eir'] }));
    metrics.recordPass({ opened: 1, attached: 0, held: 0, duplicates: 0, alreadyRecorded: 0 }, 'eir');
    metrics.recordReconnect('default');
    metrics.setMailboxState('eir', { connected: true, lastPollAt: new Date('2026-11-27T09:30:00Z') });
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toContain('foi_messages_processed_total{mailbox="eir",outcome="opened_case"} 1');
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="opened_case"} 0');
    expect(text).toContain('foi_imap_reconnects_total{mailbox="default"} 1');
    expect(text).toContain('foi_imap_reconnects_total{mailbox="eir"} 0');
    expect(text).toContain('foi_mailbox_connected{mailbox="eir"} 1');
    expect(text).toContain('foi_mailbox_connected{mailbox="default"} 0');
    expect(text).toContain(`foi_mailbox_last_poll_timestamp_seconds{mailbox="eir"} ${Date.parse('2026-11-27T09:30:00Z') / 1000}`);
  });

  it('answers 503 degraded when the database is unreachable', async () => {
    const { url } = await start(async () => ({ ...healthy, database: 'unreachable', outboxBacklog: null }));
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', database: 'unreachable', outboxBacklog: null });
  });

  it('answers 503 when the health check throws or hangs', async () => {
    const failing = await start(async () => { throw new Error('connection refused'); });
    expect((await fetch(failing.url('/healthz'))).status).toBe(503);
    await server?.close();
    const hanging = await start(() => new Promise<HealthState>(() => {}), createMetrics(), 50);
    const res = await fetch(hanging.url('/healthz'));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', error: 'health_check_failed' });
  });

  it('serves Prometheus text with the recorded counts and their labels', async () => {
    const { url, metrics } = await start(async () => healthy);
    metrics.recordPass({ opened: 2, attached: 1, held: 1, duplicates: 0, alreadyRecorded: 3, openedByKind: { foi: 1, eir: 1 } });
    metrics.recordDelivery({ sent: 2, failed: 1 });
    metrics.observeProcessing(0.2);
    metrics.setOutboxBacklog(4);
    metrics.recordReconnect();
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="opened_case"} 2');
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="attached"} 1');
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="held"} 1');
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="duplicate"} 0');
    expect(text).toContain('foi_messages_processed_total{mailbox="default",outcome="already_recorded"} 3');
    expect(text).toContain('foi_cases_opened_total{mailbox="default",kind="eir"} 1');
    expect(text).toContain('foi_cases_opened_total{mailbox="default",kind="sar"} 0');
    expect(text).toContain('foi_acknowledgements_total{result="sent"} 2');
    expect(text).toContain('foi_acknowledgements_total{result="failed"} 1');
    expect(text).toContain('foi_outbox_backlog 4');
    expect(text).toContain('foi_imap_reconnects_total{mailbox="default"} 1');
    expect(text).toContain('foi_message_processing_seconds_bucket{le="0.25"} 1');
    expect(text).toContain('foi_message_processing_seconds_count 1');
  });

  it('keeps each registry separate', async () => {
    const first = createMetrics();
    createMetrics().recordReconnect();
    expect(await first.registry.metrics()).toContain('foi_imap_reconnects_total{mailbox="default"} 0');
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const { url } = await start(async () => healthy);
    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/healthz/extra'))).status).toBe(404);
    const post = await fetch(url('/metrics'), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
