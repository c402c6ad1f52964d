// The auto-responder's safety over real servers: never answer a spoofer, a machine or a
// duplicate. Sender authentication here trusts the receiving server's Authentication-Results
// header, as a Microsoft 365 or Gmail mailbox would; no DNS is involved.
import { describe, expect, it } from 'vitest';
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
    expect(foiCase!.flags.join(' ')).toMatch(/Possible spoof: DMARC fail/);
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
    expect(foiCase!.flags.join(' ')).not.toMatch(/spoof/i);
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
    expect(all[2]!.flags.join(' ')).toMatch(/Acknowledgement held: 2 already sent to alex@example.net in 24 hours \(limit 2\)/);
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
