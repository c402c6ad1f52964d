// FOI_ACKNOWLEDGE_SINCE: mail received before the cutoff is history (a case, no acknowledgement).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { parseAcknowledgeSince } from '../../../src/config/acknowledge-since.js';
import { acknowledgementCutoff, isBeforeCutoff } from '../../../src/pipeline/import/acknowledgement-cutoff.js';

const parse = (value: string) => parseAcknowledgeSince('FOI_ACKNOWLEDGE_SINCE', value);
const at = (value: string) => {
  const setting = parse(value);
  return setting.mode === 'since' ? setting.at.toISOString() : setting.mode;
};

describe('FOI_ACKNOWLEDGE_SINCE', () => {
  it('defaults to first-seen', () => {
    expect(loadConfig({}).acknowledgeSince).toEqual({ mode: 'first-seen' });
    expect(loadConfig({ FOI_ACKNOWLEDGE_SINCE: 'all' }).acknowledgeSince).toEqual({ mode: 'all' });
  });

  it('a date is the start of that day in the UK, in winter and in summer time', () => {
    expect(at('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(at('2025-07-01')).toBe('2025-06-30T23:00:00.000Z');
  });

  it('a date-time with Z or an offset is that instant; without one it is UK wall-clock time', () => {
    expect(at('2025-07-01T09:30:00Z')).toBe('2025-07-01T09:30:00.000Z');
    expect(at('2025-07-01T09:30+0200')).toBe('2025-07-01T07:30:00.000Z');
    expect(at('2025-07-01 09:30')).toBe('2025-07-01T08:30:00.000Z');
    expect(at('2025-12-01T09:30:15.250')).toBe('2025-12-01T09:30:15.250Z');
    expect(at('First-Seen')).toBe('first-seen');
  });

  it('anything else stops start-up with one line naming the variable', () => {
    expect(() => loadConfig({ FOI_ACKNOWLEDGE_SINCE: 'yesterday' })).toThrow(
      /^FOI_ACKNOWLEDGE_SINCE: must be all, first-seen, a date \(YYYY-MM-DD\) or an ISO date-time/,
    );
    expect(() => parse('2025-02-30')).toThrow(/^FOI_ACKNOWLEDGE_SINCE: must be/);
    expect(() => parse('31/12/2025')).toThrow(/^FOI_ACKNOWLEDGE_SINCE: must be/);
    expect(() => parse('1999-12-31')).toThrow('FOI_ACKNOWLEDGE_SINCE: 1999-12-31 is outside 2005-01-01 to 2099-12-31');
  });
});

describe('acknowledgementCutoff and isBeforeCutoff', () => {
  const firstSeenAt = new Date('2026-03-02T10:00:00Z');

  it('all: no cutoff, everything is acknowledged', () => {
    const cutoff = acknowledgementCutoff({ setting: { mode: 'all' }, firstSeenAt });
    expect(cutoff).toBeNull();
    expect(isBeforeCutoff(new Date('2020-01-01T00:00:00Z'), cutoff)).toBe(false);
  });

  it('first-seen: mail that was in the mailbox when foi-intake first read it is history', () => {
    const cutoff = acknowledgementCutoff({ setting: { mode: 'first-seen' }, firstSeenAt });
    expect(cutoff).toEqual(firstSeenAt);
    expect(isBeforeCutoff(new Date('2025-06-12T08:00:00Z'), cutoff)).toBe(true);
    expect(isBeforeCutoff(new Date('2026-03-02T09:59:59.999Z'), cutoff)).toBe(true);
    expect(isBeforeCutoff(firstSeenAt, cutoff)).toBe(false);
    expect(isBeforeCutoff(new Date('2026-03-02T10:05:00Z'), cutoff)).toBe(false);
  });

  it('a date: the setting decides, whenever the mailbox was first read', () => {
    const cutoff = acknowledgementCutoff({ setting: parse('2026-01-01'), firstSeenAt });
    expect(cutoff?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(isBeforeCutoff(new Date('2025-12-31T23:59:00Z'), cutoff)).toBe(true);
    expect(isBeforeCutoff(new Date('2026-02-01T00:00:00Z'), cutoff)).toBe(false);
  });
});
