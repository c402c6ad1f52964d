// The outbox: rows are claimed with a lease (SKIP LOCKED, so several daemons share the work),
// sent, then recorded. A crash between the server's acceptance and the record can only resend
// the very same message, with the same Message-ID.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { MailLinks } from '../../pipeline/case/case-store.js';
import type { ClaimOptions, FailedAttempt, OutboxStore, QueuedMail } from '../../pipeline/notify/outbox-store.js';
import { saveChange } from './case-changes.js';
import type { Db, Tx } from './database.js';
import { encoded, fixedStatement, runFixed } from './fixed-statement.js';
import { outbox } from './schema.js';

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
 * Records messages the SMTP server accepted, several at once: one statement for a group of sends
 * (atomic as any statement is) rather than a transaction of four round trips. An acknowledgement
 * also marks its case acknowledged, once, and records that on the case.
 */
async function recordSent(db: Db, rows: readonly QueuedMail[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const acknowledgements = [...new Map(rows.filter((r) => r.purpose === 'acknowledgement' && r.caseId !== null).map((r) => [r.caseId!, r])).values()];
  await runFixed(db, RECORD_SENT, {
    at: encoded(outbox.sentAt, at), ids: rows.map((r) => r.id), caseIds: acknowledgements.map((r) => r.caseId!),
    outboxIds: acknowledgements.map((r) => r.id), messageIds: acknowledgements.map((r) => encoded(outbox.messageId, r.messageId)),
  });
}

interface SentValues {
  at: unknown;
  ids: number[];
  /** The acknowledgements' cases, their outbox rows and Message-IDs, in the same order. */
  caseIds: number[];
  outboxIds: number[];
  messageIds: unknown[];
}

const RECORD_SENT = fixedStatement<SentValues>((p) => `with sent as (
    update outbox set status = 'sent', sent_at = ${p((v) => v.at)}::timestamptz, attempts = attempts + 1, claimed_until = null, last_error = null
    where id = any(${p((v) => v.ids)}::int[])
  ), acknowledged as (
    update cases set acknowledged_at = ${p((v) => v.at)}::timestamptz, status = case when status = 'received' then 'acknowledged' else status end
    where id = any(${p((v) => v.caseIds)}::int[]) and acknowledged_at is null
    returning id, status
  )
  insert into case_events (case_id, at, event, from_status, to_status, cause, details)
  select acknowledged.id, ${p((v) => v.at)}::timestamptz, 'acknowledged', 'received', acknowledged.status, 'acknowledgement accepted by the SMTP server',
    jsonb_build_object('outboxId', mail.outbox_id, 'messageId', mail.message_id)
  from acknowledged
  join unnest(${p((v) => v.caseIds)}::int[], ${p((v) => v.outboxIds)}::int[], ${p((v) => v.messageIds)}::text[]) as mail(case_id, outbox_id, message_id)
    on mail.case_id = acknowledged.id
  order by acknowledged.id`);

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

