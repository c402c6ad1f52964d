// `import cases`: a team's tracker, in the contract's columns or the ICO template's, read whole before
// anything is written; deadlines by the statutory clock; every bad row named by its record number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../src/paths.js';
import { regimeFor } from '../../../src/pipeline/case/plan-case.js';
import type { ImportRow, TrackerValidation } from '../../../src/pipeline/import/import-row.js';
import { validateTracker } from '../../../src/pipeline/import/validate-tracker.js';

const TODAY = '2026-03-02';
const file = (name: string) => readFileSync(join(fixturesDir, 'import', name));

function validate(input: Buffer | string, jurisdiction: 'england-and-wales' | 'scotland' = 'england-and-wales'): TrackerValidation {
  return validateTracker({ file: input, jurisdiction, regimeOf: regimeFor, today: TODAY });
}

function rowsOf(input: Buffer | string, jurisdiction?: 'england-and-wales' | 'scotland'): Map<string, ImportRow> {
  const result = validate(input, jurisdiction);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return new Map(result.rows.map((r) => [r.reference, r]));
}

const HEADER = 'reference,received,requester_name,requester_email,subject,request,kind,status,responded,outcome';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
const problemsOf = (text: string) => {
  const result = validate(text);
  return result.ok ? [] : result.problems;
};

describe('the contract columns (fixtures/import/tracker.csv)', () => {
  const rows = rowsOf(file('tracker.csv'));

  it('reads every row, keeping references, statuses and outcomes', () => {
    expect([...rows.keys()]).toEqual([
      'FOI/25/0101', 'FOI/25/0102', 'FOI/25/0103', 'EIR/25/0007', 'FOI/26/0004', 'FOI/26/0011', 'SAR/26/0003', 'IR/26/0001', 'FOI/26/0015',
    ]);
    expect(rows.get('FOI/25/0101')).toMatchObject({ status: 'responded', caseStatus: 'responded', respondedOn: '2025-11-28', outcome: 'granted', regime: 'foi' });
    expect(rows.get('FOI/25/0102')).toMatchObject({ status: 'closed', caseStatus: 'closed', receivedDate: '2025-11-05', outcome: 'part_granted' });
    expect(rows.get('FOI/25/0103')).toMatchObject({ status: 'withdrawn', requester: { name: 'Grace Okafor', address: null } });
  });

  it('computes the deadline by the clock: a bank holiday anywhere in the UK is skipped (St Andrew\'s Day 2025)', () => {
    expect(rows.get('FOI/25/0101')).toMatchObject({ dueDate: '2025-12-02', referenceKey: 'FOI/25/0101' });
    expect(rows.get('FOI/25/0101')!.dueExplain.join('\n')).toMatch(/St Andrew/);
  });

  it('restarts the clock from a clarification received', () => {
    expect(rows.get('FOI/26/0004')).toMatchObject({
      clarification: { sought: '2026-01-14', received: '2026-01-20' }, dueDate: '2026-02-17', caseStatus: 'in_progress',
    });
  });

  it('applies an extension: EIR complex to the 40th working day; a PIT extension to the date the tracker gives', () => {
    expect(rows.get('EIR/25/0007')).toMatchObject({ regime: 'eir', extension: { kind: 'complex', until: null }, dueDate: '2026-01-30', caseStatus: 'extended' });
    const pit = rows.get('FOI/26/0015')!;
    expect(pit).toMatchObject({ extension: { kind: 'pit', until: '2026-03-09' }, dueDate: '2026-03-09', caseStatus: 'extended' });
    expect(pit.dueExplain.at(-1)).toMatch(/extended to 9 March 2026 .* latest the law allows is 24 March 2026/);
  });

  it('defaults the kind to foi, takes the name from "Name <address>", and reads SARs and reviews', () => {
    expect(rows.get('FOI/26/0011')).toMatchObject({ kind: 'foi', requester: { name: 'Aisha Rahman', address: 'aisha.r@example.co.uk' }, dueDate: TODAY });
    expect(rows.get('SAR/26/0003')).toMatchObject({ kind: 'sar', regime: 'sar', dueDate: '2026-03-09' });
    expect(rows.get('IR/26/0001')).toMatchObject({ kind: 'internal_review', regime: 'foi_review', parentReference: 'FOI/25/0102', dueDate: '2026-03-16' });
  });

  it('keeps quoted commas, doubled quotes and line breaks inside a request', () => {
    expect(rows.get('EIR/25/0007')!.requestText).toContain('"raw" and ratified');
    expect(rows.get('FOI/25/0101')!.requestText).toContain('2024-25,\nand the average');
  });

  it('in Scotland, the same rows run under FOISA, which has no public-interest extension', () => {
    expect(validate(file('tracker.csv'), 'scotland')).toMatchObject({
      ok: false, problems: [{ line: 10, reason: "FOISA request: no 'pit' extension (available: none)" }],
    });
    const scottish = rowsOf(csv('F-1,2025-11-03,A,,S,T,foi', 'R-1,2025-12-01,A,,S,T,internal_review'), 'scotland');
    expect(scottish.get('F-1')).toMatchObject({ regime: 'foisa', dueDate: '2025-12-02' });
    expect(scottish.get('R-1')!.regime).toBe('foisa_review');
  });
});

describe('the ICO request tracking template\'s columns (fixtures/import/ico-tracker.csv)', () => {
  const result = validate(file('ico-tracker.csv'));
  const rows = result.ok ? new Map(result.rows.map((r) => [r.reference, r])) : new Map<string, ImportRow>();

  it('maps its headings, ignores the ones it does not use, and reads DD/MM/YYYY dates', () => {
    expect(result.ok).toBe(true);
    expect(result.ignoredColumns).toEqual(['Notes']);
    expect(rows.get('2025-0142')).toMatchObject({ receivedDate: '2025-10-14', respondedOn: '2025-11-07', outcome: 'granted', status: 'closed', dueDate: '2025-11-11' });
    expect(rows.get('2025-0163')).toMatchObject({ kind: 'eir', receivedDate: '2025-11-03', status: 'open', requester: { name: 'Owen Griffiths', address: null } });
  });

  it('takes the subject from the request summary\'s first line, and the outcome and exemptions as written there', () => {
    expect(rows.get('2025-0150')).toMatchObject({
      subject: 'Copies of contracts for school transport', outcome: 'part_granted', exemptions: ['s43(2)', 's40(2)'],
    });
    expect(rows.get('2026-0009')).toMatchObject({ outcome: 'not_held', status: 'responded' });
  });

  it('holds a case whose clarification is awaited without a deadline', () => {
    expect(rows.get('2025-0170')).toMatchObject({ caseStatus: 'awaiting_clarification', dueDate: null, clarification: { sought: '2025-11-12', received: null } });
  });

  it('tells officers where the tracker\'s own due date differs from the clock\'s, and of a review not imported', () => {
    expect(rows.get('2025-0163')!.notes).toEqual(['The old tracker gave the due date as 1 December 2025; the statutory clock makes it 2 December 2025.']);
    expect(rows.get('2025-0142')!.notes).toEqual([]);
    expect(rows.get('2025-0150')!.notes.join(' ')).toMatch(/internal review requested; it was not imported/);
  });
});

describe('a bad file: nothing is imported and every problem is named by its record (fixtures/import/bad-tracker.csv)', () => {
  it('lists each problem with the CSV record number, the header being 1, even after a field with line breaks', () => {
    const result = validate(file('bad-tracker.csv'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 3, reason: "date received '2025-13-01' is not a day of the calendar" },
      { line: 4, reason: "unknown kind 'foia-ish' (expected one of foi, eir, sar, internal_review)" },
      { line: 5, reason: "requester e-mail 'not-an-address' is not an e-mail address" },
      { line: 5, reason: "unknown status 'pending review' (expected one of open, responded, closed, withdrawn)" },
      { line: 6, reason: 'reference FOI/25/0201 is also on line 2' },
      { line: 7, reason: 'date responded 2025-11-01 is before the date received 2025-11-07' },
      { line: 8, reason: 'the date received is missing' },
      { line: 9, reason: "unknown outcome 'sort of' (expected one of granted, part_granted, refused, not_held, part_not_held)" },
    ]);
  });
});

describe('row rules', () => {
  const ok = 'R-1,2025-11-03,A Person,a@example.org,Subject,Text';

  it('needs a reference, a date received and a subject or request', () => {
    expect(problemsOf(csv(',2025-11-03,A,a@example.org,S,T'))).toEqual([{ line: 2, reason: 'the reference is missing' }]);
    expect(problemsOf(csv('R-2,2025-11-03,A,a@example.org,,'))).toEqual([{ line: 2, reason: 'neither a subject nor a request is given' }]);
  });

  it('allows an empty e-mail address; refuses two addresses or one without a proper domain', () => {
    expect(problemsOf(csv('R-3,2025-11-03,A,,S,T'))).toEqual([]);
    expect(problemsOf(csv('R-4,2025-11-03,A,"a@example.org, b@example.org",S,T'))[0]?.reason).toMatch(/is not one e-mail address/);
    expect(problemsOf(csv('R-5,2025-11-03,A,a@localhost,S,T'))[0]?.reason).toMatch(/is not an e-mail address/);
  });

  it('reads YYYY-MM-DD and DD/MM/YYYY; refuses US order past 12, two-digit years, and dates after today', () => {
    expect(problemsOf(csv('R-6,31/10/2025,A,,S,T'))).toEqual([]);
    expect(problemsOf(csv('R-7,10/31/2025,A,,S,T'))[0]?.reason).toBe("date received '10/31/2025' is not a day of the calendar");
    expect(problemsOf(csv('R-8,31/10/25,A,,S,T'))[0]?.reason).toMatch(/write the year in full/);
    expect(problemsOf(csv('R-9,2026-03-03,A,,S,T'))[0]?.reason).toBe('date received 2026-03-03 is in the future');
  });

  it('infers responded from a response date, and refuses statuses that contradict the other columns', () => {
    const inferred = validate(csv(`${ok},,,2025-11-20,granted`));
    expect(inferred.ok && inferred.rows[0]).toMatchObject({ status: 'responded', outcome: 'granted' });
    expect(problemsOf(csv(`${ok},,open,2025-11-20,`))[0]?.reason).toBe('the status is open but a date responded is given');
    expect(problemsOf(csv(`${ok},,responded,,`))[0]?.reason).toBe('the status is responded but the date responded is missing');
    expect(problemsOf(csv(`${ok},,withdrawn,,refused`))[0]?.reason).toMatch(/given but the request was withdrawn/);
  });

  it('compares references as threading does: FOI-1 and foi-1 are the same reference', () => {
    expect(problemsOf(csv('FOI-1,2025-11-03,A,,S,T', 'foi-1,2025-11-04,B,,S,T'))).toEqual([{ line: 3, reason: 'reference foi-1 is also on line 2' }]);
  });

  it('refuses a reference no subject could carry', () => {
    expect(problemsOf(csv('ABC,2025-11-03,A,,S,T'))[0]?.reason).toMatch(/has no digit/);
    expect(problemsOf(csv('"FOI (2025) 1",2025-11-03,A,,S,T'))[0]?.reason).toMatch(/cannot be recognised in replies/);
  });

  it('refuses an extension the regime does not have, and an extended date outside the law', () => {
    const header = `${HEADER},extension,extended_to`;
    const file = (line: string) => [header, line].join('\n');
    expect(validateTracker({ file: file(`${ok},foi,open,,,complex,`), jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: TODAY }))
      .toMatchObject({ ok: false, problems: [{ line: 2, reason: expect.stringMatching(/FOIA request: no 'complex' extension/) }] });
    expect(validateTracker({ file: file(`${ok},foi,open,,,yes,2026-02-27`), jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: TODAY }))
      .toMatchObject({ ok: false, problems: [{ line: 2, reason: 'extended due date 2026-02-27 is later than the law allows (2026-01-05 at the latest)' }] });
    expect(validateTracker({ file: file(`${ok},foi,open,,,yes,2025-11-04`), jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: TODAY }))
      .toMatchObject({ ok: false, problems: [{ line: 2, reason: expect.stringMatching(/is before the due date without an extension, 2025-12-02/) }] });
    expect(validateTracker({ file: file(`${ok},foi,open,,,yes,`), jurisdiction: 'scotland', regimeOf: regimeFor, today: TODAY }))
      .toMatchObject({ ok: false, problems: [{ line: 2, reason: 'a FOISA request cannot be extended' }] });
  });

  it('clarification dates must follow receipt and each other', () => {
    const header = `${HEADER},clarification_sought,clarification_received`;
    const problems = (line: string) => {
      const result = validateTracker({ file: [header, line].join('\n'), jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: TODAY });
      return result.ok ? [] : result.problems.map((p) => p.reason);
    };
    expect(problems(`${ok},foi,open,,,2025-11-01,2025-11-05`)).toEqual(['date clarification sought 2025-11-01 is before the date received 2025-11-03']);
    expect(problems(`${ok},foi,open,,,2025-11-05,2025-11-04`)).toEqual(['date clarification received 2025-11-04 is before the date it was sought 2025-11-05']);
  });

  it('an EIR request\'s review is a reconsideration under regulation 11', () => {
    const header = `${HEADER},parent_reference`;
    const rows = rowsOf([header, 'EIR-1,2025-11-03,A,,S,T,eir,responded,2025-11-20,granted,', 'IR-1,2025-12-01,A,,S,T,internal_review,,,,EIR-1'].join('\n'));
    expect(rows.get('IR-1')).toMatchObject({ regime: 'eir_review', parentReference: 'EIR-1' });
  });

  it('a header without the needed columns is a problem on line 1; a heading twice too', () => {
    expect(problemsOf('ref,subject\nR-1,S')).toEqual([{ line: 1, reason: "no date received column (a heading such as 'received', 'date received', 'received date')" }]);
    expect(problemsOf('Reference,Reference number,Received,Subject\nR-1,R-1,2025-11-03,S')).toEqual([
      { line: 1, reason: "columns 'Reference' and 'Reference number' both give the reference" },
    ]);
    expect(problemsOf(HEADER)).toEqual([{ line: 1, reason: 'the file holds no cases, only a header' }]);
  });

  it('a record with more fields than the header is refused; fewer are read as empty', () => {
    expect(problemsOf(csv('R-1,2025-11-03,A,,S,T,foi,open,,,surplus'))).toEqual([{ line: 2, reason: 'the record has more fields than the header (11 for 10)' }]);
    expect(problemsOf(csv('R-1,2025-11-03,A,,S,T'))).toEqual([]);
  });
});
