// The numbers an operator graphs and alerts on, in Prometheus form. Each call makes its own
// registry (never prom-client's global one), so tests and several daemons in a process never share counts.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { REQUEST_KINDS, type RequestKind } from '../domain/request-analysis.js';
import type { PassReport } from '../pipeline/intake/process-mailbox.js';
import type { DeliveryReport } from '../pipeline/notify/deliver-outbox.js';

export const MESSAGE_OUTCOMES = ['opened_case', 'attached', 'held', 'duplicate', 'already_recorded'] as const;
export type MessageOutcome = (typeof MESSAGE_OUTCOMES)[number];

/** What one mailbox pass reports; `openedByKind` is optional because `PassReport` does not carry kinds yet. */
export type PassCounts = Pick<PassReport, 'opened' | 'attached' | 'held' | 'duplicates' | 'alreadyRecorded'> & {
  openedByKind?: Partial<Record<RequestKind, number>>;
};

export interface Metrics {
  registry: Registry;
  /** Counts a pass's messages by mailbox and outcome, and its opened cases by kind when given. */
  recordPass(report: PassCounts, mailbox?: string): void;
  /** Counts an outbox run: `sent`, and `failed` (permanently rejected; `retrying` rows are still queued). */
  recordDelivery(report: Pick<DeliveryReport, 'sent' | 'failed'>): void;
  /** Wall time to process one message, in seconds. */
  observeProcessing(seconds: number): void;
  /** Rows still queued in the outbox. */
  setOutboxBacklog(n: number): void;
  /** One IMAP reconnect attempt of a mailbox (after the connection dropped or failed to open). */
  recordReconnect(mailbox?: string): void;
  /** Whether a mailbox's connection is up, and when its last pass ended. */
  setMailboxState(mailbox: string, state: { connected: boolean; lastPollAt?: Date }): void;
}

const DEFAULT_MAILBOX = 'default';

// Parsing a large PDF or DOCX can take seconds; a plain reply takes milliseconds.
const PROCESSING_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** `mailboxes`: the configured names, whose series start at zero (default: one mailbox, `default`). */
export function createMetrics(options: { processMetrics?: boolean; mailboxes?: readonly string[] } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const messages = new Counter({
    name: 'foi_messages_processed_total', help: 'Inbound messages committed, by mailbox and outcome', labelNames: ['mailbox', 'outcome'] as const, registers,
  });
  const cases = new Counter({ name: 'foi_cases_opened_total', help: 'Cases opened, by mailbox and request kind', labelNames: ['mailbox', 'kind'] as const, registers });
  const acknowledgements = new Counter({
    name: 'foi_acknowledgements_total', help: 'Outbox messages sent or permanently failed', labelNames: ['result'] as const, registers,
  });
  const reconnects = new Counter({ name: 'foi_imap_reconnects_total', help: 'IMAP reconnect attempts, by mailbox', labelNames: ['mailbox'] as const, registers });
  const connected = new Gauge({ name: 'foi_mailbox_connected', help: '1 while the mailbox is connected (or standing by for another instance), 0 while reconnecting', labelNames: ['mailbox'] as const, registers });
  const lastPoll = new Gauge({ name: 'foi_mailbox_last_poll_timestamp_seconds', help: 'When the mailbox\'s last pass ended (Unix time)', labelNames: ['mailbox'] as const, registers });
  const backlog = new Gauge({ name: 'foi_outbox_backlog', help: 'Outbox messages still queued', registers });
  const processing = new Histogram({
    name: 'foi_message_processing_seconds', help: 'Time to process one inbound message', buckets: PROCESSING_BUCKETS, registers,
  });
  // Every label value starts at zero, so `rate()` and alerts see a series before its first event.
  for (const mailbox of options.mailboxes ?? [DEFAULT_MAILBOX]) {
    for (const outcome of MESSAGE_OUTCOMES) messages.inc({ mailbox, outcome }, 0);
    for (const kind of REQUEST_KINDS) cases.inc({ mailbox, kind }, 0);
    reconnects.inc({ mailbox }, 0);
    connected.set({ mailbox }, 0);
  }
  for (const result of ['sent', 'failed'] as const) acknowledgements.inc({ result }, 0);
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const add = (counter: Counter<string>, labels: Record<string, string>, n: number) => {
    if (Number.isFinite(n) && n > 0) counter.inc(labels, n);
  };
  return {
    registry,
    recordPass(report, mailbox = DEFAULT_MAILBOX) {
      add(messages, { mailbox, outcome: 'opened_case' }, report.opened);
      add(messages, { mailbox, outcome: 'attached' }, report.attached);
      add(messages, { mailbox, outcome: 'held' }, report.held);
      add(messages, { mailbox, outcome: 'duplicate' }, report.duplicates);
      add(messages, { mailbox, outcome: 'already_recorded' }, report.alreadyRecorded);
      for (const [kind, n] of Object.entries(report.openedByKind ?? {})) add(cases, { mailbox, kind }, n ?? 0);
    },
    recordDelivery(report) {
      add(acknowledgements, { result: 'sent' }, report.sent);
      add(acknowledgements, { result: 'failed' }, report.failed);
    },
    observeProcessing(seconds) {
      if (Number.isFinite(seconds) && seconds >= 0) processing.observe(seconds);
    },
    setOutboxBacklog(n) {
      if (Number.isFinite(n) && n >= 0) backlog.set(n);
    },
    recordReconnect(mailbox = DEFAULT_MAILBOX) {
      reconnects.inc({ mailbox });
    },
    setMailboxState(mailbox, state) {
      connected.set({ mailbox }, state.connected ? 1 : 0);
      if (state.lastPollAt) lastPoll.set({ mailbox }, state.lastPollAt.getTime() / 1000);
    },
  };
}
