// The console in a real browser (Debian's chromium driven by playwright-core): an officer signs in
// through a real OpenID Connect provider, works the seed request (its questions and s.16 flag,
// clarify: the clock stops, correct a topic, respond with an outcome), and every page passes axe-core with no serious or critical
// violation. Screenshots go to test-results/console/. Needs PostgreSQL (the PG tier) and chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { startOidcProvider, type TestOidcProvider } from '../harness/oidc-provider.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { ADMIN, consoleOn, consoleSettings, OFFICER, seedCases } from './console-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipReason = !process.env.DATABASE_URL ? 'DATABASE_URL is unset (the console needs PostgreSQL)'
  : !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM}` : null;
if (skipReason) console.log(`console browser tests skipped: ${skipReason}`);

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

describe.skipIf(skipReason !== null)('the console in a browser', () => {
  let db: TestDatabase; let mailbox: TestMailbox; let smtp: SmtpSink; let provider: TestOidcProvider;
  let app: FastifyInstance; let browser: Browser; let origin: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [db, mailbox, smtp] = await Promise.all([createTestDatabase(), startTestMailbox(), startSmtpSink()]);
    const env = await seedCases(db, mailbox, smtp.url);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ clientId: 'foi-console', clientSecret: 'console-client-secret', redirectUri: `${origin}/auth/callback` });
    app = await consoleOn(db, env, consoleSettings(provider.issuer, port));
    await app.listen({ port, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

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
    await page.goto(`${origin}/cases`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await checkPage(page, `sign-in-${identity.split('@')[0]}`);
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.locator('input[name="login"]').fill(identity);
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${origin}/cases`);
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
