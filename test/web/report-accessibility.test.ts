// The pages an authority publishes (the compliance report and the disclosure log) in a real browser
// (Debian's chromium driven by playwright-core): no JavaScript error while they load, and axe-core finds
// no serious or critical violation of WCAG 2.2 A and AA. They are pure renderings, so no database is
// needed; the test skips only where chromium is not installed (.ci/run installs it).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeComplianceReport } from '../../src/reports/compliance.js';
import { disclosureEntries, renderDisclosureLogHtml, type DisclosureSource } from '../../src/reports/disclosure-log.js';
import { renderComplianceHtml } from '../../src/reports/render-compliance.js';
import { NOW, QUARTER } from '../unit/reports/quarter-fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM);
if (skip) console.log(`report accessibility tests skipped: no chromium at ${CHROMIUM}`);

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const source = (fields: Partial<DisclosureSource>): DisclosureSource => ({
  reference: 'FOI-2025-0001', regime: 'foi', receivedDate: '2025-02-03', respondedOn: '2025-02-20', subject: 'Road gritting routes',
  requestText: 'Dear team,\nPlease send the gritting routes for this winter.\nYours faithfully,\nSam Sample',
  questions: ['Which roads are on the gritting routes this winter?'], requester: { name: 'Sam Sample', address: 'sam@example.org' },
  outcome: 'part_granted', provisions: ['s31(1)(a)'], attachments: ['routes.pdf'], validated: true, ...fields,
});

/** Loads `html` as the page's whole document, collecting errors, then runs axe-core on it. */
async function check(page: Page, html: string): Promise<{ errors: string[]; violations: { id: string; impact: string }[] }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  const violations = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact }));
  return { errors, violations };
}

describe.skipIf(skip)('published reports in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the compliance report: no script error, no serious accessibility violation', async () => {
    const report = computeComplianceReport(QUARTER, { from: '2025-01-01', to: '2025-03-31', now: NOW });
    const page = await browser.newPage();
    const { errors, violations } = await check(page, renderComplianceHtml(report, 'Anytown Council'));
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    // The charts are there to be checked, not skipped: each is an image with a name.
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it('the disclosure log: no script error, no serious accessibility violation', async () => {
    const entries = disclosureEntries([source({}), source({ reference: 'FOI-2025-0002', outcome: 'granted', provisions: [], attachments: [] })]);
    const page = await browser.newPage();
    const { errors, violations } = await check(page, renderDisclosureLogHtml(entries, 'Anytown Council', '2025-04-15'));
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    const text = await page.locator('body').innerText();
    expect(text).toContain('FOI-2025-0001');
    expect(text).toContain('FOI-2025-0002');
    await page.close();
  }, 60_000);
});
