// A Google service account with domain-wide delegation acts as one mailbox: each token request
// carries a fresh JWT signed with the account's private key (RFC 7523 §2.1, RS256 per Google).
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { AppError } from '../../errors.js';
import { requireNonEmpty, type TokenGrant } from './token-grants.js';

export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google refuses assertions that live longer than an hour. */
const ASSERTION_LIFETIME_S = 3600;

export interface JwtBearerCredentials {
  /** The service account (`client_email`): the assertion's issuer. */
  issuer: string;
  /** The mailbox the service account acts as (domain-wide delegation). */
  subject: string;
  /** Space-separated scopes; the admin must have granted them to the client id. */
  scope: string;
  /** The token endpoint the assertion is for (RFC 7523 §3 `aud`). */
  audience: string;
  /** The account's RSA private key; a KeyObject prints nothing of the key if logged by mistake. */
  privateKey: KeyObject;
  /** `private_key_id`, sent as `kid` so Google finds the public key at once. */
  keyId?: string | null;
}

export function jwtBearerGrant(credentials: JwtBearerCredentials): TokenGrant {
  requireNonEmpty(credentials, ['issuer', 'subject', 'scope', 'audience']);
  if (credentials.privateKey.type !== 'private' || credentials.privateKey.asymmetricKeyType !== 'rsa') {
    throw new AppError('config.invalid', 'OAuth2 service-account key must be an RSA private key (RS256)');
  }
  const { issuer, subject, scope, audience, privateKey, keyId } = credentials;
  return {
    async formFields(nowMs) {
      const iat = Math.floor(nowMs / 1000);
      let assertion: string;
      try {
        assertion = await new SignJWT({ scope })
          .setProtectedHeader(keyId ? { alg: 'RS256', typ: 'JWT', kid: keyId } : { alg: 'RS256', typ: 'JWT' })
          .setIssuer(issuer)
          .setSubject(subject)
          .setAudience(audience)
          .setIssuedAt(iat)
          .setExpirationTime(iat + ASSERTION_LIFETIME_S)
          .sign(privateKey);
      } catch (cause) {
        // jose's messages describe the key's type or algorithm, never its material.
        throw new AppError('imap.connect_failed', 'OAuth2 service-account assertion could not be signed', { cause });
      }
      return { grant_type: JWT_BEARER_GRANT_TYPE, assertion };
    },
  };
}
