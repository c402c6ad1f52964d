// What a threaded reply does: the clarification that restarts the clock, the review request that opens a
// linked review case, or correspondence attached with an event (and a flag where an officer should look).
import { describe, expect, it } from 'vitest';
import { decideReplyEffect, type ReplyEffect, type ThreadedReply } from '../../../src/pipeline/case/reply-effect.js';
import { recomputeDueDate, type CaseState } from '../../../src/pipeline/case/case-lifecycle.js';

const at = (date: string) => new Date(`${date}T10:00:00Z`);

function state(overrides: Partial<CaseState>): CaseState {
  const merged: CaseState = {
    status: 'in_progress', regime: 'foi', jurisdiction: 'england-and-wales', receivedDate: '2017-05-30',
    clarificationSought: null, clarificationReceived: null, extension: null, dueDate: null, ...overrides,
  };
  return { ...merged, dueDate: recomputeDueDate(merged).dueDate };
}

function reply(overrides: Partial<ThreadedReply> & Pick<ThreadedReply, 'state'>): ThreadedReply {
  return { kind: 'other', receivedAt: at('2017-06-08'), ...overrides };
}

function expectEffect<E extends ReplyEffect['effect']>(effect: ReplyEffect, kind: E): Extract<ReplyEffect, { effect: E }> {
  expect(effect.effect).toBe(kind);
  return effect as Extract<ReplyEffect, { effect: E }>;
}

const awaiting = state({ status: 'awaiting_clarification', clarificationSought: '2017-06-06' });

describe('while awaiting clarification', () => {
  it('the reply is the clarification: the clock restarts from its receipt (seed: 8 Jun 2017 → 6 Jul 2017)', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: awaiting, kind: 'clarification', receivedAt: new Date('2017-06-08T17:45:00Z') }), at('2017-06-08')), 'clarification');
    expect(effect.next).toMatchObject({ status: 'in_progress', clarificationReceived: '2017-06-08', dueDate: '2017-07-06' });
    expect(effect.acknowledge).toEqual({ dueDate: '2017-07-06' });
    expect(effect.notifyOfficers).toBe(true);
    expect(effect.events).toEqual([expect.objectContaining({
      event: 'clarification_received', fromStatus: 'awaiting_clarification', toStatus: 'in_progress',
      details: expect.objectContaining({ oldDueDate: null, newDueDate: '2017-07-06' }),
    })]);
  });

  it('whatever the analysis called it', () => {
    expect(decideReplyEffect(reply({ state: awaiting, kind: 'foi' }), at('2017-06-08')).effect).toBe('clarification');
  });

  it('an auto-reply is only attached: the clock stays stopped and nobody is told', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: awaiting, automated: true }), at('2017-06-08')), 'correspondence');
    expect(effect).toMatchObject({ flag: null, notifyOfficers: false });
    expect(effect.events[0]).toMatchObject({ event: 'message_attached', toStatus: 'awaiting_clarification', details: { oldDueDate: null, newDueDate: null, automated: true } });
  });

  it('a reply dated before the request for clarification is attached and flagged, not taken as the clarification', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: awaiting, receivedAt: at('2017-06-05') }), at('2017-06-08')), 'correspondence');
    expect(effect.flag).toMatchObject({ code: 'clarification_not_applied', text: expect.stringMatching(/could not restart the clock/) });
  });
});

describe('a request for internal review after the response', () => {
  it('opens a linked FOIA review due in 20 working days, and puts the request under review', () => {
    const responded = state({ status: 'responded', receivedDate: '2025-11-03' });
    const effect = expectEffect(decideReplyEffect(reply({ state: responded, kind: 'internal_review', receivedAt: at('2025-12-15') }), at('2025-12-15')), 'review');
    expect(effect.review.state).toMatchObject({ regime: 'foi_review', status: 'received', receivedDate: '2025-12-15', dueDate: '2026-01-16' });
    expect(effect.review.events[0]).toMatchObject({ event: 'case_opened', toStatus: 'received' });
    expect(effect.parent.next.status).toBe('under_review');
    expect(effect.parent.events[0]).toMatchObject({ event: 'review_started', details: { reviewDueDate: '2026-01-16' } });
    expect(effect.acknowledge).toEqual({ dueDate: '2026-01-16' });
  });

  it.each([
    ['eir', 'england-and-wales', '2026-01-05', 'eir_review', '2026-03-02'], // reg 11(4): 40 working days
    ['foisa', 'scotland', '2013-08-28', 'foisa_review', '2013-09-25'], // s.21(1)
    ['eisr', 'scotland', '2013-08-28', 'eisr_review', '2013-09-25'], // reg 16(4)
  ] as const)('%s → %s review', (regime, jurisdiction, requested, reviewRegime, due) => {
    const closed = state({ status: 'closed', regime, jurisdiction, receivedDate: '2013-07-01' });
    const effect = expectEffect(decideReplyEffect(reply({ state: closed, kind: 'internal_review', receivedAt: at(requested) }), at(requested)), 'review');
    expect(effect.review.state).toMatchObject({ regime: reviewRegime, dueDate: due });
  });

  it('a SAR has no statutory review: attached and flagged', () => {
    const sar = state({ status: 'responded', regime: 'sar', receivedDate: '2025-01-31' });
    const effect = expectEffect(decideReplyEffect(reply({ state: sar, kind: 'internal_review', receivedAt: at('2025-03-10') }), at('2025-03-10')), 'correspondence');
    expect(effect.flag).toMatchObject({ code: 'review_not_opened', text: expect.stringMatching(/no statutory internal review/) });
  });
});

describe('otherwise, correspondence with an event', () => {
  it('a chaser is attached and flagged, with no acknowledgement', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: state({}), chaser: true }), at('2017-06-20')), 'correspondence');
    expect(effect.flag).toEqual({ code: 'chaser', text: 'Chaser: the requester asked for an update (due 2017-06-27)' });
    expect(effect).not.toHaveProperty('acknowledge');
    expect(effect.events[0]).toMatchObject({
      event: 'message_attached', fromStatus: 'in_progress', toStatus: 'in_progress', cause: 'chaser attached as correspondence',
      details: { oldDueDate: '2017-06-27', newDueDate: '2017-06-27', chaser: true },
    });
  });

  it('a review request before any response is flagged, as a possible complaint about lateness when overdue', () => {
    const early = decideReplyEffect(reply({ state: state({}), kind: 'internal_review' }), at('2017-06-20'));
    expect(expectEffect(early, 'correspondence').flag).toMatchObject({ code: 'review_before_response', text: expect.stringMatching(/before any response.*complaint about handling/) });
    const late = decideReplyEffect(reply({ state: state({}), kind: 'internal_review' }), at('2017-06-28'));
    expect(expectEffect(late, 'correspondence').flag?.text).toMatch(/overdue/);
  });

  it('a clarification nobody asked for does not restart the clock', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: state({}), kind: 'clarification' }), at('2017-06-08')), 'correspondence');
    expect(effect.flag).toMatchObject({ code: 'unsought_clarification', text: expect.stringMatching(/none was sought/) });
    expect(effect.events[0]!.details).toMatchObject({ oldDueDate: '2017-06-27', newDueDate: '2017-06-27' });
  });

  it('a reply to a closed case asks an officer to reopen it or open a new request', () => {
    const effect = expectEffect(decideReplyEffect(reply({ state: state({ status: 'closed' }) }), at('2017-08-01')), 'correspondence');
    expect(effect.flag).toMatchObject({ code: 'reply_to_ended', text: expect.stringMatching(/closed case/) });
    expect(effect.notifyOfficers).toBe(true);
  });

  it('a plain thank-you is attached without a flag', () => {
    expect(decideReplyEffect(reply({ state: state({ status: 'responded' }) }), at('2017-07-01'))).toMatchObject({ effect: 'correspondence', flag: null });
  });
});
