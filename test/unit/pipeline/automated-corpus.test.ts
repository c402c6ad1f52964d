// Every sample in fixtures/automated gets the verdict its file name promises: `auto-<reason>--….eml` is
// automated for that reason, `human-….eml` is a person's mail that must still be answered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import { fixturesDir } from '../../../src/paths.js';
import { AUTOMATED_REASONS, isAutomated, type AutomatedReason } from '../../../src/pipeline/analyse/detect-automated-mail.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';

const dir = join(fixturesDir, 'automated');
const own = { addresses: ['foi@example.gov.uk'] };
const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

function expectationOf(file: string): AutomatedReason | 'human' {
  if (file.startsWith('human-')) return 'human';
  const reason = /^auto-([a-z-]+?)--[a-z0-9-]+\.eml$/.exec(file)?.[1];
  if (!reason || !(AUTOMATED_REASONS as readonly string[]).includes(reason)) throw new Error(`${file}: name is not auto-<reason>--<what>.eml`);
  return reason as AutomatedReason;
}

describe('automated mail corpus', () => {
  it('holds at least 36 automated samples, 8 hard negatives, and a sample for every reason', () => {
    const expectations = files.map(expectationOf);
    expect(expectations.filter((e) => e !== 'human').length).toBeGreaterThanOrEqual(36);
    expect(expectations.filter((e) => e === 'human').length).toBeGreaterThanOrEqual(8);
    expect(new Set(expectations)).toEqual(new Set([...AUTOMATED_REASONS, 'human']));
  });

  it('lists every sample in its README, and only those', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/`((?:auto|human)-[a-z0-9-]+\.eml)`/g)].map((m) => m[1]);
    expect([...new Set(listed)].sort()).toEqual(files);
  });

  it.each(files)('%s', async (file) => {
    const verdict = isAutomated(await parseMail(readFileSync(join(dir, file))), own);
    const expected = expectationOf(file);
    expect(verdict.automated ? verdict.reason : 'human').toBe(expected);
    if (verdict.automated) expect(verdict.evidence).not.toBe('');
  });
});

describe('isAutomated, the weaker signs', () => {
  const mail = (over: Partial<InboundMail>): InboundMail => ({
    messageId: '<x@example.org>', from: { name: '', address: 'a.person@example.org' }, replyTo: null, to: [], cc: [],
    subject: 'Re: your request', date: null, inReplyTo: null, references: [], text: '', html: null,
    contentType: 'text/plain', attachments: [], headers: new Map(), ...over,
  });
  const ack = '<foi-intake.acknowledgement.FOI-2026-00012.5b0d64fe-3904-4ad0-b313-b6776f139432@example.gov.uk>';

  it('takes a responder subject only together with a reply to our mail or an absence notice', () => {
    expect(isAutomated(mail({ subject: 'Automatic reply: Re: Library hours' })).automated).toBe(false);
    expect(isAutomated(mail({ subject: 'Automatic reply: Re: Library hours', inReplyTo: ack }))).toMatchObject({ reason: 'auto-reply-subject' });
    expect(isAutomated(mail({ subject: 'Out of Office: FOI', text: 'I am currently on maternity leave.' }))).toMatchObject({ reason: 'auto-reply-subject' });
    expect(isAutomated(mail({ subject: 'Re: Library hours', inReplyTo: ack, text: 'I am currently on leave, sorry for the delay.' })).automated).toBe(false);
    expect(isAutomated(mail({ subject: 'Out of office working', text: 'How many staff were out of the office?' })).automated).toBe(false);
  });

  it('knows our loop header and our address in any case', () => {
    expect(isAutomated(mail({ headers: new Map([['x-foi-case', 'FOI-2026-00012']]) }))).toMatchObject({ reason: 'own-message' });
    expect(isAutomated(mail({ from: { name: '', address: 'foi@example.gov.uk' } }), { addresses: ['FOI@Example.gov.uk'] })).toMatchObject({ reason: 'own-address' });
    // A person's reply to our acknowledgement names our Message-ID in References: that is not our mail.
    expect(isAutomated(mail({ references: [ack], inReplyTo: ack }), own).automated).toBe(false);
  });

  it('knows VERP and Mailman bounce addresses, and leaves people alone', () => {
    const envelope = (returnPath: string) => mail({ headers: new Map([['return-path', returnPath]]) });
    expect(isAutomated(envelope('<news-bounces+foi=example.gov.uk@lists.example.org>'))).toMatchObject({ reason: 'daemon-sender' });
    expect(isAutomated(envelope('<bounce-mc.us5_123.456-foi=example.gov.uk@mail.example.net>'))).toMatchObject({ reason: 'daemon-sender' });
    for (const address of ['owner@example-bakery.co.uk', 'request-1120934-7f3e9a2b@example.org', 'bouncer.jones@example.org', 'replyhere@example.org']) {
      expect(isAutomated(mail({ from: { name: '', address } })).automated).toBe(false);
    }
  });
});
