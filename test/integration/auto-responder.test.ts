// The auto-responder's safety over real servers: never answer a spoofer, a machine or a
// duplicate. Sender authentication here trusts the receiving server's Authentication-Results
// header, as a Microsoft 365 or Gmail mailbox would; no DNS is involved.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseEventsOf } from '../../src/adapters/db/case-queries.js';
import { fixturesDir } from '../../src/paths.js';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();
const TRUSTED = { FOI_SENDER_AUTH: 'trust-header', FOI_TRUSTED_AUTHSERV_ID: 'mx.example.gov.uk' };

function request(options: { from: string; subject: string; body: string; headers?: string[]; id?: string }): string {
  return [
    ...(options.headers ?? []), `From: ${options.from}`, 'To: FOI Team <foi@example.gov.uk>', `Subject: ${options.subject}`,
    `Message-ID: <${options.id ?? Math.random().toString(36).slice(2)}@mail.example.net>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', '', options.body, '',
  ].join('\r\n');
}

async function runPass(extra: Record<string, string> = {}) {
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, extra));
  try {
    return await runOnce(runtime);
  } finally {
    await runtime.close();
  }
}

const BODY = 'Dear FOI team,\n\nPlease tell me how many parking fines the council issued in 2025.\n\nYours faithfully,\nAlex Carter';

describe('sender authentication', () => {
  it('opens a case for a DMARC failure but does not acknowledge it, and flags a possible spoof', async () => {
    await servers.mailbox.append(request({
      from: 'Alex Carter <alex@bank.example>', subject: 'Parking fines', body: BODY,
      headers: ['Authentication-Results: mx.example.gov.uk; spf=fail smtp.mailfrom=bank.example; dkim=none; dmarc=fail (p=reject) header.from=bank.example'],
    }));
    await runPass(TRUSTED);
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.flags).toContain('possible_spoof');
    expect(foiCase!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Possible spoof: DMARC fail/);
    expect(foiCase!.acknowledgedAt).toBeNull();
    expect(servers.smtp.received.map((m) => m.envelope.to)).toEqual([['officer@example.gov.uk']]);
  });

  it('ignores an Authentication-Results header written by anyone but the trusted server', async () => {
    await servers.mailbox.append(request({
      from: 'Alex Carter <alex@example.net>', subject: 'Parking fines', body: BODY,
      headers: [
        'Authentication-Results: mx.example.gov.uk; spf=pass smtp.mailfrom=example.net; dkim=pass header.d=example.net; dmarc=pass header.from=example.net',
        'Authentication-Results: forged.example; dmarc=fail header.from=example.net',
      ],
    }));
    await runPass(TRUSTED);
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.flags).not.toContain('possible_spoof');
    expect(foiCase!.flagDetails.map((f) => f.text).join(' ')).not.toMatch(/spoof/i);
    expect(foiCase!.acknowledgedAt).not.toBeNull();
  });
});

describe('limits', () => {
  it('acknowledges at most N requests from one address a day; the rest get cases, flagged', async () => {
    const topics = ['parking fines', 'library opening hours', 'pothole repairs'];
    for (const topic of topics) {
      await servers.mailbox.append(request({ from: 'Alex Carter <alex@example.net>', subject: topic, body: `Dear FOI team,\n\nHow much was spent on ${topic} in 2025?\n\nAlex Carter` }));
    }
    await runPass({ FOI_MAX_ACKS_PER_ADDRESS_PER_DAY: '2' });
    const all = await listCases(servers.db.db);
    expect(all).toHaveLength(3);
    expect(all.filter((c) => c.acknowledgedAt !== null)).toHaveLength(2);
    expect(all[2]!.flags).toContain('ack_rate_limited');
    expect(all[2]!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Acknowledgement held: 2 already sent to alex@example.net in 24 hours \(limit 2\)/);
  });

  it('does not mistake a second, different request with a generic subject for a reply', async () => {
    for (const topic of ['parking fines', 'library opening hours']) {
      await servers.mailbox.append(request({ from: 'Alex Carter <alex@example.net>', subject: 'Freedom of Information request', body: `Dear FOI team,\n\nHow much was spent on ${topic} in 2025?\n\nAlex Carter` }));
    }
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 2, attached: 0 });
  });

  it('holds mail the receiving server marked as spam, without a case', async () => {
    await servers.mailbox.append(request({ from: 'Winner <prize@example.biz>', subject: 'You have won', body: 'Claim your prize now!', headers: ['X-Spam-Flag: YES'] }));
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 0, held: 1 });
    expect(await listCases(servers.db.db)).toHaveLength(0);
    expect(servers.smtp.received).toHaveLength(0);
    expect(await servers.mailbox.subjectsIn('Held')).toEqual(['You have won']);
  });
});

function bounceOf(ackMessageId: string, ackSubject: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>', 'To: foi@example.gov.uk', 'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <bounce-1@mx.example.net>', 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain', '', 'I could not deliver your message to alex@example.net: user unknown.', '',
    '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '',
    'Final-Recipient: rfc822; alex@example.net', 'Action: failed', 'Status: 5.1.1', '',
    '--b1', 'Content-Type: text/rfc822-headers', '', 'From: FOI Team <foi@example.gov.uk>', 'To: alex@example.net',
    `Subject: ${ackSubject}`, `Message-ID: ${ackMessageId}`, '', '--b1--', '',
  ].join('\r\n');
}

describe('what each kind of message gets', () => {
  it('sends a complaint a short receipt, not a statutory acknowledgement', async () => {
    await servers.mailbox.append(request({
      from: 'Alex Carter <alex@example.net>', subject: 'Complaint about the handling of my FOI request',
      body: 'Dear Sir or Madam,\n\nI wish to complain about the way my FOI request was handled. You missed the 20 working day deadline and ignored my two chasers.\n\nYours faithfully,\nAlex Carter',
    }));
    await runPass();
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase).toMatchObject({ kind: 'complaint', dueDate: null });
    const receipt = servers.smtp.received.find((m) => m.envelope.to.includes('alex@example.net'))!;
    expect(receipt.parsed.text).toContain('recorded it as a complaint');
    expect(receipt.parsed.text).not.toMatch(/respond promptly, and in any case by/);
    expect(receipt.parsed.headers.get('auto-submitted')).toBe('auto-replied');
  });
});

describe('automated mail and repeats', () => {
  it('files a bounce of our acknowledgement with its case and flags it, opening nothing and answering nothing', async () => {
    await servers.mailbox.append(request({ from: 'Alex Carter <alex@example.net>', subject: 'Parking fines', body: BODY }));
    await runPass();
    const ack = servers.smtp.received.find((m) => m.envelope.to.includes('alex@example.net'))!;
    const sentBefore = servers.smtp.received.length;
    await servers.mailbox.append(bounceOf(ack.parsed.messageId!, ack.parsed.subject!));
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 0, attached: 1, held: 0 });
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.flags).toContain('bounced');
    expect(foiCase!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Acknowledgement undeliverable: .*status 5\.1\.1/);
    expect((await caseEventsOf(servers.db.db, foiCase!.id)).map((e) => e.event)).toContain('acknowledgement_bounced');
    const after = servers.smtp.received.slice(sentBefore);
    expect(after.map((m) => m.envelope.to)).toEqual([['officer@example.gov.uk']]);
  });

  it('gives a requester who sends the same request three times one case and one acknowledgement', async () => {
    for (const greeting of ['Dear FOI team,', 'Hello,', 'To whom it may concern,']) {
      await servers.mailbox.append(request({ from: 'Alex Carter <alex@example.net>', subject: 'Parking fines', body: BODY.replace('Dear FOI team,', greeting) }));
    }
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 1, attached: 2 });
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.messageIds.filter((id) => id.includes('.acknowledgement.'))).toHaveLength(1);
    expect(servers.smtp.received.filter((m) => m.envelope.to.includes('alex@example.net'))).toHaveLength(1);
    expect(foiCase!.flags).toContain('duplicate');
    expect(foiCase!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Duplicate: the requester sent this request again/);
  });

  it('opens a case for each requester of a campaign, linked and flagged for officers', async () => {
    for (const name of ['Alex Carter', 'Sam Patel', 'Kim Lee']) {
      const address = `${name.split(' ')[0]!.toLowerCase()}@example.net`;
      await servers.mailbox.append(request({ from: `${name} <${address}>`, subject: 'Parking fines', body: BODY.replace('Alex Carter', name) }));
    }
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 3 });
    const all = await listCases(servers.db.db);
    expect(all.filter((c) => c.acknowledgedAt !== null)).toHaveLength(3);
    expect(all[2]!.flags).toContain('campaign');
    expect(all[2]!.flagDetails.map((f) => f.text).join(' ')).toMatch(/Campaign: the same request came from 2 other requester\(s\) \(FOI-\d{4}-00001, FOI-\d{4}-00002\)/);
  });

  it('answers none of the automated corpus, and accounts for every message', async () => {
    const dir = join(fixturesDir, 'automated');
    const automated = readdirSync(dir).filter((f) => f.startsWith('auto-') && f.endsWith('.eml'));
    expect(automated.length).toBeGreaterThanOrEqual(30);
    for (const file of automated) await servers.mailbox.append(readFileSync(join(dir, file)));
    const report = await runPass();
    expect(report.mailbox!.opened).toBe(0);
    expect(report.mailbox!.held + report.mailbox!.attached).toBe(automated.length);
    expect(servers.smtp.received).toHaveLength(0);
    expect(await servers.mailbox.subjectsIn('INBOX')).toEqual([]);
  });
});
