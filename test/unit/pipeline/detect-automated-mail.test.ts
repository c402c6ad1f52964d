import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import { fixturesDir } from '../../../src/paths.js';
import { isAutomated } from '../../../src/pipeline/analyse/detect-automated-mail.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';

const own = { addresses: ['foi@example.gov.uk'] };

function mailWith(headers: Record<string, string>, from = 'someone@example.org', contentType = 'text/plain'): InboundMail {
  return {
    messageId: '<x@example.org>', from: { name: '', address: from }, replyTo: null, to: [], cc: [], subject: 's', date: null,
    inReplyTo: null, references: [], text: '', html: null, contentType, attachments: [],
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

describe('isAutomated', () => {
  it('agrees with every mail fixture\'s "automated" expectation', async () => {
    const dir = join(fixturesDir, 'mail');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml') && f !== 'unparsable.eml')) {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.eml$/, '.expected.json')), 'utf8')) as { automated: boolean };
      const verdict = isAutomated(await parseMail(readFileSync(join(dir, file))), own);
      expect({ file, automated: verdict.automated }).toEqual({ file, automated: expected.automated });
    }
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'auto-submitted'],
    [{ 'Auto-Submitted': 'auto-generated' }, 'auto-submitted'],
    [{ Precedence: 'bulk' }, 'bulk-precedence'],
    [{ Precedence: 'list' }, 'bulk-precedence'],
    [{ 'List-Unsubscribe': '<mailto:u@example.org>' }, 'mailing-list'],
    [{ 'List-Id': 'news.example.org' }, 'mailing-list'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'suppress-auto-response'],
    [{ 'X-Autoreply': 'yes' }, 'autoreply-header'],
    [{ 'Return-Path': '<>' }, 'null-return-path'],
  ])('%j → %s', (headers, reason) => {
    expect(isAutomated(mailWith(headers))).toMatchObject({ automated: true, reason });
  });

  it('answers mail marked Auto-Submitted: no, and ordinary mail', () => {
    expect(isAutomated(mailWith({ 'Auto-Submitted': 'no' })).automated).toBe(false);
    expect(isAutomated(mailWith({ 'X-Auto-Response-Suppress': 'DR, RN' })).automated).toBe(false);
  });

  it('knows daemon senders, our own address and our own Message-IDs', () => {
    for (const from of ['MAILER-DAEMON@mx.example.org', 'postmaster@example.org', 'no-reply@example.com', 'noreply@example.com', 'do-not-reply@example.com', 'owner-list@example.org', 'list-request@example.org', 'bounces+abc@example.org']) {
      expect(isAutomated(mailWith({}, from))).toMatchObject({ automated: true, reason: 'daemon-sender' });
    }
    expect(isAutomated(mailWith({}, 'foi@example.gov.uk'), own)).toMatchObject({ reason: 'own-address' });
    const looped = { ...mailWith({}), messageId: '<foi-intake.acknowledgement.FOI-2026-00001.abc@example.gov.uk>' };
    expect(isAutomated(looped, own)).toMatchObject({ reason: 'own-message' });
    expect(isAutomated(mailWith({}, 'request-123-abc@whatdotheyknow.example')).automated).toBe(false);
  });

  it('treats delivery and read reports as automated', () => {
    expect(isAutomated(mailWith({}, 'a@example.org', 'multipart/report'))).toMatchObject({ reason: 'delivery-report' });
  });
});
