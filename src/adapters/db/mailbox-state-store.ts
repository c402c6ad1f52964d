// The per-mailbox checkpoint (UIDVALIDITY, last UID). A changed UIDVALIDITY resets the checkpoint:
// every message is then looked at again, and Message-ID dedupe keeps that from opening new cases.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Checkpoint } from '../../pipeline/intake/intake-store.js';
import type { Db } from './database.js';
import { mailboxState } from './schema.js';

export async function syncCheckpoint(db: Db, mailbox: string, uidValidity: number): Promise<Checkpoint> {
  return db.transaction(async (tx) => {
    await tx.insert(mailboxState).values({ mailbox, uidValidity, lastUid: 0 }).onConflictDoNothing();
    const [row] = await tx.select().from(mailboxState).where(eq(mailboxState.mailbox, mailbox)).for('update');
    if (!row) throw new Error(`mailbox state row for ${mailbox} missing after insert`);
    const firstSeenAt = row.firstSeenAt;
    if (row.uidValidity === uidValidity) return { lastUid: row.lastUid, reset: false, firstSeenAt };
    // 0: the row was made by a lease before any session saw the mailbox; nothing to reset.
    const reset = row.uidValidity !== 0;
    await tx
      .update(mailboxState)
      .set({ uidValidity, lastUid: 0, updatedAt: sql`now()` })
      .where(eq(mailboxState.mailbox, mailbox));
    return { lastUid: 0, reset, firstSeenAt };
  });
}

export async function recordPoll(db: Db, mailbox: string, at: Date): Promise<void> {
  await db.update(mailboxState).set({ lastPollAt: at }).where(eq(mailboxState.mailbox, mailbox));
}

/** A mailbox's lease: which daemon reads it now (jobs/mailbox-lease.ts keeps it fresh). */
export interface LeaseStore {
  /** Takes (or keeps) the lease for `ttlMs`; true while `holder` holds it. */
  acquire(mailbox: string, holder: string, ttlMs: number): Promise<boolean>;
  release(mailbox: string, holder: string): Promise<void>;
}

export function createLeaseStore(db: Db): LeaseStore {
  return {
    acquire: (mailbox, holder, ttlMs) => acquireLease(db, mailbox, holder, ttlMs),
    release: (mailbox, holder) => releaseLease(db, mailbox, holder),
  };
}

/**
 * One daemon reads a mailbox at a time: the holder renews a short lease; a second daemon stands
 * by and takes over when the lease lapses (its holder died). Returns whether `holder` holds it now.
 */
export async function acquireLease(db: Db, mailbox: string, holder: string, ttlMs: number, uidValidity = 0): Promise<boolean> {
  await db.insert(mailboxState).values({ mailbox, uidValidity, lastUid: 0 }).onConflictDoNothing();
  const rows = await db
    .update(mailboxState)
    .set({ leaseHolder: holder, leaseUntil: sql`now() + make_interval(secs => ${ttlMs / 1000})` })
    .where(and(eq(mailboxState.mailbox, mailbox), or(isNull(mailboxState.leaseUntil), lt(mailboxState.leaseUntil, sql`now()`), eq(mailboxState.leaseHolder, holder))))
    .returning({ holder: mailboxState.leaseHolder });
  return rows.length > 0;
}

export async function releaseLease(db: Db, mailbox: string, holder: string): Promise<void> {
  await db
    .update(mailboxState)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(and(eq(mailboxState.mailbox, mailbox), eq(mailboxState.leaseHolder, holder)));
}
