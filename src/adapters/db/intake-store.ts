// The intake store over drizzle: a batch's transaction under the mailbox row's lock, a message's
// surroundings read in one round trip, its row written, the checkpoint advanced. It answers the
// questions the decider asks (pipeline/case/inbound-fate.ts) and decides none of them.
import { and, eq, gt, inArray, isNotNull, ne, notInArray, sql } from 'drizzle-orm';
import { ENDED_STATUSES } from '../../domain/case-status.js';
import type { FilingTransaction, InboundFacts, InboundKey, InboundRecord, Surroundings, SurroundingsQuery } from '../../pipeline/case/filing-store.js';
import type { IntakeStore, IntakeTransaction, RecordedInbound } from '../../pipeline/intake/intake-store.js';
import { caseTransactionOf } from './case-store.js';
import { inboundInsert, openCaseFromMessage } from './new-case-writes.js';
import type { Db, Tx } from './database.js';
import { loadExtraHolidays } from './holiday-store.js';
import { isTransientDatabaseFailure } from './transient-failure.js';
import { recordPoll, syncCheckpoint } from './mailbox-state-store.js';
import { sequenceBatch } from './reference-counter.js';
import { acknowledgementsSentTo, insertOutbox } from './outbox-store.js';
import { beginPrepareAttempt, beginPrepareAttempts, endPrepareAttempts, forgetPrepareAttempts, recordPrepareFailure } from './prepare-attempts-store.js';
import { cases, inboundMessages, mailboxState, outbox } from './schema.js';

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

/**
 * Every read the query asks for goes out together (postgres.js pipelines them on the transaction's
 * connection): one round trip rather than one each. Parts not asked for are not read.
 */
async function lookAround(tx: Tx, query: SurroundingsQuery): Promise<Surroundings> {
  const { references, messageIds, senderCasesOf: sender, repeats, acknowledgementsTo } = query;
  const ids = [...messageIds];
  const keys = query.reusedIdKey === null ? [query.dedupeKey] : [query.dedupeKey, query.reusedIdKey];
  const [sightings, byReference, byImportedReference, received, sent, senderCases, own, others, acknowledgementsSent] = await Promise.all([
    tx.select({
      id: inboundMessages.id, key: inboundMessages.dedupeKey, folder: inboundMessages.destinationFolder, contentHash: inboundMessages.contentHash,
      fromAddress: inboundMessages.fromAddress, bodyHash: inboundMessages.bodyHash,
    }).from(inboundMessages).where(inArray(inboundMessages.dedupeKey, keys)),
    references.length === 0 ? [] : tx
      .select({ caseId: cases.id, reference: cases.reference, requesterAddress: cases.requesterAddress })
      .from(cases).where(inArray(cases.reference, [...references])),
    // Exact, on the upper(reference) index: only imported cases keep references of another format.
    (query.importedReferences ?? []).length === 0 ? [] : tx
      .select({ caseId: cases.id, reference: cases.reference, requesterAddress: cases.requesterAddress })
      .from(cases).where(and(eq(cases.imported, true), inArray(sql`upper(${cases.reference})`, [...query.importedReferences!]))),
    ids.length === 0 ? [] : tx
      .select({ caseId: inboundMessages.caseId, messageId: inboundMessages.messageId, requesterAddress: cases.requesterAddress, reference: cases.reference })
      .from(inboundMessages).leftJoin(cases, eq(cases.id, inboundMessages.caseId)).where(inArray(inboundMessages.messageId, ids)),
    ids.length === 0 ? [] : tx
      .select({ caseId: outbox.caseId, messageId: outbox.messageId, purpose: outbox.purpose, requesterAddress: cases.requesterAddress, reference: cases.reference })
      .from(outbox).leftJoin(cases, eq(cases.id, outbox.caseId)).where(inArray(outbox.messageId, ids)),
    sender === null ? [] : tx
      .select({ caseId: cases.id, address: cases.requesterAddress, subject: cases.subject, lastActivityAt: cases.receivedAt })
      .from(cases)
      .where(and(eq(cases.requesterAddress, sender), notInArray(cases.status, [...ENDED_STATUSES]))),
    repeats === null ? [] : tx
      .select({ caseId: cases.id, reference: cases.reference, fingerprint: inboundMessages.fingerprint })
      .from(inboundMessages)
      .innerJoin(cases, eq(cases.id, inboundMessages.caseId))
      .where(and(eq(cases.requesterAddress, repeats.address), eq(inboundMessages.disposition, 'opened_case'), gt(inboundMessages.createdAt, repeats.since), isNotNull(inboundMessages.fingerprint))),
    repeats === null ? [] : tx
      .select({ caseId: cases.id, reference: cases.reference })
      .from(inboundMessages)
      .innerJoin(cases, eq(cases.id, inboundMessages.caseId))
      .where(and(eq(inboundMessages.fingerprintHash, repeats.fingerprintHash), ne(cases.requesterAddress, repeats.address), gt(inboundMessages.createdAt, repeats.since))),
    acknowledgementsTo === null ? 0 : acknowledgementsSentTo(tx, acknowledgementsTo.address, acknowledgementsTo.since),
  ]);
  const first = sightings.find((s) => s.key === query.dedupeKey);
  const again = sightings.find((s) => s.key === query.reusedIdKey);
  return {
    firstSighting: first ? { inboundId: first.id, folder: first.folder, contentHash: first.contentHash, fromAddress: first.fromAddress, bodyHash: first.bodyHash } : null,
    reusedIdSighting: again ? { inboundId: again.id, folder: again.folder } : null,
    byReference: [...byReference, ...byImportedReference.filter((c) => !byReference.some((b) => b.caseId === c.caseId))],
    messageOwners: [
      ...received.filter((m) => m.messageId !== null).map((m) => ({ ...m, messageId: m.messageId!, purpose: null })),
      ...sent,
    ],
    senderCases: senderCases.map((c) => ({ ...c, address: c.address ?? '' })),
    repeats: { own: own.map((r) => ({ ...r, fingerprint: r.fingerprint ?? '' })), others },
    acknowledgementsSent,
  };
}

async function insertInbound(tx: Tx, facts: InboundFacts, record: InboundRecord): Promise<number> {
  const [row] = await inboundInsert(tx, facts, record);
  return row!.id;
}
