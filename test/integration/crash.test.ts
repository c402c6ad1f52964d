// Crash tests: the daemon, a real child process, is SIGKILLed at random moments over a backlog
// and at the two moments that matter most (after the commit, before the MOVE; after the SMTP
// server accepted a message, before the outbox records it), then restarted. At the end every
// message is exactly one case, no case has two different acknowledgements, the inbox is empty.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';
import { cases, outbox } from '../../src/adapters/db/schema.js';
import type { SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { CLI, runCli } from '../harness/cli.js';
import { startChildProcessTier, type ChildProcessTier } from '../harness/child-process-tier.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
// Each restart of an embedded (PGlite) daemon costs seconds, so that tier runs fewer.
const BACKLOG = onPostgres ? 300 : 60;
const KILLS = onPostgres ? 20 : 6;

let tier: ChildProcessTier;
let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  tier = await startChildProcessTier({ prefix: 'foi-crash', parseMail: false, env: { FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error', FOI_POLL_CRON: '*/2 * * * * *' } });
  ({ mailbox, smtp, db, dataDir, env } = tier);
});

afterEach(async () => {
  await tier.close();
  db = null;
});

async function seed(count: number): Promise<void> {
  const random = seededRandom(7);
  for (let i = 0; i < count; i++) await mailbox.append(syntheticRequest(i, random, new Date(Date.UTC(2026, 2, 2) + i * 60_000)));
}

function startDaemon(extra: Record<string, string> = {}): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, 'run'], { env: { ...env, ...extra }, stdio: 'ignore' });
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** The end state every crash must leave: judged on the database, the mailbox and what SMTP accepted. */
async function assertNothingLostNothingTwice(expected: number): Promise<void> {
  // Outbox rows claimed by the killed process return to the queue after two lease lengths.
  await new Promise((r) => setTimeout(r, 4_500));
  const result = await runCli(['run', '--once'], env); // finish whatever the last kill left
  expect(result.code).toBe(0);
  const database: Database = db ?? (await openDatabase({ databaseUrl: null, dataDir }));
  try {
    const all = await database.db.select({ id: cases.id, subject: cases.subject }).from(cases);
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((c) => c.subject)).size).toBe(expected);
    const acks = await database.db.select({ caseId: outbox.caseId, messageId: outbox.messageId, status: outbox.status }).from(outbox);
    const perCase = new Map<number, string[]>();
    for (const a of acks.filter((r) => r.messageId.includes('.acknowledgement.'))) perCase.set(a.caseId!, [...(perCase.get(a.caseId!) ?? []), a.messageId]);
    expect([...perCase.values()].every((ids) => ids.length === 1)).toBe(true);
    expect(acks.every((r) => r.status === 'sent')).toBe(true);
  } finally {
    if (!db) await database.close();
  }
  // What the SMTP server accepted: every acknowledgement at least once, and never two different ones for a case.
  const accepted = smtp.received.map((m) => m.raw.toString('latin1'));
  const ackIds = new Set(accepted.map((raw) => /^Message-ID:\s*(<foi-intake\.acknowledgement\.[^>]+>)/im.exec(raw)?.[1]).filter(Boolean));
  expect(ackIds.size).toBe(expected);
  const references = [...ackIds].map((id) => /acknowledgement\.([A-Z]+-\d{4}-\d+)\./.exec(id!)?.[1]);
  expect(new Set(references).size).toBe(expected);
  expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments over a ${BACKLOG}-message backlog`, async () => {
    await seed(BACKLOG);
    const random = seededRandom(99);
    for (let k = 0; k < KILLS; k++) {
      const { child, exited } = startDaemon();
      await new Promise((r) => setTimeout(r, (onPostgres ? 300 : 2500) + random.next() * 1500));
      child.kill('SIGKILL');
      await exited;
    }
    await assertNothingLostNothingTwice(BACKLOG);
  }, 600_000);

  it.each(['after-commit-before-move', 'after-smtp-accept-before-record'])('survives a kill %s', async (point) => {
    await seed(5);
    // Twice: the second run meets the first one's half-finished work (and the lease it left).
    for (let run = 0; run < 2; run++) {
      const { exited } = startDaemon({ FOI_FAULT_INJECTION: point, FOI_FAULT_INJECTION_AFTER: '1' });
      expect(await exited).toBe(null); // killed by its own SIGKILL at the crash point
    }
    await assertNothingLostNothingTwice(5);
  }, 180_000);
});
