// compliance-types.ts: the shape of `report compliance`: the DESIGN.md contract fields first, then the
// tables the s.45 Code, the Cabinet Office, the ICO and the Scottish Information Commissioner ask for.
import type { IsoDate } from '../clock/index.js';
import type { ProvisionRegime } from '../pipeline/case/outcome/provision-types.js';

/** ICO's timeliness bands: 95 % or more good, 90 % to under 95 % adequate, under 90 % unsatisfactory. */
export type IcoBand = 'good' | 'adequate' | 'unsatisfactory';

export interface MonthFigures {
  /** 'YYYY-MM', the month of original receipt. */
  month: string;
  received: number;
  respondedInTime: number;
  respondedLate: number;
  onTimePercent: number | null;
}

/** Paras 8.5-8.6 of the s.45 Code of Practice (2018), in its order. received = notYetProcessed + suspended + processed + withdrawn. */
export interface Code45Figures {
  received: number;
  notYetProcessed: number;
  /** Clock stopped: awaiting the requester's clarification. */
  suspended: number;
  /** Responded, or closed without a response (e.g. not a valid request). */
  processed: number;
  withdrawn: number;
  grantedInFull: number;
  partGrantedPartRefused: number;
  partGrantedPartNotHeld: number;
  notHeld: number;
  refusedInFull: number;
  closedWithoutResponse: number;
  /** Answered after the due date in force. */
  late: number;
  /** Not yet answered and past the due date in force on the report's day. */
  overdueOpen: number;
  extended: number;
  referredForInternalReview: number;
}

export interface ProvisionUse {
  regime: ProvisionRegime;
  /** `s40` for FOIA/FOISA sections; each EIR/EISR exception by itself. */
  group: string;
  title: string;
  /** Requests in the period applying it at least once. */
  requests: number;
}

export interface ReviewFigures {
  /** Requests received in the period that went to internal review. */
  requested: number;
  decided: number;
  pending: number;
  upheld: number;
  partUpheld: number;
  overturned: number;
  /** Decided by the review's due date (20 working days; 40 under the EIR). */
  decidedInTime: number;
  /** FOIA only: decided within the Code's 40-working-day ceiling. */
  decidedWithin40: number;
  onTimePercent: number | null;
  /** Reviews whose request for review arrived in the period, whatever the request's date. */
  requestedInPeriod: number;
}

export interface CabinetOfficeTables {
  timeliness: {
    /** Answered by the statutory (20th working day) date. */
    metDeadline: number;
    /** Answered after it but within a permitted extension (FOIA s.10(3); EIR reg 7). */
    withinPermittedExtension: number;
    late: number;
    pendingInTime: number;
    pendingOverdue: number;
    inTimePercent: number | null;
    workingDaysLateTotal: number;
    workingDaysLateMax: number;
  };
  initialOutcomes: {
    grantedInFull: number;
    withheldInFull: number;
    partiallyWithheld: number;
    partlyNotHeld: number;
    notHeld: number;
    notYetProcessed: number;
    clarificationRequired: number;
    /** Withdrawn, or closed without a response. */
    lapsed: number;
    /** Received less not held, lapsed and awaiting clarification (the Cabinet Office's base). */
    resolvable: number;
    grantedInFullPercentOfResolvable: number | null;
  };
  /** Of the requests withheld in full or in part: on cost (s.12), as vexatious or repeated (s.14), or on other provisions. */
  withheldReasons: { cost: number; vexatiousOrRepeated: number; other: number };
  exemptions: ProvisionUse[];
  /** Requests refused on s.21 (FOIA) or s.25 (FOISA) alone: the information was reasonably accessible already. */
  section21Alone: number;
  internalReviews: ReviewFigures;
  appeals: { decided: number; upheld: number; partUpheld: number; overturned: number; ico: number; sic: number };
  pitExtensions: {
    count: number;
    /** Working days beyond the statutory due date. */
    durations: { upTo20: number; from21To40: number; from41To60: number; over60: number };
  };
}

/** A return in the shape the Scottish Information Commissioner collects quarterly, for FOISA and the EISR apart. */
export interface ScottishReturnPart {
  received: number;
  responded: number;
  respondedInTime: number;
  respondedLate: number;
  outcomes: { fullRelease: number; partialRelease: number; notHeld: number; withheldInFull: number };
  /** Section or regulation → requests applying it. */
  exemptions: Record<string, number>;
  /** Fees notices issued (FOISA s.9; EISR reg 8). */
  feesCharged: number;
  reviewsRequested: number;
  reviewOutcomes: { upheld: number; upheldWithModifications: number; overturned: number };
  appealsDecided: number;
}

export interface ComplianceReport {
  period: { from: IsoDate; to: IsoDate; mailbox: string | null };
  generatedOn: IsoDate;
  // The DESIGN.md contract.
  received: number;
  open: number;
  respondedInTime: number;
  respondedLate: number;
  extended: number;
  grantedInFull: number;
  partGranted: number;
  refusedInFull: number;
  notHeld: number;
  withdrawn: number;
  internalReviews: number;
  onTimePercent: number | null;
  exemptions: Record<string, number>;
  byKind: Record<string, number>;
  // Additions.
  partNotHeld: number;
  closedWithoutResponse: number;
  awaitingClarification: number;
  icoBand: IcoBand | null;
  /** Requests by their main topic (the first, most relevant one). */
  byTopic: Record<string, number>;
  byMonth: MonthFigures[];
  code45: Code45Figures;
  cabinetOffice: CabinetOfficeTables;
  /** Present when any request in scope runs under FOISA or the EISR. */
  scottish: { foisa: ScottishReturnPart; eisr: ScottishReturnPart } | null;
}
