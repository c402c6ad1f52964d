// Working days between two dates, on each regime's calendar: how late an answer was, how long an extension.
import { describe, expect, it } from 'vitest';
import { ClockError, workingDaysBetween } from '../../../src/clock/index.js';

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2017-06-27', '2017-06-28', 'foi')).toBe(1);
    expect(workingDaysBetween('2017-06-27', '2017-06-30', 'foi')).toBe(3);
    expect(workingDaysBetween('2017-06-30', '2017-07-03', 'foi')).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2017-06-30', '2017-07-01', 'foi')).toBe(0); // a Saturday
    expect(workingDaysBetween('2017-06-28', '2017-06-27', 'foi')).toBe(0);
  });

  it('skips a bank holiday anywhere in the UK under FOIA, only Scotland\'s under FOISA (Easter Monday 2024)', () => {
    expect(workingDaysBetween('2024-03-28', '2024-04-02', 'foi')).toBe(1); // Good Friday and Easter Monday skipped
    expect(workingDaysBetween('2024-03-28', '2024-04-02', 'foisa')).toBe(2); // Easter Monday is a Scottish working day
    expect(workingDaysBetween('2025-03-14', '2025-03-18', 'eir')).toBe(1); // St Patrick's Day, Northern Ireland
  });

  it('refuses a malformed date', () => {
    expect(() => workingDaysBetween('2025-02-30', '2025-03-01', 'foi')).toThrow(ClockError);
  });
});
