// Switching foi-intake on over a live mailbox (DESIGN.md, adopting a live mailbox): mail from before the
// acknowledgement cutoff becomes imported cases with no acknowledgement and one summary to officers; an old
// tracker comes in by `import cases`, whole or not at all, once; replies quoting its references thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { createImportStore } from '../../src/adapters/db/import-store.js';
import { importTracker } from '../../src/pipeline/import/import-tracker.js';
import { caseEvents, cases, outbox } from '../../src/adapters/db/schema.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { runReminderJobs } from '../../src/jobs/send-reminders.js';
import { fixturesDir } from '../../src/paths.js';
import { cliEnv, jsonLines, runCli } from '../harness/cli.js';
import { FOI_FROM, OFFICERS, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();

function request(from: string, subject: string, body: string): string {
  return [
    `From: ${from}`, 'To: FOI Team <foi@example.gov.uk>', `Subject: ${subject}`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.example.net>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', '', body, '',
  ].join('\r\n');
}

const OLD = request('Olive Archer <olive@example.net>', 'Bus lane cameras', 'Dear FOI team,\n\nHow many bus lane penalty notices did the council issue in 2024?\n\nOlive Archer');
const OLDER = request('Sam Okoro <sam@example.net>', 'Grit bins', 'Dear FOI team,\n\nHow many grit bins does the council maintain, and where are they?\n\nSam Okoro');
const NEW = request('Nina Patel <nina@example.net>', 'Street lighting', 'Dear FOI team,\n\nHow many street lights were converted to LED in 2025?\n\nNina Patel');

async function runPass(extra: Record<string, string>) {
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, extra));
  try {
    return await runOnce(runtime);
  } finally {
    await runtime.close();
  }
}

const purposes = async () => (await servers.db.db.select({ purpose: outbox.purpose }).from(outbox).orderBy(asc(outbox.id))).map((r) => r.purpose);
const importSummaries = () => servers.smtp.received.filter((m) => (m.parsed.subject ?? '').startsWith('FOI import'));
const recipients = () => servers.smtp.received.flatMap((m) => m.envelope.to);

describe('history in the mailbox (FOI_ACKNOWLEDGE_SINCE)', () => {
  it('a date: older mail becomes imported cases with deadlines and no acknowledgement; new mail is acknowledged; one import summary', async () => {
    await servers.mailbox.append(OLD, new Date('2025-06-10T09:00:00Z'));
    await servers.mailbox.append(OLDER, new Date('2025-06-02T09:00:00Z'));
    await servers.mailbox.append(NEW, new Date());
    const report = await runPass({ FOI_ACKNOWLEDGE_SINCE: new Date(Date.now() - 86_400_000).toISOString() });
    expect(report.mailbox).toMatchObject({ opened: 3, imported: 2 });

    const all = await listCases(servers.db.db);
    const bySubject = (s: string) => all.find((c) => c.subject === s)!;
    // Received Tue 10 June 2025: due 20 working days later, whatever day it was read.
    expect(bySubject('Bus lane cameras')).toMatchObject({ imported: true, acknowledgedAt: null, dueDate: '2025-07-08' });
    expect(bySubject('Grit bins')).toMatchObject({ imported: true, acknowledgedAt: null });
    expect(bySubject('Street lighting')).toMatchObject({ imported: false, acknowledgedAt: expect.any(String) });

    // The new request: its acknowledgement and its officers' summary. History: one summary for both.
    expect(recipients()).not.toContain('olive@example.net');
    expect(recipients()).not.toContain('sam@example.net');
    expect(recipients().filter((to) => to === 'nina@example.net')).toHaveLength(1);
    expect((await purposes()).sort()).toEqual(['acknowledgement', 'import_summary', 'officer_summary']);
    const [summary] = importSummaries();
    expect(summary!.envelope.to).toEqual(['officer@example.gov.uk']);
    expect(summary!.parsed.subject).toMatch(/^FOI import: 2 case\(s\) imported, 2 overdue/);

    const imported = await servers.db.db.select({ event: caseEvents.event }).from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(eq(cases.subject, 'Bus lane cameras'));
    expect(imported.map((e) => e.event)).toEqual(['case_opened', 'case_imported', 'acknowledgement_withheld']);
  });

  it('first-seen (the default): what was in the mailbox before its first read is history, what arrives after is acknowledged', async () => {
    await servers.mailbox.append(OLD, new Date(Date.now() - 3_600_000));
    await runPass({ FOI_ACKNOWLEDGE_SINCE: 'first-seen' });
    await servers.mailbox.append(NEW, new Date(Date.now() + 2000));
    await runPass({ FOI_ACKNOWLEDGE_SINCE: 'first-seen' });

    const all = await listCases(servers.db.db);
    expect(all.map((c) => [c.subject, c.imported, c.acknowledgedAt !== null])).toEqual([
      ['Bus lane cameras', true, false], ['Street lighting', false, true],
    ]);
    expect(importSummaries()).toHaveLength(1);
    expect(recipients()).not.toContain('olive@example.net');
  });

  it('overdue reminders of imported cases come in the first digest, not as a mail each', async () => {
    await servers.mailbox.append(OLD, new Date('2025-06-10T09:00:00Z'));
    await servers.mailbox.append(OLDER, new Date('2025-06-02T09:00:00Z'));
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, { FOI_ACKNOWLEDGE_SINCE: 'first-seen' }));
    try {
      await runOnce(runtime);
      expect(await runReminderJobs(runtime.stores.reminders, runtime.notify, new Date())).toEqual({ reminders: 0, digest: true });
      // The next day: nothing more for them; they were given their reminder.
      expect(await runReminderJobs(runtime.stores.reminders, runtime.notify, new Date(Date.now() + 86_400_000))).toMatchObject({ reminders: 0 });
    } finally {
      await runtime.close();
    }
    expect((await purposes()).filter((p) => p === 'reminder')).toEqual([]);
    const digest = await servers.db.db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.purpose, 'digest')).orderBy(asc(outbox.id));
    expect(digest[0]!.text).toContain('2 imported case(s) were already overdue when imported');
  });
});

describe('import cases: references in our own format', () => {
  it('the counter carries on after the highest imported, whatever its letter case', async () => {
    const file = 'reference,received,requester_email,subject,request,status\r\nfoi-2026-00007,2026-11-02,kim@example.net,Bins,How many bins?,open\r\n';
    const report = await importTracker(createImportStore(servers.db.db), {
      file, fileName: 'own.csv', jurisdiction: 'england-and-wales', mailbox: 'default', referenceFormats: ['FOI-{year}-{seq:5}'],
      today: '2026-11-20', now: new Date('2026-11-20T10:00:00Z'), extraHolidays: [], dryRun: false, composeSummary: null,
    });
    expect(report).toMatchObject({ ok: true, imported: ['foi-2026-00007'] });
    await servers.mailbox.append(NEW, new Date('2026-11-03T09:00:00Z'));
    await runPass({ FOI_ACKNOWLEDGE_SINCE: 'all' });
    expect((await listCases(servers.db.db)).map((c) => c.reference)).toEqual(['foi-2026-00007', 'FOI-2026-00008']);
  });
});

describe('import cases FILE.csv', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'foi-import-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const env = () => cliEnv({
    ...(servers.db.url ? { DATABASE_URL: servers.db.url } : { FOI_DATA_DIR: dataDir }),
    FOI_IMAP_URL: servers.mailbox.url, FOI_SMTP_URL: servers.smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS,
  });
  const tracker = join(fixturesDir, 'import', 'tracker.csv');
  const listed = async () => jsonLines((await runCli(['cases', 'list', '--json'], env())).stdout);

  it('a bad row stops the import with its line and reason, and nothing is imported', async () => {
    const bad = await runCli(['import', 'cases', join(fixturesDir, 'import', 'bad-tracker.csv')], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-tracker\.csv line 4: unknown kind 'foia-ish'/);
    expect(bad.stderr).toMatch(/nothing imported/);
    expect(await listed()).toEqual([]);
  });

  it('open, responded and closed cases come in once with their references and clock deadlines; replies quoting them thread', async () => {
    const dry = await runCli(['import', 'cases', tracker, '--dry-run'], env());
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, imported: 9 });
    expect(await listed()).toEqual([]);

    const first = await runCli(['import', 'cases', tracker], env());
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ dryRun: false, imported: 9, unchanged: 0 });
    const after = await listed();
    const byRef = (r: string) => after.find((c) => c.reference === r)!;
    expect(after.every((c) => c.imported === true)).toBe(true);
    expect(byRef('FOI/25/0101')).toMatchObject({ status: 'responded', dueDate: '2025-12-02' });
    expect(byRef('FOI/25/0102')).toMatchObject({ status: 'closed' });
    // Clarification received 20 January 2026: the clock restarted from it.
    expect(byRef('FOI/26/0004')).toMatchObject({ status: 'in_progress', dueDate: '2026-02-17' });

    // The same file again changes nothing.
    const again = await runCli(['import', 'cases', tracker], env());
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, unchanged: 9 });
    expect(await listed()).toEqual(after);

    // The same reference with other data: an error naming what differs, nothing changed.
    const changed = join(dataDir, 'changed.csv');
    writeFileSync(changed, 'reference,received,requester_name,requester_email,subject,request,status\r\nfoi/25/0101,2025-11-03,Priya Natarajan,priya.natarajan@example.org,Pothole repairs,Potholes?,closed\r\n');
    const conflict = await runCli(['import', 'cases', changed], env());
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/line 2: reference foi\/25\/0101 was imported before with a different/);

    // A reply quoting an imported reference in another letter case joins its case.
    await servers.mailbox.append(request('Dan Murphy <dan.murphy@example.com>', 'Re: your ref foi/26/0004 agency staff', 'Any news on this one?\n\nDan'));
    const run = await runCli(['run', '--once'], env());
    expect(run.code).toBe(0);
    const threaded = await listed();
    expect(threaded).toHaveLength(9);
    expect((threaded.find((c) => c.reference === 'FOI/26/0004')!.messageIds as string[]).length).toBeGreaterThan(0);
    // The officers heard of the import once, naming the file; no requester was written to.
    const told = servers.smtp.received.filter((m) => (m.parsed.subject ?? '').startsWith('FOI import'));
    expect(told).toHaveLength(1);
    expect(told[0]!.parsed.text).toContain('from the tracker tracker.csv');
  });
});
