// decide-outcome-action.ts: an officer's outcome command (`case respond --outcome`, `case extend --pit
// --until`, `case review-outcome`, `case appeal`, `case publish`) turned into what to save: the audit
// events, the clock's next state when it moves, and the outcome columns. Pure: the caller locks, saves
// and queues (act-on-case.ts). Each refusal carries the deciders' stable code and one sentence.
import { londonDateOf, type IsoDate } from '../../../clock/index.js';
import type { CaseEvent } from '../../../domain/foi-case.js';
import { applyCaseAction, type CaseState, type LifecycleContext } from '../case-lifecycle.js';
import { decideExtension } from './decide-extension.js';
import { decideResponse, type RecordedResponse } from './decide-response.js';
import { decideAppeal, decideReviewOutcome, openReviewRecord } from './decide-review.js';
import { appealDecidedEvent, outcomeRecordedEvent, reviewDecidedEvent, reviewStartedEvent, type OutcomeEvent } from './outcome-events.js';
import { provisionRegimeOf } from './provisions.js';
import { officerDate } from './outcome-dates.js';
import { reject, type AppealRecord, type OutcomeCase, type OutcomeRejection, type QuestionOutcome, type ReviewRecord } from './outcome-types.js';

export type OutcomeAction =
  | { type: 'record_outcome'; outcome?: string; provisions?: readonly string[]; respondedOn?: string;
      questions?: ReadonlyArray<{ question: string; outcome: string; provisions?: readonly string[] }>; amend?: boolean; cause?: string }
  | { type: 'extend_deadline'; extension: 'pit' | 'complex'; until?: string; reason?: string; exemptions?: readonly string[]; noticeGivenOn?: string; cause?: string }
  | { type: 'decide_review'; outcome: string; decidedOn?: string; requestedOn?: string }
  | { type: 'decide_appeal'; decisionNotice: string; outcome: string; decidedOn?: string }
  | { type: 'validate_publication'; attachments?: readonly string[] };

export const OUTCOME_ACTION_TYPES: ReadonlySet<string> = new Set(['record_outcome', 'extend_deadline', 'decide_review', 'decide_appeal', 'validate_publication']);

/** What the outcome columns of the case become (absent: unchanged). */
export interface OutcomeColumns {
  outcome?: string;
  exemptions?: string[];
  questionOutcomes?: QuestionOutcome[];
  respondedOn?: IsoDate;
  responseDueDate?: IsoDate | null;
  review?: ReviewRecord;
  appeal?: AppealRecord;
  publicationValidatedAt?: Date;
  publishedAttachments?: string[];
}

export interface OutcomeStep {
  ok: true;
  events: CaseEvent[];
  transition?: { next: CaseState; dueExplain: string[] };
  columns: OutcomeColumns;
  warnings: string[];
  /** For `record_outcome`: what was recorded (the response letter is composed from it). */
  response?: RecordedResponse;
}

const DEFAULT_REASONS = {
  pit: 'We need more time to consider the public interest in disclosing the information (section 10(3) of the Freedom of Information Act 2000).',
  complex: 'Your request is complex and voluminous, so we need more time to answer it (regulation 7).',
} as const;

function auditEvent(e: OutcomeEvent, now: Date, status: CaseState['status'] | null, cause: string): CaseEvent {
  return { event: e.event as CaseEvent['event'], at: now, fromStatus: status, toStatus: status, cause, details: e.details as unknown as Record<string, unknown> };
}

function recordOutcome(c: OutcomeCase, state: CaseState, action: Extract<OutcomeAction, { type: 'record_outcome' }>, now: Date, context: LifecycleContext): OutcomeStep | OutcomeRejection {
  // A response recorded earlier without an outcome is completed, not answered twice: its date stands unless --on says otherwise.
  const completing = c.respondedOn !== null && c.outcome === null;
  const amend = action.amend === true || completing;
  const decided = decideResponse(c, {
    outcome: action.outcome, provisions: action.provisions, questions: action.questions, amend,
    respondedOn: action.respondedOn ?? (completing ? c.respondedOn! : undefined),
  }, now, context);
  if (!decided.ok) return decided;
  const { response } = decided;
  const events: CaseEvent[] = [];
  let transition: OutcomeStep['transition'];
  if (c.respondedOn === null) {
    const moved = applyCaseAction(state, { type: 'respond', date: response.respondedOn, cause: action.cause ?? 'response sent' }, now, context);
    if (!moved.ok) return reject('outcome.invalid_outcome', moved.reason);
    events.push(...moved.events);
    transition = { next: moved.next, dueExplain: moved.dueExplain };
  }
  const status = transition?.next.status ?? state.status;
  events.push(auditEvent(outcomeRecordedEvent(response, amend), now, status, `outcome recorded: ${response.outcome}`));
  return {
    ok: true, events, transition, warnings: response.warnings, response,
    columns: {
      outcome: response.outcome, exemptions: response.provisions.map((p) => p.code), questionOutcomes: response.questionOutcomes,
      respondedOn: response.respondedOn, responseDueDate: response.dueDate,
    },
  };
}

function extendDeadline(c: OutcomeCase, state: CaseState, action: Extract<OutcomeAction, { type: 'extend_deadline' }>, now: Date, context: LifecycleContext): OutcomeStep | OutcomeRejection {
  const reason = action.reason?.trim() || DEFAULT_REASONS[action.extension];
  let details: Record<string, unknown> = {};
  let until: IsoDate | undefined;
  let warnings: string[] = [];
  // FOIA/EIR/FOISA/EISR: the statute's conditions (notice in time, one extension, a qualified exemption); a SAR's Art 12(3) is the lifecycle's.
  if (c.regime !== null && provisionRegimeOf(c.regime) !== null) {
    const decided = decideExtension(c, { kind: action.extension, until: action.until, exemptions: action.exemptions, noticeGivenOn: action.noticeGivenOn }, now, context);
    if (!decided.ok) return decided;
    const e = decided.extension;
    details = { until: e.until, workingDays: e.workingDays, noticeGivenOn: e.noticeGivenOn, noticeLate: false };
    until = action.until ? e.until : undefined;
    warnings = decided.warnings;
  } else if (action.until) {
    return reject('outcome.extension_not_available', '--until is for FOIA public interest extensions');
  }
  const moved = applyCaseAction(state, { type: 'extend', extension: action.extension, reason, until, details, cause: action.cause ?? reason }, now, context);
  if (!moved.ok) return reject('outcome.extension_not_available', moved.reason);
  return { ok: true, events: moved.events, transition: { next: moved.next, dueExplain: moved.dueExplain }, columns: {}, warnings };
}

function decideReview(c: OutcomeCase, state: CaseState, action: Extract<OutcomeAction, { type: 'decide_review' }>, now: Date, context: LifecycleContext): OutcomeStep | OutcomeRejection {
  const events: CaseEvent[] = [];
  let foiCase = c;
  // A review asked for by letter or in person never reached the mailbox: the officer gives the day it was asked for.
  if (!c.review && action.requestedOn !== undefined && c.regime !== null) {
    const requestedOn = officerDate(action.requestedOn, now, 'review requested', c.respondedOn ?? c.receivedDate, 'the response it reviews');
    if (typeof requestedOn !== 'string') return requestedOn;
    const review = openReviewRecord(c.regime, c.jurisdiction, requestedOn, context.extraHolidays);
    if (review === null) return reject('outcome.no_review', `${c.reference} has no internal review under its regime`);
    events.push(auditEvent(reviewStartedEvent(review), now, state.status, 'internal review requested (recorded by an officer)'));
    foiCase = { ...c, review };
  }
  const decided = decideReviewOutcome(foiCase, { outcome: action.outcome, decidedOn: action.decidedOn }, now, context);
  if (!decided.ok) return decided;
  events.push(auditEvent(reviewDecidedEvent(decided.decision), now, state.status, `internal review decided: ${action.outcome}`));
  const warnings = decided.decision.withinCeiling === false ? ['the review took more than 40 working days, the FOIA Code\'s ceiling (para 5.5)'] : [];
  return { ok: true, events, columns: { review: decided.decision.review }, warnings };
}

export function decideOutcomeAction(
  c: OutcomeCase & { validated?: boolean }, state: CaseState, action: OutcomeAction, now: Date, context: LifecycleContext = {},
): OutcomeStep | OutcomeRejection {
  switch (action.type) {
    case 'record_outcome': return recordOutcome(c, state, action, now, context);
    case 'extend_deadline': return extendDeadline(c, state, action, now, context);
    case 'decide_review': return decideReview(c, state, action, now, context);
    case 'decide_appeal': {
      const decided = decideAppeal(c, action, now);
      if (!decided.ok) return decided;
      const event = auditEvent(appealDecidedEvent(decided.appeal), now, state.status, `Commissioner's decision ${decided.appeal.decisionNotice}: ${decided.appeal.outcome}`);
      return { ok: true, events: [event], columns: { appeal: decided.appeal }, warnings: decided.warnings };
    }
    case 'validate_publication': {
      if (c.respondedOn === null || c.outcome === null) {
        return reject('outcome.not_responded', `${c.reference} has no response with an outcome recorded: record it with case respond --outcome first`);
      }
      const attachments = (action.attachments ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
      const event: CaseEvent = {
        event: 'publication_validated', at: now, fromStatus: state.status, toStatus: state.status,
        cause: 'an officer confirmed the response is anonymised for the disclosure log', details: { validatedOn: londonDateOf(now), attachments },
      };
      return { ok: true, events: [event], columns: { publicationValidatedAt: now, publishedAttachments: attachments }, warnings: [] };
    }
  }
}
