// A console over cases the real pipeline opened from the sample requests, for the console's tests.
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createStores } from '../../src/adapters/db/stores.js';
import { loadConfig } from '../../src/config.js';
import type { ConsoleSettings } from '../../src/config/console-settings.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { notifyDirectoryOf } from '../../src/runtime/notify-directory.js';
import { buildConsole } from '../../src/web/server.js';
import { fixture, openTestRuntime, testEnv } from '../harness/test-runtime.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';

export const ADMIN = 'admin@example.gov.uk';
export const OFFICER = 'officer@council.example.gov.uk';
/** Sees only the `eir` mailbox's cases. */
export const EIR_OFFICER = 'eir.officer@example.org';
export const SEED_RECEIVED = new Date('2017-05-30T09:14:32Z');
/** A day inside the seed request's 20 working days. */
export const TODAY = new Date('2017-06-12T10:00:00Z');

export function consoleSettings(issuer: string, port = 0): ConsoleSettings {
  return {
    port, host: '127.0.0.1', oidc: { issuer: new URL(issuer), clientId: 'foi-console', clientSecret: 'console-client-secret' },
    consoleUrl: new URL(`http://127.0.0.1:${port}`), admins: [ADMIN], officers: ['@council.example.gov.uk'],
    mailboxOfficers: { eir: [EIR_OFFICER] }, sessionSecret: 'a-test-session-secret-of-32-characters-or-more',
  };
}

/** The seed request and two more, through `run --once` as in production. */
export async function seedCases(db: TestDatabase, mailbox: TestMailbox, smtpUrl: string): Promise<NodeJS.ProcessEnv> {
  await mailbox.append(fixture('seed-it-security.eml'), SEED_RECEIVED);
  await mailbox.append(fixture('numbered-request.eml'), new Date('2017-06-01T10:00:00Z'));
  await mailbox.append(fixture('eir-air-quality.eml'), new Date('2017-06-02T10:00:00Z'));
  const env = testEnv(mailbox.url, smtpUrl);
  const runtime = await openTestRuntime(db, env);
  await runOnce(runtime);
  await runtime.close();
  return env;
}

export async function consoleOn(db: TestDatabase, env: NodeJS.ProcessEnv, settings: ConsoleSettings): Promise<FastifyInstance> {
  return buildConsole({
    db: db.db, stores: createStores(db.db), settings, notify: notifyDirectoryOf(loadConfig(env)), log: pino({ level: 'silent' }),
    databaseUp: async () => true, now: () => TODAY,
  });
}

/** A session cookie for `identity`, as sign-in would set it. */
export function sessionCookie(app: FastifyInstance, identity: string): string {
  const session = (app as unknown as { createSecureSession(data: object): unknown }).createSecureSession({ identity });
  return `foi_console=${encodeURIComponent((app as unknown as { encodeSecureSession(s: unknown): string }).encodeSecureSession(session))}`;
}
