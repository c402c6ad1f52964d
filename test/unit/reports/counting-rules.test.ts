// The counting rules docs/compliance-statistics.md states, one case each: a request that straddles two
// periods, a withdrawn request, a clarification that restarted the clock, an answer after a PIT extension.
import { describe, expect, it } from 'vitest';
import { computeComplianceReport, icoBand } from '../../../src/reports/compliance.js';
import { NOW, QUARTER, record } from './quarter-fixture.js';

const now = new Date('2025-06-30T12:00:00Z'); // after every date below
const report = (cases: Parameters<typeof computeComplianceReport>[0], from = '2025-01-01', to = '2025-03-31') => computeComplianceReport(cases, { from, to, now });

describe('counting rules', () => {
  it('a request received in one period and answered in the next counts in the period it was received', () => {
    const straddle = record({ reference: 'S', receivedDate: '2025-03-20', dueDate: '2025-04-17', respondedOn: '2025-04-16', outcome: 'granted' });
    expect(report([straddle])).toMatchObject({ received: 1, respondedInTime: 1, grantedInFull: 1 });
    expect(report([straddle], '2025-04-01', '2025-06-30')).toMatchObject({ received: 0, respondedInTime: 0, onTimePercent: null, icoBand: null });
    // The quarter's FOI-000 (received 31 Dec 2024, answered late in February) belongs to Q4 2024.
    expect(computeComplianceReport(QUARTER, { from: '2024-10-01', to: '2024-12-31', now: NOW }))
      .toMatchObject({ received: 1, respondedLate: 1, internalReviews: 1, onTimePercent: 0 });
  });

  it('the period is inclusive at both ends', () => {
    const first = record({ reference: 'A', receivedDate: '2025-01-01', dueDate: '2025-01-30' });
    const last = record({ reference: 'B', receivedDate: '2025-03-31', dueDate: '2025-04-30' });
    expect(report([first, last]).received).toBe(2);
  });

  it('a withdrawn request is received, never open, never answered, and left out of the on-time figure', () => {
    const withdrawn = record({ reference: 'W', receivedDate: '2025-02-03', dueDate: '2025-03-03', status: 'withdrawn' });
    const answered = record({ reference: 'X', receivedDate: '2025-02-03', dueDate: '2025-03-03', respondedOn: '2025-02-10', outcome: 'granted' });
    expect(report([withdrawn, answered])).toMatchObject({ received: 2, withdrawn: 1, open: 0, respondedInTime: 1, respondedLate: 0, onTimePercent: 100 });
  });

  it('a clarification restarts the clock: an answer after the original date but before the restarted one is in time', () => {
    // Received 29 Jan (due 26 Feb); clarification received 10 Feb restarts: due 10 Mar. Answered 6 Mar.
    const clarified = record({ reference: 'C', receivedDate: '2025-01-29', clarificationReceived: '2025-02-10', dueDate: '2025-03-10', respondedOn: '2025-03-06', outcome: 'granted' });
    const r = report([clarified]);
    expect(r).toMatchObject({ respondedInTime: 1, respondedLate: 0 });
    expect(r.cabinetOffice.timeliness).toMatchObject({ metDeadline: 1, withinPermittedExtension: 0 });
    // ... and it still counts in January, the month of original receipt.
    expect(r.byMonth.map((m) => m.month)).toEqual(['2025-01']);
    // A request still awaiting clarification is open (suspended), with no deadline to miss.
    const waiting = record({ reference: 'D', receivedDate: '2025-01-29', status: 'awaiting_clarification' });
    expect(report([waiting])).toMatchObject({ open: 1, awaitingClarification: 1, code45: { suspended: 1, overdueOpen: 0 } });
  });

  it('an answer within a permitted PIT extension is in time; after it, late by working days past the extended date', () => {
    const pit = { kind: 'pit' as const, until: '2025-03-10', workingDays: 10, noticeGivenOn: '2025-02-20' };
    const within = record({ reference: 'P1', receivedDate: '2025-01-27', statutoryDueDate: '2025-02-24', dueDate: '2025-03-10', extension: pit, respondedOn: '2025-03-10', outcome: 'part_granted', provisions: ['s43(2)'] });
    const after = record({ ...within, reference: 'P2', respondedOn: '2025-03-12' });
    const r = report([within, after]);
    expect(r).toMatchObject({ extended: 2, respondedInTime: 1, respondedLate: 1, onTimePercent: 50 });
    expect(r.cabinetOffice.timeliness).toMatchObject({ metDeadline: 0, withinPermittedExtension: 1, late: 1, workingDaysLateTotal: 2 });
    expect(r.cabinetOffice.pitExtensions).toEqual({ count: 2, durations: { upTo20: 2, from21To40: 0, from41To60: 0, over60: 0 } });
  });

  it('SARs, reviews, complaints and clarifications are not requests: only byKind counts them', () => {
    const kinds = (['sar', 'internal_review', 'complaint', 'clarification', 'other'] as const)
      .map((kind, i) => record({ reference: `K${i}`, kind, regime: kind === 'sar' ? 'sar' : null, receivedDate: '2025-02-01' }));
    expect(report(kinds)).toMatchObject({ received: 0, open: 0, byKind: { sar: 1, internal_review: 1, complaint: 1, clarification: 1, other: 1 } });
  });

  it('rounds the on-time figure to one decimal, and reads the ICO band on it', () => {
    const many = Array.from({ length: 20 }, (_, i) => record({ reference: `R${i}`, receivedDate: '2025-02-03', dueDate: '2025-03-03',
      respondedOn: i < 19 ? '2025-03-03' : '2025-03-04', outcome: 'granted' }));
    expect(report(many)).toMatchObject({ onTimePercent: 95, icoBand: 'good' });
    expect([icoBand(95), icoBand(94.9), icoBand(90), icoBand(89.9), icoBand(null)]).toEqual(['good', 'adequate', 'adequate', 'unsatisfactory', null]);
  });

  it('a request answered after its due date, but closed later, is still late; a case closed without an answer is not', () => {
    const closedLate = record({ reference: 'L', receivedDate: '2025-02-03', dueDate: '2025-03-03', respondedOn: '2025-03-05', outcome: 'granted', status: 'closed' });
    const closedUnanswered = record({ reference: 'U', receivedDate: '2025-02-03', dueDate: '2025-03-03', status: 'closed' });
    expect(report([closedLate, closedUnanswered])).toMatchObject({ respondedLate: 1, closedWithoutResponse: 1, open: 0, onTimePercent: 0 });
  });
});
