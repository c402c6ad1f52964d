// The console's settings (DESIGN.md, Console): read and checked when `web` starts (or `run`, when
// FOI_WEB_PORT is set), one clear line naming the variable when one is missing or wrong. Secrets may
// come from `VAR_FILE` (container secrets).
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.js';
import { loadTopicTeams } from './analysis-settings.js';
import type { MailboxConfig } from './mailboxes-file.js';

export interface ConsoleSettings {
  port: number;
  host: string;
  oidc: { issuer: URL; clientId: string; clientSecret: string };
  /** The console's public address: the OIDC redirect and links in officers' mail are built from it. */
  consoleUrl: URL;
  /** Addresses or `@domain`, lower-case. */
  admins: string[];
  officers: string[];
  /** Per mailbox (FOI_MAILBOXES_FILE `consoleOfficers`): who may work only that mailbox's cases. */
  mailboxOfficers: Record<string, string[]>;
  /** At least 32 characters; encrypts the session cookie. */
  sessionSecret: string;
  /** Topic → team (FOI_ANALYSIS_CONFIG `teams`): the team suggested when a case is assigned. */
  topicTeams?: Readonly<Record<string, string>>;
}

type Env = Readonly<Record<string, string | undefined>>;

const ADDRESS_OR_DOMAIN = /^([^\s@<>,]+)?@[^\s@<>,]+\.[^\s@<>,]+$/;

function invalid(variable: string, problem: string): AppError {
  return new AppError('config.invalid', `${variable}: ${problem}`);
}

/** VAR, or the trimmed contents of the file VAR_FILE names. */
function secretOf(env: Env, variable: string): string | undefined {
  if (env[variable]) return env[variable];
  const path = env[`${variable}_FILE`];
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw invalid(`${variable}_FILE`, 'cannot read the file it names');
  }
}

function required(env: Env, variable: string): string {
  const value = env[variable]?.trim();
  if (!value) throw invalid(variable, 'required to serve the console');
  return value;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function urlOf(variable: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(variable, 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw invalid(variable, 'must be https:// (http:// only on a loopback address)');
  }
  return url;
}

export function parseRoleList(variable: string, value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(/[,\s]+/).filter(Boolean).map((entry) => {
    if (!ADDRESS_OR_DOMAIN.test(entry)) throw invalid(variable, `"${entry}" is not an address or @domain`);
    return entry.toLowerCase();
  });
}

/**
 * FOI_CONSOLE_URL, checked as the console checks it, or null when unset: officers' mail links to
 * case pages only when it is set, whether or not this process serves the console.
 */
export function consoleUrlOf(env: Env): URL | null {
  const value = env.FOI_CONSOLE_URL?.trim();
  return value ? urlOf('FOI_CONSOLE_URL', value) : null;
}

/**
 * What `run` serves beside the daemon: nothing unless FOI_WEB_PORT is set (DESIGN.md, Contract
 * details); then every console setting is required, and the port must not be the health listener's.
 */
export function consoleSettingsForRun(env: Env, mailboxes: readonly MailboxConfig[], health: { port: number } | null): ConsoleSettings | null {
  if (!env.FOI_WEB_PORT?.trim()) return null;
  const settings = loadConsoleSettings(env, mailboxes);
  if (health && health.port === settings.port) {
    throw invalid('FOI_WEB_PORT', `the same port as FOI_HEALTH_PORT (${health.port}); the console and the daemon's /healthz and /metrics need a port each`);
  }
  return settings;
}

export function loadConsoleSettings(env: Env, mailboxes: readonly MailboxConfig[] = []): ConsoleSettings {
  const port = Number(env.FOI_WEB_PORT?.trim() || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid('FOI_WEB_PORT', 'must be a port number');
  const host = env.FOI_WEB_HOST?.trim() || '127.0.0.1';
  const issuer = urlOf('FOI_OIDC_ISSUER', required(env, 'FOI_OIDC_ISSUER'));
  const clientId = required(env, 'FOI_OIDC_CLIENT_ID');
  const clientSecret = secretOf(env, 'FOI_OIDC_CLIENT_SECRET');
  if (!clientSecret) throw invalid('FOI_OIDC_CLIENT_SECRET', 'required to serve the console (or FOI_OIDC_CLIENT_SECRET_FILE)');
  const consoleUrl = urlOf('FOI_CONSOLE_URL', required(env, 'FOI_CONSOLE_URL'));
  const sessionSecret = secretOf(env, 'FOI_SESSION_SECRET');
  if (!sessionSecret || sessionSecret.length < 32) throw invalid('FOI_SESSION_SECRET', 'required, at least 32 characters (or FOI_SESSION_SECRET_FILE)');
  const admins = parseRoleList('FOI_ADMINS', env.FOI_ADMINS);
  if (admins.length === 0) throw invalid('FOI_ADMINS', 'required: at least one address or @domain');
  const mailboxOfficers = Object.fromEntries(mailboxes.filter((m) => m.consoleOfficers?.length).map((m) => [m.name, m.consoleOfficers!]));
  return {
    port, host, oidc: { issuer, clientId, clientSecret }, consoleUrl, admins,
    officers: parseRoleList('FOI_CONSOLE_OFFICERS', env.FOI_CONSOLE_OFFICERS), mailboxOfficers, sessionSecret,
    topicTeams: loadTopicTeams(env.FOI_ANALYSIS_CONFIG?.trim() || null),
  };
}
