import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboundMail, MailAttachment } from '../../../src/domain/inbound-mail.js';
import { fixturesDir } from '../../../src/paths.js';
import { bouncedMessageIds, ownMessageIdParts, type ReportKind } from '../../../src/pipeline/analyse/bounced-message-ids.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';

const fixture = async (name: string) => bouncedMessageIds(await parseMail(readFileSync(join(fixturesDir, 'automated', name))));
const ACK_12 = /^<foi-intake\.acknowledgement\.FOI-2026-00012\.[0-9a-f-]{36}@example\.gov\.uk>$/;

function mail(over: Partial<InboundMail>): InboundMail {
  return {
    messageId: '<r@example.net>', from: { name: '', address: 'mailer-daemon@mx.example.net' }, replyTo: null, to: [], cc: [],
    subject: 'Undelivered Mail Returned to Sender', date: null, inReplyTo: null, references: [], text: '', html: null,
    contentType: 'multipart/report', attachments: [], headers: new Map(), ...over,
  };
}
const part = (contentType: string, text: string): MailAttachment => ({ filename: null, contentType, size: text.length, content: Buffer.from(text) });

describe('bouncedMessageIds on the bounce samples', () => {
  it.each<[string, ReportKind, string, string]>([
    ['auto-delivery-report--postfix-user-unknown.eml', 'bounce', '5.1.1', 'j.talbot@example.net'],
    ['auto-delivery-report--postfix-delayed.eml', 'delay', '4.4.1', 'j.talbot@example.net'],
    ['auto-delivery-report--exim-mailbox-full-full-message.eml', 'bounce', '5.2.2', 'j.talbot@example-isp.net'],
    ['auto-delivery-report--exchange-online-ndr-recipient-not-found.eml', 'bounce', '5.1.10', 'j.talbot@example-trust.nhs.example.uk'],
    ['auto-delivery-report--exchange-onprem-ndr-mailbox-full.eml', 'bounce', '5.2.2', 'j.talbot@example-school.sch.example.uk'],
    ['auto-delivery-report--gmail-address-not-found.eml', 'bounce', '5.1.1', 'jack.talbot.writes@gmail.example.com'],
    ['auto-delivery-report--gmail-delay.eml', 'delay', '4.4.1', 'j.talbot@example-smallbiz.co.example.uk'],
    ['auto-null-return-path--qmail-failure-notice.eml', 'bounce', '5.1.1', 'jtalbot@example-hosting.net'],
  ])('%s → %s %s, threads to FOI-2026-00012', async (file, report, status, recipient) => {
    const result = await fixture(file);
    expect(result).toMatchObject({ report, status, recipients: [recipient] });
    expect(result.messageIds[0]).toMatch(ACK_12);
    expect(result.ownMessages).toEqual([{ messageId: result.messageIds[0], purpose: 'acknowledgement', key: 'FOI-2026-00012' }]);
  });

  it('reads the original Message-ID of read receipts (RFC 8098 Original-Message-ID)', async () => {
    for (const [file, key] of [
      ['auto-delivery-report--outlook-read-receipt.eml', 'FOI-2026-00098'],
      ['auto-delivery-report--thunderbird-return-receipt.eml', 'FOI-2026-00101'],
      ['auto-delivery-report--exchange-not-read-notification.eml', 'FOI-2026-00104'],
    ] as const) {
      const result = await fixture(file);
      expect(result.report).toBe('read-receipt');
      expect(result.ownMessages.map((m) => m.key)).toEqual([key]);
    }
  });

  it('threads auto-replies through In-Reply-To and References', async () => {
    const oof = await fixture('auto-auto-submitted--exchange-online-oof-en.eml');
    expect(oof).toMatchObject({ report: 'none', status: null, recipients: [] });
    expect(oof.ownMessages.map((m) => m.key)).toEqual(['FOI-2026-00031']);
    const gmail = await fixture('auto-auto-submitted--gmail-vacation-reply.eml');
    expect(gmail.messageIds).toHaveLength(2);
    expect(gmail.ownMessages.map((m) => m.key)).toEqual(['FOI-2026-00079']);
  });

  it('knows an abuse report; its inline original is parsed into the text, so no Message-ID is left to read', async () => {
    expect(await fixture('auto-delivery-report--arf-abuse-feedback-report.eml')).toMatchObject({ report: 'abuse-report', messageIds: [] });
  });
});

describe('bouncedMessageIds, rules', () => {
  it('puts the original first, then In-Reply-To, then References newest first, without repeats', () => {
    const result = bouncedMessageIds(mail({
      attachments: [part('text/rfc822-headers', 'From: a@example.org\r\nMessage-ID:\r\n <orig@example.org>\r\nSubject: x\r\n')],
      inReplyTo: '<irt@example.org>',
      references: ['<old@example.org>', '<orig@example.org>', '<new@example.org>'],
    }));
    expect(result.messageIds).toEqual(['<orig@example.org>', '<irt@example.org>', '<new@example.org>', '<old@example.org>']);
  });

  it('reads only the header block of an attached message, not Message-ID lines in its body', () => {
    const attached = 'Message-ID: <orig@example.org>\nSubject: x\n\nMessage-ID: <quoted@example.org>\n';
    expect(bouncedMessageIds(mail({ attachments: [part('message/rfc822', attached)] })).messageIds).toEqual(['<orig@example.org>']);
  });

  it('calls a DSN with one failed and one delayed recipient a bounce, and names both recipients', () => {
    const text = 'Final-Recipient: rfc822; a@example.net\nAction: delayed\nStatus: 4.4.7\n\nFinal-Recipient: rfc822; <b@example.net>\nAction: failed\nStatus: 5.7.1 (blocked)\n';
    expect(bouncedMessageIds(mail({ text }))).toMatchObject({ report: 'bounce', status: '5.7.1', recipients: ['a@example.net', 'b@example.net'] });
  });

  it('reads a status without an Action, a success DSN, and a DSN kept as a part', () => {
    expect(bouncedMessageIds(mail({ text: 'Final-Recipient: rfc822; a@example.net\nStatus: 5.0.0\n' })).report).toBe('bounce');
    expect(bouncedMessageIds(mail({ text: 'Action: delivered\nStatus: 2.0.0\n' }))).toMatchObject({ report: 'delivered', status: '2.0.0' });
    const kept = part('message/delivery-status', 'Reporting-MTA: dns; mx.example.net\n\nAction: failed\nStatus: 5.1.1\n');
    expect(bouncedMessageIds(mail({ contentType: 'multipart/mixed', attachments: [kept] })).report).toBe('bounce');
  });

  it('reads the prose of a non-DSN bounce from a daemon: a warning is a delay, a refusal a bounce', () => {
    const plain = { contentType: 'text/plain' };
    expect(bouncedMessageIds(mail({ ...plain, subject: 'Warning: message delayed', text: 'This is a warning only. Your message has not been delivered yet; we will retry for 4 days.' })).report).toBe('delay');
    expect(bouncedMessageIds(mail({ ...plain, subject: 'failure notice', text: 'Sorry, no mailbox here by that name. (#5.1.1)' }))).toMatchObject({ report: 'bounce', status: '5.1.1' });
  });

  it('ignores Message-ID lines and status-like words in a person\'s mail', () => {
    const human = mail({
      from: { name: '', address: 'a.person@example.org' }, subject: 'Re: my request', contentType: 'text/plain',
      text: 'I was temporarily away; delayed reply.\nMessage-ID: <pasted@example.org>\nStatus: 5.1.1\n',
      headers: new Map([['return-path', '<>']]), inReplyTo: '<ours@example.gov.uk>',
    });
    expect(bouncedMessageIds(human)).toEqual({ report: 'none', messageIds: ['<ours@example.gov.uk>'], ownMessages: [], status: null, recipients: [] });
  });
});

describe('ownMessageIdParts', () => {
  it('reads purpose and case reference from our own Message-IDs only', () => {
    expect(ownMessageIdParts('<foi-intake.officer-summary.FOI-2026-00114.5b0d64fe-3904-4ad0-b313-b6776f139432@example.gov.uk>'))
      .toMatchObject({ purpose: 'officer-summary', key: 'FOI-2026-00114' });
    expect(ownMessageIdParts('<foi-intake.held-notice.held-42.5b0d64fe-3904-4ad0-b313-b6776f139432@example.gov.uk>'))
      .toMatchObject({ purpose: 'held-notice', key: 'held-42' });
    expect(ownMessageIdParts('<ack.FOI-2026-00012.20260205101538@example.gov.uk>')).toBeNull();
    expect(ownMessageIdParts('<foi-intake.acknowledgement@example.gov.uk>')).toBeNull();
    expect(ownMessageIdParts('<CAF7kq2x@mail.gmail.example.com>')).toBeNull();
  });
});
