// Hands OAuth2 access tokens to the mail clients: imapflow takes a fixed token per client (build a new
// client after a rejection), nodemailer asks through its oauth2_provision_cb hook on every login.
import type { TokenProvider } from './token-provider.js';

/** imapflow's `auth` for XOAUTH2 / OAUTHBEARER: `new ImapFlow({ ..., auth: await imapAuth(user, provider) })`. */
export async function imapAuth(user: string, provider: TokenProvider): Promise<{ user: string; accessToken: string }> {
  const { accessToken } = await provider.getToken();
  return { user, accessToken };
}

/**
 * True when an imapflow connect() failed because the server refused the credentials: call
 * `provider.invalidate()`, then connect a new client with `imapAuth` (the next token is fresh).
 */
export function isImapAuthenticationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { authenticationFailed?: unknown }).authenticationFailed === true;
}

/** nodemailer's `auth` for a transport whose tokens come from `attachSmtpOAuth`. */
export function smtpOAuthAuth(user: string): { type: 'OAuth2'; user: string } {
  return { type: 'OAuth2', user };
}

type ProvisionCallback = (user: string, renew: boolean, callback: (err: Error | null, accessToken?: string, expires?: number) => void) => void;

/** The part of a nodemailer Transporter this module uses. */
export interface OAuthCapableTransport {
  set(key: 'oauth2_provision_cb', value: ProvisionCallback): unknown;
}

/**
 * Makes `transport` (created with `auth: smtpOAuthAuth(user)`) take its tokens from `provider`.
 * `renew` is true when the server rejected the last token: the provider forgets it and fetches anew.
 */
export function attachSmtpOAuth(transport: OAuthCapableTransport, user: string, provider: TokenProvider): void {
  transport.set('oauth2_provision_cb', (requestedUser, renew, callback) => {
    if (requestedUser !== user) {
      callback(new Error('OAuth2 token requested for a mailbox this transport is not configured for'));
      return;
    }
    if (renew) provider.invalidate();
    provider.getToken().then(
      // The expiry handed back is already past on purpose: nodemailer then asks again at every login
      // and the provider alone decides when to fetch (one clock, one cache, no stale token reused).
      ({ accessToken }) => callback(null, accessToken, 1),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
