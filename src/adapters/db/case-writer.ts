// Inserts a new case with its questions and its first audit events, allocating the next
// reference of the year under the counter row's lock (safe with several writers).
import type { CaseDraft, OpenedCase } from '../../domain/foi-case.js';
import { formatReference } from '../../pipeline/case/format-reference.js';
import type { Db, Tx } from './database.js';
import { nextSequence } from './reference-counter.js';
import { caseEvents, cases, questions } from './schema.js';


export async function insertCase(tx: Tx, draft: CaseDraft, referenceFormat: string): Promise<OpenedCase> {
  const year = Number(draft.receivedDate.slice(0, 4));
  const reference = formatReference(referenceFormat, year, await nextSequence(tx, referenceFormat, year));
  const [row] = await tx
    .insert(cases)
    .values({
      reference, kind: draft.kind, regime: draft.regime ?? 'none', status: 'received', receivedAt: draft.receivedAt, jurisdiction: draft.jurisdiction,
      receivedDate: draft.receivedDate, dueDate: draft.dueDate, dueExplain: draft.dueExplain,
      requesterName: draft.requester.name, requesterAddress: draft.requester.address, subject: draft.subject,
      analysis: draft.analysis, flags: draft.flags, mailbox: draft.mailbox,
    })
    .returning({ id: cases.id });
  const caseId = row!.id;
  // Sent together: one round trip for both.
  await Promise.all([
    draft.questions.length > 0
      ? tx.insert(questions).values(draft.questions.map((q, position) => ({ caseId, position, number: q.number, text: q.text, topics: q.topics })))
      : null,
    tx.insert(caseEvents).values(openingEvents(caseId, draft)),
  ]);
  return { ...draft, id: caseId, reference };
}

function openingEvents(caseId: number, draft: CaseDraft) {
  const at = new Date();
  const opened = {
    caseId, at, event: 'case_opened', fromStatus: null, toStatus: 'received', cause: 'inbound message',
    details: { kind: draft.kind, regime: draft.regime, dueDate: draft.dueDate },
  };
  const ack = draft.acknowledge.send
    ? { caseId, at, event: 'acknowledgement_queued', fromStatus: 'received', toStatus: 'received', cause: 'automatic', details: {} }
    : { caseId, at, event: 'acknowledgement_withheld', fromStatus: 'received', toStatus: 'received', cause: draft.acknowledge.reason, details: {} };
  return [opened, ack];
}
