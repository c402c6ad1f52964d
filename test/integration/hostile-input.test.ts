// Hostile and broken mail (fixtures/hostile/) through the real pipeline: each message must end as a
// case or held, the run must finish with bounded memory, and nothing from a request may inject headers
// into our outgoing mail or markup into an officer's HTML summary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { fixturesDir } from '../../src/paths.js';
import { parseMail } from '../../src/pipeline/parse/parse-mail.js';
import type { ReceivedMail } from '../../src/demo/smtp-sink.js';
import { docxBombMessage, largeHostileMessages, smallHostileMessages, type HostileMessage } from '../../fixtures/hostile/generate.mjs';
import { OFFICERS, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const HOSTILE_DIR = join(fixturesDir, 'hostile');
const OFFICER_ADDRESS = OFFICERS.replace(/^.*<|>$/g, '');
const MB = 1024 * 1024;
/** Growth of this process's RSS over the run; the IMAP and SMTP servers under test share the process. */
const MAX_RSS_GROWTH = 600 * MB;
/** Header names a request tries to smuggle into our mail (see the injection fixtures). */
const INJECTED_HEADER = /^(bcc|x-injected)\s*:/im;
/** Markup from the HTML fixture that must reach an officer's HTML summary only as escaped text. */
const ACTIVE_MARKUP = /<script|<img|<iframe|<svg|\bon(error|load)\s*=/i;

const servers = useTestServers();

function committedCorpus(): HostileMessage[] {
  return readdirSync(HOSTILE_DIR)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => ({ name, tests: '', raw: readFileSync(join(HOSTILE_DIR, name)) }));
}

function requesterOf(raw: Buffer): string | null {
  return /^From:.*<(requester[^>]+@example\.org)>/im.exec(raw.toString('latin1'))?.[1] ?? null;
}

function headerBlock(mail: ReceivedMail): string {
  const raw = mail.raw.toString('latin1');
  const end = raw.indexOf('\r\n\r\n');
  return end < 0 ? raw : raw.slice(0, end);
}

/** Samples RSS every few milliseconds (and whenever the pipeline yields) until stopped. */
function watchRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

describe('hostile and broken input', () => {
  it('keeps the committed corpus in step with its generator', () => {
    const generated = smallHostileMessages();
    const committed = committedCorpus();
    expect(committed.map((m) => m.name)).toEqual(generated.map((m) => m.name));
    for (const [i, message] of generated.entries()) expect(committed[i]!.raw.equals(message.raw), message.name).toBe(true);
    expect(generated.length).toBeGreaterThanOrEqual(25);
  });

  it('refuses a zero-byte message with a clear error (IMAP servers refuse an empty APPEND, so only parse sees it)', async () => {
    await expect(parseMail(Buffer.alloc(0))).rejects.toMatchObject({ code: 'parse.empty_message' });
  });

  it('ends every message as a case or held, in bounded memory, with no injected headers or markup', async () => {
    const accepted: HostileMessage[] = [];
    const refused: string[] = [];
    for (const message of [...committedCorpus(), ...largeHostileMessages()]) {
      try {
        await servers.mailbox.append(message.raw);
        accepted.push(message);
      } catch {
        refused.push(message.name);
      }
    }
    // Whatever a server refuses never reaches us; everything else must be accounted for.
    expect(refused, `refused by ${servers.mailbox.kind} IMAP`).toEqual([]);
    const acceptedCount = accepted.length;
    const requesters = new Map(accepted.map((m) => [m.name, requesterOf(m.raw)]));
    accepted.length = 0; // let the 34 MB message go before measuring

    const baseline = process.memoryUsage().rss;
    const rss = watchRss();
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(runtime);
    await runtime.close();
    const peak = rss.stop();

    expect(report.mailbox, 'the mailbox pass ran').not.toBeNull();
    const { opened, attached, held, duplicates, alreadyRecorded, stoppedEarly } = report.mailbox!;
    expect(opened + attached + held + duplicates + alreadyRecorded).toBe(acceptedCount);
    expect({ duplicates, alreadyRecorded, stoppedEarly }).toEqual({ duplicates: 0, alreadyRecorded: 0, stoppedEarly: false });
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
    const [processed, heldFolder] = await Promise.all([servers.mailbox.subjectsIn('Processed'), servers.mailbox.subjectsIn('Held')]);
    expect(processed.length + heldFolder.length).toBe(acceptedCount);
    expect(heldFolder.length).toBe(held);
    expect(await listCases(servers.db.db)).toHaveLength(opened);
    expect(peak - baseline, `RSS grew by ${Math.round((peak - baseline) / MB)} MB`).toBeLessThan(MAX_RSS_GROWTH);

    // Outgoing mail: only the requester (acknowledgements) or the officers, and no smuggled header.
    expect(report.delivery?.failed ?? 0).toBe(0);
    for (const mail of servers.smtp.received) {
      const headers = headerBlock(mail);
      expect(headers, mail.parsed.subject).not.toMatch(INJECTED_HEADER);
      expect(mail.parsed.bcc).toBeUndefined();
      expect(mail.parsed.cc).toBeUndefined();
      if (mail.parsed.headers.get('auto-submitted') === 'auto-replied') {
        expect(mail.envelope.to).toHaveLength(1);
        expect(mail.envelope.to[0]).toMatch(/^requester[\w-]+@example\.org$/);
        const to = Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to];
        expect(to.flatMap((t) => t?.value ?? []).map((a) => a.address)).toEqual(mail.envelope.to);
      } else {
        expect(mail.envelope.to).toEqual([OFFICER_ADDRESS]);
      }
    }
    // The injection attempts were acknowledged, so the checks above had something to bite on.
    const acknowledged = new Set(servers.smtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied').flatMap((m) => m.envelope.to));
    for (const name of ['subject-crlf-injection-base64', 'subject-crlf-injection-qp', 'from-display-name-injection', 'message-id-with-crlf', 'reply-to-many-recipients']) {
      const entry = [...requesters].find(([file]) => file.includes(name));
      expect(entry, name).toBeDefined();
      expect(acknowledged.has(entry![1]!), `acknowledgement for ${name}`).toBe(true);
    }

    // Officers' HTML summaries carry the request's markup as text, never as markup.
    const summaries = servers.smtp.received.filter((m) => m.envelope.to.includes(OFFICER_ADDRESS) && typeof m.parsed.html === 'string');
    const htmlCase = summaries.find((m) => (m.parsed.text ?? '').includes('HOSTILE-HTML-MARKER'));
    expect(htmlCase, 'officer summary of the HTML/script request').toBeDefined();
    expect(htmlCase!.parsed.text).toContain('<script>');
    for (const summary of summaries) expect(summary.parsed.html as string, summary.parsed.subject).not.toMatch(ACTIVE_MARKUP);
  }, 300_000); // 35 messages with a 25 MB attachment among them; slow on a loaded 2-core machine

  // A ~200 KB zip whose document.xml inflates to 200 MB: the DOCX reader refuses it by its declared size,
  // and a zip that lies about it meets the reading worker's memory ceiling instead.
  it('opens a DOCX-shaped zip bomb that says "my request is attached" without inflating it in memory', async () => {
    const bomb = await docxBombMessage(200 * MB);
    await servers.mailbox.append(bomb.raw);
    const baseline = process.memoryUsage().rss;
    const rss = watchRss();
    const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url));
    const report = await runOnce(runtime);
    await runtime.close();
    expect(rss.stop() - baseline).toBeLessThan(MAX_RSS_GROWTH);
    expect(report.mailbox!.opened + report.mailbox!.held).toBe(1);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
  });
});
