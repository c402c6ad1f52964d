// Automated mail that refers to one of our cases (an out-of-office answering our acknowledgement,
// a bounce of it) is filed with that case as an event, never a case of its own and never
// answered; a bounced acknowledgement is flagged for officers. Anything else is held.
import { inArray } from 'drizzle-orm';
import type { CaseStatus } from '../../domain/foi-case.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { AutomatedVerdict } from '../../pipeline/analyse/detect-automated-mail.js';
import { bouncedMessageIds } from '../../pipeline/analyse/bounced-message-ids.js';
import { composeCaseUpdate } from '../../pipeline/notify/compose-case-updates.js';
import type { NotifySettings } from '../../pipeline/notify/compose-messages.js';
import { addFlag, insertEvents, lockCase, snapshotOf } from './case-state-store.js';
import type { Tx } from './database.js';
import { inboundMessages, outbox } from './schema.js';

export interface AutomatedFiling {
  caseId: number;
  outgoing: OutgoingMail[];
}

/** The case this automated message is about, with the events and notices it causes; null when none. */
export async function fileAutomatedMail(
  tx: Tx, mail: InboundMail, verdict: Extract<AutomatedVerdict, { automated: true }>, notifyFor: (caseMailbox: string) => NotifySettings, now: Date,
): Promise<AutomatedFiling | null> {
  const report = bouncedMessageIds(mail);
  if (report.messageIds.length === 0) return null;
  const sent = await tx.select({ caseId: outbox.caseId, messageId: outbox.messageId, purpose: outbox.purpose }).from(outbox).where(inArray(outbox.messageId, report.messageIds));
  const received = await tx.select({ caseId: inboundMessages.caseId }).from(inboundMessages).where(inArray(inboundMessages.messageId, report.messageIds));
  const caseIds = [...new Set([...sent, ...received].map((m) => m.caseId).filter((id): id is number => id !== null))];
  if (caseIds.length !== 1) return null;
  const row = (await lockCase(tx, { id: caseIds[0]! }))!;
  const bouncedAck = report.report === 'bounce' && sent.some((m) => m.purpose === 'acknowledgement');
  const details = { oldDueDate: row.dueDate, newDueDate: row.dueDate, reason: verdict.reason, report: report.report, status: report.status };
  await insertEvents(tx, row.id, [{
    event: bouncedAck ? 'acknowledgement_bounced' : 'automated_reply_attached', at: now, fromStatus: row.status as CaseStatus, toStatus: row.status as CaseStatus,
    cause: bouncedAck ? `acknowledgement undeliverable (${report.status ?? 'bounce'})` : `automated mail attached (${verdict.reason})`, details,
  }]);
  if (!bouncedAck) return { caseId: row.id, outgoing: [] };
  const flag = `Acknowledgement undeliverable: the requester's server bounced it${report.status ? ` (status ${report.status})` : ''}`;
  await addFlag(tx, row.id, flag);
  return { caseId: row.id, outgoing: [composeCaseUpdate(await snapshotOf(tx, row), 'acknowledgement undeliverable', [flag], notifyFor(row.mailbox))] };
}
