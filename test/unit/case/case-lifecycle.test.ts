// The case state machine: each legal move recomputes the due date and leaves an audit event; each illegal
// one is refused with a reason. Dates from the rules document's worked examples (W1, W12, W13, W15, W17, S7, S10).
import { describe, expect, it } from 'vitest';
import {
  applyCaseAction, openReviewCase, recomputeDueDate,
  type CaseAction, type CaseActionResult, type CaseState,
} from '../../../src/pipeline/case/case-lifecycle.js';
import { CASE_STATUSES, type CaseStatus } from '../../../src/domain/foi-case.js';

const at = (date: string) => new Date(`${date}T10:00:00Z`);

function state(overrides: Partial<CaseState> = {}): CaseState {
  const base: CaseState = {
    status: 'received', regime: 'foi', jurisdiction: 'england-and-wales', receivedDate: '2017-05-30',
    clarificationSought: null, clarificationReceived: null, extension: null, dueDate: null,
  };
  const merged = { ...base, ...overrides };
  return { ...merged, dueDate: overrides.dueDate !== undefined ? overrides.dueDate : recomputeDueDate(merged).dueDate };
}

function ok(result: CaseActionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.reason}`);
  return result;
}

function refused(result: CaseActionResult) {
  if (result.ok) throw new Error(`expected a refusal, got status ${result.next.status}`);
  return result;
}

describe('the seed case: FOIA clarification restarts the clock (s.1(3), s.10(6)(b))', () => {
  it('received 30 May 2017 is due 27 Jun; sought 6 Jun stops the clock; received 8 Jun → due 6 Jul 2017', () => {
    const opened = state();
    expect(opened.dueDate).toBe('2017-06-27');
    const sought = ok(applyCaseAction(opened, { type: 'seek_clarification' }, at('2017-06-06')));
    expect(sought.next).toMatchObject({ status: 'awaiting_clarification', clarificationSought: '2017-06-06', dueDate: null });
    expect(sought.events).toEqual([expect.objectContaining({
      event: 'clarification_sought', fromStatus: 'received', toStatus: 'awaiting_clarification',
      details: expect.objectContaining({ oldDueDate: '2017-06-27', newDueDate: null }),
    })]);
    const clarified = ok(applyCaseAction(sought.next, { type: 'receive_clarification', date: '2017-06-08' }, at('2017-06-08')));
    expect(clarified.next).toMatchObject({ status: 'in_progress', clarificationReceived: '2017-06-08', dueDate: '2017-07-06' });
    expect(clarified.events[0]).toMatchObject({
      event: 'clarification_received', fromStatus: 'awaiting_clarification', toStatus: 'in_progress', at: at('2017-06-08'),
      details: { oldDueDate: null, newDueDate: '2017-07-06', clarificationSought: '2017-06-06' },
    });
    expect(clarified.dueExplain.at(-1)).toBe('due: 20th working day, Thu 6 Jul 2017');
  });

  it('takes an instant (IMAP INTERNALDATE) in London: 23:30Z on 7 Jun is 8 Jun BST', () => {
    const sought = ok(applyCaseAction(state(), { type: 'seek_clarification', date: '2017-06-06' }, at('2017-06-06'))).next;
    const clarified = ok(applyCaseAction(sought, { type: 'receive_clarification', date: new Date('2017-06-07T23:30:00Z') }, at('2017-06-08')));
    expect(clarified.next.dueDate).toBe('2017-07-06');
  });

  it('a second round of clarification restarts from the second reply', () => {
    const first = state({ status: 'in_progress', clarificationSought: '2017-06-06', clarificationReceived: '2017-06-08' });
    const again = ok(applyCaseAction(first, { type: 'seek_clarification' }, at('2017-06-12'))).next;
    expect(again).toMatchObject({ clarificationSought: '2017-06-12', clarificationReceived: null, dueDate: null });
    expect(ok(applyCaseAction(again, { type: 'receive_clarification' }, at('2017-06-13'))).next.dueDate).toBe('2017-07-11');
  });

  it('a SAR clarification pauses the month (Art 12A): 10 Mar 2026, paused 12–20 Mar → 20 Apr 2026', () => {
    const sar = state({ regime: 'sar', receivedDate: '2026-03-10' });
    const sought = ok(applyCaseAction(sar, { type: 'seek_clarification', date: '2026-03-12' }, at('2026-03-12'))).next;
    expect(ok(applyCaseAction(sought, { type: 'receive_clarification', date: '2026-03-20' }, at('2026-03-20'))).next.dueDate).toBe('2026-04-20');
  });
});

describe('extensions', () => {
  const foi = state({ status: 'acknowledged', receivedDate: '2025-10-01' });

  it('FOIA public interest (s.10(3)): 1 Oct 2025, due 29 Oct → 40th working day, 26 Nov 2025', () => {
    expect(foi.dueDate).toBe('2025-10-29');
    const result = ok(applyCaseAction(foi, { type: 'extend', extension: 'pit', reason: 'public interest test, s.43' }, at('2025-10-20')));
    expect(result.next).toMatchObject({ status: 'extended', dueDate: '2025-11-26', extension: { kind: 'pit', reason: 'public interest test, s.43', date: '2025-10-20' } });
    expect(result.events[0]).toMatchObject({
      event: 'deadline_extended', fromStatus: 'acknowledged', toStatus: 'extended', cause: 'public interest test, s.43',
      details: { oldDueDate: '2025-10-29', newDueDate: '2025-11-26', extension: 'pit', noticeDueBy: '2025-10-29', noticeLate: false },
    });
  });

  it('records an extension notified after the original deadline as late', () => {
    const late = ok(applyCaseAction(foi, { type: 'extend', extension: 'pit', reason: 's.36' }, at('2025-10-30')));
    expect(late.events[0]!.details).toMatchObject({ noticeDueBy: '2025-10-29', noticeLate: true });
  });

  it('EIR complex and voluminous (reg 7): 3 Nov 2025 → 2 Dec, extended to 5 Jan 2026', () => {
    const eir = state({ regime: 'eir', receivedDate: '2025-11-03', status: 'in_progress' });
    expect(eir.dueDate).toBe('2025-12-02');
    expect(ok(applyCaseAction(eir, { type: 'extend', extension: 'complex', reason: 'volume' }, at('2025-11-20'))).next.dueDate).toBe('2026-01-05');
  });

  it('SAR two further months (Art 12(3)): 31 Jan 2025 → 28 Feb, extended to 30 Apr 2025', () => {
    const sar = state({ regime: 'sar', receivedDate: '2025-01-31' });
    expect(sar.dueDate).toBe('2025-02-28');
    expect(ok(applyCaseAction(sar, { type: 'extend', extension: 'complex', reason: 'many records' }, at('2025-02-10'))).next.dueDate).toBe('2025-04-30');
  });

  it('keeps the extension across a clarification restart of the day count', () => {
    const clarified = state({ status: 'in_progress', clarificationSought: '2017-06-06', clarificationReceived: '2017-06-08' });
    expect(ok(applyCaseAction(clarified, { type: 'extend', extension: 'pit', reason: 's.31' }, at('2017-06-20'))).next.dueDate).toBe('2017-08-04');
  });

  it.each([
    ['foi', 'complex', "FOIA request: no 'complex' extension (available: pit)"],
    ['foisa', 'pit', "FOISA request: no 'pit' extension (available: none)"],
    ['eir', 'pit', "EIR request: no 'pit' extension (available: complex)"],
    ['foisa_review', 'complex', "FOISA review: no 'complex' extension (available: none)"],
  ] as const)('refuses where the regime has none: %s %s', (regime, extension, reason) => {
    const result = refused(applyCaseAction(state({ regime }), { type: 'extend', extension, reason: 'x' }, at('2017-06-01')));
    expect(result).toEqual({ ok: false, code: 'lifecycle.not_available', reason });
  });

  it('refuses an extension without a reason, a second extension and one on a closed case', () => {
    expect(refused(applyCaseAction(foi, { type: 'extend', extension: 'pit', reason: '  ' }, at('2025-10-20'))).code).toBe('lifecycle.invalid_input');
    const extended = state({ ...foi, status: 'extended', extension: { kind: 'pit', reason: 's.43', date: '2025-10-20' }, dueDate: undefined });
    expect(refused(applyCaseAction(extended, { type: 'extend', extension: 'pit', reason: 'more' }, at('2025-10-21'))).reason)
      .toBe('cannot extend a case that is extended: it is already extended, and the ICO expects a single extension');
    expect(refused(applyCaseAction({ ...foi, status: 'closed' }, { type: 'extend', extension: 'pit', reason: 's.43' }, at('2025-10-21'))))
      .toEqual({ ok: false, code: 'lifecycle.illegal_transition', reason: 'cannot extend a case that is closed: allowed only when received, acknowledged, in progress' });
  });
});

describe('the other transitions', () => {
  it('acknowledge: received → acknowledged, due date unchanged', () => {
    const result = ok(applyCaseAction(state(), { type: 'acknowledge' }, at('2017-05-31')));
    expect(result.events).toEqual([{
      event: 'acknowledged', at: at('2017-05-31'), fromStatus: 'received', toStatus: 'acknowledged', cause: 'acknowledgement sent',
      details: { oldDueDate: '2017-06-27', newDueDate: '2017-06-27' },
    }]);
  });

  it('respond records whether the response was on time', () => {
    const working = state({ status: 'in_progress' });
    expect(ok(applyCaseAction(working, { type: 'respond' }, at('2017-06-27'))).events[0]).toMatchObject({
      event: 'responded', toStatus: 'responded', details: { respondedOn: '2017-06-27', onTime: true },
    });
    expect(ok(applyCaseAction(working, { type: 'respond' }, at('2017-06-28'))).events[0]!.details).toMatchObject({ onTime: false });
  });

  it('close after a response; without a response only with a reason', () => {
    expect(ok(applyCaseAction(state({ status: 'responded' }), { type: 'close' }, at('2017-07-01'))).next.status).toBe('closed');
    const open = state({ status: 'in_progress' });
    expect(refused(applyCaseAction(open, { type: 'close' }, at('2017-06-01'))).reason).toMatch(/has not been responded to/);
    const closed = ok(applyCaseAction(open, { type: 'close', reason: 'not a valid request' }, at('2017-06-01')));
    expect(closed.events[0]).toMatchObject({ event: 'case_closed', cause: 'not a valid request', details: { withoutResponse: true } });
  });

  it('withdraw stops a case, even one awaiting clarification', () => {
    const waiting = state({ status: 'awaiting_clarification', clarificationSought: '2017-06-06' });
    const result = ok(applyCaseAction(waiting, { type: 'withdraw', reason: 'no longer needed' }, at('2017-06-07')));
    expect(result.next).toMatchObject({ status: 'withdrawn', dueDate: null });
    expect(result.events[0]).toMatchObject({ event: 'case_withdrawn', details: { reason: 'no longer needed' } });
  });

  it('reopen resumes where the case was: in progress, extended, or still awaiting clarification', () => {
    expect(ok(applyCaseAction(state({ status: 'closed' }), { type: 'reopen' }, at('2017-07-01'))).next.status).toBe('in_progress');
    const extended = state({ status: 'responded', extension: { kind: 'pit', reason: 's.43', date: '2017-06-10' } });
    expect(ok(applyCaseAction(extended, { type: 'reopen' }, at('2017-07-01'))).next).toMatchObject({ status: 'extended', dueDate: '2017-07-26' });
    const withdrawn = state({ status: 'withdrawn', clarificationSought: '2017-06-06' });
    expect(ok(applyCaseAction(withdrawn, { type: 'reopen' }, at('2017-07-01'))).next).toMatchObject({ status: 'awaiting_clarification', dueDate: null });
  });

  it('start_review: the responded case goes under review and the event carries the review deadline (Code Part 5)', () => {
    const responded = state({ status: 'responded', receivedDate: '2025-11-03' });
    const result = ok(applyCaseAction(responded, { type: 'start_review', date: '2025-12-15' }, at('2025-12-15')));
    expect(result.next).toMatchObject({ status: 'under_review', dueDate: responded.dueDate });
    expect(result.events[0]).toMatchObject({
      event: 'review_started', fromStatus: 'responded', toStatus: 'under_review',
      details: { reviewRegime: 'foi_review', reviewRequested: '2025-12-15', reviewDueDate: '2026-01-16' },
    });
    expect(ok(applyCaseAction(result.next, { type: 'respond' }, at('2026-01-10'))).next.status).toBe('responded');
  });

  it('openReviewCase: a linked FOISA review is due on the 20th Scottish working day (s.21(1)): 28 Aug 2013 → 25 Sep', () => {
    const parent = state({ regime: 'foisa', jurisdiction: 'scotland', status: 'responded', receivedDate: '2013-07-01' });
    const review = openReviewCase(parent, '2013-08-28', at('2013-08-28'));
    if (!review.ok) throw new Error(review.reason);
    expect(review.state).toEqual({
      status: 'received', regime: 'foisa_review', jurisdiction: 'scotland', receivedDate: '2013-08-28',
      clarificationSought: null, clarificationReceived: null, extension: null, dueDate: '2013-09-25',
    });
    expect(review.events[0]).toMatchObject({ event: 'case_opened', fromStatus: null, toStatus: 'received', details: { oldDueDate: null, newDueDate: '2013-09-25' } });
  });
});

describe('refusals', () => {
  it.each([
    ['a SAR review', state({ regime: 'sar', receivedDate: '2025-01-31', status: 'responded' }), { type: 'start_review' }, 'lifecycle.not_available', /no statutory internal review/],
    ['a review of a review', state({ regime: 'foi_review', status: 'responded' }), { type: 'start_review' }, 'lifecycle.not_available', /itself a review/],
    ['clarification on a review', state({ regime: 'eir_review' }), { type: 'seek_clarification' }, 'lifecycle.not_available', /does not stop this clock/],
    ['a second SAR pause', state({ regime: 'sar', receivedDate: '2026-03-10', status: 'in_progress', clarificationSought: '2026-03-12', clarificationReceived: '2026-03-13' }),
      { type: 'seek_clarification' }, 'lifecycle.not_available', /one/],
    ['a clarification in the future', state(), { type: 'seek_clarification', date: '2017-06-09' }, 'lifecycle.invalid_input', /after today/],
    ['a clarification received before it was sought', state({ status: 'awaiting_clarification', clarificationSought: '2017-06-06' }),
      { type: 'receive_clarification', date: '2017-06-05' }, 'lifecycle.clock_refused', /before clarificationSought/],
    ['receiving a clarification never sought', state({ status: 'in_progress' }), { type: 'receive_clarification' }, 'lifecycle.illegal_transition',
      /no clarification has been sought/],
    ['acknowledging twice', state({ status: 'acknowledged' }), { type: 'acknowledge' }, 'lifecycle.illegal_transition', /already been acknowledged/],
    ['a malformed date', state(), { type: 'seek_clarification', date: '6 June' }, 'lifecycle.clock_refused', /not a date/],
  ] as Array<[string, CaseState, CaseAction, string, RegExp]>)('%s', (_name, from, action, code, reason) => {
    const result = refused(applyCaseAction(from, action, at('2017-06-08')));
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(reason);
  });
});

// The expected table of legal moves, written out so that any change to the machine shows up here.
const LEGAL: Record<CaseAction['type'], CaseStatus[]> = {
  acknowledge: ['received'],
  seek_clarification: ['received', 'acknowledged', 'in_progress'],
  receive_clarification: ['awaiting_clarification'],
  extend: ['received', 'acknowledged', 'in_progress'],
  respond: ['received', 'acknowledged', 'awaiting_clarification', 'in_progress', 'extended', 'under_review'],
  close: ['received', 'acknowledged', 'awaiting_clarification', 'in_progress', 'extended', 'responded', 'withdrawn', 'under_review'],
  withdraw: ['received', 'acknowledged', 'awaiting_clarification', 'in_progress', 'extended'],
  reopen: ['responded', 'closed', 'withdrawn'],
  start_review: ['responded', 'closed'],
};

const ACTIONS: CaseAction[] = [
  { type: 'acknowledge' }, { type: 'seek_clarification' }, { type: 'receive_clarification' },
  { type: 'extend', extension: 'pit', reason: 's.43' }, { type: 'respond' }, { type: 'close', reason: 'done' },
  { type: 'withdraw' }, { type: 'reopen' }, { type: 'start_review' },
];

function inStatus(status: CaseStatus): CaseState {
  if (status === 'awaiting_clarification') return state({ status, clarificationSought: '2017-06-06' });
  if (status === 'extended') return state({ status, extension: { kind: 'pit', reason: 's.43', date: '2017-06-06' } });
  return state({ status });
}

describe('every action from every status', () => {
  const cases = ACTIONS.flatMap((action) => CASE_STATUSES.map((status) => [action.type, status, action] as const));
  it.each(cases)('%s from %s', (type, status, action) => {
    const result = applyCaseAction(inStatus(status), action, at('2017-06-08'));
    if (LEGAL[type].includes(status)) {
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
      if (result.ok) expect(result.events[0]).toMatchObject({ fromStatus: status, toStatus: result.next.status, at: at('2017-06-08') });
    } else {
      expect(result).toMatchObject({ ok: false, code: 'lifecycle.illegal_transition' });
      if (!result.ok) expect(result.reason).toMatch(/^cannot .+ a case that is /);
    }
  });
});
