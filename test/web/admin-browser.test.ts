// The admin pages in a real browser (Debian's chromium driven by playwright-core): an admin signs in
// through a real OpenID Connect provider, labels a low-confidence question's topic (a topic correction),
// trains a candidate, compares it with the active model and activates it; then visits the other admin
// pages and the reports. Every page visited passes axe-core with no serious or critical violation, and a
// screenshot of each goes to test-results/console/. Needs PostgreSQL (the PG tier) and chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { activeVersion } from '../../src/adapters/db/classifier-store.js';
import { labelledExamples } from '../../src/adapters/db/schema.js';
import type { TestDatabase } from '../harness/test-database.js';
import { adminConsoleOn, emptySettingsFile, seedAdminCases, VAGUE } from './admin-harness.js';
import { browserSkipReason, checkPage, signInThroughProvider, startBrowserConsole, type BrowserConsole } from './browser-harness.js';
import { ADMIN } from './console-harness.js';

const skipReason = browserSkipReason('admin browser tests');

describe.skipIf(skipReason !== null)('the admin pages in a browser', () => {
  let running: BrowserConsole; let db: TestDatabase; let browser: Browser; let origin: string;

  beforeAll(async () => {
    running = await startBrowserConsole(seedAdminCases, (database, env, settings) => adminConsoleOn(database, env, settings, emptySettingsFile()));
    ({ db, browser, origin } = running);
  }, 90_000);

  afterAll(async () => running?.close());

  async function signIn(identity: string): Promise<Page> {
    // bypassCSP lets axe-core's script in; the CSP itself is checked on the response headers.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/admin`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await signInThroughProvider(page, origin, identity);
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
