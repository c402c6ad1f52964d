// `foi-intake run` serves the console beside the daemon when FOI_WEB_PORT is set (DESIGN.md, Console):
// on the daemon's own database (PGlite here unless DATABASE_URL is set), signed in through a real
// OpenID Connect provider in this process, stopped with the daemon on SIGTERM; the daemon's own
// /healthz keeps its port. Without FOI_WEB_PORT the daemon listens on nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { cliEnv, freePort, runCli, watchDaemon } from '../harness/cli.js';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS, fixture } from '../harness/test-runtime.js';
import { signInThroughProvider } from '../web/browser-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = 'admin@example.gov.uk';
const CLIENT = { clientId: 'foi-console', clientSecret: 'console-client-secret' };

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let provider: TestOidcProvider | null = null;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-run-console-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink()]);
});

afterEach(async () => {
  await Promise.all([mailbox.close(), smtp.close(), db?.drop(), provider?.close()]);
  db = null;
  provider = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** PostgreSQL (DATABASE_URL set) gets a fresh database; PGlite a fresh folder, held by the daemon alone. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (!process.env.DATABASE_URL) return { FOI_DATA_DIR: dataDir };
  db = await createTestDatabase();
  return { DATABASE_URL: db.url! };
}

function mailEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return cliEnv({ FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_LOG_LEVEL: 'info', ...extra });
}

function consoleEnv(issuer: string, port: number): Record<string, string> {
  return {
    FOI_WEB_PORT: String(port), FOI_OIDC_ISSUER: issuer, FOI_OIDC_CLIENT_ID: CLIENT.clientId, FOI_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    FOI_CONSOLE_URL: `http://127.0.0.1:${port}`, FOI_SESSION_SECRET: 'a-test-session-secret-of-32-characters-or-more', FOI_ADMINS: ADMIN,
  };
}

/** The TCP ports a process listens on, from /proc (Linux): its socket inodes matched with the LISTEN rows. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try {
      return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
    } catch {
      return undefined; // a descriptor closed between the listing and the look
    }
  }).filter((inode): inode is string => inode !== undefined));
  const rows = ['tcp', 'tcp6'].flatMap((table) => readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1));
  return rows.map((row) => row.trim().split(/\s+/)).filter((cols) => cols[3] === '0A' && inodes.has(cols[9] ?? ''))
    .map((cols) => parseInt(cols[1]!.split(':')[1]!, 16));
}

/** Signs in through the provider's own pages in chromium and reads the case page; null without a browser. */
async function signInWithBrowser(origin: string): Promise<string | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/cases`);
    await signInThroughProvider(page, origin, ADMIN);
    const casePage = await page.goto(`${origin}/cases/FOI-2017-00001`);
    return casePage?.status() === 200 ? await page.locator('main').innerText() : `status ${casePage?.status()}`;
  } finally {
    await browser.close();
  }
}

describe('run with FOI_WEB_PORT', () => {
  it('serves the console beside the daemon, links officers\' mail to it, and stops with the daemon', async () => {
    const [port, healthPort] = [await freePort(), await freePort()];
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ ...CLIENT, redirectUri: `${origin}/auth/callback` });
    await mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    const daemon = watchDaemon(mailEnv({ ...(await databaseEnv()), ...consoleEnv(provider.issuer, port), FOI_HEALTH_PORT: String(healthPort) }));
    await daemon.waitForLog('console listening');
    await daemon.waitForLog('mailbox pass done');

    const summary = (await smtp.waitFor(2, 30_000)).find((m) => m.parsed.subject?.startsWith('[FOI-2017-00001]'))!;
    expect(summary.parsed.text).toContain(`Open the case: ${origin}/cases/FOI-2017-00001`);
    const ack = smtp.received.find((m) => m.parsed.subject?.startsWith('Re: '))!;
    expect(ack.parsed.text).not.toContain('/cases/');

    const get = (path: string, at = origin) => fetch(`${at}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/healthz', `http://127.0.0.1:${healthPort}`)).status).toBe(200);
    if (existsSync(`/proc/${daemon.pid}/net/tcp`)) expect(listeningPorts(daemon.pid!).sort()).toEqual([port, healthPort].sort());
    const anonymous = await get('/cases');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/sign-in');
    // The demo's loopback sign-in does not exist in `run`, even asked from loopback.
    expect((await get('/auth/one-time/anything')).status).toBe(404);

    const casePage = await signInWithBrowser(origin);
    if (casePage === null) console.log(`sign-in through the browser skipped: no browser at ${CHROMIUM}`);
    else expect(casePage).toContain('FOI-2017-00001');

    expect(await daemon.stop()).toBe(0);
    await expect(get('/healthz')).rejects.toThrow();
    const lines = daemon.logs().trim().split('\n').map((line) => JSON.parse(line) as { level: number; msg: string; path?: string; component?: string });
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    // The console's request log is the daemon's log: paths only, marked as the console's.
    expect(lines.some((line) => line.msg === 'request' && line.path === '/cases' && line.component === 'console')).toBe(true);
  });

  it('refuses to start, exit 2 with one line, when a console setting is missing or its port is the health listener\'s or taken', async () => {
    const base = mailEnv(await databaseEnv());
    const missing = await runCli(['run'], { ...base, FOI_WEB_PORT: '8099' });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['foi-intake: FOI_OIDC_ISSUER: required to serve the console']);
    const clash = await runCli(['run'], { ...base, ...consoleEnv('http://127.0.0.1:9', 8099), FOI_HEALTH_PORT: '8099' });
    expect(clash.code).toBe(2);
    expect(clash.stderr.trim()).toMatch(/^foi-intake: FOI_WEB_PORT: the same port as FOI_HEALTH_PORT \(8099\)/);

    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const held = (holder.address() as AddressInfo).port;
    try {
      const taken = await runCli(['run'], { ...base, ...consoleEnv('http://127.0.0.1:9', held) });
      expect(taken.code).toBe(2);
      expect(taken.stderr.trim().split('\n')).toEqual([`foi-intake: FOI_WEB_PORT: 127.0.0.1:${held} is already in use`]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('without FOI_WEB_PORT, the daemon listens on nothing', async () => {
    const daemon = watchDaemon(mailEnv(await databaseEnv()));
    await daemon.waitForLog('mailbox pass done');
    if (existsSync(`/proc/${daemon.pid}/net/tcp`)) expect(listeningPorts(daemon.pid!)).toEqual([]);
    else console.log('listening sockets not checked: no /proc here');
    expect(daemon.logs()).not.toContain('console listening');
    expect(await daemon.stop()).toBe(0);
  });
});
