// A Google service account made for one test: a fresh RSA key pair (never committed), its key
// file in Google's JSON layout, and the check Google's token endpoint makes of an assertion.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { TokenRequest } from './token-endpoint.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface TestServiceAccount {
  clientEmail: string;
  keyId: string;
  /** The key file's text, as the Cloud console downloads it. */
  keyFile(tokenUri?: string): string;
  privateKeyPem: string;
  publicKey: KeyObject;
}

export function createTestServiceAccount(): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const account = {
    clientEmail: 'foi-intake@council-mail.iam.gserviceaccount.com',
    keyId: '4b1d0c0ffee0123456789abcdef0123456789abc',
    privateKeyPem,
    publicKey,
    keyFile: (tokenUri = 'https://oauth2.googleapis.com/token') => JSON.stringify({
      type: 'service_account', project_id: 'council-mail', private_key_id: account.keyId, private_key: privateKeyPem,
      client_email: account.clientEmail, client_id: '104000000000000000001', auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri, universe_domain: 'googleapis.com',
    }, null, 2),
  };
  return account;
}

export interface VerifiedAssertion {
  header: { alg?: string; kid?: string; typ?: string };
  claims: JWTPayload & { scope?: unknown };
}

/**
 * What Google's endpoint checks before it issues a token: a jwt-bearer grant whose assertion is
 * signed with the account's key (RS256), meant for `audience`, and not expired.
 */
export function assertionCheck(publicKey: KeyObject, audience: () => string, seen: VerifiedAssertion[]) {
  return async (request: TokenRequest): Promise<string | null> => {
    if (request.form.get('grant_type') !== JWT_BEARER) return 'unsupported_grant_type';
    const assertion = request.form.get('assertion') ?? '';
    try {
      const { payload } = await jwtVerify(assertion, publicKey, { algorithms: ['RS256'], audience: audience() });
      seen.push({ header: decodeProtectedHeader(assertion), claims: payload });
      return null;
    } catch {
      return 'invalid_grant';
    }
  };
}
