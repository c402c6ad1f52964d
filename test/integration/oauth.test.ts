// OAuth2 client credentials against real loopback peers: a token endpoint started here, smtp-server
// with XOAUTH2 (renewal after a rejected token), and hoodiecrow IMAP with SASL-IR + XOAUTH2.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startInProcessImap } from '../../src/demo/in-process-imap.js';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { attachSmtpOAuth, imapAuth, isImapAuthenticationFailure, smtpOAuthAuth } from '../../src/adapters/oauth/mail-auth.js';
import { createTokenProvider, type TokenProvider } from '../../src/adapters/oauth/token-provider.js';

const SECRET = 'sup3r-s3cret-value';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface TokenEndpoint {
  url: string;
  requests: Array<{ contentType: string | undefined; form: URLSearchParams }>;
  /** Tokens handed out and not revoked: what the mail servers below accept. */
  valid: Set<string>;
  respond: (n: number) => { status: number; body: unknown; delayMs?: number };
}

async function startTokenEndpoint(issue: (n: number) => string = (n) => `t${n}`, expiresIn = 3600): Promise<TokenEndpoint> {
  const endpoint: TokenEndpoint = {
    url: '', requests: [], valid: new Set(),
    respond: (n) => ({ status: 200, body: { token_type: 'Bearer', access_token: issue(n), expires_in: expiresIn } }),
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      endpoint.requests.push({ contentType: req.headers['content-type'], form: new URLSearchParams(raw) });
      const { status, body, delayMs = 0 } = endpoint.respond(endpoint.requests.length);
      const token = (body as { access_token?: unknown }).access_token;
      if (status === 200 && typeof token === 'string') endpoint.valid.add(token);
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant-id/oauth2/v2.0/token`;
  return endpoint;
}

function provider(endpoint: TokenEndpoint, now?: () => number): TokenProvider {
  return createTokenProvider({
    tokenUrl: endpoint.url, clientId: 'app-id', clientSecret: SECRET, scope: 'https://outlook.office365.com/.default', now,
  });
}

describe('token provider', () => {
  it('posts a form-encoded client-credentials request and caches the token until 60 s before expiry', async () => {
    const endpoint = await startTokenEndpoint();
    let clock = Date.parse('2026-11-28T09:00:00Z');
    const tokens = provider(endpoint, () => clock);
    const first = await tokens.getToken();
    expect(first.accessToken).toBe('t1');
    expect(first.expiresAt.toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(endpoint.requests[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(endpoint.requests[0]!.form)).toEqual({
      grant_type: 'client_credentials', client_id: 'app-id', client_secret: SECRET, scope: 'https://outlook.office365.com/.default',
    });
    clock += 3539_000;
    expect((await tokens.getToken()).accessToken).toBe('t1');
    expect(endpoint.requests).toHaveLength(1);
    clock += 1_000; // 60 s before expiry: renew
    expect((await tokens.getToken()).accessToken).toBe('t2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('coalesces concurrent renewals, including after invalidate()', async () => {
    const endpoint = await startTokenEndpoint();
    const base = endpoint.respond;
    endpoint.respond = (n) => ({ ...base(n), delayMs: 50 });
    const tokens = provider(endpoint);
    const first = await Promise.all([1, 2, 3, 4, 5].map(() => tokens.getToken()));
    expect(first.map((t) => t.accessToken)).toEqual(['t1', 't1', 't1', 't1', 't1']);
    const renewed = await Promise.all([1, 2, 3].map(() => (tokens.invalidate(), tokens.getToken())));
    expect(renewed.map((t) => t.accessToken)).toEqual(['t2', 't2', 't2']);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('reports refusals without the secret, the token or the provider description, and retries next time', async () => {
    const endpoint = await startTokenEndpoint();
    endpoint.respond = () => ({ status: 401, body: { error: 'invalid_client', error_description: `bad secret ${SECRET}` } });
    const tokens = provider(endpoint);
    const refused = await tokens.getToken().catch((e: unknown) => e);
    expect(isAppError(refused, 'imap.connect_failed')).toBe(true);
    expect((refused as Error).message).toMatch(/HTTP 401 \(invalid_client\)/);
    expect((refused as Error).message).not.toContain(SECRET);
    endpoint.respond = () => ({ status: 200, body: { token_type: 'Bearer' } });
    const empty = await tokens.getToken().catch((e: unknown) => e);
    expect((empty as Error).message).toMatch(/no access_token/);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('reports an unreachable endpoint and rejects bad configuration', async () => {
    const endpoint = await startTokenEndpoint();
    const dead = createTokenProvider({ tokenUrl: 'http://127.0.0.1:1/token', clientId: 'a', clientSecret: SECRET, scope: 's' });
    const error = await dead.getToken().catch((e: unknown) => e);
    expect(isAppError(error, 'imap.connect_failed')).toBe(true);
    expect((error as Error).message).not.toContain(SECRET);
    expect(() => createTokenProvider({ tokenUrl: 'http://login.example/token', clientId: 'a', clientSecret: 'b', scope: 's' }))
      .toThrow(/https/);
    expect(() => createTokenProvider({ tokenUrl: endpoint.url, clientId: 'a', clientSecret: '', scope: 's' })).toThrow(/clientSecret/);
  });
});

describe('SMTP with XOAUTH2 (nodemailer → smtp-server)', () => {
  async function startSmtp(endpoint: TokenEndpoint) {
    const seen: string[] = [];
    const accepted: string[] = [];
    const server = new SMTPServer({
      authMethods: ['XOAUTH2'], disabledCommands: ['STARTTLS'], allowInsecureAuth: true, disableReverseLookup: true, logger: false,
      onAuth(auth, _session, callback) {
        seen.push(auth.accessToken ?? '');
        if (auth.method === 'XOAUTH2' && auth.username === 'foi@council.example' && endpoint.valid.has(auth.accessToken ?? '')) {
          return callback(null, { user: auth.username });
        }
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office365.com/.default' } } as never);
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          accepted.push(String(session.user));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { port: (server.server.address() as AddressInfo).port, seen, accepted };
  }

  function transportFor(port: number, tokens: TokenProvider, pool: boolean) {
    const options = { host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: smtpOAuthAuth('foi@council.example') };
    const transport = pool ? nodemailer.createTransport({ ...options, pool: true, maxConnections: 1 }) : nodemailer.createTransport(options);
    attachSmtpOAuth(transport, 'foi@council.example', tokens);
    cleanups.push(async () => transport.close());
    return transport;
  }

  const mail = { from: 'foi@council.example', to: 'requester@example.org', subject: 'Acknowledgement', text: 'Received.' };

  it('renews a rejected token once and the message is accepted (pooled, as the mailer runs)', async () => {
    const endpoint = await startTokenEndpoint();
    const smtp = await startSmtp(endpoint);
    const tokens = provider(endpoint);
    await tokens.getToken(); // t1 cached...
    endpoint.valid.delete('t1'); // ...then revoked by the identity provider
    await transportFor(smtp.port, tokens, true).sendMail(mail);
    expect(smtp.seen).toEqual(['t1', 't2']);
    expect(endpoint.requests).toHaveLength(2);
    expect(smtp.accepted).toEqual(['foi@council.example']);
  });

  it('reuses the cached token across logins and fetches a new one once it is due', async () => {
    const endpoint = await startTokenEndpoint();
    const smtp = await startSmtp(endpoint);
    let clock = Date.now();
    const transport = transportFor(smtp.port, provider(endpoint, () => clock), false);
    await transport.sendMail(mail);
    await transport.sendMail(mail);
    expect(endpoint.requests).toHaveLength(1);
    clock += 3600_000;
    await transport.sendMail(mail);
    expect(endpoint.requests).toHaveLength(2);
    expect(smtp.seen).toEqual(['t1', 't1', 't2']);
    expect(smtp.accepted).toHaveLength(3);
  });

  it('fails the send, without the secret, when no token can be had', async () => {
    const endpoint = await startTokenEndpoint();
    endpoint.respond = () => ({ status: 400, body: { error: 'invalid_scope' } });
    const smtp = await startSmtp(endpoint);
    const error = await transportFor(smtp.port, provider(endpoint), false).sendMail(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(SECRET);
    expect(smtp.accepted).toHaveLength(0);
  });
});

describe('IMAP with XOAUTH2 (imapflow → hoodiecrow)', () => {
  async function startImap(): Promise<number> {
    const server = await startInProcessImap({ plugins: ['ID', 'IDLE', 'UIDPLUS', 'MOVE', 'SASL-IR', 'XOAUTH2', 'NAMESPACE', 'SPECIAL-USE'] });
    cleanups.push(server.close);
    return server.port;
  }

  async function login(port: number, tokens: TokenProvider): Promise<ImapFlow> {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: await imapAuth('testuser', tokens), logger: false });
    client.on('error', () => undefined);
    await client.connect();
    cleanups.push(async () => client.close());
    return client;
  }

  it('logs in with the token from the endpoint and opens INBOX', async () => {
    const endpoint = await startTokenEndpoint(() => 'testtoken');
    const port = await startImap();
    const client = await login(port, provider(endpoint));
    const mailbox = await client.mailboxOpen('INBOX');
    expect(mailbox.path).toBe('INBOX');
    expect(endpoint.requests).toHaveLength(1);
  });

  it('after a rejected token, invalidates and logs in with a fresh one on a new client', async () => {
    const endpoint = await startTokenEndpoint((n) => (n === 1 ? 'stale-token' : 'testtoken'));
    const port = await startImap();
    const tokens = provider(endpoint);
    const refused = await login(port, tokens).catch((e: unknown) => e);
    expect(isImapAuthenticationFailure(refused)).toBe(true);
    tokens.invalidate();
    const client = await login(port, tokens);
    expect((await client.mailboxOpen('INBOX')).path).toBe('INBOX');
    expect(endpoint.requests).toHaveLength(2);
  });
});
