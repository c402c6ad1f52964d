// A new case's opening, the same whether a request opens it or a review request does: its reference,
// its first audit events and the mail it sends (pure: the case with its reference, and `now`, in).
import type { CaseDraft, CaseEvent, ReferencedCase } from '../../domain/foi-case.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { composeAcknowledgement, composeComplaintReceipt, composeOfficerSummary, type NotifySettings } from '../notify/compose-messages.js';
import type { CaseTransaction } from './case-store.js';
import { formatReference } from './format-reference.js';

/** The next reference of the format, in the year of the case's date of receipt. */
export async function nextReference(tx: Pick<CaseTransaction, 'nextSequence'>, format: string, receivedDate: string): Promise<string> {
  const year = Number(receivedDate.slice(0, 4));
  return formatReference(format, year, await tx.nextSequence(format, year));
}

/** The officers' summary always; the requester's acknowledgement (a complaint: a receipt) unless withheld. */
export function newCaseMail(foiCase: ReferencedCase, mail: InboundMail, notify: NotifySettings): OutgoingMail[] {
  // History: the pass's one import summary stands in for the officers' summary; no acknowledgement.
  if (foiCase.imported) return [];
  const summary = composeOfficerSummary(foiCase, mail, notify);
  if (!foiCase.acknowledge.send) return [summary];
  const reply = foiCase.acknowledge.form === 'complaint_receipt' ? composeComplaintReceipt(foiCase, mail, notify) : composeAcknowledgement(foiCase, mail, notify);
  return [reply, summary];
}

/** A new case's first audit events: opened, and its acknowledgement queued or withheld (with why). */
export function openingEvents(draft: CaseDraft, now: Date): CaseEvent[] {
  const opened: CaseEvent = {
    event: 'case_opened', at: now, fromStatus: null, toStatus: 'received', cause: 'inbound message',
    details: { kind: draft.kind, regime: draft.regime, dueDate: draft.dueDate },
  };
  const acknowledgement: CaseEvent = draft.acknowledge.send
    ? { event: 'acknowledgement_queued', at: now, fromStatus: 'received', toStatus: 'received', cause: 'automatic', details: {} }
    : { event: 'acknowledgement_withheld', at: now, fromStatus: 'received', toStatus: 'received', cause: draft.acknowledge.reason, details: {} };
  if (!draft.imported) return [opened, acknowledgement];
  const imported: CaseEvent = {
    event: 'case_imported', at: now, fromStatus: 'received', toStatus: 'received', cause: 'received before the acknowledgement cutoff',
    details: { source: draft.imported.source, cutoff: draft.imported.cutoff.toISOString() },
  };
  return [opened, imported, acknowledgement];
}
