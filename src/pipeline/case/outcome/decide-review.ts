// decide-review.ts: an internal review's outcome and whether it was on time, and a Commissioner's decision.
// Review periods (research 2.10): FOIA s.45 Code Part 5, 20 working days and never more than 40; EIR reg 11(4),
// 40; FOISA s.21(1), 20; EISR reg 16(4), 20. Appeals: the ICO under FOIA s.50 (EIR reg 18); the Scottish
// Information Commissioner under FOISA s.47 (EISR reg 17), only after a review (s.47(1)).
import { computeDeadline, workingDaysBetween, type ExtraHoliday, type IsoDate, type Jurisdiction } from '../../../clock/index.js';
import type { Regime } from '../../../domain/foi-case.js';
import { officerDate } from './outcome-dates.js';
import { provisionRegimeOf } from './provisions.js';
import {
  REVIEW_OUTCOMES, isReviewOutcome, reject,
  type AppealRecord, type Commissioner, type OutcomeCase, type OutcomeRejection, type ReviewOutcome, type ReviewRecord,
} from './outcome-types.js';

const REVIEW_REGIME = { foi: 'foi_review', eir: 'eir_review', foisa: 'foisa_review', eisr: 'eisr_review' } as const;

/** The review's record when the requester asks for one: its due date from the day the request for review arrived. */
export function openReviewRecord(regime: Regime, jurisdiction: Jurisdiction, requestedOn: IsoDate, extraHolidays?: readonly ExtraHoliday[]): ReviewRecord | null {
  const own = provisionRegimeOf(regime);
  if (own === null) return null;
  const due = computeDeadline({ regime: REVIEW_REGIME[own], received: requestedOn, jurisdiction, extraHolidays });
  return { requestedOn, dueDate: due.dueDate, outcome: null, decidedOn: null, workingDaysTaken: null };
}

export interface ReviewDecision {
  review: ReviewRecord;
  onTime: boolean;
  /** Working days from the request for review to the decision. */
  workingDaysTaken: number;
  /** FOIA only: within the Code's 40-working-day ceiling (null for the statutory regimes, where the due date is the limit). */
  withinCeiling: boolean | null;
}

export function decideReviewOutcome(
  foiCase: OutcomeCase, input: { outcome: string; decidedOn?: string | Date }, now: Date,
  context: { extraHolidays?: readonly ExtraHoliday[] } = {},
): { ok: true; decision: ReviewDecision } | OutcomeRejection {
  if (!isReviewOutcome(input.outcome)) return reject('outcome.invalid_outcome', `'${input.outcome}' is not one of ${REVIEW_OUTCOMES.join(', ')}`);
  const review = foiCase.review;
  if (!review || foiCase.regime === null) return reject('outcome.no_review', `${foiCase.reference} has no internal review to decide: one starts when the requester asks for it`);
  const decidedOn = officerDate(input.decidedOn, now, 'review decision date', review.requestedOn, 'the request for review');
  if (typeof decidedOn !== 'string') return decidedOn;
  const workingDaysTaken = workingDaysBetween(review.requestedOn, decidedOn, foiCase.regime, context.extraHolidays);
  const isFoia = provisionRegimeOf(foiCase.regime) === 'foi';
  return {
    ok: true,
    decision: {
      review: { ...review, outcome: input.outcome, decidedOn, workingDaysTaken }, onTime: decidedOn <= review.dueDate, workingDaysTaken,
      withinCeiling: isFoia ? workingDaysTaken <= 40 : null,
    },
  };
}

// ICO: IC-123456-A1B2 (since 2021), FS50123456 (FOIA) and FER0123456 (EIR) before; SIC: "Decision 123/2023".
const KNOWN_NOTICE = /^(IC-\d{5,7}-[A-Z0-9]{4}|FS5\d{7}|FER\d{7}|(decision\s+)?\d{3}\/\d{4})$/i;

export function commissionerFor(regime: Regime): Commissioner | null {
  const own = provisionRegimeOf(regime);
  return own === null ? null : own === 'foisa' || own === 'eisr' ? 'sic' : 'ico';
}

export function decideAppeal(
  foiCase: OutcomeCase, input: { decisionNotice: string; outcome: string; decidedOn?: string | Date }, now: Date,
): { ok: true; appeal: AppealRecord; warnings: string[] } | OutcomeRejection {
  if (!isReviewOutcome(input.outcome)) return reject('outcome.invalid_outcome', `'${input.outcome}' is not one of ${REVIEW_OUTCOMES.join(', ')} (what the Commissioner did with the authority's decision)`);
  const commissioner = foiCase.regime === null ? null : commissionerFor(foiCase.regime);
  if (commissioner === null) return reject('outcome.not_a_request', `${foiCase.reference} is not an FOI or EIR case: the Commissioner issues no decision notice on it here`);
  const notice = input.decisionNotice.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9 /._-]{0,39}$/.test(notice)) {
    return reject('outcome.invalid_decision_notice', `'${input.decisionNotice}' is not a decision notice reference (e.g. IC-123456-A1B2, FS50123456, Decision 123/2024)`);
  }
  const warnings: string[] = [];
  if (!foiCase.review) {
    if (commissioner === 'sic') return reject('outcome.review_required', 'the Scottish Information Commissioner hears an application only after a review (FOISA s.47(1); EISR reg 17)');
    warnings.push('no internal review is recorded: the ICO normally expects one first (FOIA s.50(2)(a))');
  }
  if (!KNOWN_NOTICE.test(notice)) warnings.push(`'${notice}' does not look like an ${commissioner === 'ico' ? 'ICO' : 'SIC'} decision notice reference`);
  const after = foiCase.review?.decidedOn ?? foiCase.respondedOn ?? foiCase.receivedDate;
  const decidedOn = officerDate(input.decidedOn, now, 'decision notice date', after, 'the decision it appeals');
  if (typeof decidedOn !== 'string') return decidedOn;
  return { ok: true, appeal: { commissioner, decisionNotice: notice, outcome: input.outcome as ReviewOutcome, decidedOn }, warnings };
}
