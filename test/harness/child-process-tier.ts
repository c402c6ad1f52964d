// What the tests that run `foi-intake` as a child process share: a test mailbox and SMTP sink, and the
// database tier the suite runs on — a fresh PostgreSQL database when DATABASE_URL is set, else a fresh
// PGlite folder the child processes open in turn — with the environment that points a child at them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { cliEnv } from './cli.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startTestMailbox, type TestMailbox } from './test-mailbox.js';
import { FOI_FROM, OFFICERS } from './test-runtime.js';

export interface ChildProcessTier {
  mailbox: TestMailbox;
  smtp: SmtpSink;
  /** Null on PGlite: the children share `dataDir`. */
  db: TestDatabase | null;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export interface TierOptions {
  /** Names the PGlite folder, to tell the tests' leftovers apart. */
  prefix: string;
  /** false: the sink keeps raw messages only (cheaper for large backlogs). */
  parseMail?: boolean;
  /** Settings beyond the mailbox, SMTP, sender, officers and database. */
  env?: Record<string, string>;
}

export async function startChildProcessTier(options: TierOptions): Promise<ChildProcessTier> {
  const dataDir = mkdtempSync(join(tmpdir(), `${options.prefix}-`));
  const [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink(options.parseMail === false ? { parse: false } : undefined)]);
  const db = process.env.DATABASE_URL ? await createTestDatabase() : null;
  const env = cliEnv({
    ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }),
    FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, ...options.env,
  });
  return {
    mailbox, smtp, db, dataDir, env,
    close: async () => {
      await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
