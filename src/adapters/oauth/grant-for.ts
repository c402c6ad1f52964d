// The token grant the FOI_OAUTH_* settings describe, built from the config's checked values.
import type { OAuthSettings } from '../../config/oauth-settings.js';
import { jwtBearerGrant } from './jwt-bearer-grant.js';
import { clientCredentialsGrant, refreshTokenGrant, type TokenGrant } from './token-grants.js';

export function grantFor(settings: OAuthSettings): TokenGrant {
  const { grant, scope } = settings;
  switch (grant.type) {
    case 'client_credentials':
      return clientCredentialsGrant({ clientId: grant.clientId, clientSecret: grant.clientSecret, scope });
    case 'refresh_token':
      return refreshTokenGrant({ clientId: grant.clientId, clientSecret: grant.clientSecret, refreshToken: grant.refreshToken, scope });
    case 'service_account':
      // RFC 7523 §3: the audience is the token endpoint the assertion is presented to.
      return jwtBearerGrant({
        issuer: grant.clientEmail, subject: grant.subject, scope, audience: settings.tokenUrl, privateKey: grant.privateKey, keyId: grant.keyId,
      });
  }
}
