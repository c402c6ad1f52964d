// The whole pipeline on OAuth2: `foi-intake run --once`, a real child process, gets its token from a
// loopback token endpoint (standing in for Microsoft's and Google's), logs in to an IMAP server and
// an SMTP server that accept nothing but XOAUTH2 with that token, and turns a request into one case
// and an acknowledgement. Runs on PGlite, or on the PostgreSQL DATABASE_URL names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startInProcessImap } from '../../src/demo/in-process-imap.js';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { cases } from '../../src/adapters/db/schema.js';
import { cliEnv, runCli } from '../harness/cli.js';
import { assertionCheck, createTestServiceAccount, JWT_BEARER, type VerifiedAssertion } from '../harness/google-service-account.js';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { FOI_FROM, OFFICERS, fixture } from '../harness/test-runtime.js';
import { startTokenEndpoint, type TokenEndpoint, type TokenRequest } from '../harness/token-endpoint.js';

const MAILBOX = 'foi@example.gov.uk';
const CLIENT_SECRET = 'entra-client-s3cret-value';
const REQUESTER = 'request-1093374-5c2e81fa@example.net'; // the From of numbered-request.eml

const cleanups: Array<() => Promise<void>> = [];
let dir: string;
let db: TestDatabase | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foi-oauth-pipeline-'));
  if (process.env.DATABASE_URL) db = await createTestDatabase();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await db?.drop();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

/** hoodiecrow with LOGIN disabled and no AUTH=PLAIN: the one way in is XOAUTH2 with `token`. */
async function startXoauth2Imap(token: string, seed: Buffer): Promise<number> {
  const server = await startInProcessImap({
    plugins: ['ID', 'IDLE', 'ENABLE', 'UIDPLUS', 'MOVE', 'SASL-IR', 'XOAUTH2', 'LOGINDISABLED', 'NAMESPACE', 'UNSELECT', 'SPECIAL-USE'],
    users: { [MAILBOX]: { xoauth2: { accessToken: token, sessionTimeout: 3600_000 } } },
    inbox: [{ raw: seed, internalDate: new Date() }],
  });
  cleanups.push(server.close);
  return server.port;
}

interface XoauthSmtp {
  port: number;
  /** The token each login presented, accepted or not. */
  logins: string[];
  received: ParsedMail[];
}

/** smtp-server offering XOAUTH2 alone, accepting only tokens the endpoint issued for MAILBOX. */
async function startXoauth2Smtp(endpoint: TokenEndpoint): Promise<XoauthSmtp> {
  const smtp: XoauthSmtp = { port: 0, logins: [], received: [] };
  const server = new SMTPServer({
    authMethods: ['XOAUTH2'], disabledCommands: ['STARTTLS'], allowInsecureAuth: true, disableReverseLookup: true, logger: false,
    onAuth(auth, _session, callback) {
      smtp.logins.push(auth.accessToken ?? '');
      if (auth.method === 'XOAUTH2' && auth.username === MAILBOX && endpoint.valid.has(auth.accessToken ?? '')) return callback(null, { user: MAILBOX });
      return callback(null, { data: { status: '401', schemes: 'bearer' } } as never);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => (smtp.received.push(mail), callback()), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  smtp.port = (server.server.address() as AddressInfo).port;
  return smtp;
}

async function processedCount(port: number, token: string): Promise<number> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, logger: false, auth: { user: MAILBOX, accessToken: token } });
  await client.connect();
  try {
    const status = await client.status('Processed', { messages: true });
    return status ? status.messages ?? 0 : 0;
  } finally {
    await client.logout();
  }
}

async function caseSubjects(): Promise<string[]> {
  const database = db ?? (await openDatabase({ databaseUrl: null, dataDir: join(dir, 'data') }));
  try {
    return (await database.db.select({ subject: cases.subject }).from(cases)).map((c) => c.subject);
  } finally {
    if (!db) await database.close();
  }
}

interface Grant {
  /** The FOI_OAUTH_* variables, given the endpoint. */
  env(endpoint: TokenEndpoint): Record<string, string>;
  /** The endpoint's check of each request, as the real identity provider would make it. */
  check(url: () => string): (request: TokenRequest) => Promise<string | null> | string | null;
  /** The IMAP URL's user part: Microsoft takes the mailbox from it, Google from FOI_OAUTH_USER. */
  imapUser: string;
  expectRequest(request: TokenRequest, url: string): void;
}

const serviceAccount = createTestServiceAccount();
const assertions: VerifiedAssertion[] = [];

const grants: Record<string, Grant> = {
  'microsoft (client credentials, secret from a file)': {
    env: (endpoint) => {
      const secretFile = join(dir, 'client-secret');
      writeFileSync(secretFile, `${CLIENT_SECRET}\n`);
      return { FOI_OAUTH_PROVIDER: 'microsoft', FOI_OAUTH_TENANT: 'council.onmicrosoft.com', FOI_OAUTH_TOKEN_URL: endpoint.url, FOI_OAUTH_CLIENT_ID: 'app-id', FOI_OAUTH_CLIENT_SECRET_FILE: secretFile };
    },
    check: () => (request) => (request.form.get('client_secret') === CLIENT_SECRET ? null : 'invalid_client'),
    imapUser: `${encodeURIComponent(MAILBOX)}@`,
    expectRequest(request) {
      expect(Object.fromEntries(request.form)).toEqual({
        grant_type: 'client_credentials', client_id: 'app-id', client_secret: CLIENT_SECRET, scope: 'https://outlook.office365.com/.default',
      });
    },
  },
  'google (service account acting as the mailbox)': {
    env: (endpoint) => {
      // Google's key file names its token endpoint (token_uri); here, the loopback one.
      const keyFile = join(dir, 'service-account.json');
      writeFileSync(keyFile, serviceAccount.keyFile(endpoint.url));
      return { FOI_OAUTH_PROVIDER: 'google', FOI_OAUTH_USER: MAILBOX, FOI_OAUTH_SERVICE_ACCOUNT_FILE: keyFile };
    },
    check: (url) => assertionCheck(serviceAccount.publicKey, url, assertions),
    imapUser: '',
    expectRequest(request, url) {
      expect(request.form.get('grant_type')).toBe(JWT_BEARER);
      expect(assertions.at(-1)?.claims).toMatchObject({ iss: serviceAccount.clientEmail, sub: MAILBOX, aud: url, scope: 'https://mail.google.com/' });
    },
  },
};

describe('foi-intake run --once with OAuth2 (XOAUTH2 only on IMAP and SMTP)', () => {
  it.each(Object.keys(grants))('%s: one request becomes one case and an acknowledgement, on one token', async (name) => {
    const grant = grants[name]!;
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    let url = '';
    const endpoint = await startTokenEndpoint({ issue: () => token, check: grant.check(() => url) });
    cleanups.push(() => endpoint.close());
    url = endpoint.url;
    const [imapPort, smtp] = await Promise.all([startXoauth2Imap(token, fixture('numbered-request.eml')), startXoauth2Smtp(endpoint)]);

    const env = cliEnv({
      ...(db ? { DATABASE_URL: db.url! } : { FOI_DATA_DIR: join(dir, 'data') }),
      FOI_IMAP_URL: `imap://${grant.imapUser}127.0.0.1:${imapPort}/INBOX`, FOI_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      FOI_FROM, FOI_OFFICERS: OFFICERS, FOI_AUTHORITY_NAME: 'Northfield Borough Council', ...grant.env(endpoint),
    });
    const result = await runCli(['run', '--once'], env);
    expect(result.stderr).not.toContain(CLIENT_SECRET);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toContain(serviceAccount.privateKeyPem.split('\n')[1]!);
    expect(result.code, result.stderr).toBe(0);

    // One token request: IMAP and SMTP share the cached token.
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]!.contentType).toBe('application/x-www-form-urlencoded');
    grant.expectRequest(endpoint.requests[0]!, endpoint.url);

    expect(await caseSubjects()).toEqual(['Freedom of Information request - Agency and interim staff spending']);
    const acknowledgement = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === REQUESTER);
    expect(acknowledgement?.subject).toMatch(/^Re: Freedom of Information request - Agency and interim staff spending \[FOI-\d{4}-\d{5}\]$/);
    expect(smtp.logins.length).toBeGreaterThan(0);
    expect(smtp.logins.every((presented) => presented === token)).toBe(true);
    expect(await processedCount(imapPort, token)).toBe(1);
  });
});
