// outcome-case.ts: the case as the outcome deciders and the reports read it, put together from its stored
// clock state and its audit events (foldOutcomeEvents), so both the officer's commands and the statistics
// see the same thing. Pure.
import type { IsoDate, Jurisdiction } from '../../../clock/index.js';
import type { CaseStatus } from '../../../domain/case-status.js';
import type { RequestKind } from '../../../domain/request-analysis.js';
import { recomputeDueDate, type CaseState, type LifecycleContext } from '../case-lifecycle.js';
import { foldOutcomeEvents, type OutcomeFields } from './outcome-events.js';
import type { OutcomeCase } from './outcome-types.js';

export interface OutcomeCaseSource {
  reference: string;
  kind: RequestKind;
  mailbox: string;
  status: CaseStatus;
  jurisdiction: Jurisdiction;
  receivedDate: IsoDate;
  /** Null for correspondence with no statutory clock. */
  state: CaseState | null;
  topics: string[];
}

export type StoredCaseEvent = { event: string; at?: Date; details: unknown };

/** The 20th working day (after any clarification restart), before any extension: what "met the deadline" means. */
function statutoryDueDate(state: CaseState, context: LifecycleContext): IsoDate | null {
  if (!state.extension) return state.dueDate;
  return recomputeDueDate({ ...state, extension: null }, context).dueDate;
}

export function outcomeCaseOf(source: OutcomeCaseSource, fields: OutcomeFields, context: LifecycleContext = {}): OutcomeCase {
  const { state } = source;
  return {
    reference: source.reference, kind: source.kind, regime: state?.regime ?? null, jurisdiction: source.jurisdiction,
    mailbox: source.mailbox, status: source.status, receivedDate: source.receivedDate,
    clarificationReceived: state?.clarificationReceived ?? null,
    statutoryDueDate: state ? statutoryDueDate(state, context) : null,
    dueDate: state?.dueDate ?? null,
    extension: fields.extension, outcome: fields.outcome, provisions: fields.provisions, questionOutcomes: fields.questionOutcomes,
    respondedOn: fields.respondedOn, review: fields.review, appeal: fields.appeal, topics: source.topics,
  };
}

/** The case with its outcome fields read from its events, oldest first. */
export function outcomeCaseFromEvents(source: OutcomeCaseSource, events: readonly StoredCaseEvent[], context: LifecycleContext = {}): OutcomeCase & { validated: boolean } {
  const fields = foldOutcomeEvents(events, source.state?.regime ?? null);
  return { ...outcomeCaseOf(source, fields, context), validated: fields.validated };
}
