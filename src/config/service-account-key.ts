// Google's service-account key file (the JSON the Cloud console downloads), checked at start-up.
// The key can act as every mailbox the admin delegated, so no message here quotes any of the file.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../errors.js';

export interface ServiceAccountKey {
  clientEmail: string;
  /** Parsed once here; a KeyObject shows nothing of the key when printed or serialised. */
  privateKey: KeyObject;
  keyId: string | null;
  /** The token endpoint the key file names, if it names one. */
  tokenUri: string | null;
}

export function readServiceAccountKey(variable: string, text: string): ServiceAccountKey {
  const invalid = (problem: string) => new AppError('config.invalid', `${variable}: not a Google service-account key (${problem})`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not kept as the cause: JSON.parse's message quotes the text around the fault, i.e. the key.
    throw invalid('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('not a JSON object');
  const fields = json as Record<string, unknown>;
  // gcloud's `authorized_user` file holds a refresh token: that is the other Google grant.
  if (fields.type === 'authorized_user') throw invalid('an authorized_user file; put its refresh_token in FOI_OAUTH_REFRESH_TOKEN_FILE instead');
  if (fields.type !== undefined && fields.type !== 'service_account') throw invalid('type is not service_account');
  const clientEmail = fields.client_email;
  if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) throw invalid('client_email missing');
  if (typeof fields.private_key !== 'string' || fields.private_key === '') throw invalid('private_key missing');
  const privateKey = parsePrivateKey(fields.private_key, invalid);
  const tokenUri = fields.token_uri;
  if (tokenUri !== undefined && (typeof tokenUri !== 'string' || !URL.canParse(tokenUri))) throw invalid('token_uri is not a URL');
  const keyId = typeof fields.private_key_id === 'string' && fields.private_key_id !== '' ? fields.private_key_id : null;
  return { clientEmail, privateKey, keyId, tokenUri: tokenUri ?? null };
}

function parsePrivateKey(pem: string, invalid: (problem: string) => AppError): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // Not kept as the cause: OpenSSL's decoder errors are safe today, but nothing here needs them.
    throw invalid('private_key is not a PEM private key');
  }
  // Google signs service-account assertions with RS256 only.
  if (key.asymmetricKeyType !== 'rsa') throw invalid('private_key is not an RSA key');
  return key;
}
