// case-lifecycle.ts: the only legal moves of a case, each recomputing the statutory due date (FOIA s.10(1);
// restart on clarification, s.1(3)/s.10(6)(b); extensions, s.10(3), EIR/EISR reg 7, UK GDPR Art 12(3)) with an audit event.
import {
  computeDeadline, isClockError, londonDateOf, toLondonDay,
  type Extension, type ExtraHoliday, type IsoDate, type Jurisdiction,
} from '../../clock/index.js';
import { REGIME_RULES } from '../../clock/regimes.js';
import { CLOCK_RUNNING_STATUSES, type CaseStatus } from '../../domain/case-status.js';
import type { CaseEvent, CaseEventName } from '../../domain/foi-case.js';
import type { Regime } from '../../domain/regime.js';

/** Lifecycle events, after froide's names; the domain's CaseEventName covers intake and delivery. */
export type LifecycleEventName =
  | 'clarification_sought' | 'clarification_received' | 'deadline_extended' | 'responded'
  | 'case_closed' | 'case_withdrawn' | 'case_reopened' | 'review_started';

/** An audit event of a lifecycle step: it always says where the case went and the due date before and after. */
export interface CaseEventDraft extends CaseEvent {
  event: CaseEventName | LifecycleEventName;
  toStatus: CaseStatus;
  details: { oldDueDate: IsoDate | null; newDueDate: IsoDate | null; [key: string]: unknown };
}

import type { CaseState, DateInput } from './case-state.js';
export type { CaseExtension, CaseState, DateInput } from './case-state.js';

export type CaseAction =
  | { type: 'acknowledge'; cause?: string }
  | { type: 'seek_clarification'; date?: DateInput; cause?: string }
  | { type: 'receive_clarification'; date?: DateInput; cause?: string }
  | { type: 'extend'; extension: Extension; reason: string; until?: IsoDate; cause?: string; details?: Record<string, unknown> }
  | { type: 'respond'; date?: DateInput; cause?: string }
  | { type: 'close'; reason?: string; cause?: string }
  | { type: 'withdraw'; reason?: string; cause?: string }
  | { type: 'reopen'; reason?: string; cause?: string }
  | { type: 'start_review'; date?: DateInput; cause?: string };
export type CaseActionType = CaseAction['type'];

export type LifecycleErrorCode =
  | 'lifecycle.illegal_transition' | 'lifecycle.not_available' | 'lifecycle.invalid_input' | 'lifecycle.clock_refused';
export interface LifecycleFailure { ok: false; code: LifecycleErrorCode; reason: string }

export type CaseActionResult =
  | { ok: true; next: CaseState; events: CaseEventDraft[]; dueExplain: string[] }
  | LifecycleFailure;

/** Administrators' extra bank holidays, which every recomputation must see. */
export interface LifecycleContext {
  extraHolidays?: readonly ExtraHoliday[];
}

const BEING_WORKED: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress'];

const ALLOWED_FROM: Readonly<Record<CaseActionType, readonly CaseStatus[]>> = {
  acknowledge: ['received'],
  seek_clarification: BEING_WORKED,
  receive_clarification: ['awaiting_clarification'],
  extend: BEING_WORKED,
  respond: [...CLOCK_RUNNING_STATUSES, 'awaiting_clarification', 'under_review'],
  close: [...CLOCK_RUNNING_STATUSES, 'awaiting_clarification', 'responded', 'withdrawn', 'under_review'],
  withdraw: [...CLOCK_RUNNING_STATUSES, 'awaiting_clarification'],
  reopen: ['responded', 'closed', 'withdrawn'],
  start_review: ['responded', 'closed'],
};

const VERBS: Readonly<Record<CaseActionType, string>> = {
  acknowledge: 'acknowledge', seek_clarification: 'seek clarification on', receive_clarification: 'record a clarification on',
  extend: 'extend', respond: 'record a response on', close: 'close', withdraw: 'withdraw', reopen: 'reopen',
  start_review: 'start an internal review of',
};

const HINTS: Readonly<Partial<Record<`${CaseActionType}:${CaseStatus}`, string>>> = {
  'extend:extended': 'it is already extended, and the ICO expects a single extension',
  'extend:awaiting_clarification': 'no deadline runs while a clarification is awaited',
  'receive_clarification:in_progress': 'no clarification has been sought',
  'seek_clarification:awaiting_clarification': 'a clarification has already been sought and not yet received',
  'acknowledge:acknowledged': 'it has already been acknowledged',
};

/** The internal review that follows each request regime (FOIA Code Part 5, EIR reg 11, FOISA s.21, EISR reg 16). */
export const REVIEW_REGIMES: Readonly<Partial<Record<Regime, Regime>>> = {
  foi: 'foi_review', eir: 'eir_review', foisa: 'foisa_review', eisr: 'eisr_review',
};

const words = (status: CaseStatus) => status.replace(/_/g, ' ');
const fail = (code: LifecycleErrorCode, reason: string): LifecycleFailure => ({ ok: false, code, reason });

function illegalReason(type: CaseActionType, status: CaseStatus): string {
  const hint = HINTS[`${type}:${status}`];
  const allowed = ALLOWED_FROM[type].map(words).join(', ');
  return `cannot ${VERBS[type]} a case that is ${words(status)}: ${hint ?? `allowed only when ${allowed}`}`;
}

/** The due date a case's clock fields give, or null while a clarification is awaited (no deadline runs). */
/** The actions the lifecycle allows from a status: the console offers only these. */
export function actionsAllowedFrom(status: CaseStatus): CaseActionType[] {
  return (Object.keys(ALLOWED_FROM) as CaseActionType[]).filter((type) => ALLOWED_FROM[type].includes(status));
}

export function recomputeDueDate(state: CaseState, context: LifecycleContext = {}): { dueDate: IsoDate | null; explain: string[] } {
  if (state.clarificationSought && !state.clarificationReceived) {
    const law = REGIME_RULES[state.regime].clarificationLaw ?? 'clarification';
    const line = `clock stopped: clarification sought ${state.clarificationSought}; no deadline runs until it is received (${law})`;
    return { dueDate: null, explain: [line] };
  }
  const until = state.extension?.until;
  const result = computeDeadline({
    regime: state.regime, received: state.receivedDate, jurisdiction: state.jurisdiction,
    clarificationSought: state.clarificationSought ?? undefined, clarificationReceived: state.clarificationReceived ?? undefined,
    extension: until ? undefined : state.extension?.kind, extraHolidays: context.extraHolidays,
  });
  // FOIA s.10(3) sets no fixed date: "such time as is reasonable", which the officer estimates (s.17(2)).
  if (until) return { dueDate: until, explain: [...result.explain, `public interest extension to ${until}, the date estimated in the notice (FOIA s.10(3), s.17(2))`] };
  return { dueDate: result.dueDate, explain: result.explain };
}

// An action's date defaults to today in London and may not lie in the future.
function actionDate(value: DateInput | undefined, now: Date, field: string): IsoDate | LifecycleFailure {
  const today = londonDateOf(now);
  if (value === undefined) return today;
  const date = value instanceof Date ? londonDateOf(value) : toLondonDay(value, field).date;
  return date > today ? fail('lifecycle.invalid_input', `${field} ${date} is after today (${today})`) : date;
}

interface Step {
  next: CaseState;
  event: CaseEventName | LifecycleEventName;
  cause: string;
  details?: Record<string, unknown>;
}

function move(state: CaseState, status: CaseStatus, event: Step['event'], cause: string, details?: Record<string, unknown>): Step {
  return { next: { ...state, status }, event, cause, details };
}

function seekClarification(state: CaseState, date: IsoDate, cause?: string): Step | LifecycleFailure {
  const law = REGIME_RULES[state.regime].clarificationLaw;
  if (!law) return fail('lifecycle.not_available', `${REGIME_RULES[state.regime].title}: a clarification does not stop this clock`);
  if (state.regime === 'sar' && state.clarificationReceived) {
    return fail('lifecycle.not_available', 'a subject access request has had its clarification pause (UK GDPR Art 12A); the clock counts one');
  }
  return {
    next: { ...state, status: 'awaiting_clarification', clarificationSought: date, clarificationReceived: null },
    event: 'clarification_sought', cause: cause ?? 'clarification requested from the requester',
    details: { clarificationSought: date, law },
  };
}

function receiveClarification(state: CaseState, date: IsoDate, cause?: string): Step {
  return {
    next: { ...state, status: 'in_progress', clarificationReceived: date },
    event: 'clarification_received', cause: cause ?? 'clarification received from the requester',
    details: { clarificationSought: state.clarificationSought, clarificationReceived: date, law: REGIME_RULES[state.regime].clarificationLaw },
  };
}

function extend(state: CaseState, action: Extract<CaseAction, { type: 'extend' }>, now: Date, context: LifecycleContext): Step | LifecycleFailure {
  const rule = REGIME_RULES[state.regime];
  const law = rule.extensions[action.extension]?.law;
  if (!law) {
    const available = Object.keys(rule.extensions).join(', ') || 'none';
    return fail('lifecycle.not_available', `${rule.title}: no '${action.extension}' extension (available: ${available})`);
  }
  const reason = action.reason?.trim();
  if (!reason) return fail('lifecycle.invalid_input', 'an extension needs a reason, which the requester is told');
  const today = londonDateOf(now);
  // FOIA s.17(1)-(2), EIR reg 7(3), Art 12(3): the requester must hear of the extension within the original period.
  const noticeDueBy = recomputeDueDate({ ...state, extension: null }, context).dueDate;
  return {
    next: { ...state, status: 'extended', extension: { kind: action.extension, reason, date: today, ...(action.until ? { until: action.until } : {}) } },
    event: 'deadline_extended', cause: action.cause ?? reason,
    details: { extension: action.extension, reason, law, noticeDueBy, noticeLate: noticeDueBy !== null && today > noticeDueBy, ...action.details },
  };
}

function startReview(state: CaseState, date: IsoDate, context: LifecycleContext, cause?: string): Step | LifecycleFailure {
  const reviewRegime = REVIEW_REGIMES[state.regime];
  if (!reviewRegime) return fail('lifecycle.not_available', noReviewReason(state.regime));
  const review = computeDeadline({ regime: reviewRegime, received: date, jurisdiction: state.jurisdiction, extraHolidays: context.extraHolidays });
  return {
    next: { ...state, status: 'under_review' }, event: 'review_started', cause: cause ?? 'internal review requested',
    details: { reviewRegime, reviewRequested: date, reviewDueDate: review.dueDate },
  };
}

export function noReviewReason(regime: Regime): string {
  return regime === 'sar'
    ? 'a subject access request has no statutory internal review: handle it as a data protection complaint'
    : `${REGIME_RULES[regime].title} is itself a review: the next step is the Commissioner`;
}

// Where a reopened case resumes: still waiting for a clarification, still extended, or simply in progress.
function resumedStatus(state: CaseState): CaseStatus {
  if (state.clarificationSought && !state.clarificationReceived) return 'awaiting_clarification';
  return state.extension ? 'extended' : 'in_progress';
}

function closeStep(state: CaseState, action: Extract<CaseAction, { type: 'close' }>): Step | LifecycleFailure {
  const withoutResponse = CLOCK_RUNNING_STATUSES.includes(state.status);
  const reason = action.reason?.trim() || null;
  if (withoutResponse && !reason) {
    return fail('lifecycle.illegal_transition',
      `cannot close a case that is ${words(state.status)} without a reason: it has not been responded to (e.g. give "not a valid request")`);
  }
  return move(state, 'closed', 'case_closed', action.cause ?? reason ?? 'closed', { reason, withoutResponse });
}

function planStep(state: CaseState, action: CaseAction, now: Date, context: LifecycleContext): Step | LifecycleFailure {
  const today = londonDateOf(now);
  switch (action.type) {
    case 'acknowledge':
      return move(state, 'acknowledged', 'acknowledged', action.cause ?? 'acknowledgement sent');
    case 'seek_clarification': {
      const date = actionDate(action.date, now, 'clarification sought');
      return typeof date === 'string' ? seekClarification(state, date, action.cause) : date;
    }
    case 'receive_clarification': {
      const date = actionDate(action.date, now, 'clarification received');
      return typeof date === 'string' ? receiveClarification(state, date, action.cause) : date;
    }
    case 'extend': return extend(state, action, now, context);
    case 'respond': {
      const date = actionDate(action.date, now, 'response date');
      if (typeof date !== 'string') return date;
      const onTime = state.dueDate === null ? null : date <= state.dueDate;
      return move(state, 'responded', 'responded', action.cause ?? 'response sent', { respondedOn: date, onTime });
    }
    case 'close': return closeStep(state, action);
    case 'withdraw':
      return move(state, 'withdrawn', 'case_withdrawn', action.cause ?? 'withdrawn by the requester', { reason: action.reason ?? null });
    case 'reopen':
      return move(state, resumedStatus(state), 'case_reopened', action.cause ?? 'reopened', { reason: action.reason ?? null });
    case 'start_review': {
      const date = actionDate(action.date, now, 'review requested');
      return typeof date === 'string' ? startReview(state, date, context, action.cause) : date;
    }
  }
}

/** Applies one action: the next state with its recomputed due date and the audit events, or why it is refused. */
export function applyCaseAction(state: CaseState, action: CaseAction, now: Date, context: LifecycleContext = {}): CaseActionResult {
  if (!ALLOWED_FROM[action.type].includes(state.status)) return fail('lifecycle.illegal_transition', illegalReason(action.type, state.status));
  try {
    const step = planStep(state, action, now, context);
    if ('ok' in step) return step;
    const due = recomputeDueDate(step.next, context);
    const next: CaseState = { ...step.next, dueDate: due.dueDate };
    const event: CaseEventDraft = {
      event: step.event, at: now, fromStatus: state.status, toStatus: next.status, cause: step.cause,
      details: { oldDueDate: state.dueDate, newDueDate: next.dueDate, ...step.details },
    };
    return { ok: true, next, events: [event], dueExplain: due.explain };
  } catch (err) {
    if (isClockError(err)) return fail('lifecycle.clock_refused', err.message);
    throw err;
  }
}

/** The linked review case a request for internal review opens, with its own deadline from the day it arrived. */
export function openReviewCase(
  parent: CaseState, requested: DateInput, now: Date, context: LifecycleContext = {},
): { ok: true; state: CaseState; events: CaseEventDraft[]; dueExplain: string[] } | LifecycleFailure {
  const regime = REVIEW_REGIMES[parent.regime];
  if (!regime) return fail('lifecycle.not_available', noReviewReason(parent.regime));
  try {
    const date = actionDate(requested, now, 'review requested');
    if (typeof date !== 'string') return date;
    const opened: CaseState = {
      status: 'received', regime, jurisdiction: parent.jurisdiction, receivedDate: date,
      clarificationSought: null, clarificationReceived: null, extension: null, dueDate: null,
    };
    const due = recomputeDueDate(opened, context);
    const state = { ...opened, dueDate: due.dueDate };
    const event: CaseEventDraft = {
      event: 'case_opened', at: now, fromStatus: null, toStatus: 'received', cause: 'internal review requested',
      details: { oldDueDate: null, newDueDate: due.dueDate, regime, reviewOf: { regime: parent.regime, receivedDate: parent.receivedDate } },
    };
    return { ok: true, state, events: [event], dueExplain: due.explain };
  } catch (err) {
    if (isClockError(err)) return fail('lifecycle.clock_refused', err.message);
    throw err;
  }
}
