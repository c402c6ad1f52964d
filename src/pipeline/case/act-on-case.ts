// Officers' actions on a case (`foi-intake case clarify|extend|respond|close|withdraw|reopen`, and the
// console's forms), the pattern every action on a case follows: lock the case → decide with the pure
// lifecycle → save the change and queue its mail, in one transaction. Nothing is sent here; the
// outbox worker sends.
import { AppError } from '../../errors.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { singleMailbox } from '../notify/single-mailbox.js';
import { composeCaseUpdate, composeClarificationRequest, composeExtensionNotice, type CaseSnapshot } from '../notify/compose-case-updates.js';
import type { NotifySettings } from '../notify/compose-messages.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import { applyCaseAction, type CaseAction, type LifecycleContext } from './case-lifecycle.js';
import type { CaseStore } from './case-store.js';

export interface CaseActionOutcome {
  reference: string;
  status: string;
  dueDate: string | null;
  explain: string[];
  queued: string[];
}

export interface ActOptions {
  now: Date;
  /** Every mailbox's mail settings: the requester hears from the case's own mailbox. */
  notify: NotifyDirectory;
  context?: LifecycleContext;
  /** The officer's words for a clarification request. */
  message?: string;
  /**
   * Optimistic concurrency (the console): the status and due date the officer saw when the page loaded.
   * If the case has moved on since, nothing is changed and the officer is told.
   */
  expected?: { status: string; dueDate: string | null };
}

export async function actOnCase(store: CaseStore, reference: string, action: CaseAction, options: ActOptions): Promise<CaseActionOutcome> {
  return store.inTransaction(async (tx) => {
    const foiCase = await tx.lockCase({ reference });
    if (!foiCase) throw new AppError('case.not_found', `no case ${reference}`);
    const { state } = foiCase;
    if (!state) throw new AppError('cli.invalid_argument', `${reference} is ${foiCase.kind.replace('_', ' ')} correspondence with no statutory clock`);
    if (options.expected && (options.expected.status !== state.status || options.expected.dueDate !== state.dueDate)) {
      throw new AppError('case.changed', `${reference} was changed by someone else since the page was loaded`);
    }
    const result = applyCaseAction(state, action, options.now, options.context);
    if (!result.ok) throw new AppError('cli.invalid_argument', `${reference}: ${result.reason}`);
    const snapshot = { ...foiCase.snapshot, status: result.next.status, dueDate: result.next.dueDate };
    const mail = mailFor(action, snapshot, options.message, options.notify.settingsOf(foiCase.mailbox));
    await Promise.all([
      tx.saveChange({ caseId: foiCase.id, events: result.events, transition: { next: result.next, dueExplain: result.dueExplain } }),
      tx.queueMail(mail, { caseId: foiCase.id }),
    ]);
    return { reference, status: result.next.status, dueDate: result.next.dueDate, explain: result.dueExplain, queued: mail.map((m) => m.purpose) };
  });
}

function mailFor(action: CaseAction, snapshot: CaseSnapshot, message: string | undefined, notify: NotifySettings): OutgoingMail[] {
  switch (action.type) {
    case 'seek_clarification':
      if (!message?.trim()) throw new AppError('cli.invalid_argument', 'a clarification request needs the message to send (--message FILE)');
      if (!singleMailbox(snapshot.requesterAddress ?? '')) throw new AppError('cli.invalid_argument', 'the case has no single requester address to send a clarification request to');
      return [composeClarificationRequest(snapshot, message, notify)];
    case 'extend':
      return [
        // An imported case may have no requester address: no mail is ever sent for it (DESIGN.md).
        ...(singleMailbox(snapshot.requesterAddress ?? '') ? [composeExtensionNotice(snapshot, { kind: action.extension, reason: action.reason }, notify)] : []),
        composeCaseUpdate(snapshot, `deadline extended to ${snapshot.dueDate}`, [action.reason], notify),
      ];
    default:
      return [];
  }
}
