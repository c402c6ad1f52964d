// A quarter of cases (Q1 2025, England, FOIA/EIR, one Scottish FOISA mailbox) with known outcomes, written by
// hand; the due dates were counted on a calendar (17 Mar 2025 is St Patrick's Day, a FOIA non-working day).
import type { OutcomeCase } from '../../../src/pipeline/case/outcome/outcome-types.js';

export const NOW = new Date('2025-04-15T12:00:00Z');

type Fields = Partial<OutcomeCase> & Pick<OutcomeCase, 'reference' | 'receivedDate'>;

export function record(fields: Fields): OutcomeCase {
  const responded = fields.respondedOn ?? null;
  return {
    kind: 'foi', regime: 'foi', jurisdiction: 'england-and-wales', mailbox: 'default',
    status: responded ? 'responded' : 'in_progress', clarificationReceived: null,
    statutoryDueDate: fields.dueDate ?? null, dueDate: null, extension: null, outcome: null, provisions: [], questionOutcomes: [],
    respondedOn: null, review: null, appeal: null, topics: ['other'],
    ...fields,
  };
}

const review = (requestedOn: string, dueDate: string, outcome: 'upheld' | 'part_upheld' | 'overturned' | null, decidedOn: string | null, workingDaysTaken: number | null) =>
  ({ requestedOn, dueDate, outcome, decidedOn, workingDaysTaken });

export const QUARTER: OutcomeCase[] = [
  record({ reference: 'FOI-000', receivedDate: '2024-12-31', dueDate: '2025-01-30', respondedOn: '2025-02-10', outcome: 'granted', topics: ['finance'],
    review: review('2025-02-20', '2025-03-21', 'part_upheld', '2025-03-10', 12) }),
  record({ reference: 'FOI-001', receivedDate: '2025-01-06', dueDate: '2025-02-03', respondedOn: '2025-01-20', outcome: 'granted', topics: ['finance'] }),
  record({ reference: 'FOI-002', receivedDate: '2025-01-08', dueDate: '2025-02-05', respondedOn: '2025-02-05', outcome: 'part_granted', provisions: ['s40(2)'], topics: ['staffing'] }),
  record({ reference: 'FOI-003', receivedDate: '2025-01-10', dueDate: '2025-02-07', respondedOn: '2025-02-06', outcome: 'refused', provisions: ['s12'], topics: ['it_security'],
    review: review('2025-02-25', '2025-03-26', 'upheld', '2025-03-20', 17),
    appeal: { commissioner: 'ico', decisionNotice: 'IC-123456-A1B2', outcome: 'upheld', decidedOn: '2025-04-10' } }),
  record({ reference: 'FOI-004', receivedDate: '2025-01-13', dueDate: '2025-02-10', respondedOn: '2025-02-04', outcome: 'not_held', topics: ['contracts'] }),
  record({ reference: 'FOI-005', receivedDate: '2025-01-15', dueDate: '2025-02-12', respondedOn: '2025-02-12', outcome: 'part_not_held', topics: ['finance'] }),
  record({ reference: 'FOI-006', receivedDate: '2025-01-20', dueDate: '2025-02-17', respondedOn: '2025-02-21', outcome: 'granted', topics: ['finance'] }),
  record({ reference: 'FOI-007', receivedDate: '2025-01-22', dueDate: '2025-02-19', respondedOn: '2025-01-24', outcome: 'refused', provisions: ['s21'], topics: ['other'] }),
  // A PIT extension of 10 working days (25 Feb to 10 Mar), answered inside it.
  record({ reference: 'FOI-008', receivedDate: '2025-01-27', statutoryDueDate: '2025-02-24', dueDate: '2025-03-10', respondedOn: '2025-03-07',
    status: 'responded', extension: { kind: 'pit', until: '2025-03-10', workingDays: 10, noticeGivenOn: '2025-02-20' },
    outcome: 'part_granted', provisions: ['s43(2)', 's40(2)'], topics: ['contracts'] }),
  // A clarification received 10 Feb restarted the clock: due 10 Mar, not 26 Feb; answered 6 Mar, in time.
  record({ reference: 'FOI-009', receivedDate: '2025-01-29', clarificationReceived: '2025-02-10', dueDate: '2025-03-10', respondedOn: '2025-03-06',
    outcome: 'granted', topics: ['finance'] }),
  record({ reference: 'FOI-010', receivedDate: '2025-02-03', dueDate: '2025-03-03', status: 'withdrawn', topics: ['housing'] }),
  record({ reference: 'FOI-011', receivedDate: '2025-02-05', dueDate: '2025-03-05', respondedOn: '2025-03-04', outcome: 'refused', provisions: ['s14(1)'], topics: ['policing'],
    status: 'under_review', review: review('2025-03-10', '2025-04-08', 'upheld', '2025-04-01', 16) }),
  record({ reference: 'FOI-012', receivedDate: '2025-02-10', dueDate: '2025-03-10', respondedOn: '2025-03-10', outcome: 'part_granted', provisions: ['s40(2)', 's31(1)(a)'],
    topics: ['policing'], review: review('2025-03-12', '2025-04-10', 'overturned', '2025-04-14', 22) }),
  record({ reference: 'FOI-013', receivedDate: '2025-02-12', dueDate: '2025-03-12', respondedOn: '2025-03-11', outcome: 'granted', topics: ['education'] }),
  record({ reference: 'FOI-014', receivedDate: '2025-02-14', dueDate: '2025-03-14', respondedOn: '2025-03-20', outcome: 'refused', provisions: ['s12'], topics: ['it_security'] }),
  record({ reference: 'EIR-015', kind: 'eir', regime: 'eir', receivedDate: '2025-02-17', dueDate: '2025-03-18', respondedOn: '2025-03-03', outcome: 'granted', topics: ['planning_environment'] }),
  // EIR reg 7: complex and voluminous, to the 40th working day; answered inside it.
  record({ reference: 'EIR-016', kind: 'eir', regime: 'eir', receivedDate: '2025-02-19', statutoryDueDate: '2025-03-20', dueDate: '2025-04-17', respondedOn: '2025-04-10',
    extension: { kind: 'complex', until: '2025-04-17', workingDays: 20, noticeGivenOn: '2025-03-14' },
    outcome: 'refused', provisions: ['reg12(4)(b)'], topics: ['planning_environment'] }),
  record({ reference: 'EIR-017', kind: 'eir', regime: 'eir', receivedDate: '2025-02-24', dueDate: '2025-03-25', respondedOn: '2025-03-25', outcome: 'part_granted',
    provisions: ['reg13', 'reg12(5)(e)'], topics: ['planning_environment'] }),
  record({ reference: 'FOI-018', receivedDate: '2025-03-03', dueDate: '2025-04-01', respondedOn: '2025-04-02', outcome: 'granted', topics: ['transport'] }),
  record({ reference: 'FOI-019', receivedDate: '2025-03-05', dueDate: '2025-04-03', topics: ['finance'] }),
  record({ reference: 'FOI-020', receivedDate: '2025-03-20', dueDate: '2025-04-17', status: 'acknowledged', topics: ['housing'] }),
  record({ reference: 'FOI-021', receivedDate: '2025-03-25', status: 'awaiting_clarification', topics: ['other'] }),
  record({ reference: 'FOI-022', receivedDate: '2025-03-28', dueDate: '2025-04-29', status: 'closed', topics: ['other'] }),
  record({ reference: 'FOI-023', receivedDate: '2025-03-31', dueDate: '2025-04-30', respondedOn: '2025-04-10', outcome: 'granted', topics: ['health'] }),
  record({ reference: 'SAR-024', kind: 'sar', regime: 'sar', receivedDate: '2025-02-11', dueDate: '2025-03-11', respondedOn: '2025-03-05', outcome: 'granted', topics: ['personal_data'] }),
  record({ reference: 'IR-025', kind: 'internal_review', regime: 'foi_review', receivedDate: '2025-03-10', dueDate: '2025-04-08', topics: ['policing'] }),
  record({ reference: 'CMP-026', kind: 'complaint', regime: null, receivedDate: '2025-01-30', status: 'closed', topics: ['other'] }),
  record({ reference: 'FOI-027', receivedDate: '2025-04-01', dueDate: '2025-05-01', respondedOn: '2025-04-08', outcome: 'granted', topics: ['finance'] }),
  record({ reference: 'FOISA-028', regime: 'foisa', jurisdiction: 'scotland', mailbox: 'scotland', receivedDate: '2025-02-03', dueDate: '2025-03-03',
    respondedOn: '2025-02-28', outcome: 'part_granted', provisions: ['s38(1)(b)', 's33(1)(b)'], topics: ['contracts'] }),
];
