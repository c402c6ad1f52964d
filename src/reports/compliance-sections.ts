// compliance-sections.ts: the report as titled sections of (measure, figure) rows, in the words a published
// return uses, so the text table, the CSV and the HTML tables say the same thing in the same order.
import { OUTCOME_LABELS } from '../pipeline/case/outcome/outcome-types.js';
import type { ComplianceReport, ScottishReturnPart } from './compliance-types.js';

export type Figure = number | string | null;
export interface Section {
  /** A stable key for CSV consumers. */
  key: string;
  title: string;
  rows: Array<[string, Figure]>;
}

const BAND_WORDS = { good: 'good (95% or more)', adequate: 'adequate (90% to under 95%)', unsatisfactory: 'unsatisfactory (under 90%)' } as const;

function summary(r: ComplianceReport): Section {
  return {
    key: 'summary', title: 'Summary',
    rows: [
      ['Requests received (FOI and EIR)', r.received], ['Still open', r.open], ['Answered in time', r.respondedInTime],
      ['Answered late', r.respondedLate], ['On time (%)', r.onTimePercent],
      ['ICO timeliness band', r.icoBand === null ? null : BAND_WORDS[r.icoBand]], ['Deadline extended', r.extended],
      [OUTCOME_LABELS.granted, r.grantedInFull], [OUTCOME_LABELS.part_granted, r.partGranted], [OUTCOME_LABELS.part_not_held, r.partNotHeld],
      [OUTCOME_LABELS.refused, r.refusedInFull], [OUTCOME_LABELS.not_held, r.notHeld], ['Withdrawn', r.withdrawn],
      ['Closed without a response', r.closedWithoutResponse], ['Awaiting clarification', r.awaitingClarification],
      ['Referred for internal review', r.internalReviews],
    ],
  };
}

function code45(r: ComplianceReport): Section {
  const c = r.code45;
  return {
    key: 'code45', title: 'Section 45 Code of Practice, paragraphs 8.5-8.6',
    rows: [
      ['Received', c.received], ['Not yet processed', c.notYetProcessed], ['Suspended (awaiting clarification)', c.suspended],
      ['Processed', c.processed], ['Withdrawn', c.withdrawn], ['Granted in full', c.grantedInFull],
      ['Partly granted and partly refused', c.partGrantedPartRefused], ['Partly granted and partly not held', c.partGrantedPartNotHeld],
      ['Not held', c.notHeld], ['Refused in full', c.refusedInFull], ['Closed without a response', c.closedWithoutResponse],
      ['Answered late', c.late], ['Open and past the due date', c.overdueOpen], ['Deadline extended', c.extended],
      ['Referred for internal review', c.referredForInternalReview],
    ],
  };
}

function cabinetOffice(r: ComplianceReport): Section[] {
  const { timeliness: t, initialOutcomes: o, withheldReasons: w, internalReviews: ir, appeals: a, pitExtensions: p } = r.cabinetOffice;
  return [
    { key: 'timeliness', title: 'Timeliness', rows: [
      ['Met the statutory deadline', t.metDeadline], ['Within a permitted extension', t.withinPermittedExtension], ['Late', t.late],
      ['Pending, in time', t.pendingInTime], ['Pending, overdue', t.pendingOverdue], ['In time (%)', t.inTimePercent],
      ['Working days late, in total', t.workingDaysLateTotal], ['Working days late, longest', t.workingDaysLateMax]] },
    { key: 'initial_outcomes', title: 'Initial outcomes', rows: [
      ['Granted in full', o.grantedInFull], ['Withheld in full', o.withheldInFull], ['Partially withheld', o.partiallyWithheld],
      ['Partly not held', o.partlyNotHeld], ['Not held', o.notHeld], ['Not yet processed', o.notYetProcessed],
      ['Clarification required', o.clarificationRequired], ['Lapsed (withdrawn or closed)', o.lapsed], ['Resolvable', o.resolvable],
      ['Granted in full, % of resolvable', o.grantedInFullPercentOfResolvable],
      ['Withheld: cost limit', w.cost], ['Withheld: vexatious or repeated', w.vexatiousOrRepeated], ['Withheld: other provisions', w.other]] },
    { key: 'exemptions', title: 'Exemptions and exceptions applied (requests)', rows: [
      ...r.cabinetOffice.exemptions.map((e): [string, Figure] => [`${e.regime.toUpperCase()} ${e.group} ${e.title}`, e.requests]),
      ['Refused on section 21 alone (reasonably accessible)', r.cabinetOffice.section21Alone]] },
    { key: 'internal_reviews', title: 'Internal reviews', rows: [
      ['Requested', ir.requested], ['Decided', ir.decided], ['Pending', ir.pending], ['Upheld', ir.upheld], ['Partly upheld', ir.partUpheld],
      ['Overturned', ir.overturned], ['Decided in time', ir.decidedInTime], ['Decided within 40 working days', ir.decidedWithin40],
      ['In time (%)', ir.onTimePercent], ['Requested in the period (any request date)', ir.requestedInPeriod]] },
    { key: 'appeals', title: 'Appeals to the Information Commissioner', rows: [
      ['Decision notices', a.decided], ['Authority upheld', a.upheld], ['Partly upheld', a.partUpheld], ['Overturned', a.overturned],
      ['Information Commissioner (ICO)', a.ico], ['Scottish Information Commissioner', a.sic]] },
    { key: 'pit_extensions', title: 'Public interest test extensions (working days beyond the deadline)', rows: [
      ['Extensions', p.count], ['Up to 20', p.durations.upTo20], ['21 to 40', p.durations.from21To40], ['41 to 60', p.durations.from41To60],
      ['Over 60', p.durations.over60]] },
  ];
}

function scottishPart(key: string, title: string, s: ScottishReturnPart): Section {
  return { key, title, rows: [
    ['Requests received', s.received], ['Responded', s.responded], ['Responded in time', s.respondedInTime], ['Responded late', s.respondedLate],
    ['Full release', s.outcomes.fullRelease], ['Partial release', s.outcomes.partialRelease], ['Information not held', s.outcomes.notHeld],
    ['Withheld in full', s.outcomes.withheldInFull],
    ...Object.entries(s.exemptions).map(([section, n]): [string, Figure] => [`Exemption ${section}`, n]),
    ['Fees charged', s.feesCharged], ['Reviews requested', s.reviewsRequested], ['Review: upheld', s.reviewOutcomes.upheld],
    ['Review: upheld with modifications', s.reviewOutcomes.upheldWithModifications], ['Review: overturned', s.reviewOutcomes.overturned],
    ['Applications decided by the Commissioner', s.appealsDecided]] };
}

export function complianceSections(r: ComplianceReport): Section[] {
  const volumes: Section[] = [
    { key: 'by_kind', title: 'Received by kind', rows: Object.entries(r.byKind) },
    { key: 'by_topic', title: 'Requests by topic', rows: Object.entries(r.byTopic) },
    { key: 'by_month', title: 'On time by month of receipt (%)', rows: r.byMonth.map((m): [string, Figure] => [m.month, m.onTimePercent]) },
    { key: 'provisions', title: 'Provisions applied (requests)', rows: Object.entries(r.exemptions) },
  ];
  const scottish = r.scottish ? [scottishPart('sic_foisa', 'Scottish return: FOISA', r.scottish.foisa), scottishPart('sic_eisr', 'Scottish return: EISR', r.scottish.eisr)] : [];
  return [summary(r), code45(r), ...cabinetOffice(r), ...scottish, ...volumes];
}
