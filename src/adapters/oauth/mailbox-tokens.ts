// The token grant the FOI_OAUTH_* settings describe, and the token provider each mailbox account
// logs in with: one for all, except a service account, whose token is for one mailbox only.
import type { OAuthSettings } from '../../config/oauth-settings.js';
import { jwtBearerGrant } from './jwt-bearer-grant.js';
import { clientCredentialsGrant, refreshTokenGrant, type TokenGrant } from './token-grants.js';
import { createTokenProvider, type TokenProvider } from './token-provider.js';

/** `user` is the mailbox account; only a service account's assertion names it (as `sub`). */
export function grantFor(settings: OAuthSettings, user: string): TokenGrant {
  const { grant, scope } = settings;
  switch (grant.type) {
    case 'client_credentials':
      return clientCredentialsGrant({ clientId: grant.clientId, clientSecret: grant.clientSecret, scope });
    case 'refresh_token':
      return refreshTokenGrant({ clientId: grant.clientId, clientSecret: grant.clientSecret, refreshToken: grant.refreshToken, scope });
    case 'service_account':
      // RFC 7523 §3: the audience is the token endpoint the assertion is presented to.
      return jwtBearerGrant({
        issuer: grant.clientEmail, subject: user, scope, audience: settings.tokenUrl, privateKey: grant.privateKey, keyId: grant.keyId,
      });
  }
}

/**
 * The token provider for a mailbox account. Microsoft 365's app-only token (and a refresh token's,
 * which is one account's anyway) serves IMAP, SMTP and every mailbox, so one provider is shared; a
 * delegated service account gets a token per mailbox it acts as.
 */
export function createMailboxTokens(settings: OAuthSettings): (user: string) => TokenProvider {
  const providers = new Map<string, TokenProvider>();
  return (user) => {
    const key = settings.grant.type === 'service_account' ? user : '';
    let provider = providers.get(key);
    if (!provider) {
      provider = createTokenProvider({ tokenUrl: settings.tokenUrl, grant: grantFor(settings, user) });
      providers.set(key, provider);
    }
    return provider;
  };
}
