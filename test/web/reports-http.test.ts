// The reports page over HTTP: officers and admins see the compliance figures for a period they choose,
// with charts named for screen readers and tables of the same figures, and the disclosure log; both
// download as CSV. An officer of one mailbox counts only its requests; a bad period is explained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { ADMIN, consoleOn, consoleSettings, EIR_OFFICER, OFFICER, seedCases, sessionCookie } from './console-harness.js';

let db: TestDatabase; let mailbox: TestMailbox; let smtp: SmtpSink; let app: FastifyInstance;

beforeAll(async () => {
  [db, mailbox, smtp] = await Promise.all([createTestDatabase(), startTestMailbox(), startSmtpSink()]);
  const env = await seedCases(db, mailbox, smtp.url);
  app = await consoleOn(db, env, consoleSettings('http://127.0.0.1:1'));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([db?.drop(), mailbox?.close(), smtp?.close()]);
});

describe('the reports page', () => {
  it('shows an officer the period\'s figures with accessible charts, and downloads them as CSV', async () => {
    const officer = sessionCookie(app, OFFICER);
    expect((await app.inject({ url: '/reports' })).statusCode).toBe(302);
    const page = await app.inject({ url: '/reports?from=2017-05-01&to=2017-06-30', headers: { cookie: officer } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Requests received 2017-05-01 to 2017-06-30:\s*<strong>3<\/strong> received/);
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('<title id="chart-outcomes-title">');
    expect(page.body).toContain('id="by-month"');
    expect(page.body).toContain('href="/reports/compliance.csv?from=2017-05-01&amp;to=2017-06-30"');
    expect(page.body).not.toMatch(/style="/);
    expect(page.body).toMatch(/<a[^>]*href="\/reports"[^>]*aria-current="true"/);

    const csv = await app.inject({ url: '/reports/compliance.csv?from=2017-05-01&to=2017-06-30', headers: { cookie: officer } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('compliance-2017-05-01-2017-06-30.csv');
    expect(csv.body).toMatch(/^period_from,period_to,mailbox,section,measure,value\r\n/);
    expect(csv.body).toContain('2017-05-01,2017-06-30,all,summary,Requests received (FOI and EIR),3');
    const log = await app.inject({ url: '/reports/disclosure-log.csv', headers: { cookie: sessionCookie(app, ADMIN) } });
    expect(log.body).toMatch(/^reference,received,responded,subject,request,questions,outcome,provisions,attachments/);
  });

  it('explains a bad period and keeps what was typed', async () => {
    const page = await app.inject({ url: '/reports?from=2017-06-30&to=2017-05-01', headers: { cookie: sessionCookie(app, OFFICER) } });
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('The end of the period must be on or after its start');
    expect(page.body).toContain('value="2017-06-30"');
    const csv = await app.inject({ url: '/reports/compliance.csv?from=nope', headers: { cookie: sessionCookie(app, OFFICER) } });
    expect(csv.statusCode).toBe(400);
  });

  it("counts only an officer's own mailbox", async () => {
    const page = await app.inject({ url: '/reports?from=2017-05-01&to=2017-06-30&mailbox=default', headers: { cookie: sessionCookie(app, EIR_OFFICER) } });
    expect(page.body).toContain('(mailbox eir)');
    expect(page.body).toMatch(/<strong>0<\/strong> received/);
  });
});
