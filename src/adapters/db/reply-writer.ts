// Writes what a reply threaded to a case does, in the message's transaction: a clarification
// restarts the clock and is acknowledged; a review request opens a linked review case with its
// own deadline and acknowledgement; anything else is attached as correspondence (chasers flagged).
import type { ExtraHoliday } from '../../clock/index.js';
import type { CaseDraft, OpenedCase } from '../../domain/foi-case.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { decideReplyEffect } from '../../pipeline/case/reply-effect.js';
import { composeCaseUpdate, composeClarificationAcknowledgement } from '../../pipeline/notify/compose-case-updates.js';
import { composeAcknowledgement, composeOfficerSummary, type NotifySettings } from '../../pipeline/notify/compose-messages.js';
import { insertCase } from './case-writer.js';
import { addFlag, insertEvents, lockCase, saveTransition, snapshotOf, type CaseRow } from './case-state-store.js';
import type { Tx } from './database.js';
import { stateOfRow } from './case-state-store.js';
import { eq } from 'drizzle-orm';
import { cases } from './schema.js';

export interface ReplyContext {
  mail: InboundMail;
  draft: CaseDraft;
  /** The case's own mailbox's settings: the requester hears from the address the case is handled at. */
  notifyFor: (caseMailbox: string) => NotifySettings;
  referenceFormat: string;
  extraHolidays?: readonly ExtraHoliday[];
  now: Date;
}

export interface ReplyWritten {
  /** The case the inbound message is filed under (the new review case, for a review). */
  caseId: number;
  outgoing: OutgoingMail[];
  effect: 'clarification' | 'review' | 'correspondence';
}

export async function writeReply(tx: Tx, caseId: number, ctx: ReplyContext): Promise<ReplyWritten> {
  const row = (await lockCase(tx, { id: caseId }))!;
  const state = stateOfRow(row);
  const snapshot = await snapshotOf(tx, row);
  const notify = ctx.notifyFor(row.mailbox);
  if (!state) {
    await insertEvents(tx, caseId, [{ event: 'message_attached', at: ctx.now, fromStatus: null, toStatus: row.status as never, cause: 'reply attached', details: { oldDueDate: null, newDueDate: null } }]);
    return { caseId, effect: 'correspondence', outgoing: [composeCaseUpdate(snapshot, 'reply received', [], notify)] };
  }
  const effect = decideReplyEffect(
    { state, kind: ctx.draft.kind, receivedAt: ctx.draft.receivedAt, chaser: ctx.draft.kind === 'other' }, ctx.now, { extraHolidays: ctx.extraHolidays },
  );
  if (effect.effect === 'clarification') {
    await saveTransition(tx, caseId, effect.next, effect.events, effect.dueExplain);
    const updated = { ...snapshot, status: effect.next.status, dueDate: effect.next.dueDate };
    return {
      caseId, effect: 'clarification',
      outgoing: [
        composeClarificationAcknowledgement(updated, effect.next.clarificationReceived ?? ctx.draft.receivedDate, notify),
        composeCaseUpdate(updated, `clarification received; due ${effect.next.dueDate}`, [`The clock restarted from ${effect.next.clarificationReceived} (FOIA s.10(6)(b)).`], notify),
      ],
    };
  }
  if (effect.effect === 'review') {
    await saveTransition(tx, caseId, effect.parent.next, effect.parent.events, []);
    const review = await openReview(tx, row, effect.review, ctx);
    await insertEvents(tx, review.id, effect.review.events);
    return { caseId: review.id, effect: 'review', outgoing: [composeAcknowledgement(review, ctx.mail, notify), composeOfficerSummary(review, ctx.mail, notify)] };
  }
  await insertEvents(tx, caseId, effect.events);
  if (effect.flag) await addFlag(tx, caseId, effect.flag);
  const outgoing = effect.notifyOfficers ? [composeCaseUpdate(snapshot, effect.flag ?? 'reply received', effect.flag ? [effect.flag] : [], notify)] : [];
  return { caseId, effect: 'correspondence', outgoing };
}

/** A review belongs to the mailbox of the case it reviews, whichever mailbox the request came in by. */
async function openReview(tx: Tx, parent: CaseRow, review: { state: { regime: CaseDraft['regime']; dueDate: string | null; receivedDate: string }; dueExplain: string[] }, ctx: ReplyContext): Promise<OpenedCase> {
  const draft: CaseDraft = {
    ...ctx.draft, kind: 'internal_review', regime: review.state.regime, dueDate: review.state.dueDate, dueExplain: review.dueExplain,
    receivedDate: review.state.receivedDate, acknowledge: { send: true }, mailbox: parent.mailbox,
  };
  const opened = await insertCase(tx, draft, ctx.referenceFormat);
  await tx.update(cases).set({ parentCaseId: parent.id }).where(eq(cases.id, opened.id));
  return opened;
}
