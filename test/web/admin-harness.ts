// The console for the admin and reports tests: the console harness's seeded cases plus one request whose
// questions the classifier is unsure of (so the label queue has work), with the admin options set.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createStores } from '../../src/adapters/db/stores.js';
import { loadConfig } from '../../src/config.js';
import type { ConsoleSettings } from '../../src/config/console-settings.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { notifyDirectoryOf } from '../../src/runtime/notify-directory.js';
import { buildConsole } from '../../src/web/server.js';
import { fixture, openTestRuntime } from '../harness/test-runtime.js';
import type { TestDatabase } from '../harness/test-database.js';
import type { TestMailbox } from '../harness/test-mailbox.js';
import { seedCases, TODAY } from './console-harness.js';

/** Both of its questions are read with low confidence (no topic reaches the threshold). A junk message is held too. */
export const VAGUE = 'FOI-2017-00004';

export async function seedAdminCases(db: TestDatabase, mailbox: TestMailbox, smtpUrl: string): Promise<NodeJS.ProcessEnv> {
  const env = await seedCases(db, mailbox, smtpUrl);
  await mailbox.append(readFileSync(fileURLToPath(new URL('./admin-fixtures/vague-request.eml', import.meta.url))), new Date('2017-06-05T08:30:00Z'));
  // Junk with no headers: held for an officer, for the mailbox health page.
  await mailbox.append(fixture('unparsable.eml'), new Date('2017-06-06T08:30:00Z'));
  const runtime = await openTestRuntime(db, env);
  await runOnce(runtime);
  await runtime.close();
  return env;
}

/** A fresh, empty analysis settings file for the settings page to write. */
export function emptySettingsFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'foi-admin-')), 'analysis.json');
  writeFileSync(path, '{}\n');
  return path;
}

export async function adminConsoleOn(db: TestDatabase, env: NodeJS.ProcessEnv, settings: ConsoleSettings, analysisConfigPath: string | null = null): Promise<FastifyInstance> {
  return buildConsole({
    db: db.db, stores: createStores(db.db), settings, notify: notifyDirectoryOf(loadConfig(env)), log: pino({ level: 'silent' }),
    databaseUp: async () => true, now: () => TODAY, admin: { analysisConfigPath },
  });
}
