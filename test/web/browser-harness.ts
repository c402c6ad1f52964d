// What the console's browser tests share: Debian's chromium (driven by playwright-core), a real OpenID
// Connect provider in the test process, the console listening on a free loopback port, axe-core's
// check of a page (the serious and critical violations of WCAG 2.2 A and AA) and its screenshot in
// test-results/console/, and signing in through the provider's pages.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { ConsoleSettings } from '../../src/config/console-settings.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { freePort } from '../harness/cli.js';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { consoleSettings } from './console-harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(process.cwd(), 'test-results', 'console');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Why a browser test cannot run here, or null. The console itself needs PostgreSQL unless `pglite` is allowed. */
export function browserSkipReason(what: string, options: { pglite?: boolean } = {}): string | null {
  const reason = !options.pglite && !process.env.DATABASE_URL ? 'DATABASE_URL is unset (the console needs PostgreSQL)'
    : !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM}` : null;
  if (reason) console.log(`${what} skipped: ${reason}`);
  return reason;
}

/** axe-core on the page as shown: the serious and critical violations of WCAG 2.2 A and AA. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

/** A screenshot of the whole page as `<name>.png`, then no serious accessibility violation on it. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `${name}: serious accessibility violations`).toEqual([]);
}

export interface BrowserConsole {
  db: TestDatabase;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

type Seed = (db: TestDatabase, mailbox: TestMailbox, smtpUrl: string) => Promise<NodeJS.ProcessEnv>;
type Build = (db: TestDatabase, env: NodeJS.ProcessEnv, settings: ConsoleSettings) => Promise<FastifyInstance>;

/** A seeded database, the console on it behind the test identity provider, and chromium. */
export async function startBrowserConsole(seed: Seed, build: Build): Promise<BrowserConsole> {
  mkdirSync(SHOTS, { recursive: true });
  let db: TestDatabase | undefined; let mailbox: TestMailbox | undefined; let smtp: SmtpSink | undefined;
  let provider: TestOidcProvider | undefined; let app: FastifyInstance | undefined; let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
    await Promise.all([db?.drop(), mailbox?.close(), smtp?.close()]);
  };
  try {
    [db, mailbox, smtp] = await Promise.all([createTestDatabase(), startTestMailbox(), startSmtpSink()]);
    const env = await seed(db, mailbox, smtp.url);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ clientId: 'foi-console', clientSecret: 'console-client-secret', redirectUri: `${origin}/auth/callback` });
    app = await build(db, env, consoleSettings(provider.issuer, port));
    await app.listen({ port, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    return { db, origin, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Through the provider's login and consent pages, back to the queues. The page starts on /sign-in. */
export async function signInThroughProvider(page: Page, origin: string, identity: string): Promise<void> {
  await page.getByRole('button', { name: /Sign in/ }).click();
  await page.locator('input[name="login"]').fill(identity);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${origin}/cases`);
}
