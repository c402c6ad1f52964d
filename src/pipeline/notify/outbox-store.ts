// What the outbox worker needs from storage: claim queued mail (several daemons share the work),
// record each send or failure. The database adapter implements it (adapters/db/outbox-store.ts);
// what a failure means for the case is decided by the worker (deliver-outbox.ts).
import type { CaseFlag } from '../../domain/case-flag.js';
import type { CaseEvent } from '../../domain/foi-case.js';
import type { OutgoingEnvelope } from './mailer.js';

/** A queued message, as claimed for sending. */
export interface QueuedMail extends OutgoingEnvelope {
  id: number;
  caseId: number | null;
  purpose: string;
  attempts: number;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** `run --once` sends everything queued now, whatever the retry schedule says. */
  ignoreSchedule: boolean;
  /** Only rows after this id: one pass never takes a row twice. */
  afterId: number;
}

export interface FailedAttempt {
  at: Date;
  error: string;
  /** This attempt's number (the first is 1). */
  attempts: number;
  /** No more attempts: a permanent rejection, or the last one allowed. */
  final: boolean;
  nextAttemptAt: Date;
  /** What a final failure notes on the message's case (an audit event and a flag), saved with the record. */
  caseNote: { event: CaseEvent; flag: CaseFlag } | null;
}

export interface OutboxStore {
  /** Claims up to `limit` rows for `leaseMs` (SKIP LOCKED), oldest first. */
  claim(options: ClaimOptions): Promise<QueuedMail[]>;
  /** Records messages the SMTP server accepted; an acknowledgement also marks its case acknowledged, once. */
  recordSent(rows: readonly QueuedMail[], at: Date): Promise<void>;
  recordFailure(row: QueuedMail, failure: FailedAttempt): Promise<void>;
  /** Hands claimed rows back untouched (the server is unreachable: they are tried again later). */
  release(ids: readonly number[]): Promise<void>;
  countQueued(): Promise<number>;
}
