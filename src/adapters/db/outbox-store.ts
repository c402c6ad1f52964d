// The outbox: rows are claimed with a lease (SKIP LOCKED, so several daemons share the work),
// sent, then recorded. A crash between the server's acceptance and the record can only resend
// the very same message, with the same Message-ID.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { MailLinks } from '../../pipeline/case/case-store.js';
import type { ClaimOptions, FailedAttempt, OutboxStore, QueuedMail } from '../../pipeline/notify/outbox-store.js';
import { toStorableValue } from '../../pipeline/parse/storable-text.js';
import { saveChange } from './case-changes.js';
import type { Db, Tx } from './database.js';
import { caseEvents, cases, outbox } from './schema.js';

type OutboxRow = typeof outbox.$inferSelect;

export function createOutboxStore(db: Db): OutboxStore {
  return {
    claim: (options) => claimOutbox(db, options),
    recordSent: (rows, at) => recordSent(db, rows, at),
    recordFailure: (row, failure) => recordFailure(db, row, failure),
    async release(ids) {
      if (ids.length === 0) return;
      await db.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.id, [...ids]));
    },
    countQueued: () => countQueued(db),
  };
}

function queuedMailOf(row: OutboxRow): QueuedMail {
  return {
    id: row.id, caseId: row.caseId, purpose: row.purpose, attempts: row.attempts, messageId: row.messageId, from: row.fromAddress,
    to: row.recipients, subject: row.subject, text: row.textBody, html: row.htmlBody, headers: row.headers,
  };
}

async function claimOutbox(db: Db, options: ClaimOptions): Promise<QueuedMail[]> {
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
  return claimed.sort((a, b) => a.id - b.id).map(queuedMailOf);
}

/**
 * Records messages the SMTP server accepted, several in one transaction: one commit for a group
 * of sends rather than one each. An acknowledgement also marks its case acknowledged, once.
 */
async function recordSent(db: Db, rows: readonly QueuedMail[], at: Date): Promise<void> {
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

/** Records a failed attempt, and on the last one what it does to the case, in one transaction. */
async function recordFailure(db: Db, row: QueuedMail, failure: FailedAttempt): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        attempts: failure.attempts, lastError: failure.error, claimedUntil: null, nextAttemptAt: failure.nextAttemptAt,
        status: failure.final ? 'failed' : 'queued',
      })
      .where(eq(outbox.id, row.id));
    if (failure.caseNote && row.caseId !== null) {
      await saveChange(tx, { caseId: row.caseId, events: [failure.caseNote.event], flags: [failure.caseNote.flag] });
    }
  });
}

export async function countQueued(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, 'queued'));
  return row?.n ?? 0;
}


/** Queues messages in the caller's transaction, so they exist exactly when what caused them does. */
/** Links by id, or by a subquery finding a row written earlier in the same round trip. */
export type MailLinksOrQueries = { [K in keyof MailLinks]: number | SQL };

export async function insertOutbox(tx: Tx | Db, messages: readonly OutgoingMail[], links: MailLinksOrQueries): Promise<void> {
  if (messages.length === 0) return;
  await outboxInsert(tx, messages, links);
}

/** The insert of queued messages (at least one), not yet sent. */
export function outboxInsert(tx: Tx | Db, messages: readonly OutgoingMail[], links: MailLinksOrQueries) {
  return tx.insert(outbox).values(
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
    .where(and(eq(outbox.purpose, 'acknowledgement'), gt(outbox.createdAt, since), sql`${outbox.recipients} @> ${JSON.stringify(toStorableValue([address]))}::jsonb`));
  return row?.n ?? 0;
}
