// The console in a real browser (Debian's chromium driven by playwright-core): an officer signs in
// through a real OpenID Connect provider, works the seed request (its questions and s.16 flag,
// clarify: the clock stops, correct a topic, respond with an outcome), and every page passes axe-core with no serious or critical
// violation. Screenshots go to test-results/console/. Needs PostgreSQL (the PG tier) and chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { listCases } from '../../src/adapters/db/case-queries.js';
import type { TestDatabase } from '../harness/test-database.js';
import { browserSkipReason, checkPage, signInThroughProvider, startBrowserConsole, type BrowserConsole } from './browser-harness.js';
import { ADMIN, consoleOn, OFFICER, seedCases } from './console-harness.js';

const skipReason = browserSkipReason('console browser tests');

describe.skipIf(skipReason !== null)('the console in a browser', () => {
  let running: BrowserConsole; let db: TestDatabase; let browser: Browser; let origin: string;

  beforeAll(async () => {
    running = await startBrowserConsole(seedCases, consoleOn);
    ({ db, browser, origin } = running);
  });

  afterAll(async () => running?.close());

  async function signIn(identity: string): Promise<Page> {
    // bypassCSP lets axe-core's script in; the CSP itself is checked on the response headers.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/cases`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await checkPage(page, `sign-in-${identity.split('@')[0]}`);
    await signInThroughProvider(page, origin, identity);
    return page;
  }

  it('walks an officer through the seed request: questions and s.16 flag, clarify (the clock stops), correct a topic, respond with an outcome', async () => {
    const page = await signIn(OFFICER);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'foi_console')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    await expect(page.locator('#overdue-figure')).toBeDefined();
    expect(await page.locator('#overdue-figure').innerText()).toMatch(/\d+ overdue/);
    expect(await page.locator('#on-time-figure').innerText()).toMatch(/No responses yet|answered on time/);
    await checkPage(page, 'queues');

    const response = await page.goto(`${origin}/cases/FOI-2017-00001`);
    expect(response!.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    expect(await page.locator('#request-text mark[title="Advice and assistance (s.16)"]').count()).toBe(1);
    expect(await page.locator('#questions tbody tr').count()).toBe(4);
    expect(await page.locator('#case-flags').innerText()).toMatch(/s16/);
    await checkPage(page, 'case');

    await page.locator('#clarify-message').fill('Which of your facilities do you mean?');
    await page.getByRole('button', { name: 'Send clarification request' }).click();
    await page.waitForURL(`${origin}/cases/FOI-2017-00001`);
    expect(await page.locator('#case-status').innerText()).toBe('awaiting clarification');
    expect(await page.locator('#case-due').innerText()).toMatch(/clock is stopped/);
    await checkPage(page, 'case-after-clarify');

    // Correct a question's topic: an attributed correction the page lists, with an undo.
    const topicCell = page.locator('[data-question-topics="2"]');
    const wasTopic = await topicCell.innerText();
    const newTopic = wasTopic.startsWith('finance') ? 'staffing' : 'finance';
    await page.locator('#correct-topic-question').selectOption('2');
    await page.locator('#correct-topic').selectOption(newTopic);
    await page.getByRole('button', { name: 'Change the topic' }).click();
    await page.waitForURL(`${origin}/cases/FOI-2017-00001#reading`);
    expect(await topicCell.innerText()).toBe(newTopic);
    expect(await page.locator('#corrections').innerText()).toContain(OFFICER);
    await checkPage(page, 'case-after-correction');

    // Respond with an outcome and a provision; a provision unknown to the FOIA is a form error first.
    await page.getByLabel('Partly granted, partly refused').check();
    await page.locator('#respond-provisions').fill('s99');
    await page.getByRole('button', { name: 'Record the response' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/s99/);
    await checkPage(page, 'case-respond-error');
    await page.locator('#respond-provisions').fill('s40(2)');
    await page.getByRole('button', { name: 'Record the response' }).click();
    await page.waitForURL(`${origin}/cases/FOI-2017-00001`);
    expect(await page.locator('#case-status').innerText()).toBe('responded');
    expect(await page.locator('#case-outcome').innerText()).toMatch(/part granted/);
    expect((await listCases(db.db, { reference: 'FOI-2017-00001' }))[0]).toMatchObject({ status: 'responded', outcome: 'part_granted', exemptions: ['s40(2)'] });
    await checkPage(page, 'case-after-respond');

    // A form posted without its token is refused; an officer has no admin pages.
    const forged = await page.request.post(`${origin}/cases/FOI-2017-00001/actions`, { form: { action: 'reopen', expectedStatus: 'responded', expectedDue: '' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect((await page.goto(`${origin}/admin`))!.status()).toBe(403);
    await checkPage(page, 'forbidden');
    await page.context().close();
  });

  it('lets an admin reach the admin page', async () => {
    const page = await signIn(ADMIN);
    expect((await page.goto(`${origin}/admin`))!.status()).toBe(200);
    await checkPage(page, 'admin');
    await page.context().close();
  });
});
