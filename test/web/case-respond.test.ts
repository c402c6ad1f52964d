// Responding from the case page with the outcome and the provisions applied, and extending for the
// public interest test: the same decider as `case respond --outcome` and `case extend --pit`. An unknown
// provision is a form error and nothing is recorded; a form loaded before someone else acted is refused.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { consoleAudit } from '../../src/adapters/db/schema.js';
import { createStores } from '../../src/adapters/db/stores.js';
import { loadConfig } from '../../src/config.js';
import { actOnCase } from '../../src/pipeline/case/act-on-case.js';
import { notifyDirectoryOf } from '../../src/runtime/notify-directory.js';
import { useTestServers } from '../harness/test-runtime.js';
import { consoleOn, consoleSettings, OFFICER, seedCases, sessionCookie, TODAY } from './console-harness.js';
import { caseRow, hiddenIn, loadPage, postForm } from './case-forms.js';

const servers = useTestServers();
const REF = 'FOI-2017-00001';
const PAGE = `/cases/${REF}`;

async function seeded(): Promise<FastifyInstance> {
  const env = await seedCases(servers.db, servers.mailbox, servers.smtp.url);
  return consoleOn(servers.db, env, consoleSettings('http://127.0.0.1:1'));
}

const expected = (body: string, action: string) => ({
  expectedStatus: hiddenIn(body, `action-${action}`, 'expectedStatus'), expectedDue: hiddenIn(body, `action-${action}`, 'expectedDue'),
});

describe('responding from the console', () => {
  it('refuses an unknown provision with nothing recorded, then records the outcome and provisions', async () => {
    const app = await seeded();
    let form = await loadPage(app, PAGE, sessionCookie(app, OFFICER));
    expect(form.body).toContain('Granted in full');
    const refused = await postForm(app, form, `${PAGE}/actions`, { action: 'respond', outcome: 'refused', provisions: 's99(9)', ...expected(form.body, 'respond') });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#respond-provisions"');
    expect(refused.body).toMatch(/s99\(9\)[^<]*is not a provision/);
    expect(refused.body).toMatch(/id="respond-outcome-3"[^>]*value="refused" checked/);
    expect(await caseRow(servers.db.db, REF)).toMatchObject({ status: 'acknowledged', outcome: null, exemptions: [], respondedOn: null });
    expect((await servers.db.db.select().from(consoleAudit)).map((a) => a.action)).toEqual(['view']);

    const noOutcome = await postForm(app, form, `${PAGE}/actions`, { action: 'respond', ...expected(form.body, 'respond') });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Choose what the response decided');

    const done = await postForm(app, form, `${PAGE}/actions`, { action: 'respond', outcome: 'part_granted', provisions: 's.40(2), s43(2)', on: '2017-06-12', ...expected(form.body, 'respond') });
    expect(done.statusCode).toBe(303);
    expect(await caseRow(servers.db.db, REF)).toMatchObject({ status: 'responded', outcome: 'part_granted', exemptions: ['s40(2)', 's43(2)'], respondedOn: '2017-06-12' });
    const audit = await servers.db.db.select().from(consoleAudit);
    expect(audit.at(-1)).toMatchObject({ actor: OFFICER, action: 'respond', details: { outcome: 'part_granted', exemptions: ['s40(2)', 's43(2)'] } });
    form = await loadPage(app, PAGE, form.cookie);
    expect(form.body).toContain('Outcome recorded: part granted (s40(2), s43(2))');
    expect(form.body).toMatch(/id="case-outcome">\s*part granted, sent 2017-06-12/);

    // The respond form loaded before the response: refused, nothing overwritten.
    const stale = await postForm(app, form, `${PAGE}/actions`, { action: 'respond', outcome: 'granted', expectedStatus: 'acknowledged', expectedDue: '2017-06-27' });
    expect(stale.statusCode).toBe(303);
    expect(await caseRow(servers.db.db, REF)).toMatchObject({ status: 'responded', outcome: 'part_granted', exemptions: ['s40(2)', 's43(2)'] });
    expect((await loadPage(app, PAGE, form.cookie)).body).toContain('Someone else changed this case');
    await app.close();
  });

  it('extends for the public interest test with the exemption weighed, as case extend --pit does', async () => {
    const app = await seeded();
    const form = await loadPage(app, PAGE, sessionCookie(app, OFFICER));
    const bad = await postForm(app, form, `${PAGE}/actions`, { action: 'extend', extension: 'pit', exemptions: 's40(1)', ...expected(form.body, 'extend') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#extend-exemptions"');
    expect((await caseRow(servers.db.db, REF)).dueDate).toBe('2017-06-27');
    const done = await postForm(app, form, `${PAGE}/actions`, { action: 'extend', extension: 'pit', exemptions: 's43(2)', ...expected(form.body, 'extend') });
    expect(done.statusCode).toBe(303);
    const after = await caseRow(servers.db.db, REF);
    expect(after.dueDate! > '2017-06-27').toBe(true);
    expect((await loadPage(app, PAGE, form.cookie)).body).toContain(`due ${after.dueDate}`);
    await app.close();
  });

  it('gives an outcome to a response recorded without one, keeping the day it was sent', async () => {
    const env = await seedCases(servers.db, servers.mailbox, servers.smtp.url);
    const app = await consoleOn(servers.db, env, consoleSettings('http://127.0.0.1:1'));
    // As `case respond REF` without --outcome records it.
    await actOnCase(createStores(servers.db.db).cases, REF, { type: 'respond', date: '2017-06-09', cause: 'officer' }, { now: TODAY, notify: notifyDirectoryOf(loadConfig(env)) });
    const form = await loadPage(app, PAGE, sessionCookie(app, OFFICER));
    expect(form.body).toContain('id="action-respond"');
    const done = await postForm(app, form, `${PAGE}/actions`, { action: 'respond', outcome: 'granted', ...expected(form.body, 'respond') });
    expect(done.statusCode).toBe(303);
    expect(await caseRow(servers.db.db, REF)).toMatchObject({ status: 'responded', outcome: 'granted', respondedOn: '2017-06-09' });
    await app.close();
  });
});
