// Two daemons (real child processes, as on two hosts) against one PostgreSQL, sharing three
// mailboxes: each mailbox is read by exactly one of them at a time (its lease), and when one is
// SIGKILLed the other takes its mailboxes over once their leases lapse. At the end every message
// is exactly one case with one acknowledgement. PostgreSQL only: PGlite is one process's database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, mailboxState, outbox } from '../../src/adapters/db/schema.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { CLI, cliEnv } from '../harness/cli.js';
import { acknowledgementIds } from '../harness/end-state.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS } from '../harness/test-runtime.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const FOLDERS = ['INBOX', 'Second', 'Third'] as const;
const BEFORE_KILL = 12;
const AFTER_KILL = 8;

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  if (!onPostgres) return;
  dir = mkdtempSync(join(tmpdir(), 'foi-instances-'));
  [mailbox, smtp, db] = await Promise.all([startTestMailbox(), startSmtpSink({ parse: false }), createTestDatabase()]);
  const client = await mailbox.client();
  for (const folder of FOLDERS.slice(1)) await client.mailboxCreate(folder);
  await client.logout();
  const file = join(dir, 'mailboxes.json');
  writeFileSync(file, JSON.stringify({
    mailboxes: FOLDERS.slice(1).map((folder, k) => ({
      name: folder.toLowerCase(), imapUrlEnv: `FOI_TEST_${folder.toUpperCase()}_IMAP_URL`, smtpUrl: smtp.url, from: FOI_FROM, officers: OFFICERS,
      referenceFormat: `${['EIR', 'SAR'][k]}-{year}-{seq:4}`, processedFolder: `${folder}-Processed`, heldFolder: `${folder}-Held`,
    })),
  }));
  env = cliEnv({
    DATABASE_URL: db.url!, FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_MAILBOXES_FILE: file,
    FOI_TEST_SECOND_IMAP_URL: mailbox.url.replace(/\/INBOX$/, '/Second'), FOI_TEST_THIRD_IMAP_URL: mailbox.url.replace(/\/INBOX$/, '/Third'),
    FOI_LEASE_SECONDS: '2', FOI_POLL_CRON: '*/2 * * * * *', FOI_ACKNOWLEDGE_SINCE: 'all', FOI_LOG_LEVEL: 'error',
  });
});

afterEach(async () => {
  if (!onPostgres) return;
  await Promise.all([mailbox.close(), smtp.close(), db.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

let appended = 0;
const random = seededRandom(15);
async function append(count: number): Promise<void> {
  const client = await mailbox.client();
  try {
    for (let i = 0; i < count; i++) {
      for (const folder of FOLDERS) {
        await client.append(folder, syntheticRequest(appended, random, new Date()), [], new Date());
        appended += 1;
      }
    }
  } finally {
    await client.logout();
  }
}

function startInstance(): { child: ChildProcess; exited: Promise<unknown> } {
  const child = spawn(process.execPath, [CLI, 'run'], { env, stdio: 'ignore' });
  return { child, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

/** Which process holds each mailbox's live lease (the holder names the pid). */
async function leaseHolders(): Promise<Map<string, number | null>> {
  const rows = await db.db.select({ mailbox: mailboxState.mailbox, holder: mailboxState.leaseHolder, live: sql<boolean>`${mailboxState.leaseUntil} > now()` }).from(mailboxState);
  return new Map(rows.map((r) => [r.mailbox, r.live && r.holder ? Number(r.holder.split(':')[2]) : null]));
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const allHeldBy = (pids: readonly number[]) => async () => {
  const holders = await leaseHolders();
  return holders.size === FOLDERS.length && [...holders.values()].every((p) => p !== null && pids.includes(p)) ? holders : null;
};

describe.skipIf(!onPostgres)('several instances against one PostgreSQL', () => {
  it('serves each mailbox from one instance, fails over after a SIGKILL, and makes every message one case with one acknowledgement', async () => {
    await append(BEFORE_KILL);
    const first = startInstance();
    const second = startInstance();
    const instances = [first, second];
    try {
      const pids = instances.map((i) => i.child.pid!);
      const holders = await until('every mailbox leased', allHeldBy(pids));
      // One holder per mailbox (a row each); the killed one is one that holds at least one mailbox.
      const victim = instances.find((i) => [...holders.values()].includes(i.child.pid!))!;
      const survivor = instances.find((i) => i !== victim)!;
      await until('the first mail filed', async () => ((await db.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n > 0 ? true : null));
      victim.child.kill('SIGKILL');
      await victim.exited;
      await append(AFTER_KILL);
      // The killed instance renews nothing: within a lease length its mailboxes pass to the survivor.
      await until('the survivor holding every mailbox', allHeldBy([survivor.child.pid!]));
      const expected = appended;
      await until('every message filed and every mail sent', async () => {
        const [{ n }] = await db.db.select({ n: sql<number>`count(*)::int` }).from(cases) as [{ n: number }];
        const [{ q }] = await db.db.select({ q: sql<number>`count(*)::int` }).from(outbox).where(sql`${outbox.status} <> 'sent'`) as [{ q: number }];
        return n >= expected && q === 0 ? true : null;
      });
      const all = await db.db.select({ subject: cases.subject, reference: cases.reference }).from(cases);
      expect(all).toHaveLength(expected);
      expect(new Set(all.map((c) => c.subject)).size).toBe(expected);
      const acks = await db.db.select({ caseId: outbox.caseId }).from(outbox).where(sql`${outbox.purpose} = 'acknowledgement'`);
      expect(acks).toHaveLength(expected);
      expect(new Set(acks.map((a) => a.caseId)).size).toBe(expected);
      // Accepted twice is allowed (the very same message, after a kill between acceptance and record); two different ones are not.
      const ackIds = [...acknowledgementIds(smtp.received.map((m) => m.raw))];
      expect(ackIds).toHaveLength(expected);
      expect(new Set(ackIds.map((id) => /acknowledgement\.([A-Z]+-\d{4}-\d+)\./.exec(id)?.[1])).size).toBe(expected);
      for (const folder of FOLDERS) expect(await mailbox.subjectsIn(folder)).toEqual([]);
    } finally {
      for (const instance of instances) instance.child.kill('SIGKILL');
      await Promise.all(instances.map((i) => i.exited));
    }
  }, 240_000);
});
