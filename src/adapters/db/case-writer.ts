// Inserts a new case with its questions and its first audit events, allocating the next
// reference of the year under the counter row's lock (safe with several writers).
import { sql } from 'drizzle-orm';
import type { CaseDraft, OpenedCase } from '../../domain/foi-case.js';
import { formatReference } from '../../pipeline/case/format-reference.js';
import type { Db } from './database.js';
import { caseEvents, cases, questions, referenceCounters } from './schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function nextSequence(tx: Tx, year: number): Promise<number> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({ target: referenceCounters.year, set: { lastValue: sql`${referenceCounters.lastValue} + 1` } })
    .returning({ value: referenceCounters.lastValue });
  return row!.value;
}

export async function insertCase(tx: Tx, draft: CaseDraft, referenceFormat: string): Promise<OpenedCase> {
  const year = Number(draft.receivedDate.slice(0, 4));
  const reference = formatReference(referenceFormat, year, await nextSequence(tx, year));
  const [row] = await tx
    .insert(cases)
    .values({
      reference, kind: draft.kind, regime: draft.regime ?? 'none', status: 'received', receivedAt: draft.receivedAt, jurisdiction: draft.jurisdiction,
      receivedDate: draft.receivedDate, dueDate: draft.dueDate, dueExplain: draft.dueExplain,
      requesterName: draft.requester.name, requesterAddress: draft.requester.address, subject: draft.subject,
      analysis: draft.analysis, flags: draft.flags,
    })
    .returning({ id: cases.id });
  const caseId = row!.id;
  if (draft.questions.length > 0) {
    await tx.insert(questions).values(
      draft.questions.map((q, position) => ({ caseId, position, number: q.number, text: q.text, topics: q.topics })),
    );
  }
  await tx.insert(caseEvents).values(openingEvents(caseId, draft));
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
