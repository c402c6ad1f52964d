// A second import of the same file changes nothing; a reference already used with other data is an error;
// and references in our own format move our counter on.
import { describe, expect, it } from 'vitest';
import { regimeFor } from '../../../src/pipeline/case/plan-case.js';
import { compareWithExisting, importFactsOf } from '../../../src/pipeline/import/compare-with-existing.js';
import type { ImportRow } from '../../../src/pipeline/import/import-row.js';
import { referenceCounterFloors } from '../../../src/pipeline/import/reference-counter-floors.js';
import { validateTracker } from '../../../src/pipeline/import/validate-tracker.js';

const HEADER = 'reference,received,requester_name,requester_email,subject,request,kind,status,responded,outcome';

function row(line: string): ImportRow {
  const result = validateTracker({ file: `${HEADER}\n${line}`, jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: '2026-03-02' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.rows[0]!;
}

const original = row('FOI/25/0101,2025-11-03,Priya Natarajan,priya@example.org,Potholes,"How many repairs?\nBy ward.",foi,responded,2025-11-28,granted');
const imported = { reference: 'FOI/25/0101', importFacts: JSON.parse(JSON.stringify(importFactsOf(original))) };

describe('compareWithExisting', () => {
  it('the same row again is unchanged, even re-saved with other line breaks and spacing', () => {
    expect(compareWithExisting(original, imported)).toEqual({ verdict: 'unchanged' });
    const resaved = row('FOI/25/0101,2025-11-03,Priya  Natarajan,priya@example.org,Potholes,"How many repairs?\r\nBy ward. ",foi,responded,2025-11-28,granted');
    expect(compareWithExisting(resaved, imported)).toEqual({ verdict: 'unchanged' });
  });

  it('a difference is a conflict naming the column, with dates and codes shown', () => {
    const later = row('FOI/25/0101,2025-11-04,Priya Natarajan,priya@example.org,Potholes,"How many repairs?\nBy ward.",foi,responded,2025-11-28,granted');
    expect(compareWithExisting(later, imported)).toEqual({
      verdict: 'conflict', reason: 'reference FOI/25/0101 was imported before with a different date received: 2025-11-03 then, 2025-11-04 now',
    });
    const refused = row('FOI/25/0101,2025-11-03,Priya Natarajan,priya@example.org,Potholes,"How many repairs?\nBy ward.",foi,responded,2025-11-28,refused');
    expect(compareWithExisting(refused, imported)).toMatchObject({ reason: expect.stringMatching(/different outcome: granted then, refused now$/) });
  });

  it('personal data that differs is named but not printed', () => {
    const other = row('FOI/25/0101,2025-11-03,Priya Natarajan,p.natarajan@example.org,Potholes,"How many repairs?\nBy ward.",foi,responded,2025-11-28,granted');
    const text = row('FOI/25/0101,2025-11-03,Priya Natarajan,priya@example.org,Potholes,How many repairs in total?,foi,responded,2025-11-28,granted');
    expect(compareWithExisting(other, imported)).toEqual({ verdict: 'conflict', reason: 'reference FOI/25/0101 was imported before with a different requester e-mail' });
    expect(compareWithExisting(text, imported)).toEqual({ verdict: 'conflict', reason: 'reference FOI/25/0101 was imported before with a different request text' });
  });

  it('a reference held by a case that was not imported is a conflict', () => {
    expect(compareWithExisting(original, { reference: 'FOI/25/0101', importFacts: null })).toEqual({
      verdict: 'conflict', reason: 'reference FOI/25/0101 is already used by case FOI/25/0101, which was not imported',
    });
  });

  it('keeps no copy of the request text in the facts', () => {
    expect(JSON.stringify(importFactsOf(original))).not.toContain('How many repairs');
  });
});

describe('referenceCounterFloors', () => {
  it('gives the highest imported sequence of each year of our formats, so the counter never makes one again', () => {
    expect(referenceCounterFloors(['FOI-2025-00012', 'foi-2025-00140', 'FOI-2026-00003', 'FOI/25/0101', 'EIR-2025-7'], ['FOI-{year}-{seq:5}', 'EIR-{year}-{seq}'])).toEqual([
      { format: 'FOI-{year}-{seq:5}', year: 2025, sequence: 140 },
      { format: 'FOI-{year}-{seq:5}', year: 2026, sequence: 3 },
      { format: 'EIR-{year}-{seq}', year: 2025, sequence: 7 },
    ]);
  });

  it('a format without a year applies to every year', () => {
    expect(referenceCounterFloors(['REQ.77', 'REQ.9'], ['REQ.{seq}'])).toEqual([{ format: 'REQ.{seq}', year: null, sequence: 77 }]);
    expect(referenceCounterFloors(['REQX77'], ['REQ.{seq}'])).toEqual([]);
  });
});
