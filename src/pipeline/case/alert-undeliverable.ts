// When mail to a requester cannot be delivered (a permanent rejection, or the last attempt failed),
// officers are told by mail as well as by the case's flag: the requester is waiting. An action on
// the case like any other: lock it, compose, queue, in one transaction.
import { isRequesterFacing } from '../../domain/outgoing-mail.js';
import { composeCaseUpdate } from '../notify/compose-case-updates.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import type { QueuedMail } from '../notify/outbox-store.js';
import type { CaseStore } from './case-store.js';

/** The alert goes to the officers of the case's own mailbox. */
export async function alertUndeliverable(store: CaseStore, notify: NotifyDirectory, row: QueuedMail, error: string): Promise<void> {
  const { caseId } = row;
  // Officers' own mail is not alerted about (an undeliverable alert would alert again, for ever).
  if (caseId === null || !isRequesterFacing(row.purpose)) return;
  await store.inTransaction(async (tx) => {
    const foiCase = await tx.lockCase({ id: caseId });
    if (!foiCase) return;
    const headline = `${row.purpose.replace(/_/g, ' ')} could not be delivered`;
    const details = [`To: ${row.to.join(', ')}`, `After ${row.attempts + 1} attempt(s): ${error}`];
    await tx.queueMail([composeCaseUpdate(foiCase.snapshot, headline, details, notify.settingsOf(foiCase.mailbox))], { caseId });
  });
}
