// A process killed from outside while it files a batch (after every message was prepared, before the
// commit) is not the messages' doing: however often it happens, no request is held as poison for it.
// Only a preparation that never finished counts towards FOI_MAX_PREPARE_ATTEMPTS (poison-and-oversize
// shows that side: a message that kills the process while it is read is held after three runs).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { cases, inboundMessages } from '../../src/adapters/db/schema.js';
import type { SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { runCli } from '../harness/cli.js';
import { startChildProcessTier, type ChildProcessTier } from '../harness/child-process-tier.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';

const KILLS = 4;

let tier: ChildProcessTier;
let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  tier = await startChildProcessTier({ prefix: 'foi-filing-crash', parseMail: false, env: { FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error' } });
  ({ mailbox, smtp, db, dataDir, env } = tier);
});

afterEach(async () => {
  await tier.close();
  db = null;
});

it(`${KILLS} kills while a batch is filed hold no request: every message becomes a case`, async () => {
  const random = seededRandom(5);
  for (let i = 0; i < 3; i++) await mailbox.append(syntheticRequest(i, random, new Date(Date.UTC(2026, 10, 2) + i * 60_000)));
  for (let k = 0; k < KILLS; k++) {
    const killed = await runCli(['run', '--once'], { ...env, FOI_FAULT_INJECTION: 'before-commit' });
    expect(killed.code, killed.stderr).toBe(null); // killed by its own SIGKILL before the commit
    // The killed run's lease lapses before the next run may take the mailbox.
    await new Promise((r) => setTimeout(r, 2_500));
  }
  const clean = await runCli(['run', '--once'], env);
  expect(clean.code, clean.stderr).toBe(0);

  const database = db ?? (await openDatabase({ databaseUrl: null, dataDir }));
  try {
    expect(await database.db.select({ id: cases.id }).from(cases)).toHaveLength(3);
    const inbound = await database.db.select({ disposition: inboundMessages.disposition }).from(inboundMessages);
    expect(inbound.map((m) => m.disposition)).toEqual(['opened_case', 'opened_case', 'opened_case']);
  } finally {
    if (!db) await database.close();
  }
  expect(await mailbox.subjectsIn('Held')).toEqual([]);
  expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
}, 180_000);
