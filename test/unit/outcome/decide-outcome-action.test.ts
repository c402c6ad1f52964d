// The officer's outcome commands as one pure step each: what is saved (events, clock, columns), read back
// through the same fold the reports use, so a recorded step is counted as it was decided.
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../src/pipeline/case/case-lifecycle.js';
import { decideOutcomeAction, type OutcomeAction } from '../../../src/pipeline/case/outcome/decide-outcome-action.js';
import { outcomeCaseFromEvents, type StoredCaseEvent } from '../../../src/pipeline/case/outcome/outcome-case.js';

// Received Mon 9 Feb 2026: day one Tue 10 Feb, the 20th working day Mon 9 Mar 2026.
const opened: CaseState = {
  status: 'acknowledged', regime: 'foi', jurisdiction: 'england-and-wales', receivedDate: '2026-02-09',
  clarificationSought: null, clarificationReceived: null, extension: null, dueDate: '2026-03-09',
};
const now = new Date('2026-06-01T12:00:00Z');

/** Applies the actions in turn, as the store would save them, and returns the case as the reports read it. */
function run(actions: OutcomeAction[], start: CaseState = opened) {
  let state = start;
  const events: StoredCaseEvent[] = [];
  const steps = [];
  for (const action of actions) {
    const c = outcomeCaseFromEvents({ reference: 'FOI-2026-00001', kind: 'foi', mailbox: 'default', status: state.status,
      jurisdiction: state.jurisdiction, receivedDate: state.receivedDate, state, topics: [] }, events);
    const step = decideOutcomeAction(c, state, action, now);
    if (!step.ok) return { rejected: step, steps };
    steps.push(step);
    events.push(...step.events);
    state = step.transition?.next ?? state;
  }
  const read = outcomeCaseFromEvents({ reference: 'FOI-2026-00001', kind: 'foi', mailbox: 'default', status: state.status,
    jurisdiction: state.jurisdiction, receivedDate: state.receivedDate, state, topics: [] }, events);
  return { read, state, steps, events };
}

describe('decideOutcomeAction', () => {
  it('a response with an outcome moves the case to responded and records the outcome as columns and events', () => {
    const { read, state, steps } = run([{ type: 'record_outcome', outcome: 'part_granted', provisions: ['s.40(2)'], respondedOn: '2026-03-12' }]);
    expect(state!.status).toBe('responded');
    expect(steps[0]!.events.map((e) => e.event)).toEqual(['responded', 'outcome_recorded']);
    expect(steps[0]!.columns).toMatchObject({ outcome: 'part_granted', exemptions: ['s40(2)'], respondedOn: '2026-03-12', responseDueDate: '2026-03-09' });
    expect(read).toMatchObject({ outcome: 'part_granted', provisions: ['s40(2)'], respondedOn: '2026-03-12', statutoryDueDate: '2026-03-09' });
    expect(steps[0]!.response).toMatchObject({ onTime: false, workingDaysLate: 3 });
  });

  it('an unknown provision, or an outcome for a withdrawn request, is refused', () => {
    expect(run([{ type: 'record_outcome', outcome: 'refused', provisions: ['reg13'] }]).rejected).toMatchObject({ code: 'outcome.unknown_provision' });
    const withdrawn = run([{ type: 'record_outcome', outcome: 'granted' }], { ...opened, status: 'withdrawn' });
    expect(withdrawn.rejected).toMatchObject({ code: 'outcome.case_withdrawn' });
  });

  it('a PIT extension to a stated date moves the due date there and reads back with its working days', () => {
    const { read, state } = run([{ type: 'extend_deadline', extension: 'pit', until: '2026-04-20', noticeGivenOn: '2026-03-02' }]);
    expect(state!).toMatchObject({ status: 'extended', dueDate: '2026-04-20' });
    // 10 Mar to 20 Apr: 30 weekdays less St Patrick's Day, Good Friday and Easter Monday.
    expect(read!.extension).toEqual({ kind: 'pit', until: '2026-04-20', workingDays: 27, noticeGivenOn: '2026-03-02' });
    expect(read).toMatchObject({ statutoryDueDate: '2026-03-09', dueDate: '2026-04-20' });
    const late = run([{ type: 'extend_deadline', extension: 'pit', noticeGivenOn: '2026-03-10' }]);
    expect(late.rejected).toMatchObject({ code: 'outcome.extension_notice_late' });
  });

  it('a review asked for outside the mailbox, its decision, the appeal and publication', () => {
    const { read, events } = run([
      { type: 'record_outcome', outcome: 'refused', provisions: ['s14(1)'], respondedOn: '2026-03-02' },
      { type: 'decide_review', outcome: 'upheld', requestedOn: '2026-03-10', decidedOn: '2026-04-01' },
      { type: 'decide_appeal', decisionNotice: 'IC-123456-A1B2', outcome: 'overturned', decidedOn: '2026-05-20' },
      { type: 'validate_publication', attachments: ['letter.pdf'] },
    ]);
    expect(events!.map((e) => e.event)).toEqual(['responded', 'outcome_recorded', 'review_started', 'review_decided', 'appeal_decided', 'publication_validated']);
    expect(read!.review).toMatchObject({ requestedOn: '2026-03-10', outcome: 'upheld', decidedOn: '2026-04-01' });
    expect(read!.appeal).toEqual({ commissioner: 'ico', decisionNotice: 'IC-123456-A1B2', outcome: 'overturned', decidedOn: '2026-05-20' });
    expect(read!.validated).toBe(true);
    expect(run([{ type: 'validate_publication' }]).rejected).toMatchObject({ code: 'outcome.not_responded' });
  });

  it('an earlier response without an outcome is completed, keeping its date', () => {
    const respondedEvent: StoredCaseEvent = { event: 'responded', details: { respondedOn: '2026-03-05' } };
    const state: CaseState = { ...opened, status: 'responded' };
    const c = outcomeCaseFromEvents({ reference: 'FOI-2026-00001', kind: 'foi', mailbox: 'default', status: 'responded',
      jurisdiction: 'england-and-wales', receivedDate: opened.receivedDate, state, topics: [] }, [respondedEvent]);
    const step = decideOutcomeAction(c, state, { type: 'record_outcome', outcome: 'granted' }, now);
    expect(step).toMatchObject({ ok: true, transition: undefined, columns: { outcome: 'granted', respondedOn: '2026-03-05' } });
  });
});
