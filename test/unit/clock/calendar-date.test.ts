// Date arithmetic and the London receipt date: the small pieces every deadline rests on, including the
// GMT/BST boundaries where a UTC date would be a day out.
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped, daysInclusive, formatLongDate, formatShortDay, isIsoDate, ordinal,
} from '../../../src/clock/calendar-date.js';
import { formatLongDate as reexportedFormatLongDate, londonDateOf } from '../../../src/clock/compute-deadline.js';
import { toLondonDay } from '../../../src/clock/london-date.js';

describe('calendar dates', () => {
  it('accept only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });

  it('add calendar months, clamping to the month end', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toEqual({ date: '2025-02-28', clamped: true });
    expect(addMonthsClamped('2024-01-31', 1)).toEqual({ date: '2024-02-29', clamped: true });
    expect(addMonthsClamped('2025-11-30', 3)).toEqual({ date: '2026-02-28', clamped: true });
    expect(addMonthsClamped('2025-12-15', 1)).toEqual({ date: '2026-01-15', clamped: false });
  });

  it('count days inclusively across a DST change', () => {
    expect(daysInclusive('2026-03-12', '2026-03-20')).toBe(9);
    expect(daysInclusive('2026-03-28', '2026-03-30')).toBe(3);
  });

  it('format for officers and for letters', () => {
    expect(formatShortDay('2017-06-27')).toBe('Tue 27 Jun 2017');
    expect(formatLongDate('2017-06-27')).toBe('27 June 2017');
    expect(reexportedFormatLongDate('2025-01-02')).toBe('2 January 2025');
    expect(() => formatLongDate('27/06/2017')).toThrow(expect.objectContaining({ code: 'clock.invalid_date' }));
  });

  it('write ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 40, 111].map(ordinal))
      .toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '20th', '21st', '22nd', '40th', '111th']);
  });
});

describe('London dates', () => {
  it('take the date in BST in summer and GMT in winter', () => {
    expect(londonDateOf(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(londonDateOf(new Date('2025-06-30T22:59:59Z'))).toBe('2025-06-30');
    expect(londonDateOf(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });

  it('follow the clock changes (BST began 30 Mar 2025 01:00Z, ended 26 Oct 2025 01:00Z)', () => {
    expect(londonDateOf(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-29'); // still GMT
    expect(londonDateOf(new Date('2025-10-25T23:30:00Z'))).toBe('2025-10-26'); // still BST
    expect(londonDateOf(new Date('2025-10-26T23:30:00Z'))).toBe('2025-10-26'); // GMT again
  });

  it('read plain dates, instants with offsets, and local date-times', () => {
    expect(toLondonDay('2025-06-30', 'received')).toEqual({ date: '2025-06-30' });
    expect(toLondonDay('2025-06-30T23:30Z', 'received').date).toBe('2025-07-01');
    expect(toLondonDay('2025-06-30T16:30:00-07:00', 'received').date).toBe('2025-07-01');
    expect(toLondonDay('2025-06-30T23:30:00.123+0000', 'received').date).toBe('2025-07-01');
    expect(toLondonDay('2025-06-30 23:30', 'received')).toEqual({ date: '2025-06-30' }); // no zone: London time already
  });

  it('reject malformed or impossible values with clock.invalid_date', () => {
    for (const bad of ['30/06/2025', '2025-02-30T10:00Z', '2025-06-30T24:00Z', 'yesterday', '']) {
      expect(() => toLondonDay(bad, 'received'), bad).toThrow(expect.objectContaining({ code: 'clock.invalid_date' }));
    }
    expect(() => londonDateOf(new Date('nonsense'))).toThrow(expect.objectContaining({ code: 'clock.invalid_date' }));
  });
});
