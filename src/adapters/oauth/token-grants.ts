// How a token request proves who is asking: client credentials (RFC 6749 §4.4, Microsoft 365
// app-only) or a refresh token an admin obtained once (§6, a Google account). The token provider
// posts whatever form the grant builds; caching and renewal are the same for every grant.
import { AppError } from '../../errors.js';

export interface TokenGrant {
  /** The token request's form fields, built for each request (a signed assertion expires). */
  formFields(nowMs: number): Promise<Record<string, string>>;
  /** Sees each successful token response, e.g. to adopt a rotated refresh token (RFC 6749 §6). */
  accepted?(response: Record<string, unknown>): void;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes, e.g. `https://outlook.office365.com/.default`. */
  scope: string;
}

export function clientCredentialsGrant(credentials: ClientCredentials): TokenGrant {
  requireNonEmpty(credentials, ['clientId', 'clientSecret', 'scope']);
  const { clientId, clientSecret, scope } = credentials;
  return {
    formFields: async () => ({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
  };
}

export interface RefreshTokenCredentials extends ClientCredentials {
  refreshToken: string;
}

/**
 * A long-lived refresh token exchanged for access tokens. The scope is sent (RFC 6749 §6 allows
 * narrowing); Google ignores it and keeps the scope the admin consented to.
 */
export function refreshTokenGrant(credentials: RefreshTokenCredentials): TokenGrant {
  requireNonEmpty(credentials, ['clientId', 'clientSecret', 'scope', 'refreshToken']);
  const { clientId, clientSecret, scope } = credentials;
  let refreshToken = credentials.refreshToken;
  return {
    formFields: async () => ({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken, scope }),
    accepted(response) {
      // A server MAY rotate the refresh token (§6); the old one may stop working. Only memory holds
      // the new one: after a restart the configured token is used again.
      if (typeof response.refresh_token === 'string' && response.refresh_token !== '') refreshToken = response.refresh_token;
    },
  };
}

export function requireNonEmpty<T extends object>(options: T, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    if (!options[key]) throw new AppError('config.invalid', `OAuth2 ${key} is empty`);
  }
}
