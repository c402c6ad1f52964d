// Issue 10, "one recipient, who wrote to us" and "clean echoes", over real servers: attacks written as
// fixtures (fixtures/hostile/attacks/) go through `run --once` with sender authentication on, and the
// SMTP sink shows who got mail. Automatic mail goes to one mailbox, the sender of the message we
// received; a forwarded block names the requester only when a colleague inside the authority forwards it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/adapters/db/case-queries.js';
import { runOnce } from '../../src/jobs/run-once.js';
import { fixturesDir } from '../../src/paths.js';
import type { ReceivedMail } from '../../src/demo/smtp-sink.js';
import { OFFICERS, openTestRuntime, testEnv, useTestServers } from '../harness/test-runtime.js';

const servers = useTestServers();
const OFFICER = OFFICERS.replace(/^.*<|>$/g, '');
const TRUSTED = { FOI_SENDER_AUTH: 'trust-header', FOI_TRUSTED_AUTHSERV_ID: 'mx.example.gov.uk', FOI_ACKNOWLEDGE_SINCE: 'all' };
const RECEIVED = new Date('2026-03-02T09:30:00Z');

const attack = (name: string) => readFileSync(join(fixturesDir, 'hostile', 'attacks', name));

async function runPass(extra: Record<string, string> = TRUSTED) {
  const runtime = await openTestRuntime(servers.db, testEnv(servers.mailbox.url, servers.smtp.url, extra));
  try {
    return await runOnce(runtime);
  } finally {
    await runtime.close();
  }
}

/** Every recipient of mail that did not go to the officers. */
const publicRecipients = () => servers.smtp.received.filter((m) => !m.envelope.to.includes(OFFICER)).map((m) => m.envelope.to);
const toOfficers = () => servers.smtp.received.filter((m) => m.envelope.to.includes(OFFICER));

describe('one recipient, who wrote to us', () => {
  it('answers an outside sender\'s forward of a 200-address "From:" only to that sender, showing officers whom it claimed', async () => {
    await servers.mailbox.append(attack('forwarded-to-200-addresses.eml'), RECEIVED);
    const report = await runPass();
    expect(report.mailbox).toMatchObject({ opened: 1, held: 0 });
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.requester.address).toBe('mallory@outside.example');
    expect(publicRecipients()).toEqual([['mallory@outside.example']]);
    // Only the officers' summary quotes the original; nothing to the public names a bystander.
    for (const mail of servers.smtp.received.filter((m) => !m.envelope.to.includes(OFFICER))) expect(mail.raw.toString('latin1')).not.toMatch(/bystander\d+\.example/);
    expect(foiCase!.flagDetails.find((f) => f.code === 'forwarded')?.text).toMatch(/^Forwarded on behalf of reader000@bystander0\.example,/);
    // The echo to the sender is bounded and carries no live link.
    const ack = servers.smtp.received.find((m) => m.envelope.to[0] === 'mallory@outside.example')!;
    expect(ack.parsed.text).not.toMatch(/https?:\/\//);
    expect(await servers.mailbox.subjectsIn('Processed')).toHaveLength(1);
  });

  it('never acknowledges a bystander an outside sender forwards "on behalf of"', async () => {
    await servers.mailbox.append(attack('forwarded-bystander.eml'), RECEIVED);
    await runPass();
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.requester.address).toBe('mallory@outside.example');
    expect(publicRecipients()).toEqual([['mallory@outside.example']]);
    expect(servers.smtp.received.flatMap((m) => m.envelope.to)).not.toContain('pat.bystander@victim.example');
    const summary = toOfficers().find((m) => m.parsed.subject?.startsWith(`[${foiCase!.reference}]`))!;
    expect(summary.parsed.text).toContain('Forwarded on behalf of pat.bystander@victim.example');
  });

  it('takes the forwarded requester when an authenticated colleague inside the authority forwards the request', async () => {
    await servers.mailbox.append(attack('forwarded-by-colleague.eml'), RECEIVED);
    await runPass();
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.requester.address).toBe('jo.requester@example.net');
    expect(foiCase!.flags).toContain('forwarded');
    expect(foiCase!.flags).not.toContain('forwarded_unverified');
    expect(publicRecipients()).toEqual([['jo.requester@example.net']]);
  });

  it('treats the same colleague as outside when FOI_INTERNAL_DOMAINS does not list its domain', async () => {
    await servers.mailbox.append(attack('forwarded-by-colleague.eml'), RECEIVED);
    await runPass({ ...TRUSTED, FOI_INTERNAL_DOMAINS: 'other.gov.uk' });
    const [foiCase] = await listCases(servers.db.db);
    expect(foiCase!.requester.address).toBe('sam.clerk@example.gov.uk');
    expect(publicRecipients()).toEqual([['sam.clerk@example.gov.uk']]);
  });

  it('with authentication off, believes a forward only from an officer\'s address, and flags it unverified', async () => {
    await servers.mailbox.append(attack('forwarded-by-officer-address.eml'), RECEIVED);
    await servers.mailbox.append(attack('forwarded-bystander.eml'), RECEIVED);
    await runPass({ FOI_ACKNOWLEDGE_SINCE: 'all' });
    const [byOfficer, byOutsider] = await listCases(servers.db.db);
    expect(byOfficer!.requester.address).toBe('lee.reader@example.net');
    expect(byOfficer!.flags).toContain('forwarded_unverified');
    expect(byOutsider!.requester.address).toBe('mallory@outside.example');
    expect(publicRecipients().sort()).toEqual([['lee.reader@example.net'], ['mallory@outside.example']]);
    const summary = toOfficers().find((m) => m.parsed.subject?.startsWith(`[${byOfficer!.reference}]`))!;
    expect(summary.parsed.text).toMatch(/sender authentication is off: it was not shown to come from inside the authority/);
  });

  it('counts the daily limit by the one normalised address, and sends nothing to a From that names a list', async () => {
    for (const name of ['rotating-1-case-variant.eml', 'rotating-4-from-list.eml', 'rotating-2-case-variant.eml', 'rotating-5-from-list.eml', 'rotating-3-case-variant.eml']) {
      await servers.mailbox.append(attack(name), RECEIVED);
    }
    const report = await runPass({ ...TRUSTED, FOI_MAX_ACKS_PER_ADDRESS_PER_DAY: '2' });
    expect(report.mailbox).toMatchObject({ opened: 5, held: 0 });
    expect(publicRecipients()).toEqual([['alex.carter@example.net'], ['alex.carter@example.net']]);
    const all = await listCases(servers.db.db);
    expect(all.filter((c) => c.acknowledgedAt !== null)).toHaveLength(2);
    const lists = all.filter((c) => c.subject.startsWith('Spending on grass cutting'));
    expect(lists).toHaveLength(2);
    for (const c of lists) expect(c.flagDetails.map((f) => f.text)).toContain('No automatic mail: the From header names 2 mailboxes');
    expect(all.find((c) => c.subject === 'Spending on playground inspections')!.flags).toContain('ack_rate_limited');
  });
});

/** The header block of a message as sent, and its lines unfolded. */
function headerLines(mail: ReceivedMail): string[] {
  const raw = mail.raw.toString('latin1');
  return raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n');
}

// C0 controls but TAB, CR and LF; DEL; C1 controls; bidi overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('clean echoes', () => {
  it('strips control characters from what it echoes, and keeps every header line within RFC 5322\'s 998 characters', async () => {
    await servers.mailbox.append(attack('control-characters-long-subject.eml'), RECEIVED);
    await runPass();
    const [foiCase] = await listCases(servers.db.db);
    expect(publicRecipients()).toEqual([['ctrl.person@example.net']]);
    expect(servers.smtp.received).toHaveLength(2);
    for (const mail of servers.smtp.received) {
      const lines = headerLines(mail);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(998);
      expect(lines.filter((l) => /^bcc\s*:/i.test(l))).toEqual([]);
      expect(mail.envelope.to.some((to) => to.endsWith('target.example'))).toBe(false);
      expect(mail.parsed.subject ?? '').not.toMatch(CONTROL);
      expect(mail.parsed.subject ?? '').not.toMatch(/[\r\n]/);
      expect(mail.parsed.text ?? '').not.toMatch(CONTROL);
      expect(mail.parsed.text ?? '').not.toMatch(/^Bcc:/m);
    }
    const ack = servers.smtp.received.find((m) => m.envelope.to[0] === 'ctrl.person@example.net')!;
    // `Re: <subject cut to 200 characters with …> [<reference>]` (DESIGN.md).
    expect(ack.parsed.subject).toMatch(new RegExp(`^Re: Road safety data Bcc: victim@target\\.example.{150,200}… \\[${foiCase!.reference}\\]$`));
    expect(ack.parsed.text).toContain('How many road traffic collisions were recorded');
  });
});
