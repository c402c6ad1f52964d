// The per-mailbox checkpoint (UIDVALIDITY, last UID). A changed UIDVALIDITY resets the checkpoint:
// every message is then looked at again, and Message-ID dedupe keeps that from opening new cases.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { mailboxState } from './schema.js';

export interface Checkpoint {
  lastUid: number;
  /** True when the stored UIDVALIDITY differed from the server's and the checkpoint was reset. */
  reset: boolean;
}

export async function syncCheckpoint(db: Db, mailbox: string, uidValidity: number): Promise<Checkpoint> {
  return db.transaction(async (tx) => {
    await tx.insert(mailboxState).values({ mailbox, uidValidity, lastUid: 0 }).onConflictDoNothing();
    const [row] = await tx.select().from(mailboxState).where(eq(mailboxState.mailbox, mailbox)).for('update');
    if (!row) throw new Error(`mailbox state row for ${mailbox} missing after insert`);
    if (row.uidValidity === uidValidity) return { lastUid: row.lastUid, reset: false };
    await tx
      .update(mailboxState)
      .set({ uidValidity, lastUid: 0, updatedAt: sql`now()` })
      .where(eq(mailboxState.mailbox, mailbox));
    return { lastUid: 0, reset: true };
  });
}

export async function recordPoll(db: Db, mailbox: string, at: Date): Promise<void> {
  await db.update(mailboxState).set({ lastPollAt: at }).where(eq(mailboxState.mailbox, mailbox));
}
