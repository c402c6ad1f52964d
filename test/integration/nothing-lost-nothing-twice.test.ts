// Crash and outage behaviour over real servers: every message ends as exactly one case and at
// most one acknowledgement, whatever fails and whenever.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { cases, mailboxState, outbox } from '../../src/adapters/db/schema.js';
import { runOnce } from '../../src/jobs/run-once.js';
import type { RuntimeOverrides } from '../../src/runtime.js';
import { fixture, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();

async function runWith(env: NodeJS.ProcessEnv, overrides: RuntimeOverrides = {}) {
  const runtime = await openTestRuntime(servers.db, env, overrides);
  try {
    return await runOnce(runtime);
  } finally {
    await runtime.close();
  }
}

/** The process "dies" right after the commit: the MOVE never happens. */
const crashBeforeMove: RuntimeOverrides = {
  mailboxes: {
    default: {
      session: (session) => ({
        get uidValidity() { return session.uidValidity; },
        get closed() { return session.closed; },
        listUids: (from, to) => session.listUids(from, to),
        fetchMessages: (uids) => session.fetchMessages(uids),
        moveMessages: async () => {
          throw new Error('simulated crash between commit and move');
        },
        newMailMark: () => session.newMailMark(),
        waitForNewMail: (signal, since) => session.waitForNewMail(signal, since),
        close: () => session.close(),
      }),
    },
  },
};

describe('nothing lost, nothing twice', () => {
  it('a crash between commit and move leaves no duplicate: the restart only finishes the move', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'));
    await expect(runWith(testEnv(servers.mailbox.url, servers.smtp.url), crashBeforeMove)).rejects.toThrow(/simulated crash/);
    expect(await listCases(servers.db.db)).toHaveLength(1);
    expect(await servers.mailbox.subjectsIn('INBOX')).toHaveLength(1);

    const report = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(report.mailbox).toMatchObject({ opened: 0, alreadyRecorded: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(1);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(1);
    expect(servers.smtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied')).toHaveLength(1);
  });

  it('SMTP down: the case is committed and the acknowledgement goes out on a later run', async () => {
    await servers.mailbox.append(fixture('bulleted-request.eml'));
    const closedPort = 'smtp://127.0.0.1:9'; // discard port: nothing listens there
    const first = await runWith(testEnv(servers.mailbox.url, closedPort));
    expect(first.delivery).toMatchObject({ sent: 0, failed: 0 });
    expect(first.outboxQueued).toBe(2);
    const [pending] = await listCases(servers.db.db);
    expect(pending).toMatchObject({ status: 'received', acknowledgedAt: null });
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(1);

    const second = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(second.delivery).toMatchObject({ sent: 2 });
    const [done] = await listCases(servers.db.db);
    expect(done).toMatchObject({ status: 'acknowledged' });
    expect(done!.acknowledgedAt).not.toBeNull();
    expect(servers.smtp.received).toHaveLength(2);
  });

  it('FOI_DRY_RUN writes the outbox but sends nothing; a later run without it sends', async () => {
    await servers.mailbox.append(fixture('bulleted-request.eml'));
    const dry = await runWith(testEnv(servers.mailbox.url, servers.smtp.url, { FOI_DRY_RUN: '1' }));
    expect(dry).toMatchObject({ delivery: null, outboxQueued: 2 });
    expect(servers.smtp.received).toHaveLength(0);
    const live = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(live.delivery).toMatchObject({ sent: 2 });
  });

  it('a permanent rejection is recorded and flagged for officers, not retried for ever', async () => {
    await servers.mailbox.append(fixture('single-paragraph.eml'));
    servers.smtp.rejectWith = 550;
    await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    const rows = await servers.db.db.select().from(outbox);
    // The acknowledgement and the summary failed for good; officers were then sent an alert (here refused too).
    expect(rows.map((r) => [r.purpose, r.status]).sort()).toEqual([['acknowledgement', 'failed'], ['case_update', 'failed'], ['officer_summary', 'failed']]);
    expect(rows.find((r) => r.purpose === 'case_update')!.subject).toMatch(/acknowledgement could not be delivered/);
    const [flagged] = await listCases(servers.db.db);
    expect(flagged!.flags).toContain('undeliverable');
    expect(flagged!.flagDetails.map((f) => f.text).join(' ')).toMatch(/acknowledgement could not be delivered/);
    expect(flagged!.acknowledgedAt).toBeNull();
  });

  it('a message that reappears in the inbox (new UID, same Message-ID) opens no second case', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'));
    await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    await servers.mailbox.append(fixture('numbered-request.eml'));
    const report = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(report.mailbox).toMatchObject({ opened: 0, duplicates: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(1);
    expect(servers.smtp.received).toHaveLength(2);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(2);
  });

  it('without a Message-ID, the content hash keeps a reappearing message from opening a second case', async () => {
    await servers.mailbox.append(fixture('no-message-id.eml'));
    await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    await servers.mailbox.append(fixture('no-message-id.eml'));
    const report = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(report.mailbox).toMatchObject({ opened: 0, duplicates: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(1);
  });

  it('a changed UIDVALIDITY resets the checkpoint without creating second cases', async () => {
    await servers.mailbox.append(fixture('numbered-request.eml'));
    await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    // The server rebuilt its index: a new UIDVALIDITY, and the old mail back in the inbox.
    await servers.db.db.update(mailboxState).set({ uidValidity: 424242, lastUid: 999 });
    await servers.mailbox.append(fixture('numbered-request.eml'));
    await servers.mailbox.append(fixture('bulleted-request.eml'));
    const report = await runWith(testEnv(servers.mailbox.url, servers.smtp.url));
    expect(report.mailbox).toMatchObject({ checkpointReset: true, opened: 1, duplicates: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(2);
  });

  it('two daemons on one database and mailbox make each message exactly one case with a unique reference', async () => {
    const files = ['numbered-request.eml', 'bulleted-request.eml', 'single-paragraph.eml', 'html-only-outlook.eml', 'iso-8859-1.eml', 'windows-1252.eml', 'lettered-subitems.eml', 'no-message-id.eml'];
    for (const f of files) await servers.mailbox.append(fixture(f));
    const [a, b] = await Promise.allSettled([runWith(testEnv(servers.mailbox.url, servers.smtp.url)), runWith(testEnv(servers.mailbox.url, servers.smtp.url))]);
    expect(a.status === 'fulfilled' || b.status === 'fulfilled').toBe(true);
    await runWith(testEnv(servers.mailbox.url, servers.smtp.url)); // whatever one of them left unmoved
    const all = await listCases(servers.db.db);
    expect(all).toHaveLength(files.length);
    expect(new Set(all.map((c) => c.reference)).size).toBe(files.length);
    const [{ n }] = (await servers.db.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.purpose, 'acknowledgement'))) as [{ n: number }];
    expect(n).toBe(files.length);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
    const refs = (await servers.db.db.select({ r: cases.reference }).from(cases)).map((r) => Number(r.r.slice(-5))).sort((x, y) => x - y);
    // The counter row is updated inside each case's transaction, so references have no gaps either.
    expect(refs).toEqual(files.map((_, i) => i + 1));
  });
});
