// Durable counts of each message's preparations (schema.ts, prepare_attempts). The count is
// committed on its own, before the preparation starts, so a crash during it is counted too.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { InboundKey } from '../../pipeline/case/filing-store.js';
import type { PrepareAttempt, PrepareBatch } from '../../pipeline/intake/intake-store.js';
import type { Db, Tx } from './database.js';
import { prepareAttempts } from './schema.js';

export async function beginPrepareAttempt(db: Db, key: InboundKey): Promise<PrepareAttempt> {
  const [row] = await db
    .insert(prepareAttempts)
    .values({ mailbox: key.mailboxKey, uidValidity: key.uidValidity, uid: key.uid, attempts: 1 })
    .onConflictDoUpdate({
      target: [prepareAttempts.mailbox, prepareAttempts.uidValidity, prepareAttempts.uid],
      set: { attempts: sql`${prepareAttempts.attempts} + 1`, updatedAt: sql`now()` },
    })
    .returning({ attempts: prepareAttempts.attempts, lastError: prepareAttempts.lastError });
  return { attempts: row!.attempts, lastError: row!.lastError };
}

/**
 * Counts a preparation of each of a batch's messages in UID order, up to and including the first
 * one tried before, in one transaction (one commit for the batch rather than one per message).
 */
export async function beginPrepareAttempts(db: Db, batch: PrepareBatch): Promise<PrepareAttempt[]> {
  const { mailboxKey, uidValidity, uids } = batch;
  if (uids.length === 0) return [];
  return db.transaction(async (tx) => {
    // Tried before: a preparation counted and never finished (endPrepareAttempts takes finished ones off).
    const tried = new Set((await tx.select({ uid: prepareAttempts.uid }).from(prepareAttempts)
      .where(and(keyIs(mailboxKey, uidValidity, [...uids]), gt(prepareAttempts.attempts, 0)))).map((r) => r.uid));
    const cut = uids.findIndex((uid) => tried.has(uid));
    const counted = cut < 0 ? uids : uids.slice(0, cut + 1);
    const rows = await tx
      .insert(prepareAttempts)
      .values(counted.map((uid) => ({ mailbox: mailboxKey, uidValidity, uid, attempts: 1 })))
      .onConflictDoUpdate({
        target: [prepareAttempts.mailbox, prepareAttempts.uidValidity, prepareAttempts.uid],
        set: { attempts: sql`${prepareAttempts.attempts} + 1`, updatedAt: sql`now()` },
      })
      .returning({ uid: prepareAttempts.uid, attempts: prepareAttempts.attempts, lastError: prepareAttempts.lastError });
    const byUid = new Map(rows.map((r) => [r.uid, { attempts: r.attempts, lastError: r.lastError }]));
    return counted.map((uid) => byUid.get(uid)!);
  });
}

export async function endPrepareAttempts(db: Db, batch: PrepareBatch): Promise<void> {
  if (batch.uids.length === 0) return;
  await db.update(prepareAttempts).set({ attempts: sql`${prepareAttempts.attempts} - 1`, updatedAt: sql`now()` })
    .where(and(keyIs(batch.mailboxKey, batch.uidValidity, [...batch.uids]), gt(prepareAttempts.attempts, 0)));
}

export async function recordPrepareFailure(db: Db, key: InboundKey, error: string): Promise<void> {
  await db.update(prepareAttempts).set({ lastError: error.slice(0, 2000), updatedAt: sql`now()` }).where(keyIs(key.mailboxKey, key.uidValidity, [key.uid]));
}

export async function forgetPrepareAttempts(tx: Tx, mailboxKey: string, keys: readonly InboundKey[]): Promise<void> {
  for (const uidValidity of new Set(keys.map((k) => k.uidValidity))) {
    await tx.delete(prepareAttempts).where(keyIs(mailboxKey, uidValidity, keys.filter((k) => k.uidValidity === uidValidity).map((k) => k.uid)));
  }
}

function keyIs(mailboxKey: string, uidValidity: number, uids: number[]) {
  return and(eq(prepareAttempts.mailbox, mailboxKey), eq(prepareAttempts.uidValidity, uidValidity), inArray(prepareAttempts.uid, uids));
}
