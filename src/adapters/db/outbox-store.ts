// The outbox: rows are claimed with a lease (SKIP LOCKED, so several daemons share the work),
// sent, then recorded. A crash between the server's acceptance and the record can only resend
// the very same message, with the same Message-ID.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, outbox } from './schema.js';

export type OutboxRow = typeof outbox.$inferSelect;

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** `run --once` sends everything queued now, whatever the retry schedule says. */
  ignoreSchedule: boolean;
  /** Only rows after this id: one pass never takes a row twice. */
  afterId: number;
}

export async function claimOutbox(db: Db, options: ClaimOptions): Promise<OutboxRow[]> {
  const { now } = options;
  const claimable = and(
    eq(outbox.status, 'queued'),
    gt(outbox.id, options.afterId),
    or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, now)),
    options.ignoreSchedule ? undefined : lte(outbox.nextAttemptAt, now),
  );
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(claimable)
    .orderBy(asc(outbox.id))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ claimedUntil: new Date(now.getTime() + options.leaseMs) })
    .where(inArray(outbox.id, candidates))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * Records messages the SMTP server accepted, several in one transaction: one commit for a group
 * of sends rather than one each. An acknowledgement also marks its case acknowledged, once.
 */
export async function recordSent(db: Db, rows: OutboxRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ status: 'sent', sentAt: at, attempts: sql`${outbox.attempts} + 1`, claimedUntil: null, lastError: null })
      .where(inArray(outbox.id, rows.map((r) => r.id)));
    const acknowledgements = new Map(rows.filter((r) => r.purpose === 'acknowledgement' && r.caseId !== null).map((r) => [r.caseId!, r]));
    if (acknowledgements.size === 0) return;
    const updated = await tx
      .update(cases)
      .set({ acknowledgedAt: at, status: sql`case when ${cases.status} = 'received' then 'acknowledged' else ${cases.status} end` })
      .where(and(inArray(cases.id, [...acknowledgements.keys()]), isNull(cases.acknowledgedAt)))
      .returning({ id: cases.id, status: cases.status });
    if (updated.length === 0) return;
    await tx.insert(caseEvents).values(
      updated.map(({ id, status }) => {
        const row = acknowledgements.get(id)!;
        return {
          caseId: id, at, event: 'acknowledged', fromStatus: 'received', toStatus: status,
          cause: 'acknowledgement accepted by the SMTP server', details: { outboxId: row.id, messageId: row.messageId },
        };
      }),
    );
  });
}

export interface FailureRecord {
  at: Date;
  error: string;
  permanent: boolean;
  nextAttemptAt: Date;
  maxAttempts: number;
}

/** Records a failed attempt; a permanent rejection or the last allowed attempt marks the row failed. */
export async function recordFailure(db: Db, row: OutboxRow, failure: FailureRecord): Promise<'retry' | 'failed'> {
  const attempts = row.attempts + 1;
  const failed = failure.permanent || attempts >= failure.maxAttempts;
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        attempts, lastError: failure.error, claimedUntil: null, nextAttemptAt: failure.nextAttemptAt,
        status: failed ? 'failed' : 'queued',
      })
      .where(eq(outbox.id, row.id));
    if (failed && row.caseId !== null) {
      await tx.insert(caseEvents).values({
        caseId: row.caseId, at: failure.at, event: row.purpose === 'acknowledgement' ? 'acknowledgement_failed' : 'outbox_failed',
        fromStatus: null, toStatus: null, cause: failure.error, details: { outboxId: row.id, attempts },
      });
      await tx
        .update(cases)
        .set({ flags: sql`${cases.flags} || ${JSON.stringify([`${row.purpose.replace('_', ' ')} could not be delivered: ${failure.error}`])}::jsonb` })
        .where(eq(cases.id, row.caseId));
    }
  });
  return failed ? 'failed' : 'retry';
}

export async function countQueued(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, 'queued'));
  return row?.n ?? 0;
}

export async function releaseClaims(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.id, ids));
}


/** Queues messages in the caller's transaction, so they exist exactly when what caused them does. */
export async function insertOutbox(tx: Tx | Db, messages: OutgoingMail[], links: { inboundId?: number; caseId?: number }): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outbox).values(
    messages.map((m) => ({
      caseId: links.caseId ?? null, inboundId: links.inboundId ?? null, purpose: m.purpose, messageId: m.messageId,
      fromAddress: m.from, recipients: m.to, subject: m.subject, textBody: m.text, htmlBody: m.html, headers: m.headers,
    })),
  );
}

/** Acknowledgements queued for an address since a time (sent or still queued: both count). */
export async function acknowledgementsSentTo(tx: Tx | Db, address: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.purpose, 'acknowledgement'), gt(outbox.createdAt, since), sql`${outbox.recipients} @> ${JSON.stringify([address])}::jsonb`));
  return row?.n ?? 0;
}
