// When mail to a requester cannot be delivered (a permanent rejection, or the last attempt
// failed), officers are told by mail as well as by the case's flag: the requester is waiting.
import { eq } from 'drizzle-orm';
import { composeCaseUpdate } from '../../pipeline/notify/compose-case-updates.js';
import type { NotifySettings } from '../../pipeline/notify/compose-messages.js';
import { asNotifyDirectory, type NotifyDirectory } from '../../pipeline/notify/notify-directory.js';
import { isRequesterFacing } from '../../domain/outgoing-mail.js';
import type { Db } from './database.js';
import { snapshotOf } from './case-state-store.js';
import { insertOutbox, type OutboxRow } from './outbox-store.js';
import { cases } from './schema.js';


/** The alert goes to the officers of the case's own mailbox. */
export async function queueDeliveryAlert(db: Db, notify: NotifySettings | NotifyDirectory, row: OutboxRow, error: string): Promise<void> {
  // Officers' own mail is not alerted about (an undeliverable alert would alert again, for ever).
  if (row.caseId === null || !isRequesterFacing(row.purpose)) return;
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, row.caseId));
  if (!caseRow) return;
  const headline = `${row.purpose.replace(/_/g, ' ')} could not be delivered`;
  const details = [`To: ${row.recipients.join(', ')}`, `After ${row.attempts + 1} attempt(s): ${error}`];
  await insertOutbox(db, [composeCaseUpdate(await snapshotOf(db, caseRow), headline, details, asNotifyDirectory(notify).settingsOf(caseRow.mailbox))], { caseId: row.caseId });
}
