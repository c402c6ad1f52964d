// `foi-intake case assign` as officers run it (a child process): an owner and a team, taken away with
// `none`, recorded as case_assigned, shown by `cases list --json`; a usage error changes nothing (exit 2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { cliEnv, jsonLines, runCli } from '../harness/cli.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS, fixture } from '../harness/test-runtime.js';

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-assign-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink()]);
});

afterEach(async () => {
  await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
  db = null;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('foi-intake case assign', () => {
  it('gives the case an owner and a team through the decider, and takes them away again', async () => {
    await mailbox.append(fixture('seed-it-security.eml'), new Date('2017-05-30T09:14:32Z'));
    if (process.env.DATABASE_URL) db = await createTestDatabase();
    const env = cliEnv({
      FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_AUTHORITY_NAME: 'Office of the Example Commissioner',
      ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }),
    });
    expect((await runCli(['run', '--once'], env)).code).toBe(0);
    const [seed] = jsonLines((await runCli(['cases', 'list', '--json'], env)).stdout);
    const ref = String(seed!.reference);

    const assigned = await runCli(['case', 'assign', ref, '--owner', 'Jo.Smith@Example.gov.uk', '--team', 'Information governance'], env);
    expect(assigned.stderr).toBe('');
    expect(JSON.parse(assigned.stdout)).toMatchObject({ reference: ref, status: 'acknowledged', dueDate: '2017-06-27', assigned: { owner: 'jo.smith@example.gov.uk', team: 'Information governance' } });
    expect(jsonLines((await runCli(['cases', 'list', '--json'], env)).stdout)[0]).toMatchObject({ owner: 'jo.smith@example.gov.uk', team: 'Information governance' });

    const refused = await runCli(['case', 'assign', ref, '--owner', 'not an address'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"not an address" is not an email address');
    expect((await runCli(['case', 'assign', ref], env)).code).toBe(2);

    expect((await runCli(['case', 'assign', ref, '--owner', 'none'], env)).code).toBe(0);
    const shown = JSON.parse((await runCli(['case', 'show', ref, '--json'], env)).stdout) as { owner: string | null; team: string | null; events: { event: string; details: Record<string, unknown> }[] };
    expect(shown).toMatchObject({ owner: null, team: 'Information governance' });
    expect(shown.events.filter((e) => e.event === 'case_assigned').map((e) => e.details.owner)).toEqual(['jo.smith@example.gov.uk', null]);
  });
});
