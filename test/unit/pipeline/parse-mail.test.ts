// parse-mail over the fixtures: charsets decoded, HTML-only mail read as text, headers and
// threading fields extracted, unreadable input rejected with a typed error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { fixture } from '../../harness/test-runtime.js';

const HOSTILE = fileURLToPath(new URL('../../../fixtures/hostile/', import.meta.url));

describe('parseMail', () => {
  it('reads the seed request: sender, subject, Message-ID, text', async () => {
    const mail = await parseMail(fixture('seed-it-security.eml'));
    expect(mail.from).toEqual({ name: 'Martin Greaves', address: 'martin.greaves@example.org' });
    expect(mail.messageId).toBe('<5c1e0b7a-93d4-4f1e-a0b2-2f6c8d41e907@mail.example.org>');
    expect(mail.text).toContain('- 1. Have there been any security events');
    expect(mail.attachments).toEqual([]);
  });

  it('decodes ISO-8859-1 quoted-printable and RFC 2047 headers', async () => {
    const mail = await parseMail(fixture('iso-8859-1.eml'));
    expect(mail.from?.name).toBe('Renée Fournier');
    expect(mail.subject).toBe('FOI - consultancy spend over £25,000');
    expect(mail.text).toContain('worth more than £25,000');
  });

  it('decodes raw Windows-1252 bytes (curly quotes, en dash)', async () => {
    const mail = await parseMail(fixture('windows-1252.eml'));
    expect(mail.from?.name).toBe('Declan O’Rourke');
    expect(mail.subject).toBe('FOI request – moving traffic PCNs');
    expect(mail.text).toContain('1 April 2024 – 31 March 2025');
  });

  it('turns HTML-only Outlook mail into readable text with its list numbers', async () => {
    const mail = await parseMail(fixture('html-only-outlook.eml'));
    expect(mail.html).toContain('MsoNormal');
    expect(mail.text).not.toMatch(/<p|MsoNormal|<o:p>/);
    expect(mail.text).toMatch(/1\. A copy of the current contract/);
  });

  it('keeps threading headers and lists attachments', async () => {
    const reply = await parseMail(fixture('clarification-reply.eml'));
    expect(reply.inReplyTo).toMatch(/^<.+>$/);
    expect(reply.references.length).toBeGreaterThan(0);
    const withPdf = await parseMail(fixture('with-pdf-attachment.eml'));
    expect(withPdf.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);
    expect(withPdf.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives null for a missing Message-ID, so dedupe falls back to the content hash', async () => {
    expect((await parseMail(fixture('no-message-id.eml'))).messageId).toBeNull();
  });

  it('drops malformed Message-IDs instead of echoing them into our threading headers', async () => {
    const raw = Buffer.from('From: A Person <a@example.org>\r\nSubject: x\r\nMessage-ID: <x Bcc: victim@example.com@example.org>\r\nReferences: <ok@example.org> <bad> <X-Injected:>\r\n\r\nHello\r\n');
    const mail = await parseMail(raw);
    expect(mail.messageId).toBeNull();
    expect(mail.references).toEqual(['<ok@example.org>']);
  });

  it('rejects junk without a sender, and empty input, with typed errors', async () => {
    await expect(parseMail(fixture('unparsable.eml'))).rejects.toSatisfy((e) => isAppError(e, 'parse.missing_sender'));
    await expect(parseMail(Buffer.from('\r\n\r\n'))).rejects.toSatisfy((e) => isAppError(e, 'parse.empty_message'));
  });

  it('reads the text of a multipart message whose boundary is missing or never used, and says so', async () => {
    for (const name of ['01-missing-mime-boundary.eml', '02-boundary-never-closed.eml']) {
      const mail = await parseMail(readFileSync(join(HOSTILE, name)));
      expect(mail.text, name).toContain('1. The number of pothole repair claims received in 2025.');
      expect(mail.text, name).not.toMatch(/^--|Content-Type:/m);
      expect(mail.parseWarnings, name).toEqual([expect.stringContaining('Broken MIME structure')]);
    }
  });

  it('gives no warning for well-formed mail, nor invents text for a message that has none', async () => {
    expect((await parseMail(fixture('seed-it-security.eml'))).parseWarnings).toEqual([]);
    const headersOnly = await parseMail(readFileSync(join(HOSTILE, '23-headers-only.eml')));
    expect({ text: headersOnly.text, warnings: headersOnly.parseWarnings }).toEqual({ text: '', warnings: [] });
  });
});
