// Property tests for the statutory clock: random dates of receipt 2013–2027 (plain dates and date-times in
// several zones), every regime and jurisdiction, checked against an oracle (deadline-oracle.ts) written from
// the official bank-holiday file and the rules in research/uk-foi-rules.md §0, sharing no code with src/clock.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDeadline, type DeadlineInput, type DeadlineResult } from '../../../src/clock/index.js';
import { ClockError, type ClockErrorCode } from '../../../src/clock/clock-error.js';
import type { Extension, Regime } from '../../../src/clock/clock-types.js';
import {
  ALL_REGIMES, CALENDAR, CLARIFIABLE, EXTENDABLE, PERIOD, correspondingDate, dayIndexOf, daysBetween, goodFridayOf, isWorkingDay, jurisdictionArb,
  known, londonDateOfMs, nthWorkingDayAfter, plusDays, receipt, receiptArb, regimeArb, rollForward, sarReceiptArb, show, spoken, type Form,
} from './deadline-oracle.js';

// 300 runs per property keeps the file to a few seconds; FC_NUM_RUNS=20000 for a longer hunt.
const RUNS = { numRuns: Number(process.env.FC_NUM_RUNS ?? 300) } as const;


function clockErrorCode(input: DeadlineInput): ClockErrorCode | 'no error' {
  try {
    computeDeadline(input);
    return 'no error';
  } catch (err) {
    if (err instanceof ClockError) return err.code;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
describe('the oracle itself (no production code): the research worked examples', () => {
  it('reproduces the working-day examples W1, W3, W5, W7, W11, W13, W14 and the SAR examples S2, S6, S9', () => {
    expect(nthWorkingDayAfter('uk', '2017-05-30', 20)).toBe('2017-06-27'); // W1
    expect(nthWorkingDayAfter('uk', '2017-06-08', 20)).toBe('2017-07-06'); // W1 clarified
    expect(nthWorkingDayAfter('uk', '2024-12-20', 20)).toBe('2025-01-23'); // W3
    expect(nthWorkingDayAfter('scotland', '2024-03-28', 20)).toBe('2024-04-26'); // W5 FOISA
    expect(nthWorkingDayAfter('uk', '2024-03-28', 20)).toBe('2024-04-29'); // W5 FOIA
    expect(nthWorkingDayAfter('uk', '2025-06-30', 20)).toBe('2025-07-29'); // W7
    expect(londonDateOfMs(Date.parse('2025-06-30T23:30:00Z'))).toBe('2025-07-01'); // W11
    expect(nthWorkingDayAfter('uk', '2025-11-03', 40)).toBe('2026-01-05'); // W13
    expect(nthWorkingDayAfter('uk', '2026-02-02', 20, ['2026-02-10', '2026-02-19'])).toBe('2026-03-12'); // W14
    expect(rollForward('england-and-wales', correspondingDate('2025-01-31', 1))).toBe('2025-02-28'); // S2
    expect(rollForward('england-and-wales', correspondingDate('2025-11-25', 1))).toBe('2025-12-29'); // S6
    expect(rollForward('scotland', correspondingDate('2025-12-02', 1))).toBe('2026-01-05'); // S9
    expect(goodFridayOf(2019)).toBe('2019-04-19');
  });

  it('its BST rule agrees with the platform time-zone data on random instants', () => {
    const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2013, 0, 1), max: Date.UTC(2027, 11, 31, 23, 59) }), (ms) => {
      expect(londonDateOfMs(ms)).toBe(london.format(new Date(ms)));
    }), RUNS);
  });
});

describe('date of receipt in UK time', () => {
  it('every regime takes the Europe/London date of the receipt, whatever the zone written', () => {
    fc.assert(fc.property(receiptArb('2018-05-26'), fc.constantFrom(...ALL_REGIMES), (r, regime) => {
      expect(computeDeadline({ regime, received: r.input }).received, show(r)).toBe(r.london);
    }), RUNS);
  });

  it('a date-time late in the evening UTC in summer (BST) falls on the next London day', () => {
    // 1 May to 30 Sep of any year is always inside BST.
    const summer = fc.tuple(fc.integer({ min: 2013, max: 2027 }), fc.integer({ min: 0, max: 152 }),
      fc.integer({ min: 23 * 3600, max: 86_399 }), regimeArb);
    fc.assert(fc.property(summer, ([year, offset, second, regime]) => {
      const date = plusDays(`${year}-05-01`, offset);
      const input = receipt(dayIndexOf(date), second, 'utc').input;
      const result = computeDeadline({ regime, received: input });
      expect(result.received, String(input)).toBe(plusDays(date, 1));
      expect(result.explain.join('\n')).toContain('London');
    }), RUNS);
  });

  it('the same time in winter (GMT), or written without a zone, stays on its own day', () => {
    const winter = fc.tuple(fc.integer({ min: 2013, max: 2027 }), fc.integer({ min: 0, max: 110 }),
      fc.integer({ min: 23 * 3600, max: 86_399 }), fc.constantFrom<Form>('utc', 'local'), regimeArb);
    fc.assert(fc.property(winter, ([year, offset, second, form, regime]) => {
      const date = plusDays(`${year}-11-01`, offset); // 1 Nov to 19 Feb: always GMT
      const input = receipt(dayIndexOf(date), second, form).input;
      expect(computeDeadline({ regime, received: input }).received, String(input)).toBe(date);
    }), RUNS);
  });
});

describe('working-day regimes (FOIA, EIR, FOISA, EISR and their reviews)', () => {
  it('day one is the first working day after receipt; the due date is the Nth working day counted from it', () => {
    fc.assert(fc.property(receiptArb(), regimeArb, jurisdictionArb, (r, regime, jurisdiction) => {
      const result = computeDeadline({ regime, received: r.input, jurisdiction });
      const calendar = CALENDAR[regime];
      const days = PERIOD[regime];
      known(plusDays(r.london, 1));
      expect(result.regime).toBe(regime);
      expect(result.received).toBe(r.london);
      // Day one: strictly after receipt, a working day, and nothing in between is one.
      expect(result.dayOne > result.received).toBe(true);
      expect(isWorkingDay(calendar, result.dayOne), `day one ${result.dayOne}`).toBe(true);
      for (let d = plusDays(result.received, 1); d < result.dayOne; d = plusDays(d, 1)) {
        expect(isWorkingDay(calendar, d), `${d} lies between receipt and day one`).toBe(false);
      }
      // Due: after day one, a working day, and exactly N working days from day one inclusive.
      expect(result.dueDate > result.dayOne).toBe(true);
      expect(isWorkingDay(calendar, result.dueDate), `due ${result.dueDate}`).toBe(true);
      let counted = 0;
      for (let d = result.dayOne; d <= result.dueDate; d = plusDays(d, 1)) if (isWorkingDay(calendar, d)) counted++;
      expect(counted).toBe(days);
      expect(result.dueDate).toBe(nthWorkingDayAfter(calendar, r.london, days));
    }), RUNS);
  });

  it('the authority\'s jurisdiction does not change a working-day deadline (the statute fixes the calendar)', () => {
    fc.assert(fc.property(receiptArb(), regimeArb, jurisdictionArb, jurisdictionArb, (r, regime, a, b) => {
      expect(computeDeadline({ regime, received: r.input, jurisdiction: a }))
        .toEqual(computeDeadline({ regime, received: r.input, jurisdiction: b }));
    }), RUNS);
  });

  it('a later receipt is never due earlier', () => {
    fc.assert(fc.property(receiptArb(), fc.integer({ min: 0, max: 60 }), regimeArb, (r, later, regime) => {
      const second = plusDays(r.london, later);
      fc.pre(second <= '2027-12-31');
      expect(computeDeadline({ regime, received: second }).dueDate >= computeDeadline({ regime, received: r.input }).dueDate)
        .toBe(true);
    }), RUNS);
  });
});

describe('between regimes', () => {
  it('FOIA is never due before FOISA; EIR and the FOIA review equal FOIA; EISR and both Scottish reviews equal FOISA', () => {
    fc.assert(fc.property(receiptArb(), (r) => {
      const due = (regime: Regime, extension?: Extension) => computeDeadline({ regime, received: r.input, extension }).dueDate;
      const foi = due('foi'), foisa = due('foisa');
      expect(foi >= foisa, `FOIA ${foi} < FOISA ${foisa}`).toBe(true);
      expect(due('eir')).toBe(foi);
      expect(due('foi_review')).toBe(foi);
      expect(due('eisr')).toBe(foisa);
      expect(due('foisa_review')).toBe(foisa);
      expect(due('eisr_review')).toBe(foisa);
      // Forty UK working days, however reached.
      const forty = due('eir_review');
      expect(due('foi', 'pit')).toBe(forty);
      expect(due('eir', 'complex')).toBe(forty);
      expect(due('foi_review', 'complex')).toBe(forty);
      expect(due('eisr', 'complex') <= forty).toBe(true);
    }), RUNS);
  });
});

describe('clarification (a restart, not a pause)', () => {
  const clarificationArb = fc.tuple(receiptArb(), fc.constantFrom(...CLARIFIABLE), jurisdictionArb,
    fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 60 }), fc.boolean());

  it('never shortens the time, and equals a fresh receipt on the day the clarification arrived', () => {
    fc.assert(fc.property(clarificationArb, ([r, regime, jurisdiction, soughtAfter, answeredAfter, withSought]) => {
      const sought = plusDays(r.london, soughtAfter);
      const answered = plusDays(sought, answeredAfter);
      fc.pre(answered <= '2027-12-31');
      const plain = computeDeadline({ regime, received: r.input, jurisdiction });
      const clarified = computeDeadline({
        regime, received: r.input, jurisdiction, clarificationReceived: answered,
        ...(withSought ? { clarificationSought: sought } : {}),
      });
      const fresh = computeDeadline({ regime, received: answered, jurisdiction });
      expect(clarified.dueDate >= plain.dueDate, `${clarified.dueDate} < ${plain.dueDate}`).toBe(true);
      expect(clarified.dueDate).toBe(fresh.dueDate);
      expect(clarified.dayOne).toBe(fresh.dayOne);
      expect(clarified.received).toBe(r.london); // the original date of receipt is kept
      expect(clarified.dueDate).toBe(nthWorkingDayAfter(CALENDAR[regime], answered, PERIOD[regime]));
    }), RUNS);
  });

  it('is refused while awaited, and for reviews, which it does not affect', () => {
    fc.assert(fc.property(receiptArb(), fc.integer({ min: 0, max: 30 }), regimeArb, (r, after, regime) => {
      const sought = plusDays(r.london, after);
      if ((CLARIFIABLE as readonly string[]).includes(regime)) {
        expect(clockErrorCode({ regime, received: r.input, clarificationSought: sought })).toBe('clock.awaiting_clarification');
      } else {
        expect(clockErrorCode({ regime, received: r.input, clarificationSought: sought, clarificationReceived: sought }))
          .toBe('clock.not_applicable');
      }
    }), RUNS);
  });
});

describe('extensions', () => {
  it('pit/complex is never earlier than the unextended date and is the 40th working day', () => {
    fc.assert(fc.property(receiptArb(), fc.constantFrom(...EXTENDABLE), (r, [regime, extension]) => {
      const plain = computeDeadline({ regime, received: r.input });
      const extended = computeDeadline({ regime, received: r.input, extension });
      expect(extended.dueDate >= plain.dueDate).toBe(true);
      expect(extended.dayOne).toBe(plain.dayOne);
      expect(extended.dueDate).toBe(nthWorkingDayAfter(CALENDAR[regime], r.london, 40));
      // The explanation still names the 20th-day date by which the notice is due.
      expect(extended.explain.join('\n')).toContain(spoken(plain.dueDate));
    }), RUNS);
  });

  it('an extension a regime lacks is refused', () => {
    const offered = new Set<string>([...EXTENDABLE.map(([g, e]) => `${g}/${e}`), 'sar/complex']);
    const lacking = ALL_REGIMES.flatMap((regime) => (['pit', 'complex'] as const).map((e) => [regime, e] as const))
      .filter(([regime, e]) => !offered.has(`${regime}/${e}`));
    fc.assert(fc.property(sarReceiptArb, fc.constantFrom(...lacking), (r, [regime, extension]) => {
      expect(clockErrorCode({ regime, received: r.input, extension })).toBe('clock.extension_not_available');
    }), RUNS);
  });
});

describe('fees notice (FOIA s.10(2), FOISA s.10(2)): working days from notice to fee are disregarded', () => {
  it('never shortens the time; the due date skips the fees period', () => {
    const feeArb = fc.tuple(receiptArb(), fc.constantFrom('foi', 'foisa'),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(fc.property(feeArb, ([r, regime, noticeAfter, paidAfter]) => {
      const notice = plusDays(r.london, noticeAfter);
      const paid = plusDays(notice, paidAfter);
      const plain = computeDeadline({ regime, received: r.input });
      const paused = computeDeadline({ regime, received: r.input, feeNoticeGiven: notice, feeReceived: paid });
      expect(paused.dueDate >= plain.dueDate).toBe(true);
      expect(paused.dueDate).toBe(nthWorkingDayAfter(CALENDAR[regime], r.london, 20, [notice, paid]));
    }), RUNS);
  });
});

describe('subject access requests (UK GDPR Art 12(3))', () => {
  it('due on the corresponding date next month, or the next working day of the jurisdiction; day one is the receipt', () => {
    fc.assert(fc.property(sarReceiptArb, jurisdictionArb, (r, jurisdiction) => {
      const result = computeDeadline({ regime: 'sar', received: r.input, jurisdiction });
      const corresponding = correspondingDate(r.london, 1);
      expect(result.received).toBe(r.london);
      expect(result.dayOne).toBe(r.london);
      expect(result.dueDate >= corresponding, `${result.dueDate} < ${corresponding}`).toBe(true);
      // Christmas, Easter or New Year in Scotland move it at most four days.
      expect(daysBetween(corresponding, result.dueDate)).toBeLessThanOrEqual(4);
      expect(isWorkingDay(jurisdiction, result.dueDate), `due ${result.dueDate}`).toBe(true);
      expect(result.dueDate).toBe(rollForward(jurisdiction, corresponding));
    }), RUNS);
  });

  it('complex: three months from receipt, never before the plain SAR nor the one-then-two-months reading', () => {
    fc.assert(fc.property(sarReceiptArb, jurisdictionArb, (r, jurisdiction) => {
      const plain = computeDeadline({ regime: 'sar', received: r.input, jurisdiction });
      const complex = computeDeadline({ regime: 'sar', received: r.input, jurisdiction, extension: 'complex' });
      expect(complex.dueDate >= plain.dueDate).toBe(true);
      expect(complex.dueDate).toBe(rollForward(jurisdiction, correspondingDate(r.london, 3)));
      const chained = rollForward(jurisdiction, correspondingDate(correspondingDate(r.london, 1), 2));
      expect(complex.dueDate >= chained).toBe(true);
    }), RUNS);
  });

  it('clarification pauses the month: the days from sought to received, both included, are added', () => {
    const arb = fc.tuple(sarReceiptArb, jurisdictionArb, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(fc.property(arb, ([r, jurisdiction, soughtAfter, answeredAfter]) => {
      const sought = plusDays(r.london, soughtAfter);
      const answered = plusDays(sought, answeredAfter);
      const plain = computeDeadline({ regime: 'sar', received: r.input, jurisdiction });
      const paused = computeDeadline({
        regime: 'sar', received: r.input, jurisdiction, clarificationSought: sought, clarificationReceived: answered,
      });
      expect(paused.dueDate >= plain.dueDate).toBe(true);
      expect(paused.dayOne).toBe(r.london);
      expect(paused.dueDate).toBe(rollForward(jurisdiction, plusDays(correspondingDate(r.london, 1), answeredAfter + 1)));
    }), RUNS);
  });

  it('is refused before UK GDPR (25 May 2018)', () => {
    fc.assert(fc.property(receiptArb('2013-01-01', '2018-05-24').filter((r) => r.london < '2018-05-25'), (r) => {
      expect(clockErrorCode({ regime: 'sar', received: r.input })).toBe('clock.date_out_of_range');
    }), RUNS);
  });
});

describe('every regime', () => {
  const optionsArb = fc.constantFrom(...ALL_REGIMES).chain((regime) => fc.record({
    regime: fc.constant(regime),
    receipt: regime === 'sar' ? sarReceiptArb : receiptArb(),
    jurisdiction: jurisdictionArb,
    extended: fc.boolean(),
  }));

  it('is deterministic, and `explain` is non-empty, names the date of receipt and ends on the due date', () => {
    fc.assert(fc.property(optionsArb, ({ regime, receipt: r, jurisdiction, extended }) => {
      const extension = !extended ? undefined
        : regime === 'foi' ? 'pit'
          : (['eir', 'eisr', 'foi_review', 'sar'] as readonly Regime[]).includes(regime) ? 'complex' : undefined;
      const input: DeadlineInput = { regime, received: r.input, jurisdiction, ...(extension ? { extension } : {}) };
      const first: DeadlineResult = computeDeadline(input);
      expect(computeDeadline(input)).toEqual(first);
      expect(first.explain.length).toBeGreaterThan(0);
      for (const line of first.explain) expect(line.trim().length).toBeGreaterThan(0);
      expect(first.explain.join('\n')).toContain(spoken(first.received));
      const last = first.explain[first.explain.length - 1]!;
      expect(last.startsWith('due:'), last).toBe(true);
      expect(last).toContain(spoken(first.dueDate));
    }), RUNS);
  });
});
