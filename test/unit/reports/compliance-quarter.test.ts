// The quarter counted by hand: every figure of the report for Q1 2025 is written out below and compared with
// what the code computes from the cases in quarter-fixture.ts (FOI-000 and FOI-027 lie just outside it).
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../src/clock/index.js';
import { computeComplianceReport } from '../../../src/reports/compliance.js';
import { NOW, QUARTER } from './quarter-fixture.js';

const Q1 = { from: '2025-01-01', to: '2025-03-31', now: NOW };

describe('the fixture itself', () => {
  it("has the statutory due dates the clock gives (20 working days; clarification restart; PIT and reg 7 at 40)", () => {
    for (const c of QUARTER.filter((c) => c.statutoryDueDate !== null && c.regime !== null && c.kind !== 'internal_review')) {
      const due = computeDeadline({
        regime: c.regime!, received: c.receivedDate, jurisdiction: c.jurisdiction,
        ...(c.clarificationReceived ? { clarificationSought: c.receivedDate, clarificationReceived: c.clarificationReceived } : {}),
      }).dueDate;
      expect(`${c.reference} ${c.statutoryDueDate}`).toBe(`${c.reference} ${due}`);
    }
    expect(computeDeadline({ regime: 'eir', received: '2025-02-19', extension: 'complex' }).dueDate).toBe('2025-04-17');
  });
});

describe('Q1 2025, every mailbox: the contract fields', () => {
  const report = computeComplianceReport(QUARTER, Q1);

  it('counts FOI and EIR requests received 1 Jan-31 Mar by their original receipt date', () => {
    expect(report).toMatchObject({
      period: { from: '2025-01-01', to: '2025-03-31', mailbox: null }, generatedOn: '2025-04-15',
      received: 24, open: 3, respondedInTime: 16, respondedLate: 3, extended: 2,
      grantedInFull: 7, partGranted: 5, refusedInFull: 5, notHeld: 1, partNotHeld: 1, withdrawn: 1, closedWithoutResponse: 1,
      awaitingClarification: 1, internalReviews: 3, onTimePercent: 84.2, icoBand: 'unsatisfactory',
    });
  });

  it('counts each provision once per request that applied it', () => {
    expect(report.exemptions).toEqual({
      's40(2)': 3, s12: 2, 'reg12(4)(b)': 1, 'reg12(5)(e)': 1, reg13: 1, 's14(1)': 1, s21: 1, 's31(1)(a)': 1, 's33(1)(b)': 1, 's38(1)(b)': 1, 's43(2)': 1,
    });
  });

  it('gives every kind received, requests or not', () => {
    expect(report.byKind).toEqual({ foi: 21, eir: 3, complaint: 1, internal_review: 1, sar: 1 });
  });

  it('gives volumes by main topic and on-time by month of receipt', () => {
    expect(report.byTopic).toEqual({
      finance: 5, contracts: 3, other: 3, planning_environment: 3, housing: 2, it_security: 2, policing: 2, education: 1, health: 1, staffing: 1, transport: 1,
    });
    expect(report.byMonth).toEqual([
      { month: '2025-01', received: 9, respondedInTime: 8, respondedLate: 1, onTimePercent: 88.9 },
      { month: '2025-02', received: 9, respondedInTime: 7, respondedLate: 1, onTimePercent: 87.5 },
      { month: '2025-03', received: 6, respondedInTime: 1, respondedLate: 1, onTimePercent: 50 },
    ]);
  });
});

describe('Q1 2025: the s.45 Code categories', () => {
  const { code45 } = computeComplianceReport(QUARTER, Q1);
  it('has the hand count, and the parts add up to what was received', () => {
    expect(code45).toEqual({
      received: 24, notYetProcessed: 2, suspended: 1, processed: 20, withdrawn: 1,
      grantedInFull: 7, partGrantedPartRefused: 5, partGrantedPartNotHeld: 1, notHeld: 1, refusedInFull: 5, closedWithoutResponse: 1,
      late: 3, overdueOpen: 1, extended: 2, referredForInternalReview: 3,
    });
    expect(code45.notYetProcessed + code45.suspended + code45.processed + code45.withdrawn).toBe(code45.received);
  });
});

describe('Q1 2025: the Cabinet Office tables', () => {
  const { cabinetOffice: co } = computeComplianceReport(QUARTER, Q1);
  it('timeliness: met the 20 working days, within a permitted extension, late, pending', () => {
    expect(co.timeliness).toEqual({
      metDeadline: 14, withinPermittedExtension: 2, late: 3, pendingInTime: 1, pendingOverdue: 1, inTimePercent: 84.2,
      workingDaysLateTotal: 8, workingDaysLateMax: 4,
    });
  });
  it('initial outcomes, with resolvable = received less not held, lapsed and awaiting clarification', () => {
    expect(co.initialOutcomes).toEqual({
      grantedInFull: 7, withheldInFull: 5, partiallyWithheld: 5, partlyNotHeld: 1, notHeld: 1, notYetProcessed: 2,
      clarificationRequired: 1, lapsed: 2, resolvable: 20, grantedInFullPercentOfResolvable: 35,
    });
    expect(co.withheldReasons).toEqual({ cost: 2, vexatiousOrRepeated: 1, other: 7 });
  });
  it('exemptions by section (FOIA, FOISA) or exception (EIR), and s.21 alone', () => {
    expect(co.exemptions.map((e) => `${e.regime}:${e.group}=${e.requests}`)).toEqual([
      'foi:s40=3', 'foi:s12=2', 'eir:reg12(4)(b)=1', 'eir:reg12(5)(e)=1', 'eir:reg13=1',
      'foi:s14=1', 'foi:s21=1', 'foi:s31=1', 'foi:s43=1', 'foisa:s33=1', 'foisa:s38=1',
    ]);
    expect(co.exemptions[0]!.title).toBe('Personal information');
    expect(co.section21Alone).toBe(1);
  });
  it('internal reviews, ICO appeals and PIT extension durations', () => {
    expect(co.internalReviews).toEqual({
      requested: 3, decided: 3, pending: 0, upheld: 2, partUpheld: 0, overturned: 1, decidedInTime: 2, decidedWithin40: 3,
      onTimePercent: 66.7, requestedInPeriod: 4,
    });
    expect(co.appeals).toEqual({ decided: 1, upheld: 1, partUpheld: 0, overturned: 0, ico: 1, sic: 0 });
    expect(co.pitExtensions).toEqual({ count: 1, durations: { upTo20: 1, from21To40: 0, from41To60: 0, over60: 0 } });
  });
});

describe('Q1 2025: the Scottish return and the mailbox filter', () => {
  it('returns FOISA figures for the Scottish mailbox and empty EISR ones', () => {
    const { scottish } = computeComplianceReport(QUARTER, Q1);
    expect(scottish?.foisa).toEqual({
      received: 1, responded: 1, respondedInTime: 1, respondedLate: 0,
      outcomes: { fullRelease: 0, partialRelease: 1, notHeld: 0, withheldInFull: 0 },
      exemptions: { s33: 1, s38: 1 }, feesCharged: 0, reviewsRequested: 0,
      reviewOutcomes: { upheld: 0, upheldWithModifications: 0, overturned: 0 }, appealsDecided: 0,
    });
    expect(scottish?.eisr.received).toBe(0);
  });
  it('counts one mailbox only when asked', () => {
    const scotland = computeComplianceReport(QUARTER, { ...Q1, mailbox: 'scotland' });
    expect(scotland).toMatchObject({ received: 1, respondedInTime: 1, onTimePercent: 100, icoBand: 'good', byKind: { foi: 1 } });
    const england = computeComplianceReport(QUARTER, { ...Q1, mailbox: 'default' });
    expect(england.received).toBe(23);
    expect(england.scottish).toBeNull();
  });
});
