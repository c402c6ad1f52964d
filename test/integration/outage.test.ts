// Outages and replicas, with the daemon as a real child process: the IMAP connection cut again
// and again mid-backlog (through a TCP proxy the test controls), the SMTP server refusing mail or
// down for a while, and a standby daemon taking over when the active one is killed. The end state
// must be the same as without the fault.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { CLI, cliEnv, runCli } from '../harness/cli.js';
import { assertNothingLostNothingTwice, outboxRows } from '../harness/end-state.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS } from '../harness/test-runtime.js';

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-outage-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink({ parse: false })]);
  if (process.env.DATABASE_URL) db = await createTestDatabase();
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
  db = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function env(imapUrl: string, smtpUrl = smtp.url): NodeJS.ProcessEnv {
  return cliEnv({
    ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }), FOI_IMAP_URL: imapUrl, FOI_SMTP_URL: smtpUrl, FOI_FROM,
    FOI_OFFICERS: OFFICERS, FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error', FOI_POLL_CRON: '*/2 * * * * *', FOI_REMINDER_CRON: '0 0 1 1 *',
  });
}

function daemon(environment: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'run'], { env: environment, stdio: 'ignore' });
  children.push(child);
  return child;
}

interface DeliveryLine {
  msg: string;
  outboxId: number;
  purpose: string;
  verdict?: string;
}

/** A daemon whose log (JSON lines) the test reads, and which it stops as an operator does. */
function watchedDaemon(environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, 'run'], { env: { ...environment, FOI_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Complete JSON lines only: the last one may still be arriving, and Node writes warnings here too.
  const lines = (msg: string) => log.split('\n').slice(0, -1).flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as DeliveryLine;
      return parsed.msg === msg ? [parsed] : [];
    } catch {
      return [];
    }
  });
  return {
    /** Outbox rows the daemon tried and could not send, with its verdict (`retry` or `failed`). */
    notSent: () => lines('outgoing message not sent'),
    sentIds: () => new Set(lines('outgoing message sent').map((l) => l.outboxId)),
    /** True once every row it ever deferred has been sent since. */
    caughtUp() {
      const sent = this.sentIds();
      return this.notSent().every((l) => sent.has(l.outboxId));
    },
    async stop(): Promise<number | null> {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The database the daemon used, once it has exited (an embedded PGlite folder has one user at a time). */
async function withDatabase(check: (database: Database) => Promise<void>): Promise<void> {
  const database = db ?? (await openDatabase({ databaseUrl: null, dataDir }));
  try {
    await check(database);
  } finally {
    if (!db) await database.close();
  }
}

interface Proxy {
  port: number;
  cutAll(): void;
  /** Down: connections cut, the port refusing new ones (ECONNREFUSED), until `accept`. */
  refuse(): Promise<void>;
  accept(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy to a server (IMAP or SMTP) whose connections the test can cut, or refuse, at will. */
async function startProxy(targetPort: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () => new Promise<void>((resolve) => {
    sockets.forEach((s) => s.destroy());
    if (server.listening) server.close(() => resolve());
    else resolve();
  });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    cutAll: () => sockets.forEach((s) => s.destroy()),
    refuse: stop,
    accept: () => listen(port),
    close: stop,
  };
}

const acknowledgements = () => new Set(smtp.received.map((m) => /^Message-ID:\s*(<foi-intake\.acknowledgement\.[^>]+>)/im.exec(m.raw.toString('latin1'))?.[1]).filter(Boolean)).size;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outages', () => {
  it('recovers by itself when the IMAP connection is cut again and again mid-backlog', async () => {
    const random = seededRandom(5);
    const count = 40;
    for (let i = 0; i < count; i++) await mailbox.append(syntheticRequest(i, random, new Date()));
    const target = Number(new URL(mailbox.url).port);
    const proxy = await startProxy(target);
    const url = new URL(mailbox.url);
    url.port = String(proxy.port);
    daemon(env(url.toString()));
    for (let cut = 0; cut < 8; cut++) {
      await new Promise((r) => setTimeout(r, 400 + random.next() * 800));
      proxy.cutAll();
    }
    await until(() => acknowledgements() >= count, 120_000);
    await until(async () => (await mailbox.subjectsIn('INBOX')).length === 0, 60_000);
    await proxy.close();
    expect(acknowledgements()).toBe(count);
  }, 240_000);

  // 451 is a temporary refusal (RFC 5321 §4.2.1): each acknowledgement stays queued on the retry
  // schedule (src/backoff.ts SMTP_RETRY: first retry 15-30 s later) and goes out once, by itself.
  it('acknowledges every request exactly once after the SMTP server refused mail for a while (451)', async () => {
    const count = 30;
    const random = seededRandom(8);
    smtp.rejectWith = 451;
    for (let i = 0; i < count; i++) await mailbox.append(syntheticRequest(i, random, new Date()));
    const daemon = watchedDaemon(env(mailbox.url));
    // A message leaves the inbox only after its case is committed.
    await until(async () => (await mailbox.subjectsIn('INBOX')).length === 0, 60_000);
    const deferredAcks = () => new Set(daemon.notSent().filter((l) => l.purpose === 'acknowledgement').map((l) => l.outboxId));
    await until(() => deferredAcks().size >= count, 60_000);
    expect(acknowledgements()).toBe(0);
    expect(daemon.notSent().filter((l) => l.verdict !== 'retry')).toEqual([]);
    if (db) {
      const acks = (await outboxRows(db)).filter((r) => r.purpose === 'acknowledgement');
      expect(acks.map((r) => r.status)).toEqual(Array(count).fill('queued'));
      expect(acks.every((r) => r.attempts >= 1)).toBe(true);
    }
    smtp.rejectWith = null;
    await until(() => acknowledgements() >= count && daemon.caughtUp(), 90_000);
    expect(await daemon.stop()).toBe(0);
    // Refused, then accepted once: nothing was cut off mid-send here, so nothing went twice either.
    const accepted = smtp.received.map((m) => m.raw.toString('latin1')).filter((raw) => /^Message-ID:\s*<foi-intake\.acknowledgement\./im.test(raw));
    expect(accepted).toHaveLength(count);
    await withDatabase(async (database) => {
      await assertNothingLostNothingTwice({ database, accepted: smtp.received.map((m) => m.raw), mailbox }, count);
      const acks = (await outboxRows(database)).filter((r) => r.purpose === 'acknowledgement');
      expect(acks.every((r) => r.attempts >= 2)).toBe(true); // refused once at least, then sent
    });
  }, 240_000);

  it('acknowledges every request exactly once after the SMTP server was down for a while', async () => {
    const half = 15;
    const random = seededRandom(9);
    const proxy = await startProxy(smtp.port);
    const daemon = watchedDaemon(env(mailbox.url, `smtp://127.0.0.1:${proxy.port}`));
    for (let i = 0; i < half; i++) await mailbox.append(syntheticRequest(i, random, new Date()));
    await until(() => acknowledgements() >= half, 60_000);
    await proxy.refuse();
    for (let i = half; i < 2 * half; i++) await mailbox.append(syntheticRequest(i, random, new Date()));
    await until(async () => (await mailbox.subjectsIn('INBOX')).length === 0, 60_000);
    // The daemon has tried and deferred; a few more passes while the port still refuses.
    await until(() => daemon.notSent().length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 4_000));
    expect(acknowledgements()).toBe(half);
    expect(daemon.notSent().filter((l) => l.verdict !== 'retry')).toEqual([]);
    await proxy.accept();
    await until(() => acknowledgements() >= 2 * half && daemon.caughtUp(), 90_000);
    expect(await daemon.stop()).toBe(0);
    await proxy.close();
    await withDatabase((database) => assertNothingLostNothingTwice({ database, accepted: smtp.received.map((m) => m.raw), mailbox }, 2 * half));
  }, 240_000);

  // Two processes on one embedded PGlite folder is not a supported set-up: replicas need PostgreSQL.
  it.skipIf(!process.env.DATABASE_URL)('a standby daemon takes over within the lease when the active one is killed', async () => {
    const random = seededRandom(6);
    const environment = env(mailbox.url);
    const active = daemon(environment);
    await mailbox.append(syntheticRequest(0, random, new Date()));
    await until(() => acknowledgements() >= 1, 60_000);
    daemon(environment); // the standby
    await new Promise((r) => setTimeout(r, 3_000));
    await mailbox.append(syntheticRequest(1, random, new Date()));
    await until(() => acknowledgements() >= 2, 60_000);
    active.kill('SIGKILL');
    await mailbox.append(syntheticRequest(2, random, new Date()));
    await until(() => acknowledgements() >= 3, 60_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(acknowledgements()).toBe(3);
    const listed = (await runCli(['cases', 'list', '--json'], environment)).stdout.trim().split('\n');
    expect(listed).toHaveLength(3);
  }, 180_000);
});
