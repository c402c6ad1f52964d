// FOI_OAUTH_PROVIDER=google: which grant the variables make, the defaults, and one line naming the
// variable for every mistake, without a secret, the key or the key file's text in it.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { openRuntime } from '../../../src/runtime.js';
import { createLogger } from '../../../src/logger.js';
import { createTestServiceAccount } from '../../harness/google-service-account.js';

const dir = mkdtempSync(join(tmpdir(), 'foi-oauth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function file(text: string): string {
  const path = join(dir, `key-${++files}.json`);
  writeFileSync(path, text);
  return path;
}

const account = createTestServiceAccount();
const KEY_BODY = account.privateKeyPem.split('\n')[1]!; // a line of the key's base64
const google = { FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_USER: 'foi@council.gov.uk' };

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('FOI_OAUTH_PROVIDER=google', () => {
  it('with a refresh token: Google’s endpoint and the Gmail scope by default, the endpoint overridable', () => {
    const env = { ...google, FOI_OAUTH_CLIENT_ID: 'client.apps.googleusercontent.com', FOI_OAUTH_CLIENT_SECRET: 'GOCSPX-s3cret', FOI_OAUTH_REFRESH_TOKEN: '1//r3fresh' };
    expect(loadConfig(env).oauth).toEqual({
      provider: 'google', tokenUrl: 'https://oauth2.googleapis.com/token', scope: 'https://mail.google.com/', user: 'foi@council.gov.uk',
      grant: { type: 'refresh_token', clientId: 'client.apps.googleusercontent.com', clientSecret: 'GOCSPX-s3cret', refreshToken: '1//r3fresh' },
    });
    expect(loadConfig({ ...env, FOI_OAUTH_TOKEN_URL: 'http://127.0.0.1:9/token' }).oauth?.tokenUrl).toBe('http://127.0.0.1:9/token');
    const fromFile = loadConfig({ ...env, FOI_OAUTH_REFRESH_TOKEN: undefined, FOI_OAUTH_REFRESH_TOKEN_FILE: file('1//from-a-file\n') }).oauth;
    expect(fromFile?.grant).toMatchObject({ type: 'refresh_token', refreshToken: '1//from-a-file' });
  });

  it('with a service-account key file: acts as FOI_OAUTH_USER (or each mailbox’s user), at the token_uri the file names', () => {
    const oauth = loadConfig({ ...google, FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(account.keyFile('https://oauth2.example.test/token')) }).oauth;
    expect(oauth).toMatchObject({
      provider: 'google', tokenUrl: 'https://oauth2.example.test/token', scope: 'https://mail.google.com/', user: 'foi@council.gov.uk',
      grant: { type: 'service_account', clientEmail: account.clientEmail, keyId: account.keyId },
    });
    const keyless = JSON.stringify({ ...JSON.parse(account.keyFile()), token_uri: undefined, private_key_id: undefined });
    const plain = loadConfig({ ...google, FOI_OAUTH_USER: undefined, FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(keyless), FOI_OAUTH_SCOPE: 'https://mail.google.com/ openid' }).oauth;
    expect(plain).toMatchObject({ tokenUrl: 'https://oauth2.googleapis.com/token', scope: 'https://mail.google.com/ openid', user: null, grant: { keyId: null } });
  });

  it('never prints the private key: not in the config when inspected, serialised or logged', () => {
    const config = loadConfig({ ...google, FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(account.keyFile()) });
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    log.info({ oauth: config.oauth }, 'configuration');
    for (const printed of [inspect(config, { depth: 10 }), JSON.stringify(config), lines.join('')]) {
      expect(printed).not.toContain(KEY_BODY);
      expect(printed).not.toContain('PRIVATE KEY');
    }
  });

  it.each([
    [{}, /^FOI_OAUTH_SERVICE_ACCOUNT_FILE: required when FOI_OAUTH_PROVIDER=google \(or FOI_OAUTH_REFRESH_TOKEN/],
    [{ FOI_OAUTH_REFRESH_TOKEN: 'r' }, /^FOI_OAUTH_CLIENT_ID: required with FOI_OAUTH_REFRESH_TOKEN$/],
    [{ FOI_OAUTH_REFRESH_TOKEN: 'r', FOI_OAUTH_CLIENT_ID: 'c' }, /^FOI_OAUTH_CLIENT_SECRET: required with FOI_OAUTH_REFRESH_TOKEN/],
    [{ FOI_OAUTH_SERVICE_ACCOUNT_FILE: '/nonexistent/key.json' }, /^FOI_OAUTH_SERVICE_ACCOUNT_FILE: cannot read the file it names$/],
    [{ FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(account.keyFile()), FOI_OAUTH_REFRESH_TOKEN: 'r' }, /^FOI_OAUTH_REFRESH_TOKEN: set either it or FOI_OAUTH_SERVICE_ACCOUNT_FILE, not both$/],
    [{ FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(' \n') }, /^FOI_OAUTH_SERVICE_ACCOUNT_FILE: the file is empty$/],
  ])('names the variable that is missing or wrong (%#)', (extra, message) => {
    expect(errorOf({ ...google, ...extra })).toMatch(message);
  });

  it('rejects a key file that is not a usable service-account key, quoting none of it', () => {
    const key = JSON.parse(account.keyFile()) as Record<string, unknown>;
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cases: Array<[string, string]> = [
      [account.keyFile().slice(0, -40), 'not JSON'],
      ['["a"]', 'not a JSON object'],
      [JSON.stringify({ ...key, client_email: undefined }), 'client_email missing'],
      [JSON.stringify({ ...key, private_key: undefined }), 'private_key missing'],
      [JSON.stringify({ ...key, private_key: account.privateKeyPem.replace(KEY_BODY, KEY_BODY.split('').reverse().join('')) }), 'private_key is not a PEM private key'],
      [JSON.stringify({ ...key, private_key: ecKey }), 'private_key is not an RSA key'],
      [JSON.stringify({ ...key, token_uri: 'not a url' }), 'token_uri is not a URL'],
      [JSON.stringify({ ...key, type: 'external_account' }), 'type is not service_account'],
      [JSON.stringify({ type: 'authorized_user', client_id: 'c', client_secret: 's', refresh_token: 'r' }), 'an authorized_user file; put its refresh_token in FOI_OAUTH_REFRESH_TOKEN_FILE instead'],
    ];
    for (const [text, problem] of cases) {
      const message = errorOf({ ...google, FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(text) });
      expect(message).toBe(`FOI_OAUTH_SERVICE_ACCOUNT_FILE: not a Google service-account key (${problem})`);
      expect(message).not.toContain(KEY_BODY);
    }
  });

  it('keeps the Google grants to FOI_OAUTH_PROVIDER=google', () => {
    const microsoft = { FOI_OAUTH_PROVIDER: 'microsoft', FOI_OAUTH_TENANT: 't', FOI_OAUTH_CLIENT_ID: 'c', FOI_OAUTH_CLIENT_SECRET: 's' };
    expect(errorOf({ ...microsoft, FOI_OAUTH_REFRESH_TOKEN: 'r' })).toBe('FOI_OAUTH_REFRESH_TOKEN: only with FOI_OAUTH_PROVIDER=google');
    expect(errorOf({ FOI_OAUTH_SERVICE_ACCOUNT_FILE: file(account.keyFile()) })).toBe('FOI_OAUTH_SERVICE_ACCOUNT_FILE: needs FOI_OAUTH_PROVIDER=google');
    expect(errorOf({ ...google, FOI_OAUTH_PROVIDER: 'gmail' })).toMatch(/^FOI_OAUTH_PROVIDER: /);
  });
});

describe('a refresh token and several mailboxes', () => {
  const mail = {
    FOI_IMAP_URL: 'imaps://imap.gmail.com/INBOX', FOI_SMTP_URL: 'smtps://smtp.gmail.com', FOI_FROM: 'FOI Team <foi@council.gov.uk>',
    FOI_OFFICERS: 'officers@council.gov.uk', FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_CLIENT_ID: 'client.apps.googleusercontent.com',
    FOI_OAUTH_CLIENT_SECRET: 'GOCSPX-s3cret', FOI_OAUTH_REFRESH_TOKEN: '1//r3fresh', FOI_OAUTH_USER: 'foi@council.gov.uk',
  };
  const mailboxes = (oauthUser: string) => file(JSON.stringify({ mailboxes: [{
    name: 'eir', imapUrl: 'imaps://imap.gmail.com/EIR', from: 'EIR Team <eir@council.gov.uk>', referenceFormat: 'EIR-{year}-{seq:5}', oauthUser,
  }] }));
  const silent = createLogger('silent');

  it('refuses, before anything is opened, mailboxes that would sign in as different accounts with it', async () => {
    const config = loadConfig({ ...mail, FOI_MAILBOXES_FILE: mailboxes('eir@council.gov.uk') });
    await expect(openRuntime(config, silent)).rejects.toThrow(
      /^FOI_OAUTH_REFRESH_TOKEN: a refresh token signs in as one account, but the mailboxes log in as 2; use a service account/,
    );
  });
});
