// Files a message with the case it belongs to, the way every action on a case goes: lock the case,
// decide in pure code (a clarification restarts the clock, a review request opens a linked review,
// a repeat or an automated report is noted), then save the change and queue its mail.
import { caseFlag } from '../../domain/case-flag.js';
import type { CaseDraft, CaseEvent } from '../../domain/foi-case.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import { AppError } from '../../errors.js';
import { composeCaseUpdate, composeClarificationAcknowledgement } from '../notify/compose-case-updates.js';
import type { NotifySettings } from '../notify/compose-messages.js';
import { newCaseMail, nextReference, openingEvents } from './case-opening.js';
import { asHistory, historyCutoff } from './history-mail.js';
import type { CaseChange, LockedCase } from './case-store.js';
import type { FilingTransaction, InboundFacts } from './filing-store.js';
import {
  automatedMailNote, dedupeKeyOf, type CommitResult, type Fate, type FilingContext, type PreparedAutomated, type PreparedRequest,
} from './inbound-fate.js';
import { decideReplyEffect } from './reply-effect.js';
import { messageIdReusedFlag } from './message-identity.js';

type AttachFate = Extract<Fate, { type: 'reply' | 'repeat' | 'automated' }>;

/** What filing does, decided before anything is written. */
interface Filing {
  effect: 'clarification' | 'review' | 'correspondence' | 'duplicate' | 'automated';
  change: CaseChange;
  mail: OutgoingMail[];
  /** A review request opens a linked review case (its mail is composed once it has a reference). */
  review?: { draft: CaseDraft; events: CaseEvent[]; request: PreparedRequest };
  /** The row's note on the message (an automated message's verdict). */
  error?: string;
}

export async function attachToCase(tx: FilingTransaction, facts: InboundFacts, fate: AttachFate, context: FilingContext): Promise<CommitResult> {
  const foiCase = await tx.lockCase({ id: fate.caseId });
  if (!foiCase) throw new AppError('case.not_found', `case ${fate.caseId} is gone`);
  // A reply reaching another of our mailboxes is answered in its case's mailbox's name.
  const notify = context.notify.settingsOf(foiCase.mailbox, context.settings.mailboxName);
  const filing = fate.type === 'automated' ? automatedFiling(foiCase, fate.automated, fate.bouncedAcknowledgement, context.now, notify)
    : fate.type === 'repeat' ? repeatFiling(foiCase, fate.request, context.now, notify)
      : replyFiling(foiCase, fate.request, context, notify);
  if (fate.reusedMessageIdOf !== undefined) {
    filing.change = { ...filing.change, flags: [...(filing.change.flags ?? []), messageIdReusedFlag(fate.reusedMessageIdOf)] };
  }
  let filedWith = foiCase.id;
  // History filed with its case writes to nobody: the requester wrote long ago, officers see the case.
  const history = historyCutoff(facts.internalDate, context.acknowledgementCutoff);
  let mail = history ? [] : filing.mail;
  if (filing.review) {
    const draft = history ? asHistory(filing.review.draft, history) : filing.review.draft;
    const { events, request } = filing.review;
    const reference = await nextReference(tx, context.settings.referenceFormat, draft.receivedDate);
    mail = newCaseMail({ ...draft, reference }, request.mail, notify);
    filedWith = await tx.openCase({ draft, reference, events, parentCaseId: foiCase.id });
  }
  const [inboundId] = await Promise.all([
    tx.recordInbound(facts, {
      disposition: 'attached', parseOutcome: fate.type === 'automated' ? 'automated' : 'parsed', caseId: filedWith, error: filing.error,
      dedupeKey: dedupeKeyOf(facts), keepRaw: true, destinationFolder: context.settings.processedFolder,
    }),
    tx.saveChange(filing.change),
  ]);
  await tx.queueMail(mail, { inboundId, caseId: filedWith });
  return { type: 'attached', inboundId, caseId: filedWith, effect: filing.effect, destinationFolder: context.settings.processedFolder };
}

function replyFiling(foiCase: LockedCase, request: PreparedRequest, context: FilingContext, notify: NotifySettings): Filing {
  const { snapshot, state } = foiCase;
  const { draft } = request;
  if (!state) {
    const event: CaseEvent = { event: 'message_attached', at: context.now, fromStatus: null, toStatus: snapshot.status, cause: 'reply attached', details: { oldDueDate: null, newDueDate: null } };
    return { effect: 'correspondence', change: { caseId: foiCase.id, events: [event] }, mail: [composeCaseUpdate(snapshot, 'reply received', [], notify)] };
  }
  const effect = decideReplyEffect(
    { state, kind: draft.kind, receivedAt: draft.receivedAt, chaser: draft.kind === 'other' }, context.now, { extraHolidays: context.extraHolidays },
  );
  if (effect.effect === 'clarification') {
    const updated = { ...snapshot, status: effect.next.status, dueDate: effect.next.dueDate };
    const restarted = effect.next.clarificationReceived;
    return {
      effect: 'clarification',
      change: { caseId: foiCase.id, events: effect.events, transition: { next: effect.next, dueExplain: effect.dueExplain } },
      mail: [
        composeClarificationAcknowledgement(updated, restarted ?? draft.receivedDate, notify),
        composeCaseUpdate(updated, `clarification received; due ${effect.next.dueDate}`, [`The clock restarted from ${restarted} (FOIA s.10(6)(b)).`], notify),
      ],
    };
  }
  if (effect.effect === 'review') {
    // A review belongs to the mailbox of the case it reviews, whichever mailbox the request came in by.
    const review: CaseDraft = {
      ...draft, kind: 'internal_review', regime: effect.review.state.regime, dueDate: effect.review.state.dueDate, dueExplain: effect.review.dueExplain,
      receivedDate: effect.review.state.receivedDate, acknowledge: { send: true }, mailbox: foiCase.mailbox,
    };
    return {
      effect: 'review',
      change: { caseId: foiCase.id, events: effect.parent.events, transition: { next: effect.parent.next, dueExplain: [] } },
      mail: [],
      review: { draft: review, events: [...openingEvents(review, context.now), ...effect.review.events], request },
    };
  }
  const flag = effect.flag;
  return {
    effect: 'correspondence',
    change: { caseId: foiCase.id, events: effect.events, flags: flag ? [flag] : [] },
    mail: effect.notifyOfficers ? [composeCaseUpdate(snapshot, flag?.text ?? 'reply received', flag ? [flag.text] : [], notify)] : [],
  };
}

function repeatFiling(foiCase: LockedCase, request: PreparedRequest, now: Date, notify: NotifySettings): Filing {
  const { status, dueDate } = foiCase.snapshot;
  const flag = caseFlag('duplicate', `Duplicate: the requester sent this request again on ${request.draft.receivedDate}`);
  const event: CaseEvent = {
    event: 'duplicate_received', at: now, fromStatus: status, toStatus: status,
    cause: 'the same requester sent a near-identical request', details: { oldDueDate: dueDate, newDueDate: dueDate },
  };
  return {
    effect: 'duplicate',
    change: { caseId: foiCase.id, events: [event], flags: [flag] },
    mail: [composeCaseUpdate(foiCase.snapshot, 'duplicate request received', [flag.text], notify)],
  };
}

// An out-of-office reply or a bounce is an event on its case; a bounced acknowledgement is flagged for officers.
function automatedFiling(foiCase: LockedCase, automated: PreparedAutomated, bouncedAcknowledgement: boolean, now: Date, notify: NotifySettings): Filing {
  const { status, dueDate } = foiCase.snapshot;
  const { verdict, report } = automated;
  const event: CaseEvent = {
    event: bouncedAcknowledgement ? 'acknowledgement_bounced' : 'automated_reply_attached', at: now, fromStatus: status, toStatus: status,
    cause: bouncedAcknowledgement ? `acknowledgement undeliverable (${report.status ?? 'bounce'})` : `automated mail attached (${verdict.reason})`,
    details: { oldDueDate: dueDate, newDueDate: dueDate, reason: verdict.reason, report: report.report, status: report.status },
  };
  const error = automatedMailNote(verdict);
  if (!bouncedAcknowledgement) return { effect: 'automated', change: { caseId: foiCase.id, events: [event] }, mail: [], error };
  const flag = caseFlag('bounced', `Acknowledgement undeliverable: the requester's server bounced it${report.status ? ` (status ${report.status})` : ''}`);
  return {
    effect: 'automated',
    change: { caseId: foiCase.id, events: [event], flags: [flag] },
    mail: [composeCaseUpdate(foiCase.snapshot, 'acknowledgement undeliverable', [flag.text], notify)],
    error,
  };
}
