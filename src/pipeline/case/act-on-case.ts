// Officers' actions on a case (`foi-intake case clarify|extend|respond|close|withdraw|reopen`):
// the lifecycle decides, and in one transaction the case, its audit events and the mail to the
// requester are written. Nothing is sent here; the outbox worker sends.
import type { Db } from '../../adapters/db/database.js';
import { insertOutbox } from '../../adapters/db/outbox-store.js';
import { lockCase, saveTransition, snapshotOf, stateOfRow } from '../../adapters/db/case-state-store.js';
import { AppError } from '../../errors.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { composeCaseUpdate, composeClarificationRequest, composeExtensionNotice } from '../notify/compose-case-updates.js';
import type { NotifySettings } from '../notify/compose-messages.js';
import { asNotifyDirectory, type NotifyDirectory } from '../notify/notify-directory.js';
import { applyCaseAction, type CaseAction, type LifecycleContext } from './case-lifecycle.js';

export interface CaseActionOutcome {
  reference: string;
  status: string;
  dueDate: string | null;
  explain: string[];
  queued: string[];
}

export interface ActOptions {
  now: Date;
  /** One mailbox's settings, or every mailbox's: the requester hears from the case's own mailbox. */
  notify: NotifySettings | NotifyDirectory;
  context?: LifecycleContext;
  /** The officer's words for a clarification request. */
  message?: string;
}

export async function actOnCase(db: Db, reference: string, action: CaseAction, options: ActOptions): Promise<CaseActionOutcome> {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { reference });
    if (!row) throw new AppError('case.not_found', `no case ${reference}`);
    const state = stateOfRow(row);
    if (!state) throw new AppError('cli.invalid_argument', `${reference} is ${row.kind.replace('_', ' ')} correspondence with no statutory clock`);
    const result = applyCaseAction(state, action, options.now, options.context);
    if (!result.ok) throw new AppError('cli.invalid_argument', `${reference}: ${result.reason}`);
    await saveTransition(tx, row.id, result.next, result.events, result.dueExplain);
    const snapshot = { ...(await snapshotOf(tx, row)), status: result.next.status, dueDate: result.next.dueDate };
    const mail = mailFor(action, snapshot, options.message, asNotifyDirectory(options.notify).settingsOf(row.mailbox));
    await insertOutbox(tx, mail, { caseId: row.id });
    return { reference, status: result.next.status, dueDate: result.next.dueDate, explain: result.dueExplain, queued: mail.map((m) => m.purpose) };
  });
}

function mailFor(action: CaseAction, snapshot: Awaited<ReturnType<typeof snapshotOf>>, message: string | undefined, notify: NotifySettings): OutgoingMail[] {
  switch (action.type) {
    case 'seek_clarification':
      if (!message?.trim()) throw new AppError('cli.invalid_argument', 'a clarification request needs the message to send (--message FILE)');
      return [composeClarificationRequest(snapshot, message, notify)];
    case 'extend':
      return [
        composeExtensionNotice(snapshot, { kind: action.extension, reason: action.reason }, notify),
        composeCaseUpdate(snapshot, `deadline extended to ${snapshot.dueDate}`, [action.reason], notify),
      ];
    default:
      return [];
  }
}
