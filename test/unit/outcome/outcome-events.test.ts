// Outcome decisions as audit events, and the fold that reads a case's outcome back from its events.
import { describe, expect, it } from 'vitest';
import { decideResponse } from '../../../src/pipeline/case/outcome/decide-response.js';
import { decideReviewOutcome, openReviewRecord } from '../../../src/pipeline/case/outcome/decide-review.js';
import {
  appealDecidedEvent, extendedEvent, foldOutcomeEvents, outcomeRecordedEvent, reviewDecidedEvent, reviewStartedEvent,
} from '../../../src/pipeline/case/outcome/outcome-events.js';
import { record } from '../reports/quarter-fixture.js';

const at = (date: string) => new Date(`${date}T12:00:00Z`);

describe('outcome events', () => {
  it('fold back into the fields the reports read', () => {
    const c = record({ reference: 'FOI-E', receivedDate: '2025-10-01', dueDate: '2025-10-29' });
    const extension = { kind: 'pit' as const, until: '2025-11-26', workingDays: 20, noticeGivenOn: '2025-10-20' };
    const response = decideResponse({ ...c, dueDate: extension.until, extension }, { outcome: 'part_granted', provisions: ['s43(2)'], respondedOn: '2025-11-20' }, at('2025-11-21'));
    if (!response.ok) throw new Error(response.reason);
    const review = openReviewRecord('foi', 'england-and-wales', '2025-12-01')!;
    const decided = decideReviewOutcome({ ...c, review }, { outcome: 'part_upheld', decidedOn: '2025-12-19' }, at('2025-12-20'));
    if (!decided.ok) throw new Error(decided.reason);
    const appeal = { commissioner: 'ico' as const, decisionNotice: 'IC-123456-A1B2', outcome: 'overturned' as const, decidedOn: '2026-05-01' };
    const events = [extendedEvent(extension), outcomeRecordedEvent(response.response, false), reviewStartedEvent(review),
      reviewDecidedEvent(decided.decision), appealDecidedEvent(appeal), { event: 'publication_validated', details: { validatedOn: '2026-05-02' } }];
    expect(foldOutcomeEvents(JSON.parse(JSON.stringify(events)))).toEqual({
      outcome: 'part_granted', provisions: ['s43(2)'], questionOutcomes: [], respondedOn: '2025-11-20', extension,
      review: { requestedOn: '2025-12-01', dueDate: review.dueDate, outcome: 'part_upheld', decidedOn: '2025-12-19', workingDaysTaken: 14 },
      appeal, validated: true,
    });
  });

  it("read the lifecycle's own extension and response events (no outcome) as well", () => {
    const fields = foldOutcomeEvents([
      { event: 'deadline_extended', at: at('2025-10-20'), details: { extension: 'pit', oldDueDate: '2025-10-29', newDueDate: '2025-11-26' } },
      { event: 'responded', details: { respondedOn: '2025-11-20', onTime: true } },
    ], 'foi');
    expect(fields).toMatchObject({ outcome: null, respondedOn: '2025-11-20',
      extension: { kind: 'pit', until: '2025-11-26', workingDays: 20, noticeGivenOn: '2025-10-20' } });
  });

  it('a corrected outcome replaces the first', () => {
    const first = { event: 'outcome_recorded', details: { outcome: 'granted', provisions: [], questionOutcomes: [], respondedOn: '2025-11-20' } };
    const second = { event: 'outcome_recorded', details: { outcome: 'refused', provisions: ['s12'], questionOutcomes: [], respondedOn: '2025-11-20', amended: true } };
    expect(foldOutcomeEvents([first, second])).toMatchObject({ outcome: 'refused', provisions: ['s12'] });
  });
});
