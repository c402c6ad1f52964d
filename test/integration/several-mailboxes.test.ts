// Two mailboxes served by one process over real servers: an FOI inbox (the FOI_* variables) and an
// EIR inbox (FOI_MAILBOXES_FILE) with its own From, officers, reference format, folders and SMTP
// server. The EIR inbox is a second folder of the test account, so the in-process IMAP server and
// Dovecot serve it alike (the mailbox URL carries the folder).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { cases, mailboxState, outbox, referenceCounters } from '../../src/adapters/db/schema.js';
import { runCasesList } from '../../src/cli/cases-command.js';
import { loadConfig } from '../../src/config.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { runDaemon } from '../../src/jobs/daemon.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { runReminderJobs } from '../../src/jobs/send-reminders.js';
import { actOnCase } from '../../src/pipeline/case/act-on-case.js';
import type { Runtime } from '../../src/runtime.js';
import { notifyDirectoryOf } from '../../src/runtime/notify-directory.js';
import { createCaseStore } from '../../src/adapters/db/case-store.js';
import { createReminderStore } from '../../src/adapters/db/reminder-store.js';
import { migratedUpTo } from '../harness/migrations.js';
import { fixture, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();
const RECEIVED = new Date('2017-05-30T09:14:32Z');
const EIR_FROM = 'EIR Team <eir@example.gov.uk>';
const EIR_OFFICER = 'env-officer@example.gov.uk';
const dir = mkdtempSync(join(tmpdir(), 'foi-several-'));

let eirSmtp: SmtpSink;
let client: ImapFlow;
beforeEach(async () => {
  eirSmtp = await startSmtpSink();
  client = await servers.mailbox.client();
  await client.mailboxCreate('EIR');
});
afterEach(async () => {
  await client.logout().catch(() => client.close());
  await eirSmtp.close();
});

/** The environment of a two-mailbox installation; the EIR URL comes from a variable, as a secret would. */
function twoMailboxes(entry: Record<string, unknown> = {}, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const file = join(dir, `mailboxes-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({
    mailboxes: [{
      name: 'eir', imapUrlEnv: 'FOI_TEST_EIR_IMAP_URL', smtpUrl: eirSmtp.url, from: EIR_FROM, officers: EIR_OFFICER,
      authorityName: 'Example Environment Agency', referenceFormat: 'EIR-{year}-{seq:4}', processedFolder: 'EIR-Processed', heldFolder: 'EIR-Held',
      ...entry,
    }],
  }));
  return testEnv(servers.mailbox.url, servers.smtp.url, {
    FOI_MAILBOXES_FILE: file, FOI_TEST_EIR_IMAP_URL: servers.mailbox.url.replace(/\/INBOX$/, '/EIR'), ...extra,
  });
}

const appendEir = (name: string, at = RECEIVED) => client.append('EIR', fixture(name), [], at);
const to = (received: ReceivedMail[], address: string) => received.filter((m) => m.envelope.to.includes(address));

async function withRuntime<T>(env: NodeJS.ProcessEnv, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openTestRuntime(servers.db, env);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

describe('several mailboxes', () => {
  it('run --once reads each mailbox with its own reference format, From, officers, folders, SMTP server and checkpoint', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
    await servers.mailbox.append(fixture('numbered-request.eml'), RECEIVED);
    await appendEir('eir-air-quality.eml');
    const report = await withRuntime(twoMailboxes(), (runtime) => runOnce(runtime));
    expect(report.mailboxes.default).toMatchObject({ opened: 2, held: 0 });
    expect(report.mailboxes.eir).toMatchObject({ opened: 1, held: 0 });
    expect(report.mailbox).toEqual(report.mailboxes.default);

    // Each format counts from 1 on its own.
    const all = await listCases(servers.db.db);
    expect(all.map((c) => [c.reference, c.mailbox]).sort()).toEqual([['EIR-2017-0001', 'eir'], ['FOI-2017-00001', 'default'], ['FOI-2017-00002', 'default']]);
    expect(all.every((c) => c.acknowledgedAt !== null)).toBe(true);

    // FOI mail through the main SMTP server, from the FOI address; EIR mail through its own, from its own.
    expect(servers.smtp.received).toHaveLength(4);
    expect(servers.smtp.received.every((m) => m.parsed.from?.value[0]?.address === 'foi@example.gov.uk')).toBe(true);
    expect(to(servers.smtp.received, 'officer@example.gov.uk').map((m) => m.parsed.subject?.slice(0, 16)).sort()).toEqual(['[FOI-2017-00001]', '[FOI-2017-00002]']);
    expect(eirSmtp.received).toHaveLength(2);
    const [eirAck] = to(eirSmtp.received, 'm.ellison@example.org');
    expect(eirAck!.parsed.from?.text).toBe('"EIR Team" <eir@example.gov.uk>');
    expect(eirAck!.parsed.subject).toMatch(/\[EIR-2017-0001\]$/);
    expect(eirAck!.parsed.text).toContain('Example Environment Agency');
    expect(to(eirSmtp.received, EIR_OFFICER)[0]!.parsed.subject).toMatch(/^\[EIR-2017-0001\]/);

    // Each mailbox moved its own mail to its own folder and keeps its own checkpoint.
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(2);
    expect(await servers.mailbox.subjectsIn('EIR')).toEqual([]);
    expect(await servers.mailbox.subjectsIn('EIR-Processed')).toEqual(['EIR request - nitrogen dioxide monitoring on Millbrook Road']);
    const checkpoints = await servers.db.db.select().from(mailboxState).orderBy(asc(mailboxState.mailbox));
    expect(checkpoints.map((c) => c.mailbox.replace(/^.*\//, ''))).toEqual(['EIR', 'INBOX']);
    expect(checkpoints.map((c) => c.lastUid > 0 && c.leaseHolder === null)).toEqual([true, true]);

    // A second run changes nothing; `cases list --mailbox` shows one mailbox's cases.
    const again = await withRuntime(twoMailboxes(), (runtime) => runOnce(runtime));
    expect(again.mailboxes).toMatchObject({ default: { opened: 0 }, eir: { opened: 0 } });
    const lines: string[] = [];
    await runCasesList(servers.db.db, true, (line) => lines.push(line), { mailbox: 'eir' });
    expect(lines.map((l) => JSON.parse(l) as { reference: string; mailbox: string })).toMatchObject([{ reference: 'EIR-2017-0001', mailbox: 'eir' }]);
  });

  it('files a reply that quotes a case of the other mailbox with that case', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
    const env = twoMailboxes();
    await withRuntime(env, (runtime) => runOnce(runtime));
    await actOnCase(createCaseStore(servers.db.db), 'FOI-2017-00001', { type: 'seek_clarification', date: '2017-05-31', cause: 'officer' },
      { now: new Date('2017-05-31T10:00:00Z'), notify: notifyDirectoryOf(loadConfig(env)), message: 'What do you mean by "security events"?' });
    // A fresh message (no In-Reply-To, no "Re:") to the EIR inbox that names the FOI case.
    const reply = [
      'From: Martin Greaves <martin.greaves@example.org>', 'To: EIR Team <eir@example.gov.uk>',
      'Subject: Clarification for FOI-2017-00001', 'Message-ID: <cross-mailbox-reply@mail.example.org>',
      'Date: Fri, 02 Jun 2017 10:00:00 +0100', 'Content-Type: text/plain; charset=utf-8', '',
      'By "security events" I mean incidents reported to the Information Commissioner.', '',
    ].join('\r\n');
    await client.append('EIR', Buffer.from(reply), [], new Date('2017-06-02T09:00:00Z'));
    const report = await withRuntime(env, (runtime) => runOnce(runtime));
    expect(report.mailboxes.eir).toMatchObject({ opened: 0, attached: 1, held: 0 });
    expect((await listCases(servers.db.db)).map((c) => c.reference)).toEqual(['FOI-2017-00001']);
    // The case is the FOI team's: the requester and its officers hear from the FOI address, through
    // the FOI mailbox's SMTP server, not from the inbox the reply happened to reach.
    const answers = await servers.db.db.select().from(outbox).where(inArray(outbox.purpose, ['clarification_acknowledgement', 'case_update'])).orderBy(asc(outbox.id));
    expect(answers.map((r) => r.purpose)).toEqual(['clarification_acknowledgement', 'case_update']);
    expect(answers.every((r) => r.fromAddress === '"FOI Team" <foi@example.gov.uk>')).toBe(true);
    expect(answers.filter((r) => r.purpose === 'case_update').map((r) => r.recipients.join())).toEqual(['"Casework Officer" <officer@example.gov.uk>']);
    expect(eirSmtp.received).toEqual([]);
  });

  it('officer commands, reminders, digests and delivery alerts use the settings of the case\'s mailbox', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
    await appendEir('eir-air-quality.eml');
    const env = twoMailboxes();
    await withRuntime(env, (runtime) => runOnce(runtime));
    // What the CLI's `reminders` and `case …` commands do: settings for every mailbox from the configuration.
    const notify = notifyDirectoryOf(loadConfig(env));
    const { db } = servers.db;

    // 20 June 2017 is five working days before both cases' due date (27 June).
    expect(await runReminderJobs(createReminderStore(db), notify, new Date('2017-06-20T07:00:00Z'))).toEqual({ reminders: 2, digest: true });
    await actOnCase(createCaseStore(db), 'EIR-2017-0001', { type: 'extend', extension: 'complex', reason: 'a large volume of monitoring data', cause: 'officer' },
      { now: new Date('2017-06-21T10:00:00Z'), notify });
    const queued = await db.select().from(outbox).where(inArray(outbox.purpose, ['reminder', 'digest', 'extension_notice', 'case_update'])).orderBy(asc(outbox.id));
    // Sorted: the reminder job takes cases in no particular order.
    const view = queued.map((r) => `${r.purpose} ${r.fromAddress} → ${r.recipients.join(',')}: ${r.subject.slice(0, 16)}`).sort();
    expect(view).toEqual([
      'case_update "EIR Team" <eir@example.gov.uk> → env-officer@example.gov.uk: [EIR-2017-0001] ',
      expect.stringMatching(/^digest "EIR Team" <eir@example.gov.uk> → env-officer@example.gov.uk/),
      expect.stringMatching(/^digest "FOI Team" <foi@example.gov.uk> → "Casework Officer" <officer@example.gov.uk>/),
      expect.stringMatching(/^extension_notice "EIR Team" <eir@example.gov.uk> → m\.ellison@example\.org: /),
      'reminder "EIR Team" <eir@example.gov.uk> → env-officer@example.gov.uk: [EIR-2017-0001] ',
      'reminder "FOI Team" <foi@example.gov.uk> → "Casework Officer" <officer@example.gov.uk>: [FOI-2017-00001]',
    ]);
    // Each mailbox's digest lists only its own cases (the main mailbox's is queued first).
    const digests = queued.filter((r) => r.purpose === 'digest');
    expect(digests[0]!.textBody).toContain('FOI-2017-00001');
    expect(digests[0]!.textBody).not.toContain('EIR-2017-0001');
    expect(digests[1]!.textBody).toContain('EIR-2017-0001');
    expect(digests[1]!.textBody).not.toContain('FOI-2017-00001');
    // A second run the same day queues nothing more, for either mailbox.
    expect(await runReminderJobs(createReminderStore(db), notify, new Date('2017-06-20T08:00:00Z'))).toEqual({ reminders: 0, digest: false });

    // Mail to the EIR requester fails for good: the EIR officers are told, from the EIR address.
    await appendEir('bulleted-request.eml');
    eirSmtp.rejectWith = 550;
    await withRuntime(env, (runtime) => runOnce(runtime));
    const alerts = await db.select().from(outbox).where(and(eq(outbox.purpose, 'case_update'), sql`${outbox.subject} like '%could not be delivered%'`)).orderBy(asc(outbox.id));
    expect(alerts.map((r) => r.subject).sort()).toEqual([
      '[EIR-2017-0001] extension notice could not be delivered', '[EIR-2017-0002] acknowledgement could not be delivered',
    ]);
    expect(alerts.every((r) => r.fromAddress === '"EIR Team" <eir@example.gov.uk>' && r.recipients.join() === EIR_OFFICER)).toBe(true);
  });

  it('the daemon serves both mailboxes at once, each under its own lease, and stops them all', async () => {
    const stop = new AbortController();
    const passes = new Set<string>();
    let firstPasses!: () => void;
    const bothPassed = new Promise<void>((resolve) => (firstPasses = resolve));
    const runtime = await openTestRuntime(servers.db, twoMailboxes({}, { FOI_LEASE_SECONDS: '5' }));
    const daemon = runDaemon(runtime, stop.signal, {
      pollCron: '*/2 * * * * *', reminderCron: '0 0 1 1 *',
      onPass: ({ mailbox }) => {
        passes.add(mailbox);
        if (passes.size === 2) firstPasses();
      },
    });
    try {
      await bothPassed;
      const leases = await servers.db.db.select().from(mailboxState);
      expect(leases).toHaveLength(2);
      expect(leases.every((l) => l.leaseHolder?.startsWith('daemon:'))).toBe(true);
      expect(new Set(leases.map((l) => l.leaseHolder)).size).toBe(2);
      // New mail in either mailbox is picked up while the daemon idles.
      await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
      await appendEir('eir-air-quality.eml');
      await servers.smtp.waitFor(2, 60_000);
      await eirSmtp.waitFor(2, 60_000);
    } finally {
      stop.abort();
      await daemon;
      await runtime.close();
    }
    expect((await listCases(servers.db.db)).map((c) => c.reference).sort()).toEqual(['EIR-2017-0001', 'FOI-2017-00001']);
    // Each mailbox's officers got its summary (and, at start-up, its own digest).
    const subjects = (received: ReceivedMail[], officer: string) => to(received, officer).map((m) => m.parsed.subject ?? '');
    expect(subjects(eirSmtp.received, EIR_OFFICER).filter((s) => s.startsWith('['))).toEqual([expect.stringMatching(/^\[EIR-2017-0001\] /)]);
    expect(subjects(servers.smtp.received, 'officer@example.gov.uk').filter((s) => s.startsWith('['))).toEqual([expect.stringMatching(/^\[FOI-2017-00001\] /)]);
    expect((await servers.db.db.select().from(mailboxState)).map((l) => l.leaseHolder)).toEqual([null, null]);
  });

  it('two instances at once share the mailboxes safely; mailboxes with one format share one sequence', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
    await servers.mailbox.append(fixture('numbered-request.eml'), RECEIVED);
    await appendEir('eir-air-quality.eml');
    await appendEir('bulleted-request.eml');
    // No referenceFormat: the EIR inbox inherits FOI-{year}-{seq:5} and counts with the FOI inbox.
    const env = twoMailboxes({ referenceFormat: undefined });
    const [a, b] = await Promise.all([openTestRuntime(servers.db, env), openTestRuntime(servers.db, env)]);
    try {
      await Promise.all([runOnce(a!), runOnce(b!)]);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
    const all = await listCases(servers.db.db);
    expect(all.map((c) => c.reference).sort()).toEqual(['FOI-2017-00001', 'FOI-2017-00002', 'FOI-2017-00003', 'FOI-2017-00004']);
    expect(all.filter((c) => c.mailbox === 'eir')).toHaveLength(2);
    // Each request acknowledged exactly once, by its own mailbox's server.
    expect(servers.smtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied')).toHaveLength(2);
    expect(eirSmtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied')).toHaveLength(2);
  });

  it('counters kept per year before formats were counted apart carry on where they stopped', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), RECEIVED);
    await withRuntime(testEnv(servers.mailbox.url, servers.smtp.url), (runtime) => runOnce(runtime));
    // As an installation upgraded from the year-only counter looks: case 41 made, counter at 41.
    const { db } = servers.db;
    await db.update(cases).set({ reference: 'FOI-2017-00041' });
    await db.delete(referenceCounters);
    await db.insert(referenceCounters).values({ format: '', year: 2017, lastValue: 41 });
    await servers.mailbox.append(fixture('numbered-request.eml'), RECEIVED);
    await appendEir('eir-air-quality.eml');
    await withRuntime(twoMailboxes(), (runtime) => runOnce(runtime));
    expect((await listCases(db)).map((c) => c.reference).sort()).toEqual(['EIR-2017-0001', 'FOI-2017-00041', 'FOI-2017-00042']);
  });
});

// The migration on a database made by the earlier ones (PGlite in both tiers: the same SQL runs on PostgreSQL).
describe('migration 0005', () => {
  it('keeps existing counters, digests and cases, and gives them the default mailbox', async () => {
    const { pg, run, close } = await migratedUpTo('0005');
    try {
      await pg.exec(`insert into reference_counters (year, last_value) values (2017, 41);
        insert into digests (day, sent_at) values ('2017-06-20', now());
        insert into cases (reference, kind, regime, status, received_at, received_date, subject, analysis)
          values ('FOI-2017-00041', 'foi', 'foi', 'received', now(), '2017-05-30', 'x', '{}');`);
      await run('0005');
      expect((await pg.query('select format, year, last_value from reference_counters')).rows).toEqual([{ format: '', year: 2017, last_value: 41 }]);
      expect((await pg.query('select mailbox from digests')).rows).toEqual([{ mailbox: 'default' }]);
      expect((await pg.query('select mailbox from cases')).rows).toEqual([{ mailbox: 'default' }]);
      // A digest per mailbox per day is now allowed; a counter per format per year.
      await pg.exec(`insert into digests (day, mailbox, sent_at) values ('2017-06-20', 'eir', now());
        insert into reference_counters (format, year, last_value) values ('EIR-{year}-{seq:4}', 2017, 1);`);
    } finally {
      await close();
    }
  });
});
