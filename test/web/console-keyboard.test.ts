// The console by keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7): an officer signs in, skips the header with
// the skip link, tabs from the queues to the seed request and asks the requester to clarify, pressing
// only Tab, Shift+Tab, Enter and Space and typing; then corrects a question's topic (lists by arrow keys and
// type-ahead) and records a response with its outcome (radios by Space and the arrow keys). Every element that takes focus on the console's pages
// must show it (the GOV.UK focus style); every page passes axe-core with no serious or critical
// violation; each page is photographed into test-results/console/. Needs chromium.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { labelledExamples } from '../../src/adapters/db/schema.js';
import type { TestDatabase } from '../harness/test-database.js';
import { browserSkipReason, SHOTS, checkPage as checkNamedPage, signInThroughProvider, startBrowserConsole, type BrowserConsole } from './browser-harness.js';
import { consoleOn, OFFICER, seedCases } from './console-harness.js';

// The identity provider is in the test process; the console runs on PGlite too for this test.
const skipReason = browserSkipReason('console keyboard tests', { pglite: true });

/** How many presses of Tab may pass before the wanted element is given up on. */
const MAX_TABS = 120;

interface Focused {
  tag: string;
  /** An input's type (radio, text…), else null. */
  type: string | null;
  text: string;
  href: string | null;
  id: string;
  name: string | null;
  inMain: boolean;
  /** A visible outline, or the GOV.UK focus colour (#ffdd00) as background or box shadow. */
  shown: boolean;
}

/** Just what the check below reads of the browser's DOM (the project compiles without the DOM types). */
interface DomElement {
  tagName: string; id: string; innerText: string;
  nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
  getBoundingClientRect(): { width: number; height: number };
}
interface DomWindow {
  document: { activeElement: DomElement | null; body: DomElement; documentElement: DomElement };
  getComputedStyle(el: DomElement, pseudo?: string): { outlineStyle: string; outlineWidth: string; outlineColor: string; backgroundColor: string; boxShadow: string };
}

/**
 * What has focus now, and whether a sighted keyboard user can see that it has. A GOV.UK radio or checkbox
 * input is invisible (opacity 0): its focus shows as the yellow ring its label draws (::before or ::after).
 */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const win = globalThis as unknown as DomWindow;
    const el = win.document.activeElement;
    if (!el || el === win.document.body || el === win.document.documentElement) return null;
    const style = win.getComputedStyle(el);
    const yellow = 'rgb(255, 221, 0)';
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !/rgba\(0, 0, 0, 0\)|transparent/.test(style.outlineColor);
    const box = el.getBoundingClientRect();
    const type = el.getAttribute('type');
    const label = (type === 'radio' || type === 'checkbox') ? el.nextElementSibling : null;
    const ring = label !== null && ['::before', '::after'].some((pseudo) => {
      const drawn = win.getComputedStyle(label, pseudo);
      return drawn.boxShadow.includes(yellow) || (drawn.outlineStyle !== 'none' && drawn.outlineColor === yellow);
    });
    return {
      tag: el.tagName.toLowerCase(), type, text: (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 80),
      href: el.getAttribute('href'), id: el.id, name: el.getAttribute('name'), inMain: el.closest('main') !== null,
      shown: box.width > 0 && box.height > 0 && (outline || ring || style.backgroundColor === yellow || style.boxShadow.includes(yellow)),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `wanted` has focus, checking on our own pages that each stop shows its focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, options: { checkShown?: boolean; back?: boolean } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (!now) continue;
    seen.push(`${now.tag} "${now.text}"`);
    if (options.checkShown !== false) expect(now.shown, `focus is not visible on ${now.tag}#${now.id} "${now.text}"`).toBe(true);
    if (wanted(now)) return now;
  }
  throw new Error(`${what} never took focus in ${MAX_TABS} presses of Tab; focus went to: ${seen.slice(0, 40).join(', ')}`);
}

/** The shared check, with this test's screenshots named apart: keyboard-<name>.png. */
const checkPage = (page: Page, name: string) => checkNamedPage(page, `keyboard-${name}`);

/** Presses a key that navigates, and waits for the page it leads to. */
async function pressAndLoad(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
}

describe.skipIf(skipReason !== null)('the console by keyboard alone', () => {
  let running: BrowserConsole; let db: TestDatabase; let browser: Browser; let origin: string;

  beforeAll(async () => {
    running = await startBrowserConsole(seedCases, consoleOn);
    ({ db, browser, origin } = running);
  });

  afterAll(async () => running?.close());

  it('signs in, skips to the content, opens the seed request from the queue and asks for clarification', async () => {
    // bypassCSP lets axe-core's script in; the CSP itself is checked by the other console tests.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/cases`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await checkPage(page, 'sign-in');

    // The first Tab on a page reaches the skip link, which shows itself when focused.
    const skip = await tabTo(page, () => true, 'the skip link');
    expect(skip).toMatchObject({ tag: 'a', href: '#main-content', text: 'Skip to main content' });
    await tabTo(page, (f) => /^Sign in/.test(f.text), 'the sign-in button');
    await pressAndLoad(page, 'Enter');

    // The identity provider's own pages: by keyboard too, but their focus style is not ours to check.
    await tabTo(page, (f) => f.name === 'login', 'the login field', { checkShown: false });
    await page.keyboard.type(OFFICER);
    await tabTo(page, (f) => f.name === 'password', 'the password field', { checkShown: false });
    await page.keyboard.type('any');
    await pressAndLoad(page, 'Enter');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Continue', 'the consent button', { checkShown: false });
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/cases`);
    await checkPage(page, 'queues');

    // The skip link moves the keyboard past the header: the next Tab lands inside <main>.
    await tabTo(page, (f) => f.href === '#main-content', 'the skip link');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main-content');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.inMain, 'after the skip link, focus is in the main content').toBe(true);

    // To the seed request's row, one past it and back with Shift+Tab, then open it.
    const caseLink = (f: Focused) => f.href === '/cases/FOI-2017-00001';
    await tabTo(page, caseLink, 'the link to FOI-2017-00001');
    await tabTo(page, (f) => !caseLink(f), 'the next stop');
    await tabTo(page, caseLink, 'the link to FOI-2017-00001', { back: true });
    await page.screenshot({ path: join(SHOTS, 'keyboard-queues-focus.png') });
    // The check can tell: with the focus style taken away, the same link no longer shows its focus.
    const unstyled = await page.addStyleTag({ content: '*:focus { outline: none !important; background: none !important; box-shadow: none !important }' });
    expect((await focused(page))?.shown).toBe(false);
    await unstyled.evaluate((tag) => (tag as unknown as { remove(): void }).remove());
    expect((await focused(page))?.shown).toBe(true);
    await pressAndLoad(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe('/cases/FOI-2017-00001');
    await checkPage(page, 'case');

    // The clarification: type the question, then Space on the button (a button answers Enter and Space alike).
    await tabTo(page, (f) => f.id === 'clarify-message', 'the clarification field');
    await page.keyboard.type('Which of your facilities do you mean?');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send clarification request', 'the send button');
    await pressAndLoad(page, 'Space');
    expect(new URL(page.url()).pathname).toBe('/cases/FOI-2017-00001');
    expect(await page.locator('#case-status').innerText()).toBe('awaiting clarification');
    expect((await listCases(db.db, { reference: 'FOI-2017-00001' }))[0]!.status).toBe('awaiting_clarification');
    await checkPage(page, 'case-after-clarify');
    await context.close();
  });

  it("corrects a question's topic and records a response with its outcome, choosing from lists and radios by keyboard", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}/cases`);
    await signInThroughProvider(page, origin, OFFICER);
    const reference = 'FOI-2017-00002';

    // Correct the reading: from its heading (the in-page link's target), Tab to the question and topic lists;
    // a closed list changes with the arrow keys and by typing the start of an option, as any <select>.
    await page.goto(`${origin}/cases/${reference}#reading`);
    await tabTo(page, (f) => f.id === 'correct-topic-question', 'the question list of the topic form');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#correct-topic-question').inputValue()).toBe('1');
    await tabTo(page, (f) => f.id === 'correct-topic', 'the topic list');
    await page.keyboard.type('contracts');
    expect(await page.locator('#correct-topic').inputValue()).toBe('contracts');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Change the topic', 'the change-the-topic button');
    await page.screenshot({ path: join(SHOTS, 'keyboard-correct-topic-focus.png') });
    await pressAndLoad(page, 'Enter');
    expect(new URL(page.url()).pathname).toBe(`/cases/${reference}`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toMatch(/contracts/);
    const [corrected] = await listCases(db.db, { reference });
    expect(corrected!.questions[0]).toMatchObject({ topics: ['contracts'] });
    // The labelled example the correction made is the signed-in officer's.
    expect(await db.db.select().from(labelledExamples)).toContainEqual(expect.objectContaining({ source: `case:${reference}#1`, topic: 'contracts', actor: OFFICER }));
    await checkPage(page, 'case-corrected');

    // Respond with an outcome: Tab into the radios, Space chooses the first, the arrow keys move the choice
    // (each radio shows its focus ring as it is reached), then the provisions are typed and the form sent.
    await page.goto(`${origin}/cases/${reference}#actions`);
    const first = await tabTo(page, (f) => f.type === 'radio' && f.name === 'outcome', 'the first outcome radio');
    expect(first.id).toBe('respond-outcome');
    await page.keyboard.press('Space');
    expect(await page.locator('#respond-outcome').isChecked()).toBe(true);
    for (const [key, id] of [['ArrowDown', 'respond-outcome-2'], ['ArrowDown', 'respond-outcome-3'], ['ArrowUp', 'respond-outcome-2'], ['ArrowDown', 'respond-outcome-3']] as const) {
      await page.keyboard.press(key);
      const now = await focused(page);
      expect(now, `after ${key}`).toMatchObject({ id, type: 'radio', shown: true });
      expect(await page.locator(`#${id}`).isChecked()).toBe(true);
    }
    expect(await page.locator('input[name="outcome"]:checked').inputValue()).toBe('refused');
    await page.screenshot({ path: join(SHOTS, 'keyboard-respond-outcome-focus.png') });
    // Tab leaves the group in one press: the next stop is the provisions field.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'respond-provisions', shown: true });
    await page.keyboard.type('s40(2)');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Record the response', 'the record-the-response button');
    await pressAndLoad(page, 'Space');
    expect(new URL(page.url()).pathname).toBe(`/cases/${reference}`);
    const [responded] = await listCases(db.db, { reference });
    expect(responded).toMatchObject({ status: 'responded', outcome: 'refused' });
    expect(await page.locator('#case-outcome').innerText()).toMatch(/refused/);
    await checkPage(page, 'case-responded');
    await context.close();
  });
});
