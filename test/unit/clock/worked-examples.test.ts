// Every worked example of research/uk-foi-rules.md §5 (W1–W22, SAR cases S1–S11), computed by the
// clock from the dates alone; the expected dates are the research file's, not re-derived here.
import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineInput } from '../../../src/clock/compute-deadline.js';
import { createBankHolidayLookup } from '../../../src/clock/bank-holiday-lookup.js';
import { scottishCalendar } from '../../../src/clock/working-day-calendar.js';
import { countWorkingDays } from '../../../src/clock/count-working-days.js';

const due = (input: DeadlineInput) => computeDeadline(input).dueDate;

describe('W1: FOIA clarification restarts the count (real case)', () => {
  it('received Tue 30 May 2017: day one Wed 31 May, due Tue 27 Jun 2017', () => {
    const r = computeDeadline({ regime: 'foi', received: '2017-05-30' });
    expect(r).toMatchObject({ regime: 'foi', received: '2017-05-30', dayOne: '2017-05-31', dueDate: '2017-06-27' });
    expect(r.explain).toContain('day one: Wed 31 May 2017 (first working day after receipt)');
    expect(r.explain).toContain('due: 20th working day, Tue 27 Jun 2017');
  });

  it('clarification sought 6 Jun, received Thu 8 Jun 2017: due Thu 6 Jul 2017, not the "pause" date 30 Jun', () => {
    const r = computeDeadline({
      regime: 'foi', received: '2017-05-30', clarificationSought: '2017-06-06', clarificationReceived: '2017-06-08',
    });
    expect(r).toMatchObject({ received: '2017-05-30', dayOne: '2017-06-09', dueDate: '2017-07-06' });
    expect(r.explain.join('\n')).toMatch(/start again from the day it was received.*FOIA s\.1\(3\) and s\.10\(6\)\(b\)/);
  });
});

describe('W2: Easter', () => {
  it('FOIA received Thu 13 Apr 2017 skips Good Friday, Easter Monday and 1 May: due Tue 16 May 2017', () => {
    const r = computeDeadline({ regime: 'foi', received: '2017-04-13' });
    expect(r.dayOne).toBe('2017-04-18');
    expect(r.dueDate).toBe('2017-05-16');
    expect(r.explain.filter((l) => l.startsWith('skipped ') && !l.startsWith('skipped weekends'))).toEqual([
      'skipped Fri 14 Apr 2017: Good Friday, a bank holiday throughout the UK',
      'skipped Mon 17 Apr 2017: Easter Monday, a bank holiday in England and Wales and Northern Ireland only, which counts UK-wide under FOIA s.10(6)',
      'skipped Mon 1 May 2017: Early May bank holiday, a bank holiday throughout the UK',
    ]);
  });

  it('FOIA received Wed 16 Apr 2025: due Mon 19 May 2025', () => {
    expect(due({ regime: 'foi', received: '2025-04-16' })).toBe('2025-05-19');
  });
});

describe('W3/W4: the Scottish 2 January counts for an English FOIA request', () => {
  it('received Fri 20 Dec 2024: due Thu 23 Jan 2025 (naive England-and-Wales: 22 Jan)', () => {
    const r = computeDeadline({ regime: 'foi', received: '2024-12-20', jurisdiction: 'england-and-wales' });
    expect(r.dueDate).toBe('2025-01-23');
    expect(r.explain).toContain(
      'skipped Thu 2 Jan 2025: 2nd January, a bank holiday in Scotland only, which counts UK-wide under FOIA s.10(6)');
  });

  it('received Mon 9 Dec 2024: due Fri 10 Jan 2025 (naive: 9 Jan)', () => {
    expect(due({ regime: 'foi', received: '2024-12-09' })).toBe('2025-01-10');
  });
});

describe('W5: FOISA vs FOIA over Easter 2024', () => {
  it('FOISA counts Easter Monday as a working day: due Fri 26 Apr 2024', () => {
    const r = computeDeadline({ regime: 'foisa', received: '2024-03-28' });
    expect(r.dueDate).toBe('2024-04-26');
    expect(r.explain.join('\n')).toMatch(/counted Mon 1 Apr 2024 as a working day: Easter Monday .* not in Scotland/);
  });

  it('FOIA skips Easter Monday: due Mon 29 Apr 2024', () => {
    expect(due({ regime: 'foi', received: '2024-03-28' })).toBe('2024-04-29');
  });
});

describe('W6: St Andrew\'s Day substitute, Mon 1 Dec 2025', () => {
  it.each(['foisa', 'foi'] as const)('%s received Fri 14 Nov 2025: due Mon 15 Dec 2025', (regime) => {
    const r = computeDeadline({ regime, received: '2025-11-14' });
    expect(r.dueDate).toBe('2025-12-15');
    expect(r.explain.join('\n')).toContain('skipped Mon 1 Dec 2025: St Andrew’s Day (substitute day)');
  });
});

describe('W7: Northern Ireland 12 July substitute, Mon 14 Jul 2025', () => {
  it('FOIA received Mon 30 Jun 2025: due Tue 29 Jul 2025', () => {
    const r = computeDeadline({ regime: 'foi', received: '2025-06-30' });
    expect(r.dueDate).toBe('2025-07-29');
    expect(r.explain.join('\n')).toMatch(/skipped Mon 14 Jul 2025: Battle of the Boyne.*Northern Ireland only, which counts UK-wide under FOIA s\.10\(6\)/);
  });

  it('FOISA for the same dates: due Mon 28 Jul 2025', () => {
    expect(due({ regime: 'foisa', received: '2025-06-30' })).toBe('2025-07-28');
  });
});

describe('W8: EIR over St Patrick\'s Day and Easter (real case, received on a Sunday)', () => {
  it('received Sun 7 Mar 2021: day one Mon 8 Mar, due Wed 7 Apr 2021 (not the authority\'s 5 Apr)', () => {
    const r = computeDeadline({ regime: 'eir', received: '2021-03-07' });
    expect(r.dayOne).toBe('2021-03-08');
    expect(r.dueDate).toBe('2021-04-07');
    expect(r.explain.join('\n')).toContain('skipped Wed 17 Mar 2021: St Patrick’s Day');
  });
});

describe('W9/W10: receipt on a weekend or a bank holiday', () => {
  it('FOIA received Sat 4 Oct 2025: day one Mon 6 Oct, due Fri 31 Oct 2025 (statutory, not the Code reading)', () => {
    expect(computeDeadline({ regime: 'foi', received: '2025-10-04' })).toMatchObject({ dayOne: '2025-10-06', dueDate: '2025-10-31' });
  });

  it('FOISA received Sat 4 Oct 2025 (s.74 deems email received that day): due Fri 31 Oct 2025', () => {
    expect(due({ regime: 'foisa', received: '2025-10-04' })).toBe('2025-10-31');
  });

  it('FOIA received Easter Monday 21 Apr 2025: day one Tue 22 Apr, due Tue 20 May 2025', () => {
    expect(computeDeadline({ regime: 'foi', received: '2025-04-21' })).toMatchObject({ dayOne: '2025-04-22', dueDate: '2025-05-20' });
  });
});

describe('W11: out of hours and time zone', () => {
  it('18:45 BST on Fri 17 Oct 2025 is received that Friday: due Fri 14 Nov 2025', () => {
    const r = computeDeadline({ regime: 'foi', received: '2025-10-17T18:45:00+01:00' });
    expect(r).toMatchObject({ received: '2025-10-17', dueDate: '2025-11-14' });
  });

  it('2025-06-30T23:30Z is Tue 1 Jul in London: due Wed 30 Jul 2025 (the UTC date would give 29 Jul)', () => {
    const r = computeDeadline({ regime: 'foi', received: '2025-06-30T23:30:00Z' });
    expect(r).toMatchObject({ received: '2025-07-01', dayOne: '2025-07-02', dueDate: '2025-07-30' });
    expect(r.explain[1]).toBe('received: Tue 1 Jul 2025 (2025-06-30T23:30:00Z is 00:30 on Tue 1 Jul 2025 in London: the date is taken in UK time)');
  });

  it('the same instant as a Date object gives the same answer', () => {
    expect(due({ regime: 'foi', received: new Date('2025-06-30T23:30:00Z') })).toBe('2025-07-30');
  });
});

describe('W12/W13: extensions', () => {
  it('FOIA received Wed 1 Oct 2025: 20th working day Wed 29 Oct; public-interest extension to Wed 26 Nov 2025', () => {
    expect(due({ regime: 'foi', received: '2025-10-01' })).toBe('2025-10-29');
    const r = computeDeadline({ regime: 'foi', received: '2025-10-01', extension: 'pit' });
    expect(r.dueDate).toBe('2025-11-26');
    expect(r.explain.join('\n')).toMatch(/still due by the 20th working day.*: Wed 29 Oct 2025/);
    expect(r.explain.at(-1)).toBe('due: 40th working day, Wed 26 Nov 2025');
  });

  it('EIR received Mon 3 Nov 2025: day 20 Tue 2 Dec (skipping Scotland\'s 1 Dec); reg 7 day 40 Mon 5 Jan 2026', () => {
    expect(due({ regime: 'eir', received: '2025-11-03' })).toBe('2025-12-02');
    expect(due({ regime: 'eir', received: '2025-11-03', extension: 'complex' })).toBe('2026-01-05');
  });
});

describe('W14: FOIA fees notice (s.10(2) disregard)', () => {
  it('received Mon 2 Feb 2026 with no fee: due Mon 2 Mar 2026', () => {
    expect(due({ regime: 'foi', received: '2026-02-02' })).toBe('2026-03-02');
  });

  it('notice Tue 10 Feb, fee Thu 19 Feb: 8 working days disregarded, due Thu 12 Mar 2026', () => {
    const r = computeDeadline({ regime: 'foi', received: '2026-02-02', feeNoticeGiven: '2026-02-10', feeReceived: '2026-02-19' });
    expect(r.dueDate).toBe('2026-03-12');
    expect(r.explain.join('\n')).toMatch(/both included, are disregarded \(FOIA s\.10\(2\)\): 8 working days/);
  });
});

describe('W15–W17: internal reviews', () => {
  it('FOIA review received Mon 15 Dec 2025: 20 working days Fri 16 Jan 2026; 40-day ceiling Fri 13 Feb 2026', () => {
    expect(due({ regime: 'foi_review', received: '2025-12-15' })).toBe('2026-01-16');
    expect(due({ regime: 'foi_review', received: '2025-12-15', extension: 'complex' })).toBe('2026-02-13');
  });

  it('EIR reg 11 representations Mon 5 Jan 2026: 40 working days, Mon 2 Mar 2026', () => {
    expect(due({ regime: 'eir_review', received: '2026-01-05' })).toBe('2026-03-02');
  });

  it('FOISA s.21 requirement for review Wed 28 Aug 2013: due Wed 25 Sep 2013 (real case)', () => {
    expect(due({ regime: 'foisa_review', received: '2013-08-28' })).toBe('2013-09-25');
  });
});

describe('W18: FOISA clarification restart (real case)', () => {
  it('request Sun 9 Aug 2020: due Fri 4 Sep 2020', () => {
    expect(due({ regime: 'foisa', received: '2020-08-09' })).toBe('2020-09-04');
  });

  it('clarification received Mon 28 Sep 2020: due Mon 26 Oct 2020', () => {
    const r = computeDeadline({ regime: 'foisa', received: '2020-08-09', clarificationReceived: '2020-09-28' });
    expect(r).toMatchObject({ received: '2020-08-09', dayOne: '2020-09-29', dueDate: '2020-10-26' });
  });
});

describe('W19: EISR vs EIR on the same dates', () => {
  it('EISR request Tue 8 Mar 2016: due Wed 6 Apr 2016', () => {
    expect(due({ regime: 'eisr', received: '2016-03-08' })).toBe('2016-04-06');
  });

  it('EIR request Tue 8 Mar 2016 (skips 17 Mar NI, 25 and 28 Mar): due Fri 8 Apr 2016', () => {
    expect(due({ regime: 'eir', received: '2016-03-08' })).toBe('2016-04-08');
  });
});

describe('W20: Scotland\'s 2026 World Cup bank holiday', () => {
  it.each(['foisa', 'foi'] as const)('%s received Mon 1 Jun 2026: due Tue 30 Jun 2026', (regime) => {
    const r = computeDeadline({ regime, received: '2026-06-01' });
    expect(r.dueDate).toBe('2026-06-30');
    expect(r.explain.join('\n')).toContain('skipped Mon 15 Jun 2026: World Cup bank holiday');
  });
});

describe('W21: subject access, one calendar month', () => {
  it.each([
    ['S1 ICO example', '2019-09-03', '2019-10-03'],
    ['S2 no 31 Feb', '2025-01-31', '2025-02-28'],
    ['S3 leap year', '2024-01-31', '2024-02-29'],
    ['S4 Saturday receipt still counts', '2025-08-30', '2025-09-30'],
    ['S5 corresponding Saturday', '2026-02-28', '2026-03-30'],
    ['S6 Christmas then weekend', '2025-11-25', '2025-12-29'],
    ['S8 Saturday then early May bank holiday', '2026-04-02', '2026-05-05'],
    ['S9 English controller: Scottish 2 Jan is a working day', '2025-12-02', '2026-01-02'],
    ['S11 a month from the identity evidence', '2026-03-20', '2026-04-20'],
  ])('%s: received %s, due %s', (_case, received, expected) => {
    const r = computeDeadline({ regime: 'sar', received, jurisdiction: 'england-and-wales' });
    expect(r.dueDate).toBe(expected);
    expect(r.dayOne).toBe(received);
  });

  it('S2 explains that 31 Feb does not exist', () => {
    const r = computeDeadline({ regime: 'sar', received: '2025-01-31' });
    expect(r.explain.join('\n')).toContain('31 Feb 2025 does not exist, so the last day of that month, Fri 28 Feb 2025');
  });

  it('S7 complex: three months from receipt, Wed 30 Apr 2025; the extension must be notified by Fri 28 Feb', () => {
    const r = computeDeadline({ regime: 'sar', received: '2025-01-31', extension: 'complex' });
    expect(r.dueDate).toBe('2025-04-30');
    expect(r.explain.join('\n')).toContain('within the first month: by Fri 28 Feb 2025');
    expect(r.explain.join('\n')).toContain('one month then two more would give Mon 28 Apr 2025');
  });

  it('S9 Scottish controller: 2 Jan is a holiday, due Mon 5 Jan 2026', () => {
    const r = computeDeadline({ regime: 'sar', received: '2025-12-02', jurisdiction: 'scotland' });
    expect(r.dueDate).toBe('2026-01-05');
    expect(r.explain).toContain('skipped Fri 2 Jan 2026: 2nd January, a public holiday in Scotland');
  });

  it('S10 clarification pauses: 9 calendar days added to Fri 10 Apr gives Sun 19 Apr, due Mon 20 Apr 2026', () => {
    const r = computeDeadline({
      regime: 'sar', received: '2026-03-10', clarificationSought: '2026-03-12', clarificationReceived: '2026-03-20',
    });
    expect(r).toMatchObject({ dayOne: '2026-03-10', dueDate: '2026-04-20' });
    expect(r.explain.join('\n')).toContain('Fri 10 Apr 2026 + 9 = Sun 19 Apr 2026');
  });
});

describe('W22: FOISA requester\'s window to require a review (40 Scottish working days)', () => {
  const calendar = scottishCalendar(createBankHolidayLookup(), 'FOISA s.73');
  it('after an on-time response, 40 working days after the s.10 deadline Tue 9 Sep 2025: Tue 4 Nov 2025', () => {
    expect(due({ regime: 'foisa', received: '2025-08-12' })).toBe('2025-09-09');
    expect(countWorkingDays('2025-09-09', 40, calendar).countedDays.at(-1)).toBe('2025-11-04');
  });

  it('after a late response received Fri 19 Sep 2025: Fri 14 Nov 2025', () => {
    expect(countWorkingDays('2025-09-19', 40, calendar).countedDays.at(-1)).toBe('2025-11-14');
  });
});
