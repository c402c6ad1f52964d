// outcome-types.ts: the vocabulary of what a response, a review and an appeal decided, and the small case
// record the pure deciders and reports read. (Domain words; they belong in src/domain once wired.)
import type { IsoDate, Jurisdiction } from '../../../clock/index.js';
import type { CaseStatus, Regime } from '../../../domain/foi-case.js';
import type { RequestKind } from '../../../domain/request-analysis.js';

/** The response's outcome, as the s.45 Code (para 8.5) and the Cabinet Office tables count it. */
export const OUTCOMES = ['granted', 'part_granted', 'refused', 'not_held', 'part_not_held'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  granted: 'Granted in full',
  part_granted: 'Partly granted, partly refused',
  refused: 'Refused in full',
  not_held: 'Information not held',
  part_not_held: 'Partly granted, partly not held',
};

/** What a review (or the Commissioner) did with the authority's decision: kept it, changed part, reversed it. */
export const REVIEW_OUTCOMES = ['upheld', 'part_upheld', 'overturned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_OUTCOME_LABELS: Readonly<Record<ReviewOutcome, string>> = {
  upheld: 'Original decision upheld',
  part_upheld: 'Original decision partly upheld',
  overturned: 'Original decision overturned',
};

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

export function isReviewOutcome(value: unknown): value is ReviewOutcome {
  return typeof value === 'string' && (REVIEW_OUTCOMES as readonly string[]).includes(value);
}

/** `pit`: FOIA s.10(3) public interest extension; `complex`: EIR/EISR reg 7 (to the 40th working day). */
export interface ExtensionRecord {
  kind: 'pit' | 'complex';
  /** The due date the extension set. */
  until: IsoDate;
  /** Working days beyond the statutory (20th working day) due date. */
  workingDays: number;
  /** When the requester was told (FOIA s.17(2), EIR reg 7(3)): by the statutory due date. */
  noticeGivenOn: IsoDate;
}

export interface QuestionOutcome {
  /** The question's label as split at intake (`1`, `2a`), or its position when it had none. */
  question: string;
  outcome: Outcome;
  provisions: string[];
}

export interface ReviewRecord {
  /** When the requester asked for the review (the review's date of receipt). */
  requestedOn: IsoDate;
  /** The review's target date: 20 working days (FOIA Code, FOISA s.21(1), EISR reg 16(4)) or 40 (EIR reg 11(4)). */
  dueDate: IsoDate;
  outcome: ReviewOutcome | null;
  decidedOn: IsoDate | null;
  /** Working days from the request for review to the decision (the FOIA Code's ceiling is 40). */
  workingDaysTaken: number | null;
}

export type Commissioner = 'ico' | 'sic';

export interface AppealRecord {
  commissioner: Commissioner;
  decisionNotice: string;
  outcome: ReviewOutcome;
  decidedOn: IsoDate;
}

/** What the deciders and reports need of a case: its clock, where it stands and what was decided. */
export interface OutcomeCase {
  reference: string;
  kind: RequestKind;
  regime: Regime | null;
  jurisdiction: Jurisdiction;
  /** The configured mailbox it arrived by (`default` when there is one). */
  mailbox: string;
  status: CaseStatus;
  /** The original date of receipt (Europe/London), even when a clarification restarted the clock. */
  receivedDate: IsoDate;
  /** The day a genuine clarification arrived, which restarted the 20 working days (FOIA s.10(6)(b)). */
  clarificationReceived: IsoDate | null;
  /** The 20th working day (after any clarification restart), before any extension; null while a clarification is awaited. */
  statutoryDueDate: IsoDate | null;
  /** The due date in force: the statutory one, or the extended one. */
  dueDate: IsoDate | null;
  extension: ExtensionRecord | null;
  outcome: Outcome | null;
  provisions: string[];
  questionOutcomes: QuestionOutcome[];
  respondedOn: IsoDate | null;
  review: ReviewRecord | null;
  appeal: AppealRecord | null;
  topics: string[];
  /** FOIA s.9 / FOISA s.9 fees notice issued (SIC returns count fees charged). */
  feeCharged?: boolean;
}

/** A decider's refusal: a stable code for tests and the CLI, and one sentence for the officer. */
export interface OutcomeRejection {
  ok: false;
  code: OutcomeErrorCode;
  reason: string;
}

export type OutcomeErrorCode =
  | 'outcome.invalid_outcome' | 'outcome.case_withdrawn' | 'outcome.not_a_request' | 'outcome.already_responded'
  | 'outcome.contradictory' | 'outcome.provision_required' | 'outcome.unknown_provision' | 'outcome.provisions_not_catalogued'
  | 'outcome.invalid_date' | 'outcome.inconsistent_questions' | 'outcome.extension_not_available' | 'outcome.already_extended'
  | 'outcome.extension_notice_late' | 'outcome.no_qualified_exemption' | 'outcome.no_review' | 'outcome.review_required'
  | 'outcome.invalid_decision_notice' | 'outcome.not_responded' | 'outcome.case_closed';

export const reject = (code: OutcomeErrorCode, reason: string): OutcomeRejection => ({ ok: false, code, reason });
