// Google's two grants end to end from the FOI_OAUTH_* variables: a token endpoint on loopback (it
// stands in for oauth2.googleapis.com, which tests cannot reach) checks each request as Google
// would, and nodemailer logs in to smtp-server with XOAUTH2, renewing after a refused token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { createMailboxTokens, grantFor } from '../../src/adapters/oauth/mailbox-tokens.js';
import { attachSmtpOAuth, smtpOAuthAuth } from '../../src/adapters/oauth/mail-auth.js';
import { createTokenProvider, type TokenProvider } from '../../src/adapters/oauth/token-provider.js';
import { assertionCheck, createTestServiceAccount, JWT_BEARER, type VerifiedAssertion } from '../harness/google-service-account.js';
import { startTokenEndpoint, type TokenEndpoint } from '../harness/token-endpoint.js';

const MAILBOX = 'foi@council.example';
const CLIENT_SECRET = 'GOCSPX-client-s3cret';
const REFRESH_TOKEN = '1//0refresh-token-granted-once';

const dir = mkdtempSync(join(tmpdir(), 'foi-google-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function endpointWith(options: Parameters<typeof startTokenEndpoint>[0] = {}): Promise<TokenEndpoint> {
  const endpoint = await startTokenEndpoint(options);
  cleanups.push(() => endpoint.close());
  return endpoint;
}

/** The token provider `foi-intake` builds from these variables (config → grant → provider). */
function providerFrom(env: NodeJS.ProcessEnv, now?: () => number): TokenProvider {
  const oauth = loadConfig({ FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_USER: MAILBOX, ...env }).oauth!;
  return createTokenProvider({ tokenUrl: oauth.tokenUrl, grant: grantFor(oauth, MAILBOX), now });
}

function keyFileFor(text: string): string {
  const path = join(dir, `key-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, text);
  return path;
}

describe('Google refresh token', () => {
  const refreshEnv = (endpoint: TokenEndpoint) => ({
    FOI_OAUTH_TOKEN_URL: endpoint.url, FOI_OAUTH_CLIENT_ID: 'client.apps.googleusercontent.com',
    FOI_OAUTH_CLIENT_SECRET: CLIENT_SECRET, FOI_OAUTH_REFRESH_TOKEN: REFRESH_TOKEN,
  });

  it('posts grant_type=refresh_token with the client and the Gmail scope; renews on expiry and after invalidate', async () => {
    const endpoint = await endpointWith({ check: (r) => (r.form.get('refresh_token') === REFRESH_TOKEN ? null : 'invalid_grant') });
    let clock = Date.parse('2026-11-28T09:00:00Z');
    const tokens = providerFrom(refreshEnv(endpoint), () => clock);
    expect((await tokens.getToken()).accessToken).toBe('t1');
    expect(endpoint.requests[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(endpoint.requests[0]!.form)).toEqual({
      grant_type: 'refresh_token', client_id: 'client.apps.googleusercontent.com', client_secret: CLIENT_SECRET,
      refresh_token: REFRESH_TOKEN, scope: 'https://mail.google.com/',
    });
    clock += 3539_000;
    expect((await tokens.getToken()).accessToken).toBe('t1');
    clock += 1_000; // 60 s before expiry
    expect((await tokens.getToken()).accessToken).toBe('t2');
    tokens.invalidate(); // as after a mail server refused t2
    expect((await tokens.getToken()).accessToken).toBe('t3');
    expect(endpoint.requests.map((r) => r.form.get('grant_type'))).toEqual(['refresh_token', 'refresh_token', 'refresh_token']);
  });

  it('uses a rotated refresh token from then on (RFC 6749 §6)', async () => {
    const endpoint = await endpointWith();
    endpoint.respond = (_request, n) => ({ status: 200, body: { access_token: `t${n}`, expires_in: 3600, refresh_token: `rotated-${n}` } });
    const tokens = providerFrom(refreshEnv(endpoint));
    await tokens.getToken();
    tokens.invalidate();
    await tokens.getToken();
    expect(endpoint.requests.map((r) => r.form.get('refresh_token'))).toEqual([REFRESH_TOKEN, 'rotated-1']);
  });

  it('reports a revoked refresh token by its error code only', async () => {
    const endpoint = await endpointWith({ check: () => 'invalid_grant' });
    const error = await providerFrom(refreshEnv(endpoint)).getToken().catch((e: unknown) => e);
    expect(isAppError(error, 'imap.connect_failed')).toBe(true);
    expect((error as Error).message).toMatch(/refused: HTTP 400 \(invalid_grant\)$/);
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN]) expect((error as Error).message).not.toContain(secret);
  });
});

describe('Google service account with domain-wide delegation', () => {
  const account = createTestServiceAccount();

  async function setUp(now?: () => number) {
    const seen: VerifiedAssertion[] = [];
    let url = '';
    const endpoint = await endpointWith({ path: '/token', check: assertionCheck(account.publicKey, () => url, seen) });
    url = endpoint.url;
    // The key file names the endpoint (token_uri), as Google's own files do; no FOI_OAUTH_TOKEN_URL.
    const tokens = providerFrom({ FOI_OAUTH_SERVICE_ACCOUNT_FILE: keyFileFor(account.keyFile(endpoint.url)) }, now);
    return { endpoint, seen, tokens };
  }

  it('signs an RS256 assertion the endpoint verifies with the public key: iss, sub, aud, scope, exp within an hour', async () => {
    const clock = Math.floor(Date.now() / 1000) * 1000; // the endpoint checks exp against the real time
    const { endpoint, seen, tokens } = await setUp(() => clock);
    expect((await tokens.getToken()).accessToken).toBe('t1');
    expect([...endpoint.requests[0]!.form.keys()].sort()).toEqual(['assertion', 'grant_type']);
    expect(endpoint.requests[0]!.form.get('grant_type')).toBe(JWT_BEARER);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: account.keyId });
    const iat = clock / 1000;
    expect(seen[0]!.claims).toEqual({
      iss: account.clientEmail, sub: MAILBOX, aud: endpoint.url, scope: 'https://mail.google.com/', iat, exp: iat + 3600,
    });
  });

  it('signs a fresh assertion when the token is due and after invalidate', async () => {
    let clock = Math.floor(Date.now() / 1000) * 1000 - 3000_000; // every assertion here is unexpired in real time
    const { endpoint, seen, tokens } = await setUp(() => clock);
    await tokens.getToken();
    await tokens.getToken();
    expect(endpoint.requests).toHaveLength(1);
    clock += 3541_000;
    expect((await tokens.getToken()).accessToken).toBe('t2');
    clock += 5_000;
    tokens.invalidate(); // as after a mail server refused t2
    expect((await tokens.getToken()).accessToken).toBe('t3');
    expect(seen.map((s) => s.claims.iat! - seen[0]!.claims.iat!)).toEqual([0, 3541, 3546]);
    expect(new Set(endpoint.requests.map((r) => r.form.get('assertion'))).size).toBe(3);
  });

  it('is refused when the key is not the account’s, and says so without the key', async () => {
    const { endpoint } = await setUp();
    const impostor = createTestServiceAccount();
    const tokens = providerFrom({ FOI_OAUTH_SERVICE_ACCOUNT_FILE: keyFileFor(impostor.keyFile(endpoint.url)) });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/HTTP 400 \(invalid_grant\)$/);
    expect((error as Error).message).not.toContain(impostor.privateKeyPem.split('\n')[1]!);
    expect(endpoint.valid.size).toBe(0);
  });

  it('gets a token per mailbox it acts as; a refresh token serves every mailbox with one', async () => {
    const { endpoint, seen } = await setUp();
    const keyFile = keyFileFor(account.keyFile(endpoint.url));
    const delegated = createMailboxTokens(loadConfig({ FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_SERVICE_ACCOUNT_FILE: keyFile }).oauth!);
    expect(delegated('foi@council.example')).toBe(delegated('foi@council.example'));
    await Promise.all([delegated('foi@council.example').getToken(), delegated('eir@council.example').getToken()]);
    expect(seen.map((s) => s.claims.sub).sort()).toEqual(['eir@council.example', 'foi@council.example']);
    const refreshed = createMailboxTokens(loadConfig({
      FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_CLIENT_ID: 'c', FOI_OAUTH_CLIENT_SECRET: CLIENT_SECRET, FOI_OAUTH_REFRESH_TOKEN: REFRESH_TOKEN,
    }).oauth!);
    expect(refreshed('foi@council.example')).toBe(refreshed('eir@council.example'));
  });

  it('SMTP: a token the server refuses is renewed with a new assertion and the message goes through', async () => {
    const { endpoint, seen, tokens } = await setUp();
    const accepted: string[] = [];
    const smtp = new SMTPServer({
      authMethods: ['XOAUTH2'], disabledCommands: ['STARTTLS'], allowInsecureAuth: true, disableReverseLookup: true, logger: false,
      onAuth(auth, _session, callback) {
        if (auth.method === 'XOAUTH2' && auth.username === MAILBOX && endpoint.valid.has(auth.accessToken ?? '')) return callback(null, { user: auth.username });
        return callback(null, { data: { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' } } as never);
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => (accepted.push(String(session.user)), callback()));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => smtp.close(() => resolve())));
    await tokens.getToken();
    endpoint.valid.delete('t1'); // revoked, e.g. the admin removed and re-added the delegation
    const transport = nodemailer.createTransport({
      host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, secure: false, ignoreTLS: true, auth: smtpOAuthAuth(MAILBOX),
    });
    attachSmtpOAuth(transport, MAILBOX, tokens);
    cleanups.push(async () => transport.close());
    await transport.sendMail({ from: MAILBOX, to: 'requester@example.org', subject: 'Acknowledgement', text: 'Received.' });
    expect(accepted).toEqual([MAILBOX]);
    expect(seen).toHaveLength(2);
  });
});
