// The admin pages in a real browser (Debian's chromium driven by playwright-core): an admin signs in
// through a real OpenID Connect provider, labels a low-confidence question's topic (a topic correction),
// trains a candidate, compares it with the active model and activates it; then visits the other admin
// pages and the reports. Every page visited passes axe-core with no serious or critical violation, and a
// screenshot of each goes to test-results/console/. Needs PostgreSQL (the PG tier) and chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { activeVersion } from '../../src/adapters/db/classifier-store.js';
import { labelledExamples } from '../../src/adapters/db/schema.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { ADMIN, consoleSettings } from './console-harness.js';
import { adminConsoleOn, emptySettingsFile, seedAdminCases, VAGUE } from './admin-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipReason = !process.env.DATABASE_URL ? 'DATABASE_URL is unset (the console needs PostgreSQL)'
  : !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM}` : null;
if (skipReason) console.log(`admin browser tests skipped: ${skipReason}`);

const SHOTS = join(process.cwd(), 'test-results', 'console');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** axe-core on the page as shown: the serious and critical violations of WCAG 2.2 A and AA. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `${name}: serious accessibility violations`).toEqual([]);
}

describe.skipIf(skipReason !== null)('the admin pages in a browser', () => {
  let db: TestDatabase; let mailbox: TestMailbox; let smtp: SmtpSink; let provider: TestOidcProvider;
  let app: FastifyInstance; let browser: Browser; let origin: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [db, mailbox, smtp] = await Promise.all([createTestDatabase(), startTestMailbox(), startSmtpSink()]);
    const env = await seedAdminCases(db, mailbox, smtp.url);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ clientId: 'foi-console', clientSecret: 'console-client-secret', redirectUri: `${origin}/auth/callback` });
    app = await adminConsoleOn(db, env, consoleSettings(provider.issuer, port), emptySettingsFile());
    await app.listen({ port, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
    await Promise.all([db?.drop(), mailbox?.close(), smtp?.close()]);
  });

  async function signIn(identity: string): Promise<Page> {
    // bypassCSP lets axe-core's script in; the CSP itself is checked on the response headers.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/admin`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.locator('input[name="login"]').fill(identity);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${origin}/cases`);
    return page;
  }

  it('walks an admin through labelling a topic, training, comparing and activating a candidate', async () => {
    const page = await signIn(ADMIN);
    const home = await page.goto(`${origin}/admin`);
    expect(home!.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    await checkPage(page, 'admin-home');

    await page.getByRole('link', { name: 'Label queue' }).click();
    await page.waitForURL(`${origin}/admin/labels`);
    await checkPage(page, 'admin-labels');
    const first = page.locator('form.admin-label').filter({ hasText: `${VAGUE}, question 1` });
    // By keyboard: the radios are reached and chosen like any GOV.UK radios.
    await first.getByLabel('policing', { exact: true }).focus();
    await page.keyboard.press('Space');
    await first.getByRole('button', { name: 'Save the topic' }).click();
    await page.waitForURL(`${origin}/admin/labels`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/now labelled policing/);
    expect(await db.db.select().from(labelledExamples)).toContainEqual(expect.objectContaining({ source: `case:${VAGUE}#1`, topic: 'policing' }));
    await checkPage(page, 'admin-labels-after');

    await page.goto(`${origin}/admin/models`);
    expect(await page.locator('#active-version').innerText()).toBe('the shipped models');
    expect(await page.locator('#topic-report tbody tr').count()).toBeGreaterThan(3);
    await checkPage(page, 'admin-models');
    // Training runs in the background: first without the page's refresh script (as without JavaScript), so the
    // progress page holds still for axe and "Check progress" is how the admin looks again; then with it.
    await page.route('**/static/refresh-progress.js', (route) => route.abort());
    await page.getByRole('button', { name: 'Train a candidate' }).click();
    await page.waitForURL(/\/admin\/models\/(training|\d+\/compare)$/);
    if (page.url().endsWith('/training')) {
      expect(await page.locator('h1').innerText()).toBe('Training a candidate…');
      await checkPage(page, 'admin-training');
      await page.unroute('**/static/refresh-progress.js');
      await page.getByRole('link', { name: 'Check progress' }).click();
    }
    await page.waitForURL(/\/admin\/models\/\d+\/compare$/, { timeout: 90_000 });
    const version = Number(/\/admin\/models\/(\d+)\/compare$/.exec(page.url())![1]);
    expect(await page.locator('#comparison tbody tr').count()).toBeGreaterThan(5);
    await checkPage(page, 'admin-compare');

    if (await page.locator('input[name="force"]').count()) {
      // The new label cost some figure on the evaluation set: the override is the admin's recorded decision.
      await page.getByLabel('Activate although figures drop').check();
      await page.getByLabel('Why the drop is accepted').fill('The label queue corrections matter more than the small drop');
    }
    await page.locator('#activate').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/admin/models`, { timeout: 60_000 });
    expect(await page.locator('#active-version').innerText()).toBe(`version ${version}`);
    expect(await activeVersion(db.db)).toBe(version);
    await checkPage(page, 'admin-models-after');
    await page.context().close();
  }, 240_000);

  it('shows the other admin pages and the reports, each passing axe-core', async () => {
    const page = await signIn(ADMIN);
    for (const [name, path] of [
      ['admin-settings', '/admin/settings'], ['admin-templates', '/admin/templates?reference=FOI-2017-00001'], ['admin-holidays', '/admin/holidays?year=2017'],
      ['admin-health', '/admin/health'], ['reports', '/reports?from=2017-05-01&to=2017-06-30'],
    ] as const) {
      expect((await page.goto(`${origin}${path}`))!.status(), path).toBe(200);
      await checkPage(page, name);
    }
    await page.context().close();
  }, 120_000);
});
