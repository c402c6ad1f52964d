// Fetches what threading needs to decide where a reply belongs: cases named in the subject,
// cases owning a Message-ID the reply refers to, and the sender's recent open cases.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { ENDED_STATUSES } from '../../domain/case-status.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import { referencesInSubject, threadMessageIds, type ThreadCandidates } from '../../pipeline/case/thread-reply.js';
import type { Tx } from './database.js';
import { cases, inboundMessages, outbox } from './schema.js';

export async function findThreadCandidates(tx: Tx, mail: InboundMail, referencePattern: RegExp): Promise<ThreadCandidates> {
  const references = referencesInSubject(mail.subject, referencePattern);
  const { inReplyTo, references: refs } = threadMessageIds(mail);
  const ids = [...new Set([...inReplyTo, ...refs])];
  // The last resort (same sender, close subject) is only for mail that presents itself as a reply:
  // a requester's second, different request with a generic subject ("FOI request") is a new case.
  const sender = mail.from && looksLikeReply(mail) ? mail.from.address : null;
  // Independent reads, sent together: one round trip.
  const [byReference, inbound, sent, senderCases] = await Promise.all([
    references.length === 0 ? [] : tx.select({ caseId: cases.id, reference: cases.reference }).from(cases).where(inArray(cases.reference, references)),
    ids.length === 0 ? [] : tx.select({ caseId: inboundMessages.caseId, messageId: inboundMessages.messageId }).from(inboundMessages).where(inArray(inboundMessages.messageId, ids)),
    ids.length === 0 ? [] : tx.select({ caseId: outbox.caseId, messageId: outbox.messageId }).from(outbox).where(inArray(outbox.messageId, ids)),
    sender === null ? [] : tx
      .select({ caseId: cases.id, address: cases.requesterAddress, subject: cases.subject, lastActivityAt: cases.receivedAt })
      .from(cases)
      .where(and(eq(cases.requesterAddress, sender), notInArray(cases.status, [...ENDED_STATUSES]))),
  ]);
  const byMessageId = [...inbound, ...sent]
    .filter((m): m is { caseId: number; messageId: string } => m.caseId !== null && m.messageId !== null);
  const bySender = senderCases.map((c) => ({ ...c, address: c.address ?? '' }));
  return { byReference, byMessageId, bySender };
}

const REPLY_PREFIX = /^\s*((re|aw|sv|antw|vs|odp|r)\s*(\[\d+\])?\s*:)/i;

function looksLikeReply(mail: InboundMail): boolean {
  return REPLY_PREFIX.test(mail.subject) || mail.inReplyTo !== null;
}
