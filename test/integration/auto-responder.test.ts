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
