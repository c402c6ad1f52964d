// OAuth2 access tokens for IMAP and SMTP, whatever the grant (client credentials, a refresh token,
// a signed service-account assertion): fetched on demand, cached until shortly before expiry,
// renewed once for concurrent callers.
import { AppError } from '../../errors.js';
import { clientCredentialsGrant, type ClientCredentials, type TokenGrant } from './token-grants.js';

export type { TokenGrant };

export interface AccessToken {
  accessToken: string;
  /** When the identity provider says the token stops working (issue time + expires_in). */
  expiresAt: Date;
  /** When this provider stops handing the token out and asks for a new one (before expiresAt). */
  refreshAt: Date;
}

export interface TokenProvider {
  /** A token valid for at least the refresh margin; fetched only when the cached one is due. */
  getToken(): Promise<AccessToken>;
  /** Forget the cached token, e.g. after the mail server rejected it; the next getToken fetches. */
  invalidate(): void;
}

interface CommonOptions {
  tokenUrl: string;
  fetchImpl?: typeof fetch;
  /** Clock in epoch milliseconds; tests advance it. */
  now?: () => number;
  /** Abort the token request after this long (default 15 s). */
  timeoutMs?: number;
}

/** Either a grant, or client credentials (the grant Microsoft 365 app-only access uses). */
export type TokenProviderOptions = CommonOptions & ({ grant: TokenGrant } | ClientCredentials);

/** Renew this long before expiry, or half the lifetime for very short-lived tokens. */
export const REFRESH_MARGIN_MS = 60_000;
/** Used when the endpoint omits expires_in (it is RECOMMENDED, not required). */
const DEFAULT_LIFETIME_S = 3600;

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const tokenUrl = parseTokenUrl(options.tokenUrl);
  const grant = 'grant' in options ? options.grant : clientCredentialsGrant(options);
  let cached: AccessToken | undefined;
  let inFlight: Promise<AccessToken> | undefined;

  async function fetchToken(): Promise<AccessToken> {
    const body = new URLSearchParams(await grant.formFields(now()));
    const where = `${tokenUrl.origin}${tokenUrl.pathname}`;
    let response: Response;
    try {
      response = await fetchImpl(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      // The cause is a network error (no request body in it); safe to keep for diagnosis.
      throw new AppError('imap.connect_failed', `OAuth2 token endpoint ${where} unreachable`, { cause });
    }
    const issuedAt = now();
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      // RFC 6749 §5.2 error codes are fixed strings; error_description is not echoed (it may quote input).
      const code = isRecord(payload) && typeof payload.error === 'string' ? safeCode(payload.error) : 'no error code';
      throw new AppError('imap.connect_failed', `OAuth2 token endpoint ${where} refused: HTTP ${response.status} (${code})`);
    }
    if (!isRecord(payload) || typeof payload.access_token !== 'string' || payload.access_token === '') {
      throw new AppError('imap.connect_failed', `OAuth2 token endpoint ${where} returned no access_token`);
    }
    grant.accepted?.(payload);
    const rawLifetime = Number(payload.expires_in ?? DEFAULT_LIFETIME_S);
    const lifetimeMs = (Number.isFinite(rawLifetime) && rawLifetime > 0 ? rawLifetime : DEFAULT_LIFETIME_S) * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    return {
      accessToken: payload.access_token,
      expiresAt: new Date(issuedAt + lifetimeMs),
      refreshAt: new Date(issuedAt + lifetimeMs - margin),
    };
  }

  return {
    getToken() {
      if (cached && now() < cached.refreshAt.getTime()) return Promise.resolve(cached);
      if (inFlight) return inFlight;
      const request = fetchToken().then((token) => {
        cached = token;
        return token;
      });
      inFlight = request;
      const clear = () => {
        if (inFlight === request) inFlight = undefined;
      };
      request.then(clear, clear);
      return request;
    },
    invalidate() {
      // A request already in flight is fetching a new token anyway: callers share it, so several
      // connections rejected at once cause one renewal, not one each.
      cached = undefined;
    },
  };
}

function parseTokenUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('config.invalid', 'OAuth2 token URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('config.invalid', 'OAuth2 token URL must be https (or http on loopback)');
  }
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new AppError('config.invalid', 'OAuth2 token URL must be https unless it is on loopback');
  }
  if (url.username || url.password) throw new AppError('config.invalid', 'OAuth2 token URL must not carry credentials');
  return url;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** An RFC 6749 error code is `[\x20-\x21\x23-\x5B\x5D-\x7E]+`; keep it short and printable. */
function safeCode(code: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : 'unrecognised error code';
}
