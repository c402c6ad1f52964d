// reply-effect.ts: what a reply threaded to a case does in law: while a clarification is awaited it is the clarification
// (the clock restarts from its receipt, FOIA s.1(3)/s.10(6)(b)); after a response a review request opens a review case.
import { londonDateOf, type IsoDate } from '../../clock/index.js';
import { caseFlag, type CaseFlag } from '../../domain/case-flag.js';
import { CLOCK_RUNNING_STATUSES, type CaseStatus } from '../../domain/case-status.js';
import type { RequestKind } from '../../domain/request-analysis.js';
import {
  applyCaseAction, noReviewReason, openReviewCase, REVIEW_REGIMES,
  type CaseEventDraft, type CaseState, type LifecycleContext,
} from './case-lifecycle.js';

export interface ThreadedReply {
  /** The case `threadReply` attached the message to. */
  state: CaseState;
  /** The analysis' kind for the reply. */
  kind: RequestKind;
  /** IMAP INTERNALDATE: when the authority received the reply, the date a restarted clock runs from. */
  receivedAt: Date;
  /** An auto-reply (out of office, bounce) never counts as a clarification or a review request (RFC 3834). */
  automated?: boolean;
  /** "Any update?": attached and flagged, never acknowledged. */
  chaser?: boolean;
}

/** The short acknowledgement the requester gets, stating the new due date. */
export interface ReplyAcknowledgement {
  dueDate: IsoDate;
}

export type ReplyEffect =
  | {
    effect: 'clarification';
    next: CaseState; events: CaseEventDraft[]; dueExplain: string[];
    acknowledge: ReplyAcknowledgement; notifyOfficers: true;
  }
  | {
    effect: 'review';
    /** The original case, now under review. */
    parent: { next: CaseState; events: CaseEventDraft[] };
    /** The linked review case to open, with its own deadline. */
    review: { state: CaseState; events: CaseEventDraft[]; dueExplain: string[] };
    acknowledge: ReplyAcknowledgement; notifyOfficers: true;
  }
  | { effect: 'correspondence'; events: CaseEventDraft[]; flag: CaseFlag | null; notifyOfficers: boolean };

const AFTER_RESPONSE: readonly CaseStatus[] = ['responded', 'closed'];

function correspondence(reply: ThreadedReply, now: Date, flag: CaseFlag | null): ReplyEffect {
  const { state } = reply;
  const event: CaseEventDraft = {
    event: 'message_attached', at: now, fromStatus: state.status, toStatus: state.status,
    cause: reply.automated ? 'automated reply attached' : `${reply.chaser ? 'chaser' : reply.kind.replace('_', ' ')} attached as correspondence`,
    details: {
      oldDueDate: state.dueDate, newDueDate: state.dueDate, kind: reply.kind,
      chaser: reply.chaser ?? false, automated: reply.automated ?? false, ...(flag ? { flag: flag.text } : {}),
    },
  };
  return { effect: 'correspondence', events: [event], flag, notifyOfficers: !reply.automated };
}

function asClarification(reply: ThreadedReply, now: Date, context: LifecycleContext): ReplyEffect {
  const result = applyCaseAction(reply.state,
    { type: 'receive_clarification', date: reply.receivedAt, cause: 'the requester replied to the clarification request' }, now, context);
  if (!result.ok || result.next.dueDate === null) {
    const why = result.ok ? 'no deadline could be computed' : result.reason;
    return correspondence(reply, now, caseFlag('clarification_not_applied', `Reply while awaiting clarification could not restart the clock: ${why}`));
  }
  return {
    effect: 'clarification', next: result.next, events: result.events, dueExplain: result.dueExplain,
    acknowledge: { dueDate: result.next.dueDate }, notifyOfficers: true,
  };
}

function asReview(reply: ThreadedReply, now: Date, context: LifecycleContext): ReplyEffect {
  if (!REVIEW_REGIMES[reply.state.regime]) return correspondence(reply, now, caseFlag('review_not_opened', `Review requested, but ${noReviewReason(reply.state.regime)}`));
  const start = { type: 'start_review', date: reply.receivedAt, cause: 'the requester asked for an internal review' } as const;
  const parent = applyCaseAction(reply.state, start, now, context);
  const review = openReviewCase(reply.state, reply.receivedAt, now, context);
  if (!parent.ok || !review.ok || review.state.dueDate === null) {
    const why = !parent.ok ? parent.reason : !review.ok ? review.reason : 'no deadline could be computed';
    return correspondence(reply, now, caseFlag('review_not_opened', `Review requested, but no review case could be opened: ${why}`));
  }
  return {
    effect: 'review',
    parent: { next: parent.next, events: parent.events },
    review: { state: review.state, events: review.events, dueExplain: review.dueExplain },
    acknowledge: { dueDate: review.state.dueDate }, notifyOfficers: true,
  };
}

// What an officer should look at when a reply changes nothing by itself.
function flagFor(reply: ThreadedReply, now: Date): CaseFlag | null {
  const { state } = reply;
  if (reply.chaser) {
    return caseFlag('chaser', `Chaser: the requester asked for an update (${state.dueDate ? `due ${state.dueDate}` : 'no deadline running'})`);
  }
  if (reply.kind === 'internal_review') {
    const overdue = CLOCK_RUNNING_STATUSES.includes(state.status) && state.dueDate !== null && londonDateOf(now) > state.dueDate;
    return caseFlag('review_before_response', `Review requested before any response (case ${state.status.replace(/_/g, ' ')})` +
      (overdue ? ': the request is overdue, so this may be a complaint about the failure to respond' : ': treat as a complaint about handling?'));
  }
  if (reply.kind === 'clarification') {
    return caseFlag('unsought_clarification', 'Reads as a clarification, but none was sought: the clock does not restart ' +
      '(FOIA s.1(3) covers only a clarification the authority asked for)');
  }
  if (state.status === 'closed' || state.status === 'withdrawn') {
    return caseFlag('reply_to_ended', `Reply to a ${state.status} case: reopen it, or open a new request if it asks for something new`);
  }
  return null;
}

/** The effect of a reply on its case: a restarted clock, a linked review case, or correspondence with an event. */
export function decideReplyEffect(reply: ThreadedReply, now: Date, context: LifecycleContext = {}): ReplyEffect {
  if (reply.automated) return correspondence(reply, now, null);
  if (reply.state.status === 'awaiting_clarification') return asClarification(reply, now, context);
  if (reply.kind === 'internal_review' && AFTER_RESPONSE.includes(reply.state.status)) return asReview(reply, now, context);
  return correspondence(reply, now, flagFor(reply, now));
}
