// Assigning a case from its page and the queues that follow from it: "My cases" are the ones I own (and
// the ones I acted on), the owner and team filters, the owner column; stale and refused forms change nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { caseEvents, cases, consoleAudit } from '../../src/adapters/db/schema.js';
import { ownerKey } from '../../src/web/queue-routes.js';
import { useTestServers } from '../harness/test-runtime.js';
import { ADMIN, consoleOn, consoleSettings, OFFICER, seedCases, sessionCookie } from './console-harness.js';

const servers = useTestServers();
const REF = 'FOI-2017-00001';

async function seeded(): Promise<FastifyInstance> {
  const env = await seedCases(servers.db, servers.mailbox, servers.smtp.url);
  return consoleOn(servers.db, env, { ...consoleSettings('http://127.0.0.1:1'), topicTeams: { it_security: 'Information governance', housing: 'Housing team' } });
}

async function formOf(app: FastifyInstance, cookie: string): Promise<{ token: string; cookie: string; body: string }> {
  const response = await app.inject({ url: `/cases/${REF}`, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const set = response.cookies.find((c) => c.name === 'foi_console');
  return { token: token!, cookie: set ? `foi_console=${encodeURIComponent(set.value)}` : cookie, body: response.body };
}

const seedRow = async () => (await servers.db.db.select().from(cases).where(eq(cases.reference, REF)))[0]!;

describe('assigning cases', () => {
  it('assigns from the case page through the decider, and "my cases", the filters and the owner column follow', async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const form = await formOf(app, officer);
    expect(form.body).toContain('This case is <strong>unassigned</strong>');
    expect(form.body).toMatch(/Suggested team from the topics: <strong id="suggested-team">Information governance<\/strong>/);
    expect(form.body).toMatch(/<option value="Information governance" selected>Information governance \(suggested from the topics\)<\/option>/);

    const done = await app.inject({
      method: 'POST', url: `/cases/${REF}/assign`, headers: { cookie: form.cookie },
      payload: { _csrf: form.token, toMe: '1', owner: '', team: 'Information governance', expectedStatus: 'acknowledged', expectedDue: '2017-06-27', expectedOwner: '', expectedTeam: '' },
    });
    expect(done.statusCode).toBe(303);
    expect(await seedRow()).toMatchObject({ owner: OFFICER, team: 'Information governance', status: 'acknowledged', dueDate: '2017-06-27' });
    const events = await servers.db.db.select().from(caseEvents).where(eq(caseEvents.event, 'case_assigned'));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ owner: OFFICER, team: 'Information governance', previousOwner: null, by: OFFICER });

    const mine = await app.inject({ url: '/cases?queue=mine', headers: { cookie: officer } });
    expect(mine.body).toContain(REF);
    expect(mine.body).toContain(`<td class="govuk-table__cell">${OFFICER}<br>`);
    // The admin neither owns it nor acted on it.
    expect((await app.inject({ url: '/cases?queue=mine', headers: { cookie: sessionCookie(app, ADMIN) } })).body).not.toContain(REF);
    const byMe = await app.inject({ url: '/cases?queue=open&owner=me', headers: { cookie: officer } });
    expect(byMe.body).toContain(REF);
    expect(byMe.body).toContain('1 case');
    const byKey = await app.inject({ url: `/cases?queue=open&owner=${ownerKey(OFFICER)}`, headers: { cookie: sessionCookie(app, ADMIN) } });
    expect(byKey.body).toContain(REF);
    expect(byKey.body).toContain(`<option value="${ownerKey(OFFICER)}" selected>${OFFICER}</option>`);
    const nobody = await app.inject({ url: '/cases?queue=open&owner=none', headers: { cookie: officer } });
    expect(nobody.body).not.toContain(REF);
    expect(nobody.body).toContain('FOI-2017-00002');
    const team = await app.inject({ url: '/cases?queue=open&team=Information+governance', headers: { cookie: officer } });
    expect(team.body).toContain(REF);
    expect(team.body).not.toContain('FOI-2017-00002');
    await app.close();
  });

  it('refuses a stale form and an owner who cannot work the mailbox, keeping what was typed', async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const form = await formOf(app, officer);
    const post = (payload: Record<string, string>) => app.inject({
      method: 'POST', url: `/cases/${REF}/assign`, headers: { cookie: form.cookie },
      payload: { _csrf: form.token, expectedStatus: 'acknowledged', expectedDue: '2017-06-27', expectedOwner: '', expectedTeam: '', ...payload },
    });
    // Refused: the page again, the error summary pointing at the owner, what was typed kept.
    const shown = await post({ owner: 'stranger@example.net', team: '' });
    expect(shown.statusCode).toBe(400);
    expect(shown.body).toContain('There is a problem');
    expect(shown.body).toContain('href="#assign-owner"');
    expect(shown.body).toContain('stranger@example.net cannot work on this mailbox&#39;s cases in the console');
    expect(shown.body).toMatch(/id="assign-owner" name="owner" type="email"[^>]*value="stranger@example.net"/);
    expect((await seedRow()).owner).toBeNull();

    expect((await post({ owner: 'colleague@council.example.gov.uk', team: 'Housing team' })).statusCode).toBe(303);
    expect(await seedRow()).toMatchObject({ owner: 'colleague@council.example.gov.uk', team: 'Housing team' });
    // The same page again: the owner it was loaded with has changed since, so nothing is overwritten.
    await post({ owner: OFFICER, team: 'Housing team' });
    expect((await seedRow()).owner).toBe('colleague@council.example.gov.uk');
    expect((await servers.db.db.select().from(consoleAudit)).filter((a) => a.action === 'assign')).toHaveLength(1);
    await app.close();
  });
});
