// Reminders are computed from the cases, not remembered by the scheduler: due soon, due today and overdue,
// never the same one twice, and after a missed run only the latest that came due.
import { describe, expect, it } from 'vitest';
import { selectReminders, type ReminderCase } from '../../../src/pipeline/case/select-reminders.js';

// Due Wed 2 Jul 2025 (FOIA): 5 working days before is Wed 25 Jun, 2 before Mon 30 Jun, overdue from Thu 3 Jul.
function foiCase(overrides: Partial<ReminderCase> = {}): ReminderCase {
  return { caseId: 1, status: 'in_progress', regime: 'foi', dueDate: '2025-07-02', lastReminder: null, ...overrides };
}

const select = (today: string, ...cases: ReminderCase[]) => selectReminders({ cases, today });

describe('what comes due', () => {
  it('nothing six working days before', () => {
    expect(select('2025-06-24', foiCase())).toEqual([]);
  });

  it('due soon: 5 working days before', () => {
    expect(select('2025-06-25', foiCase())).toEqual([{
      caseId: 1, kind: 'due_soon', offset: 5, dueDate: '2025-07-02', workingDaysLeft: 5,
      key: 'reminder:1:2025-07-02:5', superseded: [],
    }]);
  });

  it('due soon: 2 working days before, after the 5-day one', () => {
    expect(select('2025-06-30', foiCase({ lastReminder: { dueDate: '2025-07-02', offset: 5 } })))
      .toEqual([expect.objectContaining({ kind: 'due_soon', offset: 2, workingDaysLeft: 2, superseded: [] })]);
  });

  it('due today', () => {
    expect(select('2025-07-02', foiCase({ lastReminder: { dueDate: '2025-07-02', offset: 2 } })))
      .toEqual([expect.objectContaining({ kind: 'due_today', offset: 0, workingDaysLeft: 0 })]);
  });

  it('overdue: the first working day after', () => {
    expect(select('2025-07-03', foiCase({ lastReminder: { dueDate: '2025-07-02', offset: 0 } })))
      .toEqual([expect.objectContaining({ kind: 'overdue', offset: -1, workingDaysLeft: -1, key: 'reminder:1:2025-07-02:-1' })]);
  });
});

describe('never twice', () => {
  it('a second run on the same day selects nothing once the first is recorded', () => {
    const [first] = select('2025-06-25', foiCase());
    expect(first).toBeDefined();
    expect(select('2025-06-25', foiCase({ lastReminder: { dueDate: first!.dueDate, offset: first!.offset } }))).toEqual([]);
    expect(select('2025-06-27', foiCase({ lastReminder: { dueDate: '2025-07-02', offset: 5 } }))).toEqual([]);
  });

  it('one overdue notice, not one a day', () => {
    expect(select('2025-07-10', foiCase({ lastReminder: { dueDate: '2025-07-02', offset: -1 } }))).toEqual([]);
  });

  it('a moved due date (an extension) starts the reminders again for the new date', () => {
    const extended = foiCase({ status: 'extended', dueDate: '2025-07-30', lastReminder: { dueDate: '2025-07-02', offset: 0 } });
    expect(select('2025-07-22', extended)).toEqual([]);
    expect(select('2025-07-23', extended)).toEqual([expect.objectContaining({ kind: 'due_soon', offset: 5, dueDate: '2025-07-30' })]);
  });
});

describe('after missed runs: only the latest reminder that came due', () => {
  it('a weekend without runs before the due date: Monday sends the 2-day reminder only', () => {
    // Due Tue 1 Jul 2025: the 2-day reminder fell on Fri 27 Jun.
    const due = foiCase({ dueDate: '2025-07-01', lastReminder: { dueDate: '2025-07-01', offset: 5 } });
    expect(select('2025-06-30', due)).toEqual([expect.objectContaining({ offset: 2, workingDaysLeft: 1, superseded: [] })]);
    expect(select('2025-06-30', { ...due, lastReminder: null })).toEqual([expect.objectContaining({ offset: 2, superseded: [5] })]);
  });

  it('due on a Friday: nothing more at the weekend, overdue on Monday', () => {
    const due = foiCase({ dueDate: '2025-06-27', lastReminder: { dueDate: '2025-06-27', offset: 0 } });
    expect(select('2025-06-28', due)).toEqual([]);
    expect(select('2025-06-29', due)).toEqual([]);
    expect(select('2025-06-30', due)).toEqual([expect.objectContaining({ kind: 'overdue', workingDaysLeft: -1 })]);
  });

  it('a long outage sends the overdue notice alone', () => {
    expect(select('2025-07-04', foiCase())).toEqual([expect.objectContaining({ kind: 'overdue', workingDaysLeft: -2, superseded: [5, 2, 0] })]);
  });
});

describe('which cases and which calendar', () => {
  it('only cases whose clock runs', () => {
    const stopped = (['awaiting_clarification', 'responded', 'closed', 'withdrawn', 'under_review'] as const)
      .map((status, i) => foiCase({ caseId: i + 10, status }));
    expect(select('2025-07-03', ...stopped, foiCase({ caseId: 20, dueDate: null }))).toEqual([]);
    expect(select('2025-07-03', foiCase({ caseId: 21, status: 'received' }), foiCase({ caseId: 22, status: 'acknowledged' })).map((r) => r.caseId))
      .toEqual([21, 22]);
  });

  it('counts on the regime\'s calendar: Easter Monday is a working day under FOISA, not FOIA', () => {
    // Due Wed 23 Apr 2025, today Thu 17 Apr: FOIA skips Good Friday and Easter Monday; FOISA skips only Good Friday.
    const [foi, foisa] = select('2025-04-17',
      foiCase({ caseId: 1, dueDate: '2025-04-23' }), foiCase({ caseId: 2, regime: 'foisa', dueDate: '2025-04-23' }));
    expect(foi).toMatchObject({ offset: 2, workingDaysLeft: 2 });
    expect(foisa).toMatchObject({ offset: 5, workingDaysLeft: 3 });
  });

  it('takes other offsets and refuses a malformed day', () => {
    expect(selectReminders({ cases: [foiCase()], today: '2025-06-18', offsets: [10, 0] }))
      .toEqual([expect.objectContaining({ kind: 'due_soon', offset: 10, workingDaysLeft: 10 })]);
    expect(() => selectReminders({ cases: [], today: '3 July' })).toThrow(RangeError);
  });
});
