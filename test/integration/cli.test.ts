// The `foi-intake` command as operators run it (a child process), against real servers: the
// acceptance path `migrate && run --once`, `cases list --json`, configuration errors, SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { cliEnv, freePort, jsonLines, runCli, watchDaemon } from '../harness/cli.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS, fixture } from '../harness/test-runtime.js';

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;

/** PostgreSQL (DATABASE_URL set) gets a fresh database; PGlite gets a fresh folder for the child. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (!process.env.DATABASE_URL) return { FOI_DATA_DIR: dataDir };
  db = await createTestDatabase();
  return { DATABASE_URL: db.url! };
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-cli-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink()]);
});

afterEach(async () => {
  await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
  db = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function mailEnv(extra: Record<string, string>) {
  return cliEnv({ FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_AUTHORITY_NAME: 'Office of the Example Commissioner', ...extra });
}

describe('foi-intake command', () => {
  it('migrate && run --once: one case per request, one acknowledgement and one summary each; a second run does nothing', async () => {
    await mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    await mailbox.append(fixture('numbered-request.eml'));
    await mailbox.append(fixture('html-only-outlook.eml'));
    const env = mailEnv(await databaseEnv());

    expect((await runCli(['migrate'], env)).code).toBe(0);
    const first = await runCli(['run', '--once'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(smtp.received).toHaveLength(6);

    const listed = jsonLines((await runCli(['cases', 'list', '--json'], env)).stdout);
    expect(listed).toHaveLength(3);
    const seed = listed.find((c) => String(c.subject).includes('IT security'))!;
    expect(seed).toMatchObject({ kind: 'foi', dueDate: '2017-06-27', citesSection16: true, publicInterestArgument: true });
    // Flags by their stable codes (DESIGN.md, contract details); their words in flagDetails.
    expect(seed.flags).toEqual(expect.arrayContaining(['s16', 'public_interest']));
    expect(seed.flagDetails).toEqual(expect.arrayContaining([{ code: 's16', text: expect.stringMatching(/^Section 16 \(advice and assistance\) invoked/) }]));
    expect(seed.acknowledgedAt).toEqual(expect.any(String));
    expect(seed.messageIds).toContain('<5c1e0b7a-93d4-4f1e-a0b2-2f6c8d41e907@mail.example.org>');
    const seedAck = smtp.received.find((m) => m.parsed.subject === `Re: Freedom of Information Request - Details relating to IT security [${seed.reference}]`)!;
    expect(seedAck.parsed.text).toContain('27 June 2017');
    for (const n of ['1', '2', '3', '4']) expect(seedAck.parsed.text).toMatch(new RegExp(`^${n}\\. `, 'm'));

    const second = await runCli(['run', '--once'], env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ mailbox: { opened: 0 }, delivery: { sent: 0 } });
    expect(smtp.received).toHaveLength(6);
    expect(await mailbox.subjectsIn('Processed')).toHaveLength(3);
  });

  it('case and holidays commands print the new state and due date', async () => {
    await mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    const env = mailEnv(await databaseEnv());
    expect((await runCli(['run', '--once'], env)).code).toBe(0);

    // The requester must hear of a public interest extension by the statutory date (FOIA s.17(2)): a 2017 case extended today says when.
    const extended = await runCli(['case', 'extend', 'FOI-2017-00001', '--pit', '--reason', 'Section 31 public interest test', '--notice-given', '2017-06-20'], env);
    expect(extended.stderr).toBe('');
    // 40th working day from day one (Wed 31 May 2017): Wed 26 July 2017 (12 July is a holiday in Northern Ireland).
    expect(JSON.parse(extended.stdout)).toMatchObject({ reference: 'FOI-2017-00001', status: 'extended', dueDate: '2017-07-26', queued: ['extension_notice', 'case_update'] });

    const holiday = await runCli(['holidays', 'add', '2017-07-03', '--jurisdiction', 'united-kingdom', '--reason', 'Proclamation (test)'], env);
    expect(JSON.parse(holiday.stdout)).toMatchObject({ recomputed: [{ reference: 'FOI-2017-00001', oldDueDate: '2017-07-26', newDueDate: '2017-07-27' }] });

    const shown = JSON.parse((await runCli(['case', 'show', 'FOI-2017-00001', '--json'], env)).stdout) as { status: string; dueDate: string; events: { event: string }[] };
    expect(shown).toMatchObject({ status: 'extended', dueDate: '2017-07-27' });
    expect(shown.events.map((e) => e.event)).toEqual(expect.arrayContaining(['case_opened', 'acknowledged', 'deadline_extended', 'deadline_recomputed']));

    const refused = await runCli(['case', 'extend', 'FOI-2017-00001', '--complex', '--reason', 'x'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^foi-intake: FOI-2017-00001: /);
  });

  it('stops with one line naming a missing or malformed variable, without echoing secrets', async () => {
    const missing = await runCli(['run', '--once'], cliEnv({ FOI_DATA_DIR: dataDir }));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/FOI_IMAP_URL/);

    const insecure = await runCli(['run', '--once'], mailEnv({ FOI_DATA_DIR: dataDir, FOI_IMAP_URL: 'imap://clerk:hunter2@mail.example.org/INBOX' }));
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/FOI_IMAP_URL: plain-text IMAP to a non-loopback host is refused/);
    expect(insecure.stderr).not.toContain('hunter2');

    const badJurisdiction = await runCli(['run', '--once'], mailEnv({ FOI_DATA_DIR: dataDir, FOI_JURISDICTION: 'wales' }));
    expect(badJurisdiction.code).toBe(2);
    expect(badJurisdiction.stderr).toMatch(/^foi-intake: FOI_JURISDICTION: /);
  });

  it('run (daemon) picks up new mail while idling and exits 0 on SIGTERM', async () => {
    // A yearly poll: only IDLE can bring the new message in within the test's time.
    const env = { ...mailEnv(await databaseEnv()), FOI_LOG_LEVEL: 'info', FOI_POLL_CRON: '0 0 1 1 *' };
    // The daemon logs pino JSON to stdout, where a container's log collector reads it.
    const daemon = watchDaemon(env);
    await daemon.waitForLog('mailbox pass done');
    await mailbox.append(fixture('bulleted-request.eml'));
    await smtp.waitFor(2, 30_000);
    expect(await daemon.stop()).toBe(0);
    const lines = daemon.logs().trim().split('\n').map((line) => JSON.parse(line) as { service: string; level: number; msg: string });
    expect(lines.every((line) => line.service === 'foi-intake')).toBe(true);
    expect(lines.map((line) => line.msg)).toContain('message committed');
    // No trusted authserv-id here: the operator is told that forged senders would be acknowledged.
    expect(lines.some((line) => line.level === 40 && line.msg.startsWith('sender authentication is off'))).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(daemon.stderr()).toBe('');
    expect(await mailbox.subjectsIn('Processed')).toHaveLength(1);
  });

  it('the daemon serves /healthz and /metrics when FOI_HEALTH_PORT is set', async () => {
    const port = await freePort();
    const env = { ...mailEnv(await databaseEnv()), FOI_LOG_LEVEL: 'info', FOI_HEALTH_PORT: String(port) };
    await mailbox.append(fixture('numbered-request.eml'));
    const daemon = watchDaemon(env);
    await daemon.waitForLog('mailbox pass done');
    await smtp.waitFor(2, 30_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', mailbox: 'connected' });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
    expect(metrics).toMatch(/foi_messages_processed_total\{mailbox="default",outcome="opened_case"\} 1/);
    expect(await daemon.stop()).toBe(0);
  });

  it('export gives everything held about a case; purge anonymises finished cases past retention', async () => {
    await mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    const env = mailEnv(await databaseEnv());
    expect((await runCli(['run', '--once'], env)).code).toBe(0);
    const exported = JSON.parse((await runCli(['export', 'FOI-2017-00001'], env)).stdout) as { inboundMessages: { parsed: { from: unknown } }[]; outgoingMessages: unknown[] };
    expect(exported.inboundMessages[0]!.parsed.from).toBeTruthy();
    expect(exported.outgoingMessages.length).toBeGreaterThanOrEqual(2);
    expect((await runCli(['case', 'close', 'FOI-2017-00001', '--reason', 'answered'], env)).code).toBe(0);
    const purged = JSON.parse((await runCli(['purge', '--before', '2999-01-01'], env)).stdout) as { cases: number };
    expect(purged.cases).toBe(1);
    const after = JSON.parse((await runCli(['cases', 'list', '--json'], env)).stdout) as { requester: { address: string | null }; subject: string };
    expect(after.requester.address).toBeNull();
    expect(after.subject).toBe('[redacted]');
  });

  it('analyse --json prints the contract fields for each file without a database or mailbox', async () => {
    const file = join(dataDir, 'seed.eml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, fixture('seed-it-security.eml'));
    const result = await runCli(['analyse', '--json', file, '-'], cliEnv({}), fixture('numbered-request.eml').toString());
    expect(result.code).toBe(0);
    const [seed, piped] = jsonLines(result.stdout);
    expect(seed).toMatchObject({
      file, kind: 'foi', citesSection16: true, publicInterestArgument: true,
      from: { name: 'Martin Greaves', address: 'martin.greaves@example.org' },
      validity: { valid: true, missing: [] },
    });
    expect((seed!.questions as { number: string }[]).map((q) => q.number)).toEqual(['1', '2', '3', '4']);
    expect(piped).toMatchObject({ file: '-' });
  });
});
