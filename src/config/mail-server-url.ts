// Mail server URLs (`imaps://user:pass@host:993/INBOX`, `smtp://host:25`) parsed into endpoints.
// Plain-text connections are allowed only to loopback unless the operator explicitly opts in.
import { AppError } from '../errors.js';

export interface MailServerEndpoint {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (imaps://, smtps://). */
  secure: boolean;
  /** STARTTLS must succeed before credentials are sent (`?starttls=required`). */
  requireStartTls: boolean;
  user: string | null;
  password: string | null;
  /** URL path without the leading slash, decoded (the IMAP mailbox). */
  path: string;
}

const DEFAULT_PORTS: Record<string, number> = { imap: 143, imaps: 993, smtp: 25, smtps: 465 };

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Parses and checks a mail URL; errors name the variable but never echo the URL (it holds a password). */
export function parseMailServerUrl(
  variable: string,
  value: string,
  family: 'imap' | 'smtp',
  allowInsecure: boolean,
): MailServerEndpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('config.invalid', `${variable}: not a valid URL (expected ${family}://USER:PASS@HOST:PORT or ${family}s://...)`);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== family && scheme !== `${family}s`) {
    throw new AppError('config.invalid', `${variable}: scheme must be ${family}:// or ${family}s://, not ${scheme}://`);
  }
  if (!url.hostname) throw new AppError('config.invalid', `${variable}: host is missing`);
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[scheme]!;
  const secure = scheme.endsWith('s');
  const requireStartTls = !secure && url.searchParams.get('starttls') === 'required';
  if (!secure && !requireStartTls && !isLoopbackHost(url.hostname) && !allowInsecure) {
    throw new AppError(
      'config.invalid',
      `${variable}: plain-text ${family.toUpperCase()} to a non-loopback host is refused; use ${family}s://, ` +
        `add ?starttls=required, or set FOI_ALLOW_INSECURE=1`,
    );
  }
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    secure,
    requireStartTls,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: url.password ? decodeURIComponent(url.password) : null,
    path: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}
