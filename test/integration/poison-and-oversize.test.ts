// Mail that cannot be taken in never stops intake: a message whose filing fails its batch's
// transaction is held on its own (the rest of the batch gets its cases, `run --once` exits 0 and
// stays at 0); a message that crashes the process while it is read is held after
// FOI_MAX_PREPARE_ATTEMPTS runs (the count survives the crash); a message over FOI_MAX_MESSAGE_BYTES
// is held by its IMAP size. Each time the raw is kept (where it was downloaded), the reason is
// recorded under its code, the message is moved to Held and officers are told.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { cases, inboundMessages, prepareAttempts } from '../../src/adapters/db/schema.js';
import type { SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { runCli, watchDaemon } from '../harness/cli.js';
import { startChildProcessTier, type ChildProcessTier } from '../harness/child-process-tier.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';
import { OFFICERS } from '../harness/test-runtime.js';

const MARKER = 'POISON-MARKER-4471';
const OFFICER_ADDRESS = OFFICERS.replace(/^.*<|>$/g, '');

let tier: ChildProcessTier;
let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  tier = await startChildProcessTier({ prefix: 'foi-poison', env: { FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error' } });
  ({ mailbox, smtp, db, dataDir, env } = tier);
});

afterEach(async () => {
  await tier.close();
  db = null;
});

/** Requests with the given indexes; `marked` ones carry the marker the fault injection looks for. */
async function seed(count: number, marked: readonly number[]): Promise<void> {
  const random = seededRandom(11);
  for (let i = 0; i < count; i++) {
    const raw = syntheticRequest(i, random, new Date(Date.UTC(2026, 10, 2) + i * 60_000)).toString('latin1');
    await mailbox.append(marked.includes(i) ? raw.replace(/\r\n\r\n/, `\r\nX-Test: ${MARKER}\r\n\r\n`) : raw);
  }
}

interface EndState {
  caseCount: number;
  inbound: { parseOutcome: string; disposition: string; error: string | null; hasRaw: boolean; sizeBytes: number; movedAt: Date | null }[];
  attemptRows: number;
}

async function endState(): Promise<EndState> {
  const database = db ?? (await openDatabase({ databaseUrl: null, dataDir }));
  try {
    const all = await database.db.select({ id: cases.id }).from(cases);
    const inbound = await database.db.select({
      parseOutcome: inboundMessages.parseOutcome, disposition: inboundMessages.disposition, error: inboundMessages.error,
      raw: inboundMessages.raw, sizeBytes: inboundMessages.sizeBytes, movedAt: inboundMessages.movedAt,
    }).from(inboundMessages).orderBy(inboundMessages.uid);
    const attempts = await database.db.select({ uid: prepareAttempts.uid }).from(prepareAttempts);
    return {
      caseCount: all.length,
      inbound: inbound.map(({ raw, ...row }) => ({ ...row, hasRaw: raw !== null && raw.length > 0 })),
      attemptRows: attempts.length,
    };
  } finally {
    if (!db) await database.close();
  }
}

const heldNotices = () => smtp.received.filter((m) => m.envelope.to.includes(OFFICER_ADDRESS) && /^\[HELD\]/.test(m.parsed.subject ?? ''));

describe('poison and oversize mail', () => {
  it('holds the one message whose filing fails its batch, files the rest, and exits 0 on every run', async () => {
    await seed(5, [2]);
    const faulty = { ...env, FOI_FAULT_INJECTION: 'filing-message', FOI_FAULT_INJECTION_MARKER: MARKER };
    const first = await runCli(['run', '--once'], faulty);
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['run', '--once'], faulty);
    expect(second.code, second.stderr).toBe(0);

    const state = await endState();
    expect(state.caseCount).toBe(4);
    const held = state.inbound.filter((m) => m.disposition === 'held');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ parseOutcome: 'held_poison', hasRaw: true });
    expect(held[0]!.error).toMatch(/^held_poison: the message could not be stored .*injected failure/);
    expect(held[0]!.movedAt).not.toBeNull();
    expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await mailbox.subjectsIn('Held')).toHaveLength(1);
    expect(await mailbox.subjectsIn('Processed')).toHaveLength(4);
    expect(heldNotices()).toHaveLength(1);
    expect(heldNotices()[0]!.parsed.text).toMatch(/held_poison/);
  }, 120_000);

  it('the daemon holds the poison message once and goes on polling, never retrying the batch', async () => {
    await seed(3, [0]);
    const daemon = watchDaemon({ ...env, FOI_FAULT_INJECTION: 'filing-message', FOI_FAULT_INJECTION_MARKER: MARKER, FOI_LOG_LEVEL: 'info', FOI_POLL_CRON: '*/2 * * * * *' });
    try {
      await daemon.waitForLog('message held: it could not be stored', 90_000);
      const passesBefore = daemon.logs().split('mailbox pass done').length;
      // Three more polls: none of them meets the poison message again.
      for (let i = 0; i < 60 && daemon.logs().split('mailbox pass done').length < passesBefore + 3; i++) await new Promise((r) => setTimeout(r, 500));
      expect(daemon.logs().split('mailbox pass done').length).toBeGreaterThanOrEqual(passesBefore + 3);
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
    expect(daemon.logs().split('a batch could not be committed').length - 1).toBe(1);
    expect(daemon.logs()).not.toContain('mailbox pass failed');
    const state = await endState();
    expect(state.caseCount).toBe(2);
    expect(state.inbound.filter((m) => m.parseOutcome === 'held_poison')).toHaveLength(1);
    expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
  }, 180_000);

  it(`ends a crash loop: a message that kills the process while it is read is held after its attempts`, async () => {
    await seed(4, [1]);
    const crashing = { ...env, FOI_FAULT_INJECTION: 'during-prepare', FOI_FAULT_INJECTION_MARKER: MARKER, FOI_MAX_PREPARE_ATTEMPTS: '3' };
    const codes: (number | null)[] = [];
    for (let run = 0; run < 6; run++) {
      const result = await runCli(['run', '--once'], crashing);
      codes.push(result.code);
      if (result.code === 0) break;
    }
    // Killed on each of its three attempts (SIGKILL: no exit code), then held on the fourth run.
    expect(codes).toEqual([null, null, null, 0]);

    const state = await endState();
    expect(state.caseCount).toBe(3);
    const held = state.inbound.filter((m) => m.disposition === 'held');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ parseOutcome: 'held_poison', hasRaw: true });
    expect(held[0]!.error).toMatch(/^held_poison: reading this message failed 3 time\(s\); each attempt stopped the process/);
    expect(state.inbound.filter((m) => m.disposition === 'opened_case')).toHaveLength(3);
    expect(state.attemptRows).toBe(0); // every message filed, nothing left counting
    expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await mailbox.subjectsIn('Held')).toHaveLength(1);
    expect(heldNotices()).toHaveLength(1);
  }, 180_000);

  it('holds a message over FOI_MAX_MESSAGE_BYTES by its IMAP size, without its bytes, and files the rest', async () => {
    await seed(2, []);
    const big = syntheticRequest(9, seededRandom(3), new Date(Date.UTC(2026, 10, 2))).toString('latin1')
      .replace(/\r\n\r\n/, `\r\nX-Padding: ${'P'.repeat(100_000)}\r\n\r\n`);
    await mailbox.append(big);
    const result = await runCli(['run', '--once'], { ...env, FOI_MAX_MESSAGE_BYTES: '65536' });
    expect(result.code, result.stderr).toBe(0);

    const state = await endState();
    expect(state.caseCount).toBe(2);
    const held = state.inbound.filter((m) => m.disposition === 'held');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ parseOutcome: 'oversize', hasRaw: false });
    expect(held[0]!.sizeBytes).toBeGreaterThan(100_000);
    expect(held[0]!.error).toMatch(/^oversize: the message is 0\.1 MB \(\d+ bytes\), over this mailbox's limit of 0\.1 MB \(FOI_MAX_MESSAGE_BYTES\)/);
    expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
    expect(await mailbox.subjectsIn('Held')).toHaveLength(1);
    expect(heldNotices()).toHaveLength(1);
    expect(heldNotices()[0]!.parsed.text).toMatch(/oversize/);
  }, 120_000);
});
