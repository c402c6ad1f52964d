// The intake store over drizzle: a batch's transaction under the mailbox row's lock, a message's
// surroundings read in one round trip, its row written, the checkpoint advanced. It answers the
// questions the decider asks (pipeline/case/inbound-fate.ts) and decides none of them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FilingTransaction, InboundFacts, InboundKey, InboundRecord } from '../../pipeline/case/filing-store.js';
import type { IntakeStore, IntakeTransaction, RecordedInbound } from '../../pipeline/intake/intake-store.js';
import { caseTransactionOf } from './case-store.js';
import { lookAround } from './look-around.js';
import { inboundInsert, openCaseFromMessage } from './new-case-writes.js';
import type { Db, Tx } from './database.js';
import { loadExtraHolidays } from './holiday-store.js';
import { isTransientDatabaseFailure } from './transient-failure.js';
import { recordPoll, syncCheckpoint } from './mailbox-state-store.js';
import { sequenceBatch } from './reference-counter.js';
import { insertOutbox } from './outbox-store.js';
import { beginPrepareAttempt, beginPrepareAttempts, endPrepareAttempts, forgetPrepareAttempts, recordPrepareFailure } from './prepare-attempts-store.js';
import { cases, inboundMessages, mailboxState } from './schema.js';

export function createIntakeStore(db: Db): IntakeStore {
  return {
    inMailboxTransaction: (mailboxKey, work) => db.transaction(async (tx) => {
      // Serialises every writer of this mailbox, so two daemons never commit the same UID twice.
      await tx.select({ m: mailboxState.mailbox }).from(mailboxState).where(eq(mailboxState.mailbox, mailboxKey)).for('update');
      const sequences = sequenceBatch(tx);
      const result = await work({ ...intakeTransactionOf(tx, mailboxKey), nextSequence: sequences.next });
      await sequences.flush();
      return result;
    }),
    syncCheckpoint: (mailboxKey, uidValidity) => syncCheckpoint(db, mailboxKey, uidValidity),
    recordPoll: (mailboxKey, at) => recordPoll(db, mailboxKey, at),
    async markMoved(inboundIds, at) {
      if (inboundIds.length === 0) return;
      await db.update(inboundMessages).set({ movedAt: at }).where(inArray(inboundMessages.id, [...inboundIds]));
    },
    isOutage: (error) => isTransientDatabaseFailure(error),
    beginPrepareAttempt: (key) => beginPrepareAttempt(db, key),
    beginPrepareAttempts: (batch) => beginPrepareAttempts(db, batch),
    endPrepareAttempts: (batch) => endPrepareAttempts(db, batch),
    recordPrepareFailure: (key, error) => recordPrepareFailure(db, key, error),
    extraHolidays: () => loadExtraHolidays(db),
    async queueOfficerMail(mail) {
      await db.transaction((tx) => insertOutbox(tx, mail, {}));
    },
  };
}

export function filingTransactionOf(tx: Tx): FilingTransaction {
  return {
    ...caseTransactionOf(tx),
    lookAround: (query) => lookAround(tx, query),
    recordInbound: (facts, record) => insertInbound(tx, facts, record),
    openCaseFromMessage: (work) => openCaseFromMessage(tx, work),
    async linkCampaign(caseIds, key) {
      await tx.update(cases).set({ campaignKey: key }).where(inArray(cases.id, [...caseIds]));
    },
  };
}

function intakeTransactionOf(tx: Tx, mailboxKey: string): IntakeTransaction {
  return {
    ...filingTransactionOf(tx),
    findRecorded: (keys) => findRecorded(tx, mailboxKey, keys),
    async advanceCheckpoint(highestUid) {
      await tx
        .update(mailboxState)
        .set({ lastUid: sql`greatest(${mailboxState.lastUid}, ${highestUid})`, updatedAt: sql`now()` })
        .where(eq(mailboxState.mailbox, mailboxKey));
    },
    forgetPrepareAttempts: (keys) => forgetPrepareAttempts(tx, mailboxKey, keys),
  };
}

async function findRecorded(tx: Tx, mailbox: string, keys: readonly InboundKey[]): Promise<RecordedInbound[]> {
  const uidValidities = [...new Set(keys.map((k) => k.uidValidity))];
  return tx
    .select({ id: inboundMessages.id, uidValidity: inboundMessages.uidValidity, uid: inboundMessages.uid, destinationFolder: inboundMessages.destinationFolder })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.mailbox, mailbox), inArray(inboundMessages.uidValidity, uidValidities), inArray(inboundMessages.uid, keys.map((k) => k.uid))));
}

async function insertInbound(tx: Tx, facts: InboundFacts, record: InboundRecord): Promise<number> {
  const [row] = await inboundInsert(tx, facts, record);
  return row!.id;
}
