// Text bound for PostgreSQL text/jsonb: NUL and lone surrogates never leave the parser (one would fail
// the whole batch's commit), whether they come raw, quoted-printable, base64 or as RFC 2047 words.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InboundMail } from '../../../src/domain/inbound-mail.js';
import { parseMail } from '../../../src/pipeline/parse/parse-mail.js';
import { toStorableText } from '../../../src/pipeline/parse/storable-text.js';

const HOSTILE = fileURLToPath(new URL('../../../fixtures/hostile/', import.meta.url));
const hostile = (name: string) => parseMail(readFileSync(`${HOSTILE}${name}`));
/** What PostgreSQL refuses in text: NUL, and a surrogate half without its partner. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string reachable from the parsed mail (header map included), attachment bytes left out. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Buffer.isBuffer(value) || value === null || typeof value !== 'object') return [];
  if (value instanceof Map) return [...value].flatMap(([k, v]) => [...stringsOf(k), ...stringsOf(v)]);
  return Object.values(value).flatMap(stringsOf);
}

const unstorableIn = (mail: InboundMail) => stringsOf(mail).filter((s) => UNSTORABLE.test(s));

describe('toStorableText', () => {
  it('replaces NUL and lone surrogates with U+FFFD, keeping the length and every pair', () => {
    expect(toStorableText('a\u0000b')).toBe('a\uFFFDb');
    expect(toStorableText('x\uD800y')).toBe('x\uFFFDy');
    expect(toStorableText('x\uDC00')).toBe('x\uFFFD');
    expect(toStorableText('\uDC00\uD800')).toBe('\uFFFD\uFFFD');
    expect(toStorableText('emoji 😀 and é')).toBe('emoji 😀 and é');
    const mixed = 'a\u0000😀\uD83D';
    expect(toStorableText(mixed)).toHaveLength(mixed.length);
  });

  it('leaves other control characters alone (storable; echoes clean them separately)', () => {
    expect(toStorableText('tab\tline\nbell\u0007')).toBe('tab\tline\nbell\u0007');
  });
});

describe('parseMail returns storable text only', () => {
  it('NUL in the body, quoted-printable and in a base64 HTML part', async () => {
    const mail = await hostile('37-nul-in-body.eml');
    expect(mail.text).toContain('pot\uFFFDhole');
    expect(mail.html).toContain('Pot\uFFFDhole');
    expect(unstorableIn(mail)).toEqual([]);
  });

  it('NUL in the subject, from encoded words (=?utf-8?q?=00?= and base64)', async () => {
    const mail = await hostile('38-nul-in-subject.eml');
    // Adjacent encoded words join without the space between them (RFC 2047 §6.2).
    expect(mail.subject).toBe('Pothole\uFFFDclaimsmore\uFFFD');
    expect(unstorableIn(mail)).toEqual([]);
  });

  it('NUL in a display name and in another header', async () => {
    const mail = await hostile('39-nul-in-display-name.eml');
    expect(mail.from?.name).toBe('Jane\uFFFDSmith');
    expect(mail.headers.get('x-note')).not.toContain('\u0000');
    expect(unstorableIn(mail)).toEqual([]);
  });

  it('lone UTF-16 surrogates in a utf-16le part', async () => {
    const mail = await hostile('40-lone-surrogate-utf16.eml');
    expect(mail.text).toContain('Jane \uFFFDSmith \uFFFD');
    expect(unstorableIn(mail)).toEqual([]);
  });

  it('raw NUL bytes in headers and body, and a Message-ID holding one (dropped, not stored)', async () => {
    const raw = Buffer.from([
      'From: "Ann\u0000Lee" <ann@example.org>', 'To: foi@example.gov.uk', 'Subject: a\u0000b', 'Message-ID: <id\u0000x@example.org>',
      'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'How many\u0000 potholes?',
      '--b', "Content-Type: application/pdf; name=\"a\u0000.pdf\"", 'Content-Disposition: attachment; filename*=utf-8\'\'r%00.pdf', '', 'x', '--b--', '',
    ].join('\r\n'), 'latin1');
    const mail = await parseMail(raw);
    expect(mail.messageId).toBeNull();
    expect(mail.subject).toBe('a\uFFFDb');
    expect(mail.text).toContain('How many\uFFFD potholes?');
    expect(unstorableIn(mail)).toEqual([]);
  });

  it('a subject past 2,000 characters is cut, never inside a surrogate pair, and officers are told', async () => {
    const long = `${'x'.repeat(1999)}😀${'y'.repeat(3000)}`;
    const raw = Buffer.from(`From: a@example.org\r\nSubject: =?utf-8?b?${Buffer.from(long).toString('base64')}?=\r\n\r\nHow many?\r\n`);
    const mail = await parseMail(raw);
    expect(mail.subject).toBe('x'.repeat(1999));
    expect(mail.parseWarnings?.join('\n')).toMatch(/Subject too long: only its first 2,000 of 5,001 characters are kept/);
  });
});
