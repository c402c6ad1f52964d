// The deciders: what a response, an extension, a review and an appeal may record, and when each is late.
import { describe, expect, it } from 'vitest';
import { decideResponse } from '../../../src/pipeline/case/outcome/decide-response.js';
import { decideExtension } from '../../../src/pipeline/case/outcome/decide-extension.js';
import { decideAppeal, decideReviewOutcome, openReviewRecord } from '../../../src/pipeline/case/outcome/decide-review.js';
import { deriveCaseOutcome } from '../../../src/pipeline/case/outcome/derive-outcome.js';
import { record } from '../reports/quarter-fixture.js';

const at = (date: string) => new Date(`${date}T12:00:00Z`);
// W1 of the rules document: received Tue 30 May 2017, due Tue 27 Jun 2017.
const w1 = record({ reference: 'FOI-W1', receivedDate: '2017-05-30', dueDate: '2017-06-27', status: 'acknowledged' });

describe('decideResponse', () => {
  it('records a response on the due day as in time', () => {
    const r = decideResponse(w1, { outcome: 'granted', respondedOn: '2017-06-27' }, at('2017-07-01'));
    expect(r).toMatchObject({ ok: true, response: { outcome: 'granted', onTime: true, workingDaysLate: 0, dueDate: '2017-06-27' } });
  });

  it('counts lateness in working days, skipping weekends and UK bank holidays (12 Jul 2017 in Northern Ireland)', () => {
    const fri = decideResponse(w1, { outcome: 'granted', respondedOn: '2017-06-30' }, at('2017-07-20'));
    expect(fri).toMatchObject({ ok: true, response: { onTime: false, workingDaysLate: 3 } });
    const w1July = record({ reference: 'FOI-J', receivedDate: '2017-06-13', dueDate: '2017-07-11', status: 'acknowledged' });
    // 12 Jul 2017 is the Battle of the Boyne holiday in Northern Ireland: not a FOIA working day (s.10(6)).
    const r = decideResponse(w1July, { outcome: 'granted', respondedOn: '2017-07-14' }, at('2017-07-20'));
    expect(r).toMatchObject({ ok: true, response: { workingDaysLate: 2 } });
  });

  it('judges a clarified request against the restarted due date', () => {
    const clarified = record({ ...w1, clarificationReceived: '2017-06-08', dueDate: '2017-07-06', statutoryDueDate: '2017-07-06' });
    expect(decideResponse(clarified, { outcome: 'granted', respondedOn: '2017-07-05' }, at('2017-07-10'))).toMatchObject({ ok: true, response: { onTime: true } });
  });

  it('refuses an outcome for a withdrawn case, and a second response unless amended', () => {
    expect(decideResponse({ ...w1, status: 'withdrawn' }, { outcome: 'granted' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.case_withdrawn' });
    const answered = { ...w1, status: 'responded' as const, respondedOn: '2017-06-20', outcome: 'granted' as const };
    expect(decideResponse(answered, { outcome: 'refused', provisions: ['s12'] }, at('2017-06-22'))).toMatchObject({ ok: false, code: 'outcome.already_responded' });
    expect(decideResponse(answered, { outcome: 'refused', provisions: ['s12'], amend: true, respondedOn: '2017-06-20' }, at('2017-06-22'))).toMatchObject({ ok: true });
  });

  it('refuses contradictions: granted with a provision; refused with none; not held with an exemption', () => {
    expect(decideResponse(w1, { outcome: 'granted', provisions: ['s40(2)'] }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.contradictory' });
    expect(decideResponse(w1, { outcome: 'refused' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.provision_required' });
    expect(decideResponse(w1, { outcome: 'part_granted' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.provision_required' });
    expect(decideResponse(w1, { outcome: 'not_held', provisions: ['s40(5b)'] }, at('2017-06-10'))).toMatchObject({
      ok: false, code: 'outcome.contradictory', reason: expect.stringContaining('neither confirming nor denying is a refusal') });
    expect(decideResponse(w1, { outcome: 'bogus' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.invalid_outcome' });
  });

  it('names an unknown provision for the regime', () => {
    expect(decideResponse(w1, { outcome: 'refused', provisions: ['reg12(4)(b)'] }, at('2017-06-10'))).toMatchObject({
      ok: false, code: 'outcome.unknown_provision', reason: expect.stringContaining('reg12(4)(b)') });
  });

  it('accepts EIR not held on reg 12(4)(a), but not a refusal on it alone', () => {
    const eir = record({ reference: 'EIR-1', kind: 'eir', regime: 'eir', receivedDate: '2025-02-17', dueDate: '2025-03-18' });
    expect(decideResponse(eir, { outcome: 'not_held', provisions: ['reg 12(4)(a)'] }, at('2025-03-01'))).toMatchObject({ ok: true });
    expect(decideResponse(eir, { outcome: 'refused', provisions: ['reg12(4)(a)'] }, at('2025-03-01'))).toMatchObject({ ok: false, code: 'outcome.contradictory' });
  });

  it('rejects a response date in the future or before receipt', () => {
    expect(decideResponse(w1, { outcome: 'granted', respondedOn: '2017-06-30' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.invalid_date' });
    expect(decideResponse(w1, { outcome: 'granted', respondedOn: '2017-05-01' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.invalid_date' });
    expect(decideResponse(w1, { outcome: 'granted', respondedOn: 'yesterday' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.invalid_date' });
  });

  it('derives the case outcome from its questions and refuses a disagreeing one', () => {
    const questions = [{ question: '1', outcome: 'granted' }, { question: '2', outcome: 'refused', provisions: ['s43(2)'] }];
    const r = decideResponse(w1, { questions }, at('2017-06-10'));
    expect(r).toMatchObject({ ok: true, response: { outcome: 'part_granted', publicInterestTest: true } });
    if (r.ok) expect(r.response.provisions.map((p) => p.code)).toEqual(['s43(2)']);
    expect(decideResponse(w1, { outcome: 'granted', questions }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.inconsistent_questions' });
    expect(decideResponse(w1, { questions: [{ question: '1', outcome: 'granted', provisions: ['s21'] }] }, at('2017-06-10'))).toMatchObject({
      ok: false, code: 'outcome.contradictory', reason: expect.stringContaining('question 1') });
  });

  it('is not for correspondence that is not a request', () => {
    expect(decideResponse({ ...w1, kind: 'complaint', regime: null }, { outcome: 'granted' }, at('2017-06-10'))).toMatchObject({ ok: false, code: 'outcome.not_a_request' });
  });
});

describe('deriveCaseOutcome', () => {
  it.each([
    [['granted', 'granted'], 'granted'], [['refused', 'refused'], 'refused'], [['not_held'], 'not_held'],
    [['granted', 'refused'], 'part_granted'], [['granted', 'not_held'], 'part_not_held'], [['refused', 'not_held'], 'refused'],
    [['granted', 'not_held', 'refused'], 'part_granted'], [['part_not_held', 'granted'], 'part_not_held'],
  ] as const)('%j → %s', (outcomes, expected) => {
    expect(deriveCaseOutcome(outcomes)).toBe(expected);
  });
});

describe('decideExtension', () => {
  // W12: received Wed 1 Oct 2025; working day 20 is Wed 29 Oct; working day 40 is Wed 26 Nov 2025.
  const w12 = record({ reference: 'FOI-W12', receivedDate: '2025-10-01', dueDate: '2025-10-29', status: 'in_progress' });

  it('a FOIA PIT extension defaults to the 40th working day, 20 more', () => {
    expect(decideExtension(w12, { kind: 'pit', exemptions: ['s43(2)'] }, at('2025-10-20'))).toMatchObject({
      ok: true, extension: { kind: 'pit', until: '2025-11-26', workingDays: 20, noticeGivenOn: '2025-10-20' }, warnings: [] });
  });

  it('takes --until and warns beyond the ICO norm of 20 further working days', () => {
    // 30 Oct-10 Dec 2025 holds 30 weekdays, but Mon 1 Dec (St Andrew's Day, Scotland) is no FOIA working day.
    const r = decideExtension(w12, { kind: 'pit', until: '2025-12-10' }, at('2025-10-20'));
    expect(r).toMatchObject({ ok: true, extension: { until: '2025-12-10', workingDays: 29 } });
    if (r.ok) expect(r.warnings[0]).toContain('29 further working days');
    expect(decideExtension(w12, { kind: 'pit', until: '2025-10-28' }, at('2025-10-20'))).toMatchObject({ ok: false, code: 'outcome.invalid_date' });
  });

  it('is refused when the notice comes after the statutory due date (s.10(3), s.17(1)-(2))', () => {
    expect(decideExtension(w12, { kind: 'pit' }, at('2025-10-30'))).toMatchObject({ ok: false, code: 'outcome.extension_notice_late' });
  });

  it('needs a qualified exemption when one is named', () => {
    expect(decideExtension(w12, { kind: 'pit', exemptions: ['s21'] }, at('2025-10-20'))).toMatchObject({ ok: false, code: 'outcome.no_qualified_exemption' });
  });

  it('FOISA has none; the EIR have reg 7 (complex) only; a second extension is refused', () => {
    const foisa = record({ ...w12, regime: 'foisa', jurisdiction: 'scotland' });
    expect(decideExtension(foisa, { kind: 'pit' }, at('2025-10-20'))).toMatchObject({ ok: false, code: 'outcome.extension_not_available', reason: expect.stringContaining('FOISA') });
    // W13: EIR received Mon 3 Nov 2025: day 20 Tue 2 Dec, day 40 Mon 5 Jan 2026.
    const eir = record({ reference: 'EIR-W13', kind: 'eir', regime: 'eir', receivedDate: '2025-11-03', dueDate: '2025-12-02' });
    expect(decideExtension(eir, { kind: 'pit' }, at('2025-11-20'))).toMatchObject({ ok: false, code: 'outcome.extension_not_available' });
    expect(decideExtension(eir, { kind: 'complex' }, at('2025-11-20'))).toMatchObject({ ok: true, extension: { until: '2026-01-05' } });
    const extended = { ...w12, extension: { kind: 'pit' as const, until: '2025-11-26', workingDays: 20, noticeGivenOn: '2025-10-20' } };
    expect(decideExtension(extended, { kind: 'pit' }, at('2025-10-21'))).toMatchObject({ ok: false, code: 'outcome.already_extended' });
  });
});

describe('reviews and appeals', () => {
  it('FOIA: a review is due in 20 working days, and within the Code ceiling up to 40 (W15)', () => {
    const review = openReviewRecord('foi', 'england-and-wales', '2025-12-15');
    expect(review).toMatchObject({ dueDate: '2026-01-16' });
    const c = record({ reference: 'FOI-R', receivedDate: '2025-10-01', respondedOn: '2025-10-28', outcome: 'refused', provisions: ['s12'], review });
    const late = decideReviewOutcome(c, { outcome: 'overturned', decidedOn: '2026-02-13' }, at('2026-02-20'));
    expect(late).toMatchObject({ ok: true, decision: { onTime: false, workingDaysTaken: 40, withinCeiling: true, review: { outcome: 'overturned' } } });
    const later = decideReviewOutcome(c, { outcome: 'upheld', decidedOn: '2026-02-16' }, at('2026-02-20'));
    expect(later).toMatchObject({ ok: true, decision: { withinCeiling: false } });
  });

  it('EIR reconsideration has 40 working days (W16); FOISA 20 on the Scottish calendar (W17)', () => {
    expect(openReviewRecord('eir', 'england-and-wales', '2026-01-05')?.dueDate).toBe('2026-03-02');
    expect(openReviewRecord('foisa', 'scotland', '2013-08-28')?.dueDate).toBe('2013-09-25');
    expect(openReviewRecord('sar', 'england-and-wales', '2026-01-05')).toBeNull();
  });

  it('refuses a review outcome without a review', () => {
    expect(decideReviewOutcome(w1, { outcome: 'upheld' }, at('2017-07-01'))).toMatchObject({ ok: false, code: 'outcome.no_review' });
    expect(decideReviewOutcome(w1, { outcome: 'maybe' }, at('2017-07-01'))).toMatchObject({ ok: false, code: 'outcome.invalid_outcome' });
  });

  it('records an ICO decision notice; the SIC only after a review (FOISA s.47(1))', () => {
    const answered = { ...w1, respondedOn: '2017-06-20', outcome: 'refused' as const, provisions: ['s43(2)'] };
    const ico = decideAppeal(answered, { decisionNotice: ' IC-123456-A1B2 ', outcome: 'part_upheld', decidedOn: '2018-01-10' }, at('2018-02-01'));
    expect(ico).toMatchObject({ ok: true, appeal: { commissioner: 'ico', decisionNotice: 'IC-123456-A1B2', outcome: 'part_upheld' } });
    if (ico.ok) expect(ico.warnings).toEqual([expect.stringContaining('no internal review')]);
    const scottish = { ...answered, regime: 'foisa' as const, jurisdiction: 'scotland' as const };
    expect(decideAppeal(scottish, { decisionNotice: '123/2018', outcome: 'upheld' }, at('2018-02-01'))).toMatchObject({ ok: false, code: 'outcome.review_required' });
    const reviewed = { ...scottish, review: { requestedOn: '2017-06-25', dueDate: '2017-07-21', outcome: 'upheld' as const, decidedOn: '2017-07-10', workingDaysTaken: 11 } };
    expect(decideAppeal(reviewed, { decisionNotice: 'Decision 123/2018', outcome: 'overturned', decidedOn: '2018-01-10' }, at('2018-02-01')))
      .toMatchObject({ ok: true, appeal: { commissioner: 'sic' }, warnings: [] });
    expect(decideAppeal(answered, { decisionNotice: '<script>', outcome: 'upheld' }, at('2018-02-01'))).toMatchObject({ ok: false, code: 'outcome.invalid_decision_notice' });
  });
});
