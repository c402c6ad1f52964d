// `npm run demo`: the real pipeline on embedded defaults. A throwaway PGlite database, an
// in-process IMAP server seeded with the sample requests in fixtures/mail, an in-process SMTP
// server; then the same `run --once` code as production, and a readable account of what happened.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { listCases } from '../adapters/db/case-queries.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { fixturesDir } from '../paths.js';
import { openRuntime } from '../runtime.js';
import { runOnce } from '../jobs/run-once.js';
import { describeCase } from '../cli/cases-command.js';
import { recordDemoOutcomes } from './demo-outcomes.js';
import { startInProcessImap } from './in-process-imap.js';
import { startSmtpSink, type ReceivedMail } from './smtp-sink.js';
import { serveDemoConsole } from './serve-console.js';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function seedMailbox(url: string): Promise<number> {
  const u = new URL(url);
  const client = new ImapFlow({ host: u.hostname, port: Number(u.port), secure: false, logger: false, auth: { user: 'testuser', pass: 'testpass' } });
  await client.connect();
  const dir = join(fixturesDir, 'mail');
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const file of files) {
    const raw = readFileSync(join(dir, file));
    // The sender's Date stands in for the time our server received it (INTERNALDATE).
    const sent = (await simpleParser(raw).catch(() => null))?.date ?? new Date();
    await client.append('INBOX', raw, [], sent);
  }
  await client.logout();
  return files.length;
}

function describeSent(mail: ReceivedMail): string {
  const body = (mail.parsed.text ?? '').trim().split('\n').slice(0, 14).map((l) => `      | ${l}`).join('\n');
  return `  → ${mail.envelope.to.join(', ')}\n    Subject: ${mail.parsed.subject}\n    Auto-Submitted: ${mail.parsed.headers.get('auto-submitted') ?? '-'}\n${body}\n      | …`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'foi-intake-demo-'));
  const [imap, smtp] = await Promise.all([startInProcessImap(), startSmtpSink()]);
  try {
    const seeded = await seedMailbox(imap.url);
    say(`foi-intake demo: ${seeded} sample messages in an in-process mailbox; database in ${dataDir}`);
    const config = loadConfig({
      FOI_DATA_DIR: dataDir, FOI_IMAP_URL: imap.url, FOI_SMTP_URL: smtp.url, FOI_FROM: 'FOI Team <foi@example.gov.uk>',
      FOI_OFFICERS: 'Casework Officer <officer@example.gov.uk>', FOI_AUTHORITY_NAME: 'Example Borough Council',
      FOI_LOG_LEVEL: process.env.FOI_LOG_LEVEL ?? 'warn',
      // The sample requests are put in the mailbox before it is first read: acknowledge them all.
      FOI_ACKNOWLEDGE_SINCE: 'all',
    });
    const runtime = await openRuntime(config, createLogger(config.logLevel));
    const report = await runOnce(runtime);
    say(`\nrun --once: ${JSON.stringify(report.mailbox)}; outbox ${JSON.stringify(report.delivery)}\n`);
    say('== Cases ==');
    for (const c of await listCases(runtime.database.db)) say(`${describeCase(c)}\n`);
    say('== Messages sent ==');
    for (const mail of smtp.received) say(`${describeSent(mail)}\n`);
    await recordDemoOutcomes(runtime, say, new Date());
    if (process.argv.includes('--serve')) await serveDemoConsole(runtime.database, config, say);
    await runtime.close();
  } finally {
    await Promise.all([imap.close(), smtp.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
