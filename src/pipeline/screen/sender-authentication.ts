// Acknowledging a forged request sends backscatter to a stranger, so each sender is checked with
// SPF (RFC 7208), DKIM (RFC 6376) and DMARC (RFC 7489), read from our MX's RFC 8601 header or verified.
// mailauth (~36 MB loaded) is imported only when `verify` mode first needs it.
import type { AuthenticateResult, DNSResolver } from 'mailauth';
import { describeError } from '../../errors.js';
import { findTrustedAuthenticationResults, propertyFor, resultFor } from './authentication-results.js';

export type SenderAuthMode = 'trust-header' | 'verify' | 'off';

export interface SenderVerdict {
  /** RFC 8601 result words: pass, fail, softfail, neutral, none, temperror, permerror, policy… */
  spf: string;
  dkim: string;
  dmarc: string;
  spoofSuspected: boolean;
  /** Why a spoof is suspected, or why the sender could not be checked; `null` when checked and clean. */
  reason: string | null;
  source: 'authentication-results' | 'mailauth' | 'off';
}

export interface VerifySenderOptions {
  /** `verify` only: answers like `dns.promises.resolve` (TXT as string chunks, `ENOTFOUND` errors). */
  resolver?: (name: string, rrtype: string) => Promise<unknown>;
  /** `trust-header` only: our MX's authserv-id, or `TOPMOST_WITHOUT_AUTHSERV_ID` for Exchange Online. */
  trustedAuthservId?: string | null;
  mode: SenderAuthMode;
}

export interface SpoofInput {
  spf: string;
  dkim: string;
  dmarc: string;
  /** The RFC 5322 From domain, if known; only used to word the reason. */
  fromDomain?: string | null;
}

/**
 * The policy. A DMARC fail means the From domain's owner disowns the message (RFC 7489 §6.6.2). An
 * SPF hard fail (`-all`, RFC 7208 §8.4) with no passing DKIM signature means nothing vouches for it.
 * `softfail`, `neutral`, `none` and temporary errors are not evidence of forgery.
 */
export function spoofVerdict({ spf, dkim, dmarc, fromDomain }: SpoofInput): { spoofSuspected: boolean; reason: string | null } {
  const domain = fromDomain ? ` for ${fromDomain}` : '';
  if (dmarc === 'fail') {
    return { spoofSuspected: true, reason: `DMARC fail${domain}: neither SPF nor DKIM passed aligned with the From domain` };
  }
  if (spf === 'fail' && dkim !== 'pass') {
    return { spoofSuspected: true, reason: `SPF hard fail${domain} and no passing DKIM signature` };
  }
  return { spoofSuspected: false, reason: null };
}

export async function verifySender(raw: Buffer, options: VerifySenderOptions): Promise<SenderVerdict> {
  switch (options.mode) {
    case 'off':
      return { ...unchecked(null), source: 'off' };
    case 'trust-header':
      return readTrustedHeader(raw, options.trustedAuthservId ?? null);
    case 'verify':
      return verifyWithMailauth(raw, options.resolver);
  }
}

function readTrustedHeader(raw: Buffer, trustedAuthservId: string | null): SenderVerdict {
  const source = 'authentication-results';
  if (!trustedAuthservId?.trim()) {
    return { ...unchecked('no trusted authserv-id is configured, so no Authentication-Results header is believed'), source };
  }
  const header = findTrustedAuthenticationResults(readHeaderValues(raw, 'authentication-results'), trustedAuthservId);
  if (!header) return { ...unchecked(`no Authentication-Results header from ${trustedAuthservId}`), source };
  const results = { spf: resultFor(header, 'spf'), dkim: resultFor(header, 'dkim'), dmarc: resultFor(header, 'dmarc') };
  return { ...results, ...spoofVerdict({ ...results, fromDomain: propertyFor(header, 'dmarc', 'header.from') }), source };
}

async function verifyWithMailauth(raw: Buffer, resolver: VerifySenderOptions['resolver']): Promise<SenderVerdict> {
  const source = 'mailauth';
  let result: AuthenticateResult;
  try {
    // Post-delivery there is no SMTP envelope: the client IP and HELO come from the top Received
    // line, the envelope sender from Return-Path. BIMI (logos) is irrelevant to spoofing.
    const { authenticate } = await import('mailauth');
    result = await authenticate(raw, {
      trustReceived: true,
      disableBimi: true,
      ...(resolver ? { resolver: resolver as DNSResolver } : {}),
    });
  } catch (err) {
    const failed = 'temperror';
    return { spf: failed, dkim: failed, dmarc: failed, spoofSuspected: false, reason: `sender authentication failed: ${describeError(err)}`, source };
  }
  const results = {
    spf: normalise(result.spf ? result.spf.status.result : 'none'),
    dkim: summariseDkim(result.dkim.results.map((r) => r.status.result)),
    dmarc: normalise(result.dmarc ? result.dmarc.status.result : 'none'),
  };
  const fromDomain = result.dkim.headerFrom[0]?.split('@').pop() ?? null;
  return { ...results, ...spoofVerdict({ ...results, fromDomain }), source };
}

function unchecked(reason: string | null): Omit<SenderVerdict, 'source'> {
  return { spf: 'none', dkim: 'none', dmarc: 'none', spoofSuspected: false, reason };
}

/** Any passing signature authenticates the message (RFC 6376 §6.1); otherwise the first result. */
function summariseDkim(results: readonly string[]): string {
  const all = results.map(normalise);
  if (all.includes('pass')) return 'pass';
  return all.find((r) => r !== 'none') ?? 'none';
}

/** mailauth sometimes says `temperr`; RFC 8601 §2.7 says `temperror`. */
function normalise(result: string): string {
  const lower = result.toLowerCase();
  return lower === 'temperr' ? 'temperror' : lower;
}

/** Values of every header field called `name`, unfolded, top first. */
function readHeaderValues(raw: Buffer, name: string): string[] {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  const head = raw.subarray(0, ends.length ? Math.min(...ends) : raw.length).toString('utf8');
  const field = new RegExp(`^${name}[ \\t]*:`, 'i'); // RFC 5322 §4.5.3 allows space before the colon
  return head
    .split(/\r?\n(?![ \t])/)
    .filter((line) => field.test(line))
    .map((line) => line.replace(field, '').replace(/\r?\n(?=[ \t])/g, '').trim());
}
