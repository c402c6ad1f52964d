// The spine end to end, over real connections: IMAP (in-process or Dovecot), SMTP (smtp-server)
// and the database (PGlite or PostgreSQL). Nothing here is mocked.
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/jobs/run-once.js';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { fixture, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const SEED_RECEIVED = new Date('2017-05-30T09:14:32Z');

const servers = useTestServers();

describe('run --once over a mailbox', () => {
  it('turns the seed request into one case, one acknowledgement and one officer summary, and moves it', async () => {
    await servers.mailbox.append(fixture('seed-it-security.eml'), SEED_RECEIVED);
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(runtime);
    await runtime.close();

    expect(report.mailbox?.opened).toBe(1);
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase).toMatchObject({ kind: 'foi', status: 'acknowledged', dueDate: '2017-06-27', receivedAt: SEED_RECEIVED.toISOString() });
    expect(foiCase!.reference).toMatch(/^FOI-2017-00001$/);
    expect(foiCase!.questions.map((q) => q.number)).toEqual(['1', '2', '3', '4']);
    expect(foiCase!.citesSection16).toBe(true);
    expect(foiCase!.acknowledgedAt).not.toBeNull();

    expect(servers.smtp.received).toHaveLength(2);
    const ack = servers.smtp.received.find((m) => m.envelope.to.includes('martin.greaves@example.org'))!;
    expect(ack.parsed.subject).toBe('Re: Freedom of Information Request - Details relating to IT security [FOI-2017-00001]');
    expect(ack.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.parsed.inReplyTo).toBe('<5c1e0b7a-93d4-4f1e-a0b2-2f6c8d41e907@mail.example.org>');
    expect(ack.parsed.references).toContain('<5c1e0b7a-93d4-4f1e-a0b2-2f6c8d41e907@mail.example.org>');
    expect(ack.parsed.text).toContain('27 June 2017');
    expect(ack.parsed.text).toContain('30 May 2017');
    expect(ack.parsed.text).toContain('FOI-2017-00001');
    expect(ack.parsed.text).toMatch(/1\. Have there been any security events/);
    expect(ack.parsed.text).toMatch(/4\. Could you please, if possible, confirm the specification/);
    expect(ack.parsed.text).toMatch(/advice and assistance/);

    const summary = servers.smtp.received.find((m) => m.envelope.to.includes('officer@example.gov.uk'))!;
    expect(summary.parsed.subject).toMatch(/^\[FOI-2017-00001\]/);
    expect(summary.parsed.text).toContain('Section 16');
    expect(summary.parsed.text).toContain('Public-interest argument');

    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(1);
  });

  it('changes nothing on a second run', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'));
    const first = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    await runOnce(first);
    await first.close();
    const second = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(second);
    await second.close();
    expect(report.mailbox).toMatchObject({ opened: 0, held: 0, duplicates: 0 });
    expect(report.delivery).toMatchObject({ sent: 0 });
    expect(await listCases(servers.db.db)).toHaveLength(1);
    expect(servers.smtp.received).toHaveLength(2);
  });

  it('holds an unparsable message, tells officers, and goes on with the next one', async () => {
    await servers.mailbox.append(fixture('unparsable.eml'));
    await servers.mailbox.append(fixture('bulleted-request.eml'));
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(runtime);
    await runtime.close();
    expect(report.mailbox).toMatchObject({ opened: 1, held: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(1);
    expect(await servers.mailbox.subjectsIn('Held')).toHaveLength(1);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(1);
    const notice = servers.smtp.received.find((m) => m.parsed.subject?.startsWith('[HELD]'));
    expect(notice).toBeDefined();
  });

  it('reads the questions from a PDF when the body says the request is attached', async () => {
    await servers.mailbox.append(fixture('with-pdf-attachment.eml'));
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    await runOnce(runtime);
    await runtime.close();
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.questions.map((q) => q.number)).toEqual(['1', '2', '3']);
    expect(foiCase!.questions[0]!.text).toMatch(/council tax liability orders/);
  });

  it('holds automated mail without a case or a reply', async () => {
    await servers.mailbox.append(fixture('out-of-office.eml'));
    await servers.mailbox.append(fixture('bounce-dsn.eml'));
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(runtime);
    await runtime.close();
    expect(report.mailbox).toMatchObject({ opened: 0, held: 2 });
    expect(await listCases(servers.db.db)).toHaveLength(0);
    expect(servers.smtp.received).toHaveLength(0);
    expect(await servers.mailbox.subjectsIn('Held')).toHaveLength(2);
  });
});
