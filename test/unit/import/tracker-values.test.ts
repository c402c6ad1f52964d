// Cell readers: the words trackers use for kinds, statuses, outcomes and extensions, and what is refused.
import { describe, expect, it } from 'vitest';
import { readDate, readEmail, readExtension, readKind, readOutcome, readStatus, readYesOrDate } from '../../../src/pipeline/import/tracker-values.js';

const value = <T>(read: { ok: true; value: T } | { ok: false; reason: string }) => (read.ok ? read.value : `error: ${read.reason}`);

describe('tracker values', () => {
  it('dates: ISO and UK order, one-digit day and month, real days only', () => {
    expect(value(readDate('2025-02-28', 'd'))).toBe('2025-02-28');
    expect(value(readDate('3/2/2025', 'd'))).toBe('2025-02-03');
    expect(value(readDate('29/02/2025', 'd'))).toBe("error: d '29/02/2025' is not a day of the calendar");
    expect(value(readDate('Feb 3 2025', 'd'))).toBe("error: d 'Feb 3 2025' is not a date: use YYYY-MM-DD or DD/MM/YYYY");
  });

  it('kinds: the contract\'s and the usual names; empty is foi; an EIR review is marked environmental', () => {
    expect(value(readKind(''))).toEqual({ kind: 'foi', environmental: false });
    expect(value(readKind('FOIA'))).toEqual({ kind: 'foi', environmental: false });
    expect(value(readKind('Environmental Information Regulations'))).toEqual({ kind: 'eir', environmental: false });
    expect(value(readKind('Subject Access Request'))).toEqual({ kind: 'sar', environmental: false });
    expect(value(readKind('internal_review'))).toEqual({ kind: 'internal_review', environmental: false });
    expect(value(readKind('EIR internal review'))).toEqual({ kind: 'internal_review', environmental: true });
    expect(value(readKind('complaint'))).toMatch(/^error: unknown kind 'complaint'/);
  });

  it('statuses: open, responded, closed, withdrawn and their everyday words; empty is left to be inferred', () => {
    expect(['Open', 'In progress', 'On hold', 'Completed', 'Response sent', 'Closed', 'Lapsed', 'Withdrawn', ''].map((s) => value(readStatus(s))))
      .toEqual(['open', 'open', 'open', 'responded', 'responded', 'closed', 'closed', 'withdrawn', null]);
    expect(value(readStatus('archived'))).toMatch(/^error: unknown status 'archived'/);
  });

  it('outcomes: the five codes and the s.45 Code\'s labels', () => {
    expect(['granted', 'Granted in full', 'Partly granted, partly refused', 'part_granted', 'Refused in full', 'Information not held',
      'part_not_held', 'Partly granted, partly not held'].map((o) => value(readOutcome(o))))
      .toEqual(['granted', 'granted', 'part_granted', 'part_granted', 'refused', 'not_held', 'part_not_held', 'part_not_held']);
    expect(value(readOutcome('mostly'))).toMatch(/^error: unknown outcome 'mostly'/);
  });

  it('extensions: the kind named, yes (the regime decides), or none', () => {
    expect(['PIT', 'Public interest test', 's.10(3)', 'Complex and voluminous', 'Reg 7(1)', 'Yes', 'No', ''].map((e) => value(readExtension(e))))
      .toEqual([{ kind: 'pit' }, { kind: 'pit' }, { kind: 'pit' }, { kind: 'complex' }, { kind: 'complex' }, 'inferred', null, null]);
    expect(value(readExtension('maybe'))).toMatch(/^error: unknown extension/);
  });

  it('a review column holds yes, no or the date it was asked for', () => {
    expect(value(readYesOrDate('Yes', 'r'))).toEqual({ yes: true, date: null });
    expect(value(readYesOrDate('12/01/2026', 'r'))).toEqual({ yes: true, date: '2026-01-12' });
    expect(value(readYesOrDate('', 'r'))).toEqual({ yes: false, date: null });
  });

  it('e-mail: empty allowed, lower-cased, a display name kept', () => {
    expect(value(readEmail(''))).toBeNull();
    expect(value(readEmail('Jo.Bloggs@Example.ORG'))).toEqual({ address: 'jo.bloggs@example.org', name: null });
    expect(value(readEmail('"Bloggs, Jo" <jo@example.org>'))).toEqual({ address: 'jo@example.org', name: 'Bloggs, Jo' });
    expect(value(readEmail('jo at example dot org'))).toMatch(/^error: requester e-mail 'jo at example dot org' is not/);
  });
});
