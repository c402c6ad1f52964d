// computeDeadline beyond the worked examples: every regime's period and calendar, the refusals for input
// the law gives no answer to, administrators' extra holidays and years past the official list.
import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineInput } from '../../../src/clock/compute-deadline.js';
import { ClockError } from '../../../src/clock/clock-error.js';

const due = (input: DeadlineInput) => computeDeadline(input).dueDate;
const failure = (input: DeadlineInput): ClockError => {
  try {
    computeDeadline(input);
  } catch (err) {
    if (err instanceof ClockError) return err;
    throw err;
  }
  throw new Error('expected a ClockError');
};

describe('each regime: period and calendar (received Mon 3 Mar 2025, St Patrick\'s Day Mon 17 Mar on the way)', () => {
  it.each([
    ['foi', '2025-04-01'], // 20 UK working days, skipping 17 Mar (NI)
    ['eir', '2025-04-01'],
    ['foi_review', '2025-04-01'],
    ['foisa', '2025-03-31'], // 17 Mar is a Scottish working day
    ['eisr', '2025-03-31'],
    ['foisa_review', '2025-03-31'],
    ['eisr_review', '2025-03-31'],
    ['eir_review', '2025-05-01'], // 40 UK working days: also skips Good Friday 18 Apr and Easter Monday 21 Apr
    ['sar', '2025-04-03'],
  ] as const)('%s → %s', (regime, expected) => {
    expect(due({ regime, received: '2025-03-03' })).toBe(expected);
  });

  it('first explain line names the period and the law on working days', () => {
    expect(computeDeadline({ regime: 'foisa_review', received: '2025-03-03' }).explain[0]).toBe(
      'FOISA review: due on the 20th working day after the date of receipt (FOISA s.21(1)); working days exclude weekends, Christmas Day and bank holidays in Scotland only (FOISA s.73)');
    expect(computeDeadline({ regime: 'eir_review', received: '2025-03-03' }).explain.at(-1)).toBe('due: 40th working day, Thu 1 May 2025');
  });

  it('EISR complex extension gives the 40th Scottish working day (Easter Monday counts)', () => {
    expect(due({ regime: 'eisr', received: '2025-03-03', extension: 'complex' })).toBe('2025-04-29');
    expect(due({ regime: 'eir', received: '2025-03-03', extension: 'complex' })).toBe('2025-05-01');
  });

  it('SAR jurisdiction: Northern Ireland\'s 14 Jul 2025 moves an NI controller\'s deadline only', () => {
    expect(due({ regime: 'sar', received: '2025-06-14', jurisdiction: 'northern-ireland' })).toBe('2025-07-15');
    expect(due({ regime: 'sar', received: '2025-06-14', jurisdiction: 'england-and-wales' })).toBe('2025-07-14');
    expect(due({ regime: 'sar', received: '2025-06-14' })).toBe('2025-07-14'); // default England and Wales
  });

  it('working-day regimes ignore the jurisdiction: FOIA is UK-wide, FOISA Scottish', () => {
    expect(due({ regime: 'foi', received: '2024-12-20', jurisdiction: 'northern-ireland' })).toBe('2025-01-23');
    expect(due({ regime: 'foisa', received: '2025-03-03', jurisdiction: 'northern-ireland' })).toBe('2025-03-31');
  });
});

describe('clarification and fees', () => {
  it('a clarification received without a recorded "sought" date still restarts FOIA', () => {
    expect(due({ regime: 'foi', received: '2017-05-30', clarificationReceived: '2017-06-08' })).toBe('2017-07-06');
  });

  it('a clarification received on a Saturday restarts from that Saturday (day one Monday)', () => {
    const r = computeDeadline({ regime: 'eir', received: '2025-09-01', clarificationReceived: '2025-09-06' });
    expect(r.dayOne).toBe('2025-09-08');
    expect(r.explain).toContain('day one: Mon 8 Sep 2025 (first working day after the clarification was received)');
  });

  it('a fees notice given on the day of receipt moves day one past the disregarded days', () => {
    const r = computeDeadline({ regime: 'foi', received: '2026-02-02', feeNoticeGiven: '2026-02-02', feeReceived: '2026-02-04' });
    expect(r.dayOne).toBe('2026-02-05');
    expect(r.dueDate).toBe('2026-03-04');
  });

  it('FOISA also disregards the fees period (s.10(2))', () => {
    expect(due({ regime: 'foisa', received: '2026-02-02', feeNoticeGiven: '2026-02-10', feeReceived: '2026-02-19' })).toBe('2026-03-12');
  });

  it('a SAR clarification sought and answered the same day pauses one day', () => {
    expect(due({ regime: 'sar', received: '2025-09-03', clarificationSought: '2025-09-05', clarificationReceived: '2025-09-05' }))
      .toBe('2025-10-06'); // Fri 3 Oct + 1 = Sat 4 Oct → Mon 6 Oct
  });
});

describe('refusals: the law gives no date, so the clock says why instead of guessing', () => {
  it.each<[string, DeadlineInput, string]>([
    ['unknown regime', { regime: 'foia' as never, received: '2025-01-01' }, 'clock.invalid_regime'],
    ['bad date', { regime: 'foi', received: '2025-02-30' }, 'clock.invalid_date'],
    ['missing receipt', { regime: 'foi', received: undefined as never }, 'clock.missing_field'],
    ['before FOIA commenced', { regime: 'foi', received: '2004-12-31' }, 'clock.date_out_of_range'],
    ['SAR before UK GDPR', { regime: 'sar', received: '2018-05-24' }, 'clock.date_out_of_range'],
    ['bad jurisdiction', { regime: 'sar', received: '2025-01-01', jurisdiction: 'wales' as never }, 'clock.invalid_jurisdiction'],
    ['bad extension', { regime: 'foi', received: '2025-01-01', extension: 'long' as never }, 'clock.invalid_extension'],
    ['no PI extension under FOISA', { regime: 'foisa', received: '2025-01-01', extension: 'pit' }, 'clock.extension_not_available'],
    ['no PI extension under EIR', { regime: 'eir', received: '2025-01-01', extension: 'pit' }, 'clock.extension_not_available'],
    ['FOIA extension is pit, not complex', { regime: 'foi', received: '2025-01-01', extension: 'complex' }, 'clock.extension_not_available'],
    ['clarification before receipt', { regime: 'foi', received: '2025-01-10', clarificationReceived: '2025-01-09' }, 'clock.dates_out_of_order'],
    ['answer before question', { regime: 'foi', received: '2025-01-01', clarificationSought: '2025-01-09', clarificationReceived: '2025-01-08' }, 'clock.dates_out_of_order'],
    ['clarification awaited', { regime: 'foi', received: '2025-01-01', clarificationSought: '2025-01-09' }, 'clock.awaiting_clarification'],
    ['SAR pause needs its start', { regime: 'sar', received: '2025-01-01', clarificationReceived: '2025-01-09' }, 'clock.missing_field'],
    ['clarification on a review', { regime: 'foisa_review', received: '2025-01-01', clarificationReceived: '2025-01-09' }, 'clock.not_applicable'],
    ['fee awaited', { regime: 'foi', received: '2025-01-01', feeNoticeGiven: '2025-01-05' }, 'clock.awaiting_fee'],
    ['fee without notice', { regime: 'foi', received: '2025-01-01', feeReceived: '2025-01-05' }, 'clock.missing_field'],
    ['fee paid before notice', { regime: 'foi', received: '2025-01-01', feeNoticeGiven: '2025-01-09', feeReceived: '2025-01-05' }, 'clock.dates_out_of_order'],
    ['no fees pause under EIR here', { regime: 'eir', received: '2025-01-01', feeNoticeGiven: '2025-01-02', feeReceived: '2025-01-05' }, 'clock.not_applicable'],
  ])('%s → %s', (_name, input, code) => {
    const err = failure(input);
    expect(err.code).toBe(code);
    expect(err.name).toBe('ClockError');
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('messages name the field and the allowed values', () => {
    expect(failure({ regime: 'foisa', received: '2025-01-01', extension: 'pit' }).message)
      .toBe("FOISA request: no 'pit' extension (available: none)");
    expect(failure({ regime: 'foi', received: '2025-02-30' }).message).toContain("received: '2025-02-30'");
  });
});

describe('holidays beyond the official list and from administrators', () => {
  it('projects customary holidays for later years and says so', () => {
    const r = computeDeadline({ regime: 'foi', received: '2031-03-13' });
    expect(r.dueDate).toBe('2031-04-15'); // skips 17 Mar (NI), Good Friday 11 Apr, Easter Monday 14 Apr
    expect(r.explain.join('\n')).toContain('projected from the usual pattern');
  });

  it('an extra holiday in any part of the UK moves a FOIA deadline', () => {
    const extra = [{ date: '2031-04-01', jurisdiction: 'northern-ireland' as const, reason: 'Proclaimed day' }];
    const r = computeDeadline({ regime: 'foi', received: '2031-03-13', extraHolidays: extra });
    expect(r.dueDate).toBe('2031-04-16');
    expect(r.explain).toContain(
      'skipped Tue 1 Apr 2031: Proclaimed day, a bank holiday in Northern Ireland only, which counts UK-wide under FOIA s.10(6) (added by an administrator)');
  });

  it('an extra English holiday does not move a FOISA deadline but does move a SAR for England and Wales', () => {
    const extra = [{ date: '2025-03-28', jurisdiction: 'england-and-wales' as const, reason: 'Proclaimed day' }];
    expect(due({ regime: 'foisa', received: '2025-03-03', extraHolidays: extra })).toBe('2025-03-31');
    expect(due({ regime: 'sar', received: '2025-02-28', extraHolidays: extra })).toBe('2025-03-31');
  });
});
