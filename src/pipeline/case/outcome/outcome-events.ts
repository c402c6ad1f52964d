// outcome-events.ts: each outcome decision as an audit event (the case's history is its events), and the
// fold that reads a case's outcome fields back from them, so columns and events can never disagree.
import { londonDateOf, workingDaysBetween, type IsoDate } from '../../../clock/index.js';
import type { Regime } from '../../../domain/foi-case.js';
import type { RecordedResponse } from './decide-response.js';
import type { ReviewDecision } from './decide-review.js';
import type { AppealRecord, ExtensionRecord, Outcome, OutcomeCase, QuestionOutcome, ReviewRecord } from './outcome-types.js';

/** Event names added to the case's audit trail (`case_events.event`), in the lifecycle's snake_case. */
export type OutcomeEventName = 'outcome_recorded' | 'deadline_extended' | 'review_started' | 'review_decided' | 'appeal_decided' | 'publication_validated';

export type OutcomeEvent =
  | { event: 'outcome_recorded'; details: { outcome: Outcome; provisions: string[]; questionOutcomes: QuestionOutcome[]; respondedOn: IsoDate;
      dueDate: IsoDate | null; onTime: boolean; workingDaysLate: number; amended: boolean } }
  | { event: 'deadline_extended'; details: { extension: ExtensionRecord['kind']; until: IsoDate; workingDays: number; noticeGivenOn: IsoDate } }
  | { event: 'review_started'; details: { reviewRequested: IsoDate; reviewDueDate: IsoDate } }
  | { event: 'review_decided'; details: { outcome: NonNullable<ReviewRecord['outcome']>; decidedOn: IsoDate; onTime: boolean; workingDaysTaken: number } }
  | { event: 'appeal_decided'; details: AppealRecord }
  | { event: 'publication_validated'; details: { validatedOn: IsoDate } };

export function outcomeRecordedEvent(response: RecordedResponse, amended: boolean): OutcomeEvent {
  return { event: 'outcome_recorded', details: {
    outcome: response.outcome, provisions: response.provisions.map((p) => p.code), questionOutcomes: response.questionOutcomes,
    respondedOn: response.respondedOn, dueDate: response.dueDate, onTime: response.onTime, workingDaysLate: response.workingDaysLate, amended,
  } };
}

export function extendedEvent(extension: ExtensionRecord): OutcomeEvent {
  return { event: 'deadline_extended', details: { extension: extension.kind, until: extension.until, workingDays: extension.workingDays, noticeGivenOn: extension.noticeGivenOn } };
}

export function reviewStartedEvent(review: ReviewRecord): OutcomeEvent {
  return { event: 'review_started', details: { reviewRequested: review.requestedOn, reviewDueDate: review.dueDate } };
}

export function reviewDecidedEvent(decision: ReviewDecision): OutcomeEvent {
  return { event: 'review_decided', details: {
    outcome: decision.review.outcome!, decidedOn: decision.review.decidedOn!, onTime: decision.onTime, workingDaysTaken: decision.workingDaysTaken,
  } };
}

export function appealDecidedEvent(appeal: AppealRecord): OutcomeEvent {
  return { event: 'appeal_decided', details: appeal };
}

export type OutcomeFields = Pick<OutcomeCase, 'outcome' | 'provisions' | 'questionOutcomes' | 'respondedOn' | 'extension' | 'review' | 'appeal'> & { validated: boolean };

type StoredEvent = { event: string; at?: Date; details: unknown };

// The lifecycle's own `deadline_extended` (fixed 40th working day) and `responded` (no outcome) events are read too.
function lifecycleExtension(e: StoredEvent, regime: Regime | null): ExtensionRecord | null {
  const d = e.details as { extension?: string; oldDueDate?: string | null; newDueDate?: string | null };
  if ((d.extension !== 'pit' && d.extension !== 'complex') || !d.newDueDate) return null;
  const workingDays = regime && d.oldDueDate ? workingDaysBetween(d.oldDueDate, d.newDueDate, regime) : 0;
  return { kind: d.extension, until: d.newDueDate, workingDays, noticeGivenOn: e.at ? londonDateOf(e.at) : d.oldDueDate ?? d.newDueDate };
}

/** The outcome fields as the events, oldest first, leave them: a later event of a kind replaces an earlier one. */
export function foldOutcomeEvents(events: readonly StoredEvent[], regime: Regime | null = null): OutcomeFields {
  const fields: OutcomeFields = {
    outcome: null, provisions: [], questionOutcomes: [], respondedOn: null, extension: null, review: null, appeal: null, validated: false,
  };
  for (const e of events as ReadonlyArray<OutcomeEvent | { event: string; details: unknown }>) {
    const o = e as OutcomeEvent;
    switch (o.event) {
      case 'outcome_recorded':
        Object.assign(fields, { outcome: o.details.outcome, provisions: o.details.provisions, questionOutcomes: o.details.questionOutcomes, respondedOn: o.details.respondedOn });
        break;
      case 'deadline_extended':
        fields.extension = typeof o.details.until === 'string'
          ? { kind: o.details.extension, until: o.details.until, workingDays: o.details.workingDays, noticeGivenOn: o.details.noticeGivenOn }
          : lifecycleExtension(e as StoredEvent, regime);
        break;
      case 'review_started':
        fields.review = { requestedOn: o.details.reviewRequested, dueDate: o.details.reviewDueDate, outcome: null, decidedOn: null, workingDaysTaken: null };
        break;
      case 'review_decided':
        if (fields.review) fields.review = { ...fields.review, outcome: o.details.outcome, decidedOn: o.details.decidedOn, workingDaysTaken: o.details.workingDaysTaken };
        break;
      case 'appeal_decided': fields.appeal = o.details; break;
      case 'publication_validated': fields.validated = true; break;
      default:
        if (e.event === 'responded' && fields.outcome === null) {
          const respondedOn = (e.details as { respondedOn?: unknown }).respondedOn;
          if (typeof respondedOn === 'string') fields.respondedOn = respondedOn;
        }
    }
  }
  return fields;
}
