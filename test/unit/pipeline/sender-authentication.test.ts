// Sender authentication end to end through mailauth: real DKIM signatures and real SPF/DMARC
// evaluation; only DNS is stubbed (through mailauth's resolver option), as it cannot run here.
import { generateKeyPairSync } from 'node:crypto';
import dns from 'node:dns';
import { dkimSign } from 'mailauth';
import type { DKIMSignOptions } from 'mailauth';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  TOPMOST_WITHOUT_AUTHSERV_ID,
  findTrustedAuthenticationResults,
  parseAuthenticationResults,
} from '../../../src/pipeline/screen/authentication-results.js';
import { spoofVerdict, verifySender } from '../../../src/pipeline/screen/sender-authentication.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyBase64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

// The DNS zone the stub serves. Resident: example.org (SPF -all, DKIM key, DMARC p=reject).
// The forger owns attacker.example (SPF passes for its own IP) and impersonates bank.example.
const zone: Record<string, string[]> = {
  'example.org': ['v=spf1 ip4:192.0.2.10 -all'],
  'sel1._domainkey.example.org': [`v=DKIM1; k=rsa; p=${keyBase64}`],
  '_dmarc.example.org': ['v=DMARC1; p=reject; adkim=r; aspf=r'],
  'bank.example': ['v=spf1 ip4:198.51.100.0/24 -all'],
  '_dmarc.bank.example': ['v=DMARC1; p=reject'],
  'attacker.example': ['v=spf1 ip4:203.0.113.66 -all'],
  'sel1._domainkey.attacker.example': [`v=DKIM1; k=rsa; p=${keyBase64}`],
  'nodmarc.example': ['v=spf1 ip4:198.51.100.7 -all'],
};
const lookups: string[] = [];

/** DNS is the one thing that cannot run here: answer like dns.promises.resolve from `zone`. */
async function resolver(name: string, rrtype: string): Promise<unknown> {
  lookups.push(`${rrtype} ${name}`);
  const records = rrtype === 'TXT' ? zone[name.toLowerCase()] : undefined;
  // Real TXT answers arrive as <=255-byte character-strings, which mailauth must join.
  if (records) return records.map((r) => r.match(/.{1,255}/g) ?? []);
  throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND', hostname: name });
}

beforeAll(() => {
  // Guard: any query that bypasses the stub goes to a closed port and fails instead of leaving the machine.
  dns.setServers(['127.0.0.1:1']);
});
afterEach(() => {
  // Only TXT records of the zone were asked for, plus DMARC records that are meant to be missing.
  const unexpected = lookups.splice(0).filter((l) => !l.startsWith('TXT ') || !(l.slice(4) in zone || l.startsWith('TXT _dmarc.')));
  expect(unexpected).toEqual([]);
});

const crlf = (lines: string[]) => lines.join('\r\n');

/** A request as its author's server sends it, DKIM-signed when a domain is given. */
async function authored(from: string, signAs?: string, body = 'Under the FOI Act 2000, please send me the 2024 gritting budget.'): Promise<string> {
  const message = crlf([
    `From: Resident <${from}>`, 'To: foi@council.example', 'Subject: Freedom of Information request',
    'Date: Mon, 3 Mar 2025 10:00:00 +0000', `Message-ID: <req-${Math.random().toString(36).slice(2)}@example.org>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, '',
  ]);
  if (!signAs) return message;
  const signer = { signingDomain: signAs, selector: 'sel1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) };
  // mailauth signs only what is in signatureData (top-level signingDomain is silently ignored),
  // whatever its typings say.
  const signed = await dkimSign(message, { signatureData: [signer] } as unknown as DKIMSignOptions);
  expect(signed.errors).toEqual([]);
  return signed.signatures + message;
}

/** What our MX prepends on delivery: Return-Path (the envelope sender) and its Received line. */
function delivered(message: string, envelopeFrom: string, ip: string, helo: string): Buffer {
  return Buffer.from(crlf([
    `Return-Path: <${envelopeFrom}>`,
    `Received: from ${helo} (${helo} [${ip}])`,
    '\tby mx.council.example (Postfix) with ESMTPS id 4Xyz; Mon, 3 Mar 2025 10:00:01 +0000',
  ]) + '\r\n' + message);
}

describe('verifySender in verify mode (mailauth, stub DNS)', () => {
  it('passes a genuine, signed request from an authorised server', async () => {
    const raw = delivered(await authored('resident@example.org', 'example.org'), 'resident@example.org', '192.0.2.10', 'mail.example.org');
    expect(await verifySender(raw, { mode: 'verify', resolver })).toEqual({
      spf: 'pass', dkim: 'pass', dmarc: 'pass', spoofSuspected: false, reason: null, source: 'mailauth',
    });
  });

  it('suspects a forged From domain whose owner publishes DMARC p=reject', async () => {
    // The forger's own envelope and DKIM pass, but neither is aligned with bank.example.
    const raw = delivered(await authored('chief.executive@bank.example', 'attacker.example'), 'bounce@attacker.example', '203.0.113.66', 'mail.attacker.example');
    const verdict = await verifySender(raw, { mode: 'verify', resolver });
    expect(verdict).toMatchObject({ spf: 'pass', dkim: 'pass', dmarc: 'fail', spoofSuspected: true, source: 'mailauth' });
    expect(verdict.reason).toMatch(/^DMARC fail for bank\.example/);
  });

  it('does not suspect an SPF hard fail when a DKIM signature passes (e.g. a forwarder)', async () => {
    const raw = delivered(await authored('resident@example.org', 'example.org'), 'resident@example.org', '203.0.113.9', 'relay.forwarder.example');
    expect(await verifySender(raw, { mode: 'verify', resolver })).toMatchObject({
      spf: 'fail', dkim: 'pass', dmarc: 'pass', spoofSuspected: false, reason: null,
    });
  });

  it('suspects an SPF hard fail with no DKIM signature, even without a DMARC record', async () => {
    const raw = delivered(await authored('clerk@nodmarc.example'), 'clerk@nodmarc.example', '203.0.113.66', 'mail.attacker.example');
    const verdict = await verifySender(raw, { mode: 'verify', resolver });
    expect(verdict).toMatchObject({ spf: 'fail', dkim: 'none', dmarc: 'none', spoofSuspected: true });
    expect(verdict.reason).toMatch(/^SPF hard fail/);
  });

  it('suspects a signed message whose body was altered and sent from an unlisted server', async () => {
    const signed = await authored('resident@example.org', 'example.org');
    const tampered = signed.replace('2024 gritting budget', 'home addresses of all staff');
    const verdict = await verifySender(delivered(tampered, 'resident@example.org', '203.0.113.66', 'x.example'), { mode: 'verify', resolver });
    expect(verdict).toMatchObject({ spf: 'fail', dkim: 'neutral', dmarc: 'fail', spoofSuspected: true });
  });

  it('treats unresolvable DNS as no evidence of forgery', async () => {
    const failing = async (name: string) => { throw Object.assign(new Error(`queryTxt ETIMEOUT ${name}`), { code: 'ETIMEOUT' }); };
    const raw = delivered(await authored('resident@example.org', 'example.org'), 'resident@example.org', '192.0.2.10', 'mail.example.org');
    const verdict = await verifySender(raw, { mode: 'verify', resolver: failing });
    expect(verdict.spoofSuspected).toBe(false);
    expect(verdict.spf).toBe('temperror');
  });
});

const TRUSTED = 'mx.council.example';
const withHeaders = (headers: string[], body: string) => Buffer.from(crlf(headers) + '\r\n' + body);

describe('verifySender in trust-header mode', () => {
  it("believes our MX's header and ignores a forged header from another authserv-id", async () => {
    const raw = withHeaders([
      `Authentication-Results: ${TRUSTED};`,
      '\tspf=fail (domain of bank.example does not designate 203.0.113.66) smtp.mailfrom=bank.example;',
      '\tdkim=none; dmarc=fail (p=REJECT) header.from=bank.example',
      'Received: from mail.attacker.example ([203.0.113.66]) by mx.council.example; Mon, 3 Mar 2025 10:00:01 +0000',
      'Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bank.example; dkim=pass header.d=bank.example; dmarc=pass',
    ], await authored('ceo@bank.example'));
    const verdict = await verifySender(raw, { mode: 'trust-header', trustedAuthservId: TRUSTED });
    expect(verdict).toMatchObject({ spf: 'fail', dkim: 'none', dmarc: 'fail', spoofSuspected: true, source: 'authentication-results' });
    expect(verdict.reason).toMatch(/^DMARC fail for bank\.example/);
  });

  it("believes only the topmost header with our authserv-id: the sender's copy sits below it", async () => {
    const raw = withHeaders([
      `Authentication-Results: ${TRUSTED.toUpperCase()} 1; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org; dmarc=pass header.from=example.org`,
      `Authentication-Results: ${TRUSTED}; dmarc=fail header.from=example.org`,
    ], await authored('resident@example.org'));
    expect(await verifySender(raw, { mode: 'trust-header', trustedAuthservId: TRUSTED })).toEqual({
      spf: 'pass', dkim: 'pass', dmarc: 'pass', spoofSuspected: false, reason: null, source: 'authentication-results',
    });
  });

  it('believes nothing when only a forged header is present, or no authserv-id is configured', async () => {
    const raw = withHeaders(['Authentication-Results: mx.attacker.example; spf=fail; dmarc=fail'], await authored('resident@example.org'));
    const verdict = await verifySender(raw, { mode: 'trust-header', trustedAuthservId: TRUSTED });
    expect(verdict).toMatchObject({ spf: 'none', dkim: 'none', dmarc: 'none', spoofSuspected: false, source: 'authentication-results' });
    expect(verdict.reason).toBe(`no Authentication-Results header from ${TRUSTED}`);
    expect((await verifySender(raw, { mode: 'trust-header', trustedAuthservId: null })).reason).toMatch(/no trusted authserv-id/);
  });

  it("reads Exchange Online's header, which has no authserv-id, only when it is the topmost", async () => {
    const exo = 'Authentication-Results: spf=fail (sender IP is 203.0.113.66) smtp.mailfrom=bank.example; dkim=none (message not signed)'
      + ' header.d=none;dmarc=fail action=oreject header.from=bank.example;compauth=fail reason=000';
    const forged = 'Authentication-Results: spf=pass smtp.mailfrom=bank.example; dkim=pass header.d=bank.example; dmarc=pass';
    const options = { mode: 'trust-header', trustedAuthservId: TOPMOST_WITHOUT_AUTHSERV_ID } as const;
    expect(await verifySender(withHeaders([exo, forged], await authored('ceo@bank.example')), options)).toMatchObject({
      spf: 'fail', dkim: 'none', dmarc: 'fail', spoofSuspected: true,
    });
    const underOther = withHeaders(['Authentication-Results: relay.example; spf=pass', forged], await authored('ceo@bank.example'));
    expect(await verifySender(underOther, options)).toMatchObject({ dmarc: 'none', spoofSuspected: false });
  });
});

describe('verifySender in off mode', () => {
  it('checks nothing and suspects nothing', async () => {
    const raw = withHeaders([`Authentication-Results: ${TRUSTED}; dmarc=fail`], await authored('ceo@bank.example'));
    expect(await verifySender(raw, { mode: 'off', trustedAuthservId: TRUSTED, resolver })).toEqual({
      spf: 'none', dkim: 'none', dmarc: 'none', spoofSuspected: false, reason: null, source: 'off',
    });
    expect(lookups).toEqual([]);
  });
});

describe('spoofVerdict', () => {
  it.each([
    [{ spf: 'pass', dkim: 'pass', dmarc: 'fail' }, true],
    [{ spf: 'fail', dkim: 'none', dmarc: 'none' }, true],
    [{ spf: 'fail', dkim: 'fail', dmarc: 'none' }, true],
    [{ spf: 'fail', dkim: 'pass', dmarc: 'none' }, false],
    [{ spf: 'softfail', dkim: 'none', dmarc: 'none' }, false],
    [{ spf: 'temperror', dkim: 'temperror', dmarc: 'temperror' }, false],
    [{ spf: 'none', dkim: 'none', dmarc: 'none' }, false],
    [{ spf: 'pass', dkim: 'none', dmarc: 'bestguesspass' }, false],
  ])('%o → spoof suspected: %s', (results, suspected) => {
    const verdict = spoofVerdict(results);
    expect(verdict.spoofSuspected).toBe(suspected);
    expect(verdict.reason === null).toBe(!suspected);
  });
});

describe('parseAuthenticationResults (RFC 8601 §2.2)', () => {
  it('reads the authserv-id, version, nested comments, quoted values and every DKIM result', () => {
    const parsed = parseAuthenticationResults(
      'mx.google.com 1;\r\n dkim=pass (2048-bit (RSA) key; "quoted" comment) header.i=@example.org header.s=sel1;'
      + '\r\n\tdkim=fail header.d=other.example; spf=softfail (google.com: "domain;" of x) smtp.mailfrom="a;b@example.org";'
      + ' dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.org',
    );
    expect(parsed).toEqual({
      authservId: 'mx.google.com',
      results: [
        { method: 'dkim', result: 'pass', properties: { 'header.i': '@example.org', 'header.s': 'sel1' } },
        { method: 'dkim', result: 'fail', properties: { 'header.d': 'other.example' } },
        { method: 'spf', result: 'softfail', properties: { 'smtp.mailfrom': 'a;b@example.org' } },
        { method: 'dmarc', result: 'pass', properties: { 'header.from': 'example.org' } },
      ],
    });
  });

  it('reads "none" as no results, and rejects an empty header', () => {
    expect(parseAuthenticationResults('mx.example.org; none')).toEqual({ authservId: 'mx.example.org', results: [] });
    expect(parseAuthenticationResults('  ')).toBeNull();
  });

  it('matches authserv-ids case-insensitively and never by prefix', () => {
    const headers = ['mx.council.example.evil.example; dmarc=pass', 'MX.Council.Example; dmarc=fail'];
    expect(findTrustedAuthenticationResults(headers, TRUSTED)?.results).toEqual([{ method: 'dmarc', result: 'fail', properties: {} }]);
  });
});
