// The one message officers get for an import: how many, the oldest, the overdue, the urgent; and the rule
// that folds imported cases' overdue reminders into the first digest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBankHolidayLookup } from '../../../src/clock/index.js';
import { ukWideCalendar } from '../../../src/clock/working-day-calendar.js';
import { selectReminders, workingDaysLeft } from '../../../src/pipeline/case/select-reminders.js';
import { defaultPromptsDir, fixturesDir } from '../../../src/paths.js';
import { routeImportedReminders } from '../../../src/pipeline/import/route-imported-reminders.js';
import { importedCaseLineOf, summariseImport, type ImportedCaseLine, type WorkingDaysLeft } from '../../../src/pipeline/import/summarise-import.js';
import { validateTracker } from '../../../src/pipeline/import/validate-tracker.js';
import { regimeFor } from '../../../src/pipeline/case/plan-case.js';
import { composeDigest } from '../../../src/pipeline/notify/compose-case-updates.js';
import { IMPORT_SUMMARY_TEMPLATE, MAX_LISTED, composeImportSummary } from '../../../src/pipeline/notify/compose-import-summary.js';
import type { NotifySettings } from '../../../src/pipeline/notify/compose-messages.js';
import { loadTemplates, type TemplateName } from '../../../src/pipeline/notify/templates.js';

const TODAY = '2026-03-02'; // a Monday
const templates = new Map(loadTemplates(defaultPromptsDir));
templates.set(IMPORT_SUMMARY_TEMPLATE as TemplateName, readFileSync(join(defaultPromptsDir, IMPORT_SUMMARY_TEMPLATE), 'utf8'));
const settings: NotifySettings = {
  templates, from: '"FOI Team" <foi@example.gov.uk>', fromAddress: 'foi@example.gov.uk', officers: ['officer@example.gov.uk'],
  authorityName: 'Example Council', jurisdiction: 'england-and-wales', heldFolder: 'Held',
};

// The FOIA calendar serves every case here; what a SAR's calendar is, is the reminders' business.
const calendar = ukWideCalendar(createBankHolidayLookup([]), 'FOIA s.10(6)');
const daysLeft: WorkingDaysLeft = (c, today) => workingDaysLeft(today, c.dueDate, calendar);

function line(reference: string, overrides: Partial<ImportedCaseLine> = {}): ImportedCaseLine {
  return { reference, kind: 'foi', regime: 'foi', status: 'received', receivedDate: '2026-02-02', dueDate: '2026-03-02', subject: `Subject ${reference}`, flags: [], ...overrides };
}

const cases = [
  line('FOI-2025-00001', { receivedDate: '2025-06-03', dueDate: '2025-07-01' }),
  line('FOI-2026-00002', { receivedDate: '2026-01-05', dueDate: '2026-02-27' }),
  line('FOI-2026-00003', { dueDate: '2026-03-06' }),
  line('FOI-2026-00004', { dueDate: '2026-03-20' }),
  line('FOI-2026-00005', { kind: 'sar', regime: 'sar', dueDate: '2026-04-01' }),
  line('FOI-2026-00006', { kind: 'internal_review', regime: 'foi_review', dueDate: '2026-03-30' }),
  line('FOI-2026-00007', { dueDate: '2026-03-27', flags: ['s16', 'public_interest'] }),
  line('FOI-2026-00008', { kind: 'complaint', regime: null, dueDate: null }),
  line('FOI-2025-00009', { receivedDate: '2025-05-01', dueDate: '2025-05-30', status: 'responded' }),
];

describe('summariseImport', () => {
  const summary = summariseImport({ cases, today: TODAY, workingDaysLeft: daysLeft });

  it('counts every case, and those still awaiting a response with the oldest of them (a finished case is older)', () => {
    expect(summary).toMatchObject({ count: 9, oldest: { reference: 'FOI-2025-00001', receivedDate: '2025-06-03' }, awaitingResponse: 8 });
  });

  it('lists the overdue by due date, with working days overdue (a Friday deadline is overdue on Monday)', () => {
    expect(summary.overdue.map((o) => [o.reference, o.reasons])).toEqual([
      ['FOI-2025-00001', [expect.stringMatching(/^overdue by \d+ working days$/)]],
      ['FOI-2026-00002', ['overdue by 1 working day']],
    ]);
  });

  it('lists what needs attention now: due within five working days, SARs, reviews, a section 16 request', () => {
    expect(summary.urgent.map((u) => [u.reference, u.reasons])).toEqual([
      ['FOI-2026-00003', ['due in 4 working days']],
      ['FOI-2026-00007', ['asks for advice and assistance (section 16)']],
      ['FOI-2026-00006', ['internal review']],
      ['FOI-2026-00005', ['subject access request (one calendar month)']],
    ]);
  });
});

describe('the summary of a tracker import (fixtures/import/tracker.csv)', () => {
  it('counts the open cases, finds the overdue and the urgent among them', () => {
    const result = validateTracker({ file: readFileSync(join(fixturesDir, 'import', 'tracker.csv')), jurisdiction: 'england-and-wales', regimeOf: regimeFor, today: TODAY });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const summary = summariseImport({ cases: result.rows.map((r) => importedCaseLineOf(r, 'england-and-wales')), today: TODAY, workingDaysLeft: daysLeft });
    expect(summary).toMatchObject({ count: 9, awaitingResponse: 6, oldest: { reference: 'EIR/25/0007', receivedDate: '2025-12-01' } });
    expect(summary.overdue.map((o) => o.reference)).toEqual(['EIR/25/0007', 'FOI/26/0004']);
    expect(summary.urgent.map((u) => [u.reference, u.reasons])).toEqual([
      ['FOI/26/0011', ['due today']],
      ['FOI/26/0015', ['due in 5 working days']],
      ['SAR/26/0003', ['due in 5 working days', 'subject access request (one calendar month)']],
      ['IR/26/0001', ['internal review']],
    ]);
  });
});

describe('composeImportSummary', () => {
  const summary = summariseImport({ cases, today: TODAY, workingDaysLeft: daysLeft });

  it('one officer message with the counts, the overdue and the urgent, marked automatic', () => {
    const mail = composeImportSummary({
      summary, mailbox: 'default', today: TODAY, source: { kind: 'mailbox', cutoff: new Date('2026-03-02T09:15:00Z'), heldCount: 2 },
    }, settings);
    expect(mail).toMatchObject({
      purpose: 'import_summary', to: ['officer@example.gov.uk'], from: '"FOI Team" <foi@example.gov.uk>', html: null,
      subject: 'FOI import: 9 case(s) imported, 2 overdue, 4 need attention',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
    expect(mail.messageId).toMatch(/^<.+\.import-default-2026-03-02\..+@example\.gov\.uk>$/);
    expect(mail.text).toContain('9 case(s) were imported from mail that reached the mailbox before foi-intake started acknowledging.');
    expect(mail.text).toContain('mail received before Monday, 2 March 2026 at 09:15 is history');
    expect(mail.text).toContain('Awaiting a response: 8; the oldest is FOI-2025-00001, received 3 June 2025');
    expect(mail.text).toMatch(/Already overdue: +2/);
    expect(mail.text).toContain('Held for an officer: 2 message(s)');
    expect(mail.text).toContain('  FOI-2026-00002  due 27 February 2026: overdue by 1 working day\n      Subject FOI-2026-00002\n');
    expect(mail.text).toContain('  FOI-2026-00005  due 1 April 2026: subject access request (one calendar month)\n      Subject FOI-2026-00005\n');
    expect(mail.text).not.toContain('more');
  });

  it('from a tracker file, names the file and says nothing of acknowledgements; long lists are cut', () => {
    const many = summariseImport({
      cases: Array.from({ length: MAX_LISTED + 3 }, (_, i) => line(`R-${i + 1}`, { dueDate: '2026-01-05' })), today: TODAY, workingDaysLeft: daysLeft,
    });
    const mail = composeImportSummary({ summary: many, mailbox: 'planning', today: TODAY, source: { kind: 'file', fileName: 'tracker.csv' } }, settings);
    expect(mail.subject).toBe('FOI import (planning): 28 case(s) imported, 28 overdue, 0 need attention');
    expect(mail.text).toContain('28 case(s) were imported from the tracker tracker.csv.');
    expect(mail.text).not.toContain('acknowledgement was sent');
    expect(mail.text).not.toContain('Held for an officer');
    expect(mail.text).toContain('… and 3 more');
    expect(mail.text.match(/^ {2}R-\d+ /gm)).toHaveLength(MAX_LISTED);
  });
});

describe('overdue reminders of imported cases go into the first digest', () => {
  // Imported on 2 March; case 1 was due on 27 February (overdue at import), case 2 on 2 March (due that day).
  const reminderCases = [
    { caseId: 1, status: 'in_progress' as const, regime: 'foi' as const, dueDate: '2026-02-27', lastReminder: null },
    { caseId: 2, status: 'in_progress' as const, regime: 'foi' as const, dueDate: '2026-03-02', lastReminder: null },
    { caseId: 3, status: 'in_progress' as const, regime: 'foi' as const, dueDate: '2026-02-27', lastReminder: null },
  ];
  const imported = [{ caseId: 1, importedOn: '2026-03-02' }, { caseId: 2, importedOn: '2026-03-02' }];

  it('the day after import: the case overdue at import goes to the digest; one that fell due after, and cases not imported, are mailed', () => {
    const selected = selectReminders({ cases: reminderCases, today: '2026-03-03' });
    const routed = routeImportedReminders({ selected, imported, digestPending: new Set([1, 2, 3]) });
    expect(routed.intoDigest.map((r) => [r.caseId, r.kind])).toEqual([[1, 'overdue']]);
    expect(routed.mail.map((r) => [r.caseId, r.kind])).toEqual([[2, 'overdue'], [3, 'overdue']]);
    expect(routed.deferred).toEqual([]);
  });

  it('when the day\'s digest has gone already, the reminder waits for the next one instead of being mailed', () => {
    const selected = selectReminders({ cases: reminderCases, today: '2026-03-03' });
    const routed = routeImportedReminders({ selected, imported, digestPending: new Set() });
    expect(routed.deferred.map((r) => r.caseId)).toEqual([1]);
    expect(routed.mail.map((r) => r.caseId)).toEqual([2, 3]);
  });

  it('the digest says which imported cases it stands in for', () => {
    const digest = composeDigest(TODAY, [], settings, ['FOI-2026-00002', 'FOI-2025-00001']);
    expect(digest.text).toContain('2 imported case(s) were already overdue when imported. This digest is their reminder;');
    expect(digest.text).toContain('  FOI-2025-00001');
    expect(composeDigest(TODAY, [], settings).text).not.toContain('imported');
  });
});
