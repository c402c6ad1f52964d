import { describe, expect, it } from 'vitest';
import { loadConfig, requireMailConfig } from '../../../src/config.js';
import { isLoopbackHost } from '../../../src/config/mail-server-url.js';

const mail = {
  FOI_IMAP_URL: 'imaps://foi%40council.gov.uk:p%40ss%3Aword@imap.council.gov.uk/FOI%20Requests',
  FOI_SMTP_URL: 'smtps://smtp.council.gov.uk',
  FOI_FROM: 'FOI Team <foi@council.gov.uk>',
  FOI_OFFICERS: 'a@council.gov.uk, "Officer B" <b@council.gov.uk>',
};

const problem = (env: NodeJS.ProcessEnv) => {
  try {
    requireMailConfig(loadConfig(env));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('loadConfig', () => {
  it('decodes URL-encoded credentials and the mailbox, and applies defaults', () => {
    const config = loadConfig(mail);
    const m = requireMailConfig(config);
    expect(m.imap).toMatchObject({ host: 'imap.council.gov.uk', port: 993, secure: true, user: 'foi@council.gov.uk', password: 'p@ss:word', mailbox: 'FOI Requests' });
    expect(m.smtp).toMatchObject({ port: 465, secure: true, user: null });
    expect(m.officers.map((o) => o.address)).toEqual(['a@council.gov.uk', 'b@council.gov.uk']);
    expect(m.processedFolder).toBe('Processed');
    expect(config).toMatchObject({ jurisdiction: 'england-and-wales', dataDir: './data', databaseUrl: null, referenceFormat: 'FOI-{year}-{seq:5}' });
  });

  it('names the first missing mail variable', () => {
    expect(problem({ ...mail, FOI_OFFICERS: undefined })).toMatch(/^FOI_OFFICERS: required/);
    expect(problem({ ...mail, FOI_IMAP_URL: '' })).toMatch(/^FOI_IMAP_URL: required/);
  });

  it('refuses plain text to a remote host unless allowed, and never echoes the password', () => {
    const message = problem({ ...mail, FOI_IMAP_URL: 'imap://u:topsecret@imap.council.gov.uk/INBOX' });
    expect(message).toMatch(/^FOI_IMAP_URL: plain-text IMAP to a non-loopback host is refused/);
    expect(message).not.toContain('topsecret');
    expect(problem({ ...mail, FOI_IMAP_URL: 'imap://u:p@imap.council.gov.uk/INBOX', FOI_ALLOW_INSECURE: '1' })).toBeNull();
    expect(problem({ ...mail, FOI_SMTP_URL: 'smtp://smtp.council.gov.uk:587?starttls=required' })).toBeNull();
    expect(problem({ ...mail, FOI_SMTP_URL: 'smtp://127.0.0.1:2525' })).toBeNull();
  });

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ FOI_JURISDICTION: 'wales' })).toThrow(/^FOI_JURISDICTION: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL: /);
    expect(() => loadConfig({ FOI_ALLOW_INSECURE: 'maybe' })).toThrow(/^FOI_ALLOW_INSECURE: /);
    expect(() => loadConfig({ FOI_REFERENCE_FORMAT: 'FOI-{year}' })).toThrow(/^FOI_REFERENCE_FORMAT: must contain \{seq\}/);
    expect(problem({ ...mail, FOI_SMTP_URL: 'http://smtp.council.gov.uk' })).toMatch(/^FOI_SMTP_URL: scheme must be smtp/);
    expect(problem({ ...mail, FOI_OFFICERS: 'not an address' })).toMatch(/^FOI_OFFICERS: /);
  });

  it('limits message size and preparation attempts, 25 MB and 3 by default, and names a bad value', () => {
    expect(loadConfig({}).limits).toEqual({ maxMessageBytes: 26_214_400, maxPrepareAttempts: 3 });
    expect(loadConfig({ FOI_MAX_MESSAGE_BYTES: '1048576', FOI_MAX_PREPARE_ATTEMPTS: '5' }).limits).toEqual({ maxMessageBytes: 1_048_576, maxPrepareAttempts: 5 });
    expect(() => loadConfig({ FOI_MAX_MESSAGE_BYTES: '25MB' })).toThrow(/^FOI_MAX_MESSAGE_BYTES: /);
    expect(() => loadConfig({ FOI_MAX_MESSAGE_BYTES: '10' })).toThrow(/^FOI_MAX_MESSAGE_BYTES: must be at least 1024/);
    expect(() => loadConfig({ FOI_MAX_PREPARE_ATTEMPTS: '1' })).toThrow(/^FOI_MAX_PREPARE_ATTEMPTS: must be at least 2/);
    expect(() => loadConfig({ FOI_MAX_PREPARE_ATTEMPTS: 'x' })).toThrow(/^FOI_MAX_PREPARE_ATTEMPTS: /);
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(loadConfig({ FOI_DRY_RUN: 'false' }).dryRun).toBe(false);
    expect(loadConfig({ FOI_DRY_RUN: 'true' }).dryRun).toBe(true);
  });

  it('takes secrets from *_FILE variables', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'imap');
    writeFileSync(file, `${mail.FOI_IMAP_URL}\n`);
    const m = requireMailConfig(loadConfig({ ...mail, FOI_IMAP_URL: undefined, FOI_IMAP_URL_FILE: file }));
    expect(m.imap.password).toBe('p@ss:word');
    expect(() => loadConfig({ FOI_IMAP_URL_FILE: '/nonexistent/secret' })).toThrow(/^FOI_IMAP_URL_FILE: cannot read/);
  });

  it('needs the trusted authserv-id to trust Authentication-Results headers', () => {
    expect(() => loadConfig({ FOI_SENDER_AUTH: 'trust-header' })).toThrow(/^FOI_TRUSTED_AUTHSERV_ID: required when FOI_SENDER_AUTH=trust-header/);
    expect(loadConfig({ FOI_TRUSTED_AUTHSERV_ID: 'mx.council.gov.uk' }).senderAuth).toEqual({ mode: 'trust-header', trustedAuthservId: 'mx.council.gov.uk' });
    expect(loadConfig({}).senderAuth.mode).toBe('off');
    expect(() => loadConfig({ FOI_SENDER_AUTH: 'maybe' })).toThrow(/^FOI_SENDER_AUTH: /);
  });

  it('reads the authority\'s own domains, defaulting to the domain FOI_FROM sends from', () => {
    expect(loadConfig({ FOI_FROM: 'FOI Team <foi@Council.gov.uk>' }).internalDomains).toEqual(['council.gov.uk']);
    expect(loadConfig({ FOI_INTERNAL_DOMAINS: 'council.gov.uk, Schools.Council.gov.uk' }).internalDomains).toEqual(['council.gov.uk', 'schools.council.gov.uk']);
    expect(loadConfig({}).internalDomains).toEqual([]);
    expect(() => loadConfig({ FOI_INTERNAL_DOMAINS: 'council.gov.uk,a@b.example' })).toThrow(/^FOI_INTERNAL_DOMAINS: "a@b.example" is not a domain name/);
    expect(() => loadConfig({ FOI_INTERNAL_DOMAINS: ' , ' })).toThrow(/^FOI_INTERNAL_DOMAINS: no domain given/);
  });

  it('builds Microsoft 365 client credentials from the tenant, and names what is missing', () => {
    const oauth = { FOI_OAUTH_PROVIDER: 'microsoft', FOI_OAUTH_TENANT: 'council.onmicrosoft.com', FOI_OAUTH_CLIENT_ID: 'app-id', FOI_OAUTH_CLIENT_SECRET: 's3cret' };
    expect(loadConfig(oauth).oauth).toEqual({
      provider: 'microsoft', tokenUrl: 'https://login.microsoftonline.com/council.onmicrosoft.com/oauth2/v2.0/token',
      scope: 'https://outlook.office365.com/.default', user: null, grant: { type: 'client_credentials', clientId: 'app-id', clientSecret: 's3cret' },
    });
    expect(() => loadConfig({ ...oauth, FOI_OAUTH_CLIENT_SECRET: undefined })).toThrow(/^FOI_OAUTH_CLIENT_SECRET: required/);
    expect(() => loadConfig({ FOI_OAUTH_PROVIDER: 'generic', FOI_OAUTH_CLIENT_ID: 'x', FOI_OAUTH_CLIENT_SECRET: 'y' })).toThrow(/^FOI_OAUTH_TOKEN_URL: required/);
    expect(loadConfig({}).oauth).toBeNull();
  });

  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['10.0.0.1', 'mail.example.org', '127.example.org']) expect(isLoopbackHost(h)).toBe(false);
  });
});
