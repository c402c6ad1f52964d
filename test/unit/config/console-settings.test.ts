// The console's settings are checked at start-up: one line naming the variable; roles from
// FOI_ADMINS / FOI_CONSOLE_OFFICERS and per-mailbox consoleOfficers, never from FOI_OFFICERS.
import { describe, expect, it } from 'vitest';
import { consoleSettingsForRun, loadConsoleSettings } from '../../../src/config/console-settings.js';
import { userOf } from '../../../src/web/roles.js';

const GOOD = {
  FOI_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', FOI_OIDC_CLIENT_ID: 'client', FOI_OIDC_CLIENT_SECRET: 'secret',
  FOI_CONSOLE_URL: 'https://foi.example.gov.uk', FOI_SESSION_SECRET: 'x'.repeat(32), FOI_ADMINS: 'admin@example.gov.uk',
  FOI_CONSOLE_OFFICERS: '@foi.example.gov.uk, casework@example.gov.uk', FOI_OFFICERS: 'mail.only@example.gov.uk',
};

function problem(env: Record<string, string | undefined>): string {
  try {
    loadConsoleSettings({ ...GOOD, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('console settings', () => {
  it('takes the defaults for port and host and reads roles', () => {
    const settings = loadConsoleSettings(GOOD);
    expect(settings).toMatchObject({ port: 8080, host: '127.0.0.1', admins: ['admin@example.gov.uk'], officers: ['@foi.example.gov.uk', 'casework@example.gov.uk'] });
  });

  it('names the variable that is missing or wrong', () => {
    expect(problem({ FOI_OIDC_ISSUER: undefined })).toMatch(/^FOI_OIDC_ISSUER: required/);
    expect(problem({ FOI_OIDC_ISSUER: 'http://idp.example.org' })).toMatch(/^FOI_OIDC_ISSUER: must be https/);
    expect(problem({ FOI_OIDC_ISSUER: 'http://127.0.0.1:9000' })).toBe('no error');
    expect(problem({ FOI_OIDC_CLIENT_SECRET: undefined })).toMatch(/^FOI_OIDC_CLIENT_SECRET: required/);
    expect(problem({ FOI_SESSION_SECRET: 'short' })).toMatch(/^FOI_SESSION_SECRET: /);
    expect(problem({ FOI_ADMINS: 'not an address' })).toMatch(/^FOI_ADMINS: "not" is not an address or @domain/);
    expect(problem({ FOI_WEB_PORT: 'eighty' })).toMatch(/^FOI_WEB_PORT: /);
  });

  it('gives roles by address or @domain; FOI_OFFICERS grants no sign-in; a mailbox officer sees that mailbox only', () => {
    const settings = { ...loadConsoleSettings(GOOD), mailboxOfficers: { eir: ['@eir.example.org'] } };
    expect(userOf('Admin@Example.gov.uk', settings)).toEqual({ identity: 'admin@example.gov.uk', role: 'admin', mailboxes: null });
    expect(userOf('someone@foi.example.gov.uk', settings)?.role).toBe('officer');
    expect(userOf('someone@evilfoi.example.gov.uk', settings)).toBeNull();
    expect(userOf('mail.only@example.gov.uk', settings)).toBeNull();
    expect(userOf('a@eir.example.org', settings)).toEqual({ identity: 'a@eir.example.org', role: 'officer', mailboxes: ['eir'] });
  });

  it('run serves the console only when FOI_WEB_PORT is set, then needs every setting and a port of its own', () => {
    expect(consoleSettingsForRun({ ...GOOD }, [], null)).toBeNull();
    expect(consoleSettingsForRun({ FOI_WEB_PORT: '' }, [], null)).toBeNull();
    expect(consoleSettingsForRun({ ...GOOD, FOI_WEB_PORT: '8081' }, [], { port: 9090 })).toMatchObject({ port: 8081 });
    expect(() => consoleSettingsForRun({ FOI_WEB_PORT: '8081' }, [], null)).toThrow(/^FOI_OIDC_ISSUER: required to serve the console$/);
    expect(() => consoleSettingsForRun({ ...GOOD, FOI_WEB_PORT: '9090' }, [], { port: 9090 })).toThrow(/^FOI_WEB_PORT: the same port as FOI_HEALTH_PORT \(9090\)/);
  });
});
