// A new case and the message that opened it, written in one round trip: the case row, its questions
// and opening events, the message's row, the campaign link and the case's mail are sent together.
// The server runs them in the order sent, in the batch's transaction, so the later rows find the case
// and the message by their unique keys (reference; mailbox, UIDVALIDITY and UID) rather than waiting
// for their ids. Each statement is started explicitly, in that order (awaiting them in a list would
// leave the order to the microtask queue).
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { InboundFacts, InboundRecord, NewCaseFromMessage, OpenedFromMessage } from '../../pipeline/case/filing-store.js';
import { caseDetailWrites, caseRowOf } from './case-store.js';
import type { Tx } from './database.js';
import { outboxInsert } from './outbox-store.js';
import { cases, inboundMessages } from './schema.js';

export function openCaseFromMessage(tx: Tx, work: NewCaseFromMessage): { written: Promise<OpenedFromMessage> } {
  const { opening, facts, record, campaign, mail } = work;
  const caseId = sql`(select ${cases.id} from ${cases} where ${cases.reference} = ${opening.reference})`;
  const inboundId = sql`(select ${inboundMessages.id} from ${inboundMessages} where ${inboundMessages.mailbox} = ${facts.mailboxKey} and ${inboundMessages.uidValidity} = ${facts.uidValidity} and ${inboundMessages.uid} = ${facts.uid})`;
  const opened = tx.insert(cases).values(caseRowOf(opening)).returning({ id: cases.id }).execute();
  const details = caseDetailWrites(tx, caseId, opening).map((write) => write.execute());
  const recorded = inboundInsert(tx, facts, { ...record, caseId }).execute();
  const linked = campaign
    ? tx.update(cases).set({ campaignKey: campaign.key }).where(or(inArray(cases.id, [...campaign.caseIds]), eq(cases.reference, opening.reference))).execute()
    : null;
  const queued = mail.length > 0 ? outboxInsert(tx, mail, { caseId, inboundId }).execute() : null;
  const written = Promise.all([opened, recorded, ...details, linked, queued]).then(([[caseRow], [inboundRow]]) => ({ caseId: caseRow!.id, inboundId: inboundRow!.id }));
  return { written };
}

/** The insert of a message's row, returning its id, not yet sent; its case by id or by a subquery. */
export function inboundInsert(tx: Tx, facts: InboundFacts, record: Omit<InboundRecord, 'caseId'> & { caseId?: number | SQL }) {
  const { keepRaw, ...columns } = record;
  return tx
    .insert(inboundMessages)
    .values({
      mailbox: facts.mailboxKey, uidValidity: facts.uidValidity, uid: facts.uid, messageId: facts.messageId,
      fromAddress: facts.fromAddress ?? null, bodyHash: facts.bodyHash ?? null,
      contentHash: facts.contentHash, internalDate: facts.internalDate, sizeBytes: facts.size ?? facts.raw.length, raw: keepRaw ? facts.raw : null, ...columns,
    })
    .returning({ id: inboundMessages.id });
}
