// The whole hostile corpus (fixtures/hostile/, every committed message) through the `run --once`
// command in one pass, as an attacker's morning would bring it: the run exits 0, the inbox is
// empty, every message is a case or held, no mail goes to anyone who did not write to us (the
// officers aside), and each legitimate request among them is acknowledged exactly once.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { cases, inboundMessages } from '../../src/adapters/db/schema.js';
import { startSmtpSink, type SmtpSink } from '../../src/demo/smtp-sink.js';
import { fixturesDir } from '../../src/paths.js';
import { cliEnv, runCli } from '../harness/cli.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { startTestMailbox, type TestMailbox } from '../harness/test-mailbox.js';
import { FOI_FROM, OFFICERS } from '../harness/test-runtime.js';

const HOSTILE_DIR = join(fixturesDir, 'hostile');
const OFFICER_ADDRESS = OFFICERS.replace(/^.*<|>$/g, '');

let mailbox: TestMailbox;
let smtp: SmtpSink;
let db: TestDatabase | null = null;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'foi-hostile-corpus-'));
  [mailbox, smtp] = await Promise.all([startTestMailbox(), startSmtpSink()]);
  if (process.env.DATABASE_URL) db = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all([mailbox.close(), smtp.close(), db?.drop()]);
  db = null;
  rmSync(dataDir, { recursive: true, force: true });
});

interface CorpusMessage {
  name: string;
  raw: Buffer;
  /** The address in its own From header (read here, not by the product's parser); null without one. */
  sender: string | null;
}

function corpus(): CorpusMessage[] {
  return readdirSync(HOSTILE_DIR).filter((name) => name.endsWith('.eml')).sort().map((name) => {
    const raw = readFileSync(join(HOSTILE_DIR, name));
    return { name, raw, sender: senderOf(raw) };
  });
}

function senderOf(raw: Buffer): string | null {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const from = /^From:[ \t]*([^\r\n]*)/im.exec(end < 0 ? text : text.slice(0, end))?.[1];
  if (!from) return null;
  return (/<([^<>@\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from)?.[1] ?? null)?.toLowerCase() ?? null;
}

describe('the hostile corpus in one pass', () => {
  it('mails no one who did not write, empties the inbox, files or holds everything, and acknowledges each legitimate request once', async () => {
    const messages = corpus();
    expect(messages.length).toBeGreaterThanOrEqual(30);
    for (const message of messages) await mailbox.append(message.raw);

    const env = cliEnv({
      ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: dataDir }),
      FOI_IMAP_URL: mailbox.url, FOI_SMTP_URL: smtp.url, FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_LOG_LEVEL: 'error',
      // The fixtures are dated 2026-11-03: acknowledge whatever the receipt date (DESIGN.md, contract details).
      FOI_ACKNOWLEDGE_SINCE: 'all',
    });
    const result = await runCli(['run', '--once'], env);
    expect(result.code, result.stderr).toBe(0);

    // The mailbox: nothing left, everything in Processed or Held.
    expect(await mailbox.subjectsIn('INBOX')).toEqual([]);
    const [processed, held] = await Promise.all([mailbox.subjectsIn('Processed'), mailbox.subjectsIn('Held')]);
    expect(processed.length + held.length).toBe(messages.length);

    // The database: one row per message, each a case or held (no message lost as a duplicate).
    const database = db ?? (await openDatabase({ databaseUrl: null, dataDir }));
    let rows: { disposition: string; caseId: number | null }[];
    let caseCount: number;
    try {
      rows = await database.db.select({ disposition: inboundMessages.disposition, caseId: inboundMessages.caseId }).from(inboundMessages);
      caseCount = (await database.db.select({ id: cases.id }).from(cases)).length;
    } finally {
      if (!db) await database.close();
    }
    expect(rows).toHaveLength(messages.length);
    for (const row of rows) expect(['opened_case', 'attached', 'held']).toContain(row.disposition);
    expect(rows.filter((r) => r.disposition === 'held')).toHaveLength(held.length);
    expect(caseCount).toBe(rows.filter((r) => r.disposition === 'opened_case').length);

    // Who was mailed: the officers, or someone whose own message is in the corpus; never a list.
    const senders = new Set(messages.map((m) => m.sender).filter((s): s is string => s !== null));
    for (const mail of smtp.received) {
      const to = mail.envelope.to.map((a) => a.toLowerCase());
      if (to.includes(OFFICER_ADDRESS)) {
        expect(to, `${mail.parsed.subject}`).toEqual([OFFICER_ADDRESS]);
        continue;
      }
      // Soft: every stranger mailed is reported, and the checks below still run.
      expect.soft(to, `${mail.parsed.subject}`).toHaveLength(1);
      for (const address of to) expect.soft(senders.has(address), `${address} did not write to us (${mail.parsed.subject})`).toBe(true);
    }

    // Automated mail is never answered; each acknowledgement goes to one address, once; each legitimate request gets one.
    const acknowledgements = smtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied');
    const perAddress = new Map<string, number>();
    for (const ack of acknowledgements) for (const to of ack.envelope.to) perAddress.set(to.toLowerCase(), (perAddress.get(to.toLowerCase()) ?? 0) + 1);
    for (const [address, count] of perAddress) expect.soft(count, address).toBe(1);
    const automated = messages.find((m) => m.name.includes('out-of-office'))!;
    expect(perAddress.has(automated.sender!)).toBe(false);
    const legitimate = messages.filter((m) => m.name.includes('legitimate'));
    expect(legitimate.length).toBeGreaterThanOrEqual(3);
    for (const message of legitimate) expect(perAddress.get(message.sender!), message.name).toBe(1);
  }, 300_000);
});
