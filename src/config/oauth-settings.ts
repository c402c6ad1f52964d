// The FOI_OAUTH_* variables made into one grant: Microsoft 365 app-only client credentials, a
// generic endpoint's, or Google (a refresh token, or a service account acting as one mailbox).
// Errors name the variable and never quote a secret, a key or the key file's text.
import type { KeyObject } from 'node:crypto';
import { AppError } from '../errors.js';
import { readServiceAccountKey } from './service-account-key.js';

export type OAuthProvider = 'microsoft' | 'generic' | 'google';

export type OAuthGrantSettings =
  | { type: 'client_credentials'; clientId: string; clientSecret: string }
  | { type: 'refresh_token'; clientId: string; clientSecret: string; refreshToken: string }
  | { type: 'service_account'; clientEmail: string; privateKey: KeyObject; keyId: string | null };

export interface OAuthSettings {
  provider: OAuthProvider;
  tokenUrl: string;
  /** Space-separated scopes asked for. */
  scope: string;
  /** The mailbox account IMAP and SMTP log in as; null: the user in each mailbox's IMAP URL. */
  user: string | null;
  grant: OAuthGrantSettings;
}

/** The variables this module reads (already merged with their *_FILE forms). */
export interface OAuthEnv {
  FOI_OAUTH_PROVIDER?: OAuthProvider;
  FOI_OAUTH_TENANT?: string;
  FOI_OAUTH_TOKEN_URL?: string;
  FOI_OAUTH_CLIENT_ID?: string;
  FOI_OAUTH_CLIENT_SECRET?: string;
  FOI_OAUTH_SCOPE?: string;
  FOI_OAUTH_USER?: string;
  FOI_OAUTH_REFRESH_TOKEN?: string;
  /** The key file's text, read from FOI_OAUTH_SERVICE_ACCOUNT_FILE. */
  FOI_OAUTH_SERVICE_ACCOUNT?: string;
  FOI_OAUTH_SERVICE_ACCOUNT_FILE?: string;
}

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** The only scope Gmail accepts for IMAP and SMTP. */
export const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/';
const MICROSOFT_SCOPE = 'https://outlook.office365.com/.default';

function configError(variable: string, problem: string): AppError {
  return new AppError('config.invalid', `${variable}: ${problem}`);
}

export function oauthSettingsOf(e: OAuthEnv): OAuthSettings | null {
  if (!e.FOI_OAUTH_PROVIDER) {
    for (const name of ['FOI_OAUTH_REFRESH_TOKEN', 'FOI_OAUTH_SERVICE_ACCOUNT'] as const) {
      if (e[name]) throw configError(variableOf(e, name), 'needs FOI_OAUTH_PROVIDER=google');
    }
    return null;
  }
  if (e.FOI_OAUTH_PROVIDER === 'google') return googleSettingsOf(e);
  for (const name of ['FOI_OAUTH_REFRESH_TOKEN', 'FOI_OAUTH_SERVICE_ACCOUNT'] as const) {
    if (e[name]) throw configError(variableOf(e, name), 'only with FOI_OAUTH_PROVIDER=google');
  }
  return clientCredentialsSettingsOf(e);
}

/** Client credentials (RFC 6749 §4.4); Microsoft 365's endpoint and scope follow from the tenant. */
function clientCredentialsSettingsOf(e: OAuthEnv): OAuthSettings {
  const microsoft = e.FOI_OAUTH_PROVIDER === 'microsoft';
  if (microsoft && !e.FOI_OAUTH_TENANT && !e.FOI_OAUTH_TOKEN_URL) throw configError('FOI_OAUTH_TENANT', 'required when FOI_OAUTH_PROVIDER=microsoft');
  const tokenUrl = e.FOI_OAUTH_TOKEN_URL ?? (microsoft ? `https://login.microsoftonline.com/${e.FOI_OAUTH_TENANT}/oauth2/v2.0/token` : undefined);
  if (!tokenUrl) throw configError('FOI_OAUTH_TOKEN_URL', 'required when FOI_OAUTH_PROVIDER=generic');
  const { clientId, clientSecret } = clientOf(e, 'with FOI_OAUTH_PROVIDER');
  const scope = e.FOI_OAUTH_SCOPE ?? (microsoft ? MICROSOFT_SCOPE : undefined);
  if (!scope) throw configError('FOI_OAUTH_SCOPE', 'required when FOI_OAUTH_PROVIDER=generic');
  return { provider: microsoft ? 'microsoft' : 'generic', tokenUrl, scope, user: e.FOI_OAUTH_USER ?? null, grant: { type: 'client_credentials', clientId, clientSecret } };
}

/**
 * Google: a service account with domain-wide delegation (RFC 7523 JWT bearer) acting as each
 * mailbox's account, or a refresh token a Google account's admin authorised once.
 */
function googleSettingsOf(e: OAuthEnv): OAuthSettings {
  const scope = e.FOI_OAUTH_SCOPE ?? GOOGLE_MAIL_SCOPE;
  if (e.FOI_OAUTH_SERVICE_ACCOUNT_FILE && !e.FOI_OAUTH_SERVICE_ACCOUNT) throw configError('FOI_OAUTH_SERVICE_ACCOUNT_FILE', 'the file is empty');
  if (e.FOI_OAUTH_SERVICE_ACCOUNT) {
    const variable = variableOf(e, 'FOI_OAUTH_SERVICE_ACCOUNT');
    if (e.FOI_OAUTH_REFRESH_TOKEN) throw configError('FOI_OAUTH_REFRESH_TOKEN', `set either it or ${variable}, not both`);
    const key = readServiceAccountKey(variable, e.FOI_OAUTH_SERVICE_ACCOUNT);
    const tokenUrl = e.FOI_OAUTH_TOKEN_URL ?? key.tokenUri ?? GOOGLE_TOKEN_URL;
    return {
      // The mailbox it acts as is each mailbox's account: FOI_OAUTH_USER, an entry's oauthUser, or the IMAP URL's user.
      provider: 'google', tokenUrl, scope, user: e.FOI_OAUTH_USER ?? null,
      grant: { type: 'service_account', clientEmail: key.clientEmail, privateKey: key.privateKey, keyId: key.keyId },
    };
  }
  if (!e.FOI_OAUTH_REFRESH_TOKEN) {
    throw configError('FOI_OAUTH_SERVICE_ACCOUNT_FILE', 'required when FOI_OAUTH_PROVIDER=google (or FOI_OAUTH_REFRESH_TOKEN with FOI_OAUTH_CLIENT_ID and FOI_OAUTH_CLIENT_SECRET)');
  }
  const { clientId, clientSecret } = clientOf(e, 'with FOI_OAUTH_REFRESH_TOKEN');
  return {
    provider: 'google', tokenUrl: e.FOI_OAUTH_TOKEN_URL ?? GOOGLE_TOKEN_URL, scope, user: e.FOI_OAUTH_USER ?? null,
    grant: { type: 'refresh_token', clientId, clientSecret, refreshToken: e.FOI_OAUTH_REFRESH_TOKEN },
  };
}

function clientOf(e: OAuthEnv, when: string): { clientId: string; clientSecret: string } {
  if (!e.FOI_OAUTH_CLIENT_ID) throw configError('FOI_OAUTH_CLIENT_ID', `required ${when}`);
  if (!e.FOI_OAUTH_CLIENT_SECRET) throw configError('FOI_OAUTH_CLIENT_SECRET', `required ${when} (or FOI_OAUTH_CLIENT_SECRET_FILE)`);
  return { clientId: e.FOI_OAUTH_CLIENT_ID, clientSecret: e.FOI_OAUTH_CLIENT_SECRET };
}

/** Errors name the variable the operator set: the key file's, normally. */
function variableOf(e: OAuthEnv, name: 'FOI_OAUTH_REFRESH_TOKEN' | 'FOI_OAUTH_SERVICE_ACCOUNT'): string {
  if (name === 'FOI_OAUTH_SERVICE_ACCOUNT' && e.FOI_OAUTH_SERVICE_ACCOUNT_FILE) return 'FOI_OAUTH_SERVICE_ACCOUNT_FILE';
  return name;
}
