// The console over HTTP (no browser): who may see what, CSRF, the security headers, the queues, the
// case page, and an action through the same decider as the CLI, with its audit.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { consoleAudit } from '../../src/adapters/db/schema.js';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startConsole } from '../../src/web/start-console.js';
import { createTestDatabase } from '../harness/test-database.js';
import { testEnv, useTestServers } from '../harness/test-runtime.js';
import { ADMIN, consoleOn, consoleSettings, EIR_OFFICER, OFFICER, seedCases, sessionCookie } from './console-harness.js';

const servers = useTestServers();

async function seeded(): Promise<FastifyInstance> {
  const env = await seedCases(servers.db, servers.mailbox, servers.smtp.url);
  return consoleOn(servers.db, env, consoleSettings('http://127.0.0.1:1'));
}

/** The page's CSRF token and the session cookie that goes with it. */
async function formOf(app: FastifyInstance, url: string, cookie: string): Promise<{ token: string; cookie: string }> {
  const response = await app.inject({ url, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const set = response.cookies.find((c) => c.name === 'foi_console');
  return { token: token!, cookie: set ? `foi_console=${encodeURIComponent(set.value)}` : cookie };
}

describe('the console', () => {
  it('sends anonymous page requests to sign-in, shows no case data, and answers /healthz', async () => {
    const app = await seeded();
    const anonymous = await app.inject({ url: '/cases' });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/sign-in');
    const [seed] = await listCases(servers.db.db);
    const casePage = await app.inject({ url: `/cases/${seed!.reference}` });
    expect(casePage.statusCode).toBe(302);
    expect(casePage.body).not.toContain('security');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const signIn = await app.inject({ url: '/sign-in' });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(signIn.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    expect(signIn.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    await app.close();
  });

  it('lets an officer see the queues and the case page, but not the admin pages or another mailbox', async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const queues = await app.inject({ url: '/cases', headers: { cookie: officer } });
    expect(queues.statusCode).toBe(200);
    expect(queues.body).toContain('FOI-2017-00001');
    expect(queues.body).toMatch(/Overdue/);
    const searched = await app.inject({ url: '/cases?q=cyber+security', headers: { cookie: officer } });
    expect(searched.body).toContain('FOI-2017-00001');
    expect(searched.body).toContain('1 case');
    const page = await app.inject({ url: '/cases/FOI-2017-00001', headers: { cookie: officer } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<mark title="Advice and assistance \(s.16\)">/);
    expect(page.body).toContain('How the due date was worked out');
    expect(page.body).toContain('it security');
    const forbidden = await app.inject({ url: '/admin', headers: { cookie: officer } });
    expect(forbidden.statusCode).toBe(403);
    expect((await app.inject({ url: '/admin', headers: { cookie: sessionCookie(app, ADMIN) } })).statusCode).toBe(200);
    // An officer of the EIR mailbox only: the default mailbox's cases are not there for them.
    const eirOfficer = sessionCookie(app, EIR_OFFICER);
    expect((await app.inject({ url: '/cases/FOI-2017-00001', headers: { cookie: eirOfficer } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/cases', headers: { cookie: eirOfficer } })).body).not.toContain('FOI-2017-00001');
    // Someone with no role gets nothing.
    expect((await app.inject({ url: '/cases', headers: { cookie: sessionCookie(app, 'stranger@example.net') } })).statusCode).toBe(302);
    await app.close();
  });

  it('refuses a form without its CSRF token, and acts through the decider with one audited change', async () => {
    const app = await seeded();
    const officer = sessionCookie(app, OFFICER);
    const noToken = await app.inject({
      method: 'POST', url: '/cases/FOI-2017-00001/actions', headers: { cookie: officer },
      payload: { action: 'seek_clarification', message: 'Which site?', expectedStatus: 'acknowledged', expectedDue: '2017-06-27' },
    });
    expect(noToken.statusCode).toBe(403);
    expect((await listCases(servers.db.db, { reference: 'FOI-2017-00001' }))[0]!.status).toBe('acknowledged');

    const form = await formOf(app, '/cases/FOI-2017-00001', officer);
    const done = await app.inject({
      method: 'POST', url: '/cases/FOI-2017-00001/actions', headers: { cookie: form.cookie },
      payload: { _csrf: form.token, action: 'seek_clarification', message: 'Which site do you mean?', expectedStatus: 'acknowledged', expectedDue: '2017-06-27' },
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/cases/FOI-2017-00001');
    const [after] = await listCases(servers.db.db, { reference: 'FOI-2017-00001' });
    expect(after).toMatchObject({ status: 'awaiting_clarification', dueDate: null });

    // The same form again, as from a page loaded before the change: refused, nothing overwritten.
    const stale = await app.inject({
      method: 'POST', url: '/cases/FOI-2017-00001/actions', headers: { cookie: form.cookie },
      payload: { _csrf: form.token, action: 'close', expectedStatus: 'acknowledged', expectedDue: '2017-06-27' },
    });
    expect(stale.statusCode).toBe(303);
    expect((await listCases(servers.db.db, { reference: 'FOI-2017-00001' }))[0]!.status).toBe('awaiting_clarification');

    const audit = await servers.db.db.select().from(consoleAudit);
    expect(audit.map((a) => a.action)).toEqual(['view', 'seek_clarification']);
    expect(audit.every((a) => a.actor === OFFICER)).toBe(true);
    const mine = await app.inject({ url: '/cases?queue=mine', headers: { cookie: officer } });
    expect(mine.body).toContain('FOI-2017-00001');
    await app.close();
  });

  it('answers /healthz 503 while the database is down', async () => {
    const database = await createTestDatabase();
    const env = testEnv(servers.mailbox.url, servers.smtp.url);
    const running = await startConsole({ database, config: loadConfig(env), settings: consoleSettings('http://127.0.0.1:1'), log: pino({ level: 'silent' }) });
    expect((await fetch(`${running.origin}/healthz`)).status).toBe(200);
    await database.drop();
    expect((await fetch(`${running.origin}/healthz`)).status).toBe(503);
    await running.close();
  });
});
