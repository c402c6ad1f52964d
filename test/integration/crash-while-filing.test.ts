// A process killed from outside while it files a batch (after every message was prepared, before the
// commit) is not the messages' doing: however often it happens, no request is held as poison for it.
// Only a preparation that never finished counts towards FOI_MAX_PREPARE_ATTEMPTS (poison-and-oversize
// shows that side: a message that kills the process while it is read is held after three runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { cases, inboundMessages } from '../../src/adapters/db/schema.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { cliEnv, runCli } from '../harness/cli.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS } from '../harness/test-runtime.js';

const KILLS = 4;

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-filing-crash-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink({ parse: false })]);
  if (process.env.DATABASE_URL) db = await createTestDatabase();
  env = cliEnv({
    ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }),
    FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error',
  });
});

afterEach(async () => {
  await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
  db = null;
  rmSync(dataDir, { recursive: true, force: true });
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
