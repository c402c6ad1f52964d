// The admin pages over HTTP (no browser): only admins reach them, every form needs its CSRF token, a
// label from the queue is a topic correction that becomes a labelled example, a candidate whose figures
// drop is refused unless the override's reason is given (and recorded), a holiday moves a due date,
// and the settings page checks and stores what admins tune.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { activeVersion, modelVersion, saveCandidate } from '../../src/adapters/db/classifier-store.js';
import { classifierActivations, consoleAudit, labelledExamples } from '../../src/adapters/db/schema.js';
import { loadAnalysisSettings } from '../../src/config/analysis-settings.js';
import type { Figures } from '../../src/evaluation/model-figures.js';
import { defaultEvalDir, gateKey, readEvaluationSet } from '../../src/runtime/classifier-tuning.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { ADMIN, consoleSettings, OFFICER, sessionCookie } from './console-harness.js';
import { adminConsoleOn, emptySettingsFile, seedAdminCases, VAGUE } from './admin-harness.js';

let db: TestDatabase; let mailbox: TestMailbox; let smtp: SmtpSink; let app: FastifyInstance; let settingsPath: string;
let admin: string;

beforeAll(async () => {
  [db, mailbox, smtp] = await Promise.all([createTestDatabase(), startTestMailbox(), startSmtpSink()]);
  const env = await seedAdminCases(db, mailbox, smtp.url);
  settingsPath = emptySettingsFile();
  app = await adminConsoleOn(db, env, consoleSettings('http://127.0.0.1:1'), settingsPath);
  admin = sessionCookie(app, ADMIN);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([db?.drop(), mailbox?.close(), smtp?.close()]);
});

/** The page's CSRF token and the session cookie that goes with it. */
async function formOf(url: string, cookie: string): Promise<{ token: string; cookie: string; body: string }> {
  const response = await app.inject({ url, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const set = response.cookies.find((c) => c.name === 'foi_console');
  return { token: token!, cookie: set ? `foi_console=${encodeURIComponent(set.value)}` : cookie, body: response.body };
}

async function post(url: string, from: string, payload: Record<string, string>) {
  const form = await formOf(from, admin);
  return app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { _csrf: form.token, ...payload } });
}

/** Waits on the progress page until the training it shows is over: where it then sends the admin. */
async function trainingEnd(): Promise<string> {
  for (;;) {
    const progress = await app.inject({ url: '/admin/models/training', headers: { cookie: admin } });
    if (progress.statusCode === 303) return progress.headers.location as string;
    expect(progress.body).toContain('Training a candidate');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PAGES = ['/admin', '/admin/models', '/admin/labels', '/admin/settings', '/admin/templates', '/admin/holidays', '/admin/health'];

describe('the admin pages', () => {
  it('answer an officer 403 and anonymous visitors with the sign-in page, and admins with each page', async () => {
    const officer = sessionCookie(app, OFFICER);
    for (const url of PAGES) {
      expect((await app.inject({ url, headers: { cookie: officer } })).statusCode, url).toBe(403);
      expect((await app.inject({ url })).statusCode, url).toBe(302);
      const shown = await app.inject({ url, headers: { cookie: admin } });
      expect(shown.statusCode, url).toBe(200);
      expect(shown.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    }
    expect((await app.inject({ method: 'POST', url: '/admin/models/train', headers: { cookie: officer } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/admin', headers: { cookie: admin } })).body).toContain('href="/admin/labels"');
  }, 60_000);

  it('refuses every admin form without its CSRF token', async () => {
    for (const url of ['/admin/labels', '/admin/models/train', '/admin/models/1/activate', '/admin/models/use', '/admin/settings', '/admin/holidays', '/admin/holidays/remove']) {
      expect((await app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: {} })).statusCode, url).toBe(403);
    }
  });

  it('turns a label from the queue into a topic correction and a labelled example, attributed to the admin', async () => {
    const queue = await app.inject({ url: '/admin/labels', headers: { cookie: admin } });
    expect(queue.body).toContain(`${VAGUE}, question 1`);
    expect(queue.body).toContain(`${VAGUE}, question 2`);
    const saved = await post('/admin/labels', '/admin/labels', { reference: VAGUE, question: '1', topic: 'policing' });
    expect(saved.statusCode).toBe(303);
    const examples = await db.db.select().from(labelledExamples);
    expect(examples).toContainEqual(expect.objectContaining({ source: `${VAGUE.replace(/^/, 'case:')}#1`, topic: 'policing', actor: ADMIN }));
    // Who labelled what, on the models page.
    expect((await app.inject({ url: '/admin/models', headers: { cookie: admin } })).body).toMatch(new RegExp(`id="labellers"[\\s\\S]*${ADMIN.replace(/[.]/g, '\\.')}</th>\\s*<td[^>]*>1</td>`));
    const [after] = await listCases(db.db, { reference: VAGUE });
    expect(after!.questions[0]).toMatchObject({ topics: ['policing'] });
    const audit = await db.db.select().from(consoleAudit).where(eq(consoleAudit.action, 'correct'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: ADMIN });
    const again = await app.inject({ url: '/admin/labels', headers: { cookie: admin } });
    expect(again.body).not.toContain(`${VAGUE}, question 1`);
    expect(again.body).toContain(`${VAGUE}, question 2`);
    // An unknown topic is the admin's mistake: nothing is stored, the page says why.
    const wrong = await post('/admin/labels', '/admin/labels', { reference: VAGUE, question: '2', topic: 'astrology' });
    expect(wrong.statusCode).toBe(303);
    expect((await db.db.select().from(labelledExamples)).length).toBe(examples.length);
  });

  it('trains a candidate, shows it against the active model, refuses a version whose figures drop, and records a forced activation with its reason', async () => {
    const trained = await post('/admin/models/train', '/admin/models', {});
    expect(trained.statusCode).toBe(303);
    expect(trained.headers.location).toBe('/admin/models/training');
    const version = Number(/\/admin\/models\/(\d+)\/compare/.exec(await trainingEnd())?.[1]);
    const compare = await app.inject({ url: `/admin/models/${version}/compare`, headers: { cookie: admin } });
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('against the shipped models');
    expect(compare.body).toContain('Primary topic: accuracy');

    // A candidate recorded as scoring lower on the same evaluation set than the one just trained.
    const stored = await modelVersion(db.db, version);
    const recorded = stored!.evaluation as { figures: Figures };
    const lower: Figures = Object.fromEntries(Object.entries(recorded.figures).map(([c, f]) => [c, { ...f, topicAccuracy: Math.max(0, f.topicAccuracy - 0.1) }]));
    const key = gateKey(loadAnalysisSettings(settingsPath), readEvaluationSet(defaultEvalDir()));
    const worse = await saveCandidate(db.db, { json: stored!.model, format: 'analysis', exampleCount: 1, evaluation: { evalDigest: key, figures: lower } });

    const activated = await post(`/admin/models/${version}/activate`, `/admin/models/${version}/compare`, {});
    if (activated.statusCode === 303) expect(await activeVersion(db.db)).toBe(version);
    else {
      // The correction above may cost a figure: then the trained candidate is refused too, and forced here.
      expect(activated.body).toContain('not activated');
      await post(`/admin/models/${version}/activate`, `/admin/models/${version}/compare`, { force: 'yes', reason: 'accepted in the test' });
    }
    expect(await activeVersion(db.db)).toBe(version);

    const refused = await post(`/admin/models/${worse}/activate`, `/admin/models/${worse}/compare`, {});
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toMatch(/figure\(s\) drop/);
    expect(refused.body).toContain('admin-drop');
    expect(await activeVersion(db.db)).toBe(version);
    const noReason = await post(`/admin/models/${worse}/activate`, `/admin/models/${worse}/compare`, { force: 'yes', reason: ' ' });
    expect(noReason.body).toContain('Give the reason');
    expect(await activeVersion(db.db)).toBe(version);

    const forced = await post(`/admin/models/${worse}/activate`, `/admin/models/${worse}/compare`, { force: 'yes', reason: 'Topic routing is reviewed by hand this month' });
    expect(forced.statusCode).toBe(303);
    expect(await activeVersion(db.db)).toBe(worse);
    const [last] = (await db.db.select().from(classifierActivations)).slice(-1);
    expect(last).toMatchObject({ version: worse, action: 'force', reason: 'Topic routing is reviewed by hand this month' });
    expect((last!.drops as object[]).length).toBeGreaterThan(0);
    const models = await app.inject({ url: '/admin/models', headers: { cookie: admin } });
    expect(models.body).toContain('Topic routing is reviewed by hand this month');
    expect(models.body).toContain('Topic confusion matrix');

    // Rollback: `use`, recorded, no gate.
    expect((await post('/admin/models/use', '/admin/models', { version: String(version) })).statusCode).toBe(303);
    expect(await activeVersion(db.db)).toBe(version);
  }, 120_000);

  it('trains in a worker thread: the console answers /healthz and other pages meanwhile, and a second training is refused', async () => {
    // The loop's longest stall over the whole training: seconds of training on this thread would show here.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const started = performance.now();
    expect((await post('/admin/models/train', '/admin/models', {})).headers.location).toBe('/admin/models/training');
    const second = await post('/admin/models/train', '/admin/models', {});
    expect(second.headers.location).toBe('/admin/models/training');
    // The session carrying the flash that says why.
    const flashed = second.cookies.find((c) => c.name === 'foi_console')!;
    const told = await app.inject({ url: '/admin/models/training', headers: { cookie: `foi_console=${encodeURIComponent(flashed.value)}` } });
    expect(told.body).toContain('A candidate is already being trained');
    expect(told.body).toContain('This page refreshes');
    expect(told.body).toContain('src="/static/refresh-progress.js"');
    expect((await app.inject({ url: '/static/refresh-progress.js' })).headers['content-type']).toMatch(/javascript/);
    const status = await app.inject({ url: '/admin/models', headers: { cookie: admin } });
    expect(status.body).toContain('id="training-status"');
    expect(status.body).not.toContain('id="train"');

    // While it trains, /healthz and a queue page answer, each far sooner than the training takes.
    const answers: number[] = [];
    let location: string | undefined;
    const training = trainingEnd().then((to) => { location = to; });
    while (location === undefined) {
      const asked = performance.now();
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/cases', headers: { cookie: admin } })).statusCode).toBe(200);
      answers.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await training;
    const trainingMs = performance.now() - started;
    stalls.disable();
    expect(location).toMatch(/^\/admin\/models\/\d+\/compare$/);
    // Seconds of training in the request thread would hold some answer for most of it; a generous factor, no absolute time.
    expect(answers.length).toBeGreaterThan(3);
    expect(Math.max(...answers)).toBeLessThan(trainingMs / 4);
    expect(stalls.max / 1e6).toBeLessThan(trainingMs / 4);
    const [audit] = await db.db.select().from(consoleAudit).where(eq(consoleAudit.action, 'classifier_train'));
    expect(audit).toMatchObject({ actor: ADMIN });
  }, 120_000);

  it("adds a holiday that moves an open case's due date, and removes it again", async () => {
    const before = (await listCases(db.db, { reference: 'FOI-2017-00001' }))[0]!;
    expect(before.dueDate).toBe('2017-06-27');
    const bad = await post('/admin/holidays', '/admin/holidays', { date: '14/06/2017', jurisdiction: 'united-kingdom', reason: '' });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter the date as YYYY-MM-DD');
    expect(bad.body).toContain('value="14/06/2017"');
    const added = await post('/admin/holidays', '/admin/holidays', { date: '2017-06-14', jurisdiction: 'united-kingdom', reason: 'Proclamation (test)' });
    expect(added.statusCode).toBe(303);
    expect((await listCases(db.db, { reference: 'FOI-2017-00001' }))[0]!.dueDate).toBe('2017-06-28');
    const page = await app.inject({ url: '/admin/holidays?year=2017', headers: { cookie: admin } });
    expect(page.body).toContain('Proclamation (test)');
    expect(page.body).toContain('2017-08-28');
    const removed = await post('/admin/holidays/remove', '/admin/holidays', { date: '2017-06-14', jurisdiction: 'united-kingdom' });
    expect(removed.statusCode).toBe(303);
    expect((await listCases(db.db, { reference: 'FOI-2017-00001' }))[0]!.dueDate).toBe('2017-06-27');
  });

  it('checks and stores thresholds and detector phrases in the analysis settings file', async () => {
    const shown = await app.inject({ url: '/admin/settings', headers: { cookie: admin } });
    expect(shown.body).toContain('value="0.2"');
    const bad = await post('/admin/settings', '/admin/settings', {
      topicThreshold: '1.5', confidenceThreshold: '0.5', topicModelWeight: '0.3', section16Phrases: '(a)\\1', publicInterestPhrases: '', ambiguousTerms: '', topicKeywords: 'Not A Topic',
    });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter a number from 0 to 1 for topic threshold');
    expect(bad.body).toContain('is not a phrase the detector can use');
    expect(bad.body).toContain('Write each line as topic: word, word');
    expect(JSON.parse(readFileSync(settingsPath, 'utf8'))).toEqual({});
    const good = await post('/admin/settings', '/admin/settings', {
      topicThreshold: '0.25', confidenceThreshold: '0.5', topicModelWeight: '0.3', section16Phrases: 'point me to what you hold', publicInterestPhrases: '', ambiguousTerms: '\\bsignificant incidents?\\b',
      topicKeywords: 'cemeteries: burial, crematorium\ntransport: tram',
    });
    expect(good.statusCode).toBe(303);
    const settings = loadAnalysisSettings(settingsPath);
    expect(settings.topicThreshold).toBe(0.25);
    expect(settings.extraPatterns.section16).toHaveLength(1);
    expect(settings.topics).toContain('cemeteries');
    expect(settings.topicKeywords.transport).toContain('tram');
    // The label queue offers the new topic.
    expect((await app.inject({ url: '/admin/labels', headers: { cookie: admin } })).body).toContain('value="cemeteries"');
  });

  it('previews the templates for a real case and shows each mailbox\'s health', async () => {
    const preview = await app.inject({ url: '/admin/templates?reference=FOI-2017-00001&outcome=granted', headers: { cookie: admin } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Acknowledgement (to the requester)');
    expect(preview.body).toContain('Re: ');
    expect(preview.body).toContain('[FOI-2017-00001]');
    expect(preview.body).toContain('Response letter (response.txt)');
    expect((await app.inject({ url: '/admin/templates?reference=NOPE-1', headers: { cookie: admin } })).body).toContain('There is no case NOPE-1');
    const health = await app.inject({ url: '/admin/health', headers: { cookie: admin } });
    expect(health.body).toContain('id="mailbox-health"');
    expect(health.body).toContain('foi@example.gov.uk');
    expect(health.body).toMatch(/<table class="govuk-table" id="held-messages">[\s\S]*<td class="govuk-table__cell">#\d+<\/td>/);
  });
});
