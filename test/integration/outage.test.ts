// Outages and replicas, with the daemon as a real child process: the IMAP connection cut again
// and again mid-backlog (through a TCP proxy the test controls), and a standby daemon taking
// over when the active one is killed. The end state must be the same as without the fault.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { seededRandom, syntheticRequest } from '../../scripts/bench/synthetic-requests.js';
import { CLI, cliEnv, runCli } from '../harness/cli.js';
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

function env(imapUrl: string): NodeJS.ProcessEnv {
  return cliEnv({
    ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }), FOI_IMAP_URL: imapUrl, FOI_SMTP_URL: smtp.url, FOI_FROM,
    FOI_OFFICERS: OFFICERS, FOI_LEASE_SECONDS: '2', FOI_LOG_LEVEL: 'error', FOI_POLL_CRON: '*/2 * * * * *', FOI_REMINDER_CRON: '0 0 1 1 *',
  });
}

function daemon(environment: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'run'], { env: environment, stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A TCP proxy to the IMAP server whose connections the test can cut at will. */
async function startProxy(targetPort: number): Promise<{ port: number; cutAll(): void; close(): Promise<void> }> {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cutAll: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise((resolve) => { sockets.forEach((s) => s.destroy()); server.close(() => resolve()); }),
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
