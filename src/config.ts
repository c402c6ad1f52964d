// Configuration: every environment variable is read and validated here, once, at start-up.
// A bad value stops the program with one line naming the variable; secrets never reach messages.
import { defaultPrepareWorkers } from './config/prepare-workers.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from './errors.js';
import { JURISDICTIONS, type Jurisdiction } from './domain/jurisdiction.js';
import { parseMailServerUrl } from './config/mail-server-url.js';
import { parseAddressList, parseAddress, type ConfiguredAddress } from './config/address.js';
import { MAILBOX_NAME, checkMailboxSet, loadMailboxesFile, type MailConfig, type MailboxConfig } from './config/mailboxes-file.js';
import { referenceFormatsCollide } from './pipeline/case/format-reference.js';
import { oauthSettingsOf, type OAuthSettings } from './config/oauth-settings.js';
import { parseAcknowledgeSince, type AcknowledgeSince } from './config/acknowledge-since.js';
import { consoleUrlOf } from './config/console-settings.js';
export type { ConfiguredAddress, MailConfig, MailboxConfig };

/** `1`/`true`/`yes` or `0`/`false`/`no`: naive coercion would read "false" as true. */
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  FOI_DATA_DIR: z.string().min(1).default('./data'),
  FOI_IMAP_URL: z.string().min(1).optional(),
  FOI_IMAP_PROCESSED_FOLDER: z.string().min(1).default('Processed'),
  FOI_IMAP_HELD_FOLDER: z.string().min(1).default('Held'),
  FOI_SMTP_URL: z.string().min(1).optional(),
  FOI_FROM: z.string().min(1).optional(),
  FOI_OFFICERS: z.string().min(1).optional(),
  FOI_AUTHORITY_NAME: z.string().min(1).default('the authority'),
  FOI_JURISDICTION: z.enum(JURISDICTIONS).default('england-and-wales'),
  FOI_ALLOW_INSECURE: flag.default(false),
  FOI_DRY_RUN: flag.default(false),
  FOI_REFERENCE_FORMAT: z
    .string()
    .regex(/\{seq(:\d+)?\}/, 'must contain {seq} or {seq:N}')
    .default('FOI-{year}-{seq:5}'),
  FOI_POLL_CRON: z.string().min(1).default('* * * * *'),
  FOI_REMINDER_CRON: z.string().min(1).default('0 7 * * *'),
  FOI_PROMPTS_DIR: z.string().min(1).optional(),
  FOI_ANALYSIS_CONFIG: z.string().min(1).optional(),
  FOI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FOI_SENDER_AUTH: z.enum(['trust-header', 'verify', 'off']).optional(),
  FOI_TRUSTED_AUTHSERV_ID: z.string().min(1).optional(),
  FOI_INTERNAL_DOMAINS: z.string().min(1).optional(),
  FOI_MAX_ACKS_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  FOI_SPAM_HEADER: z.string().regex(/^[!-9;-~]+:\s*.+$/, 'must look like "Header-Name: value"').default('X-Spam-Flag: YES'),
  FOI_DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  FOI_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  FOI_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  FOI_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
  FOI_RETENTION_MONTHS: z.coerce.number().int().min(1).max(600).optional(),
  FOI_OAUTH_PROVIDER: z.enum(['microsoft', 'generic', 'google']).optional(),
  FOI_OAUTH_TENANT: z.string().regex(/^[\w.-]+$/, 'must be a tenant id or domain').optional(),
  FOI_OAUTH_TOKEN_URL: z.string().url().optional(),
  FOI_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  FOI_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  FOI_OAUTH_SCOPE: z.string().min(1).optional(),
  FOI_OAUTH_USER: z.string().min(1).optional(),
  FOI_OAUTH_REFRESH_TOKEN: z.string().min(1).optional(),
  // The key file's text (withFileSecrets reads FOI_OAUTH_SERVICE_ACCOUNT_FILE); its name is kept for messages.
  FOI_OAUTH_SERVICE_ACCOUNT: z.string().min(1).optional(),
  FOI_OAUTH_SERVICE_ACCOUNT_FILE: z.string().min(1).optional(),
  FOI_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  FOI_MAILBOX_NAME: z.string().regex(MAILBOX_NAME, 'must be lower-case letters, digits and hyphens').default('default'),
  FOI_MAILBOXES_FILE: z.string().min(1).optional(),
  FOI_ACKNOWLEDGE_SINCE: z.string().min(1).default('first-seen'),
  // 1 KB to 2 GB: IMAP sizes are 32-bit, and a limit below a header block would hold every message.
  FOI_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024 (bytes)').max(2_147_483_647).default(26_214_400),
  // At least 2: a message beside one that crashed the process is counted once more before it commits alone.
  FOI_MAX_PREPARE_ATTEMPTS: z.coerce.number().int().min(2, 'must be at least 2').max(100).default(3),
  FOI_PREPARE_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  FOI_PREPARE_TIMEOUT_SECONDS: z.coerce.number().min(0.05).max(600).default(20),
});

export type RawEnv = z.infer<typeof EnvSchema>;

export interface AppConfig {
  databaseUrl: string | null;
  dataDir: string;
  authorityName: string;
  jurisdiction: Jurisdiction;
  allowInsecure: boolean;
  dryRun: boolean;
  referenceFormat: string;
  pollCron: string;
  /** When reminders and the daily digest go out (cron syntax, Europe/London). */
  reminderCron: string;
  promptsDir: string | null;
  /** JSON file with the analysis settings admins tune (thresholds, keywords). */
  analysisConfigPath: string | null;
  logLevel: RawEnv['FOI_LOG_LEVEL'];
  outboxMaxAttempts: number;
  /** Present only when every mail variable is set; `requireMailConfig` says which is missing. */
  mail: MailConfig | null;
  mailProblems: string[];
  /** How incoming senders are authenticated (RFC 7489/7208/6376), and whose Authentication-Results to trust. */
  senderAuth: { mode: 'trust-header' | 'verify' | 'off'; trustedAuthservId: string | null };
  /** The authority's own mail domains (FOI_INTERNAL_DOMAINS, default FOI_FROM's): an authenticated sender there is inside. */
  internalDomains: string[];
  /** Auto-responder limits: acknowledgements per address per day; the near-duplicate window. */
  maxAcksPerAddressPerDay: number;
  duplicateWindowDays: number;
  /** How long a daemon's hold on the mailbox lasts unrenewed: a standby takes over after it. */
  leaseSeconds: number;
  /** The /healthz and /metrics listener; off unless FOI_HEALTH_PORT is set. */
  health: { port: number; host: string } | null;
  /** Personal data of finished cases is anonymised after this many months; null keeps it. */
  retentionMonths: number | null;
  /** OAuth2 for IMAP and SMTP (Microsoft 365 app-only, Google, a generic endpoint), or null for passwords. */
  oauth: OAuthSettings | null;
  /** A header (name and value) the receiving server's spam filter adds to obvious spam. */
  spamHeader: { name: string; value: string };
  /** Who we send as and who is briefed; needed by every command that queues mail. */
  from: ConfiguredAddress | null;
  officers: ConfiguredAddress[] | null;
  heldFolder: string;
  /** The name of the mailbox the variables above describe (FOI_MAILBOX_NAME, default `default`). */
  mailboxName: string;
  /** Further mailboxes from FOI_MAILBOXES_FILE, each complete (what they omit is inherited). */
  extraMailboxes: MailboxConfig[];
  /** Mail received before this gets a case but no acknowledgement (DESIGN.md, adopting a live mailbox). */
  acknowledgeSince: AcknowledgeSince;
  /** Hostile mail: a message larger than this is held undownloaded; one whose reading failed this often is held. */
  limits: { maxMessageBytes: number; maxPrepareAttempts: number };
  /** Worker threads that parse and analyse mail, and each message's hard deadline there. */
  prepare: { workers: number; timeoutMs: number };
  /** FOI_CONSOLE_URL: officers' mail links each case to its page there; null, no links. */
  consoleUrl: URL | null;
}

function configError(variable: string, problem: string): AppError {
  return new AppError('config.invalid', `${variable}: ${problem}`);
}

/** `VAR_FILE=/run/secrets/x` supplies VAR from a file (container secrets). */
function withFileSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [key, path] of Object.entries(env)) {
    if (!key.endsWith('_FILE') || !key.startsWith('FOI_') && key !== 'DATABASE_URL_FILE') continue;
    const target = key.slice(0, -'_FILE'.length);
    if (merged[target] !== undefined || !path) continue;
    try {
      merged[target] = readFileSync(path, 'utf8').trim();
    } catch {
      throw configError(key, `cannot read the file it names`);
    }
  }
  return merged;
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v === '' ? undefined : v;
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const merged = blankToUndefined(withFileSecrets(env));
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw configError(variable, issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  const { mail, problems } = buildMailConfig(e);
  const from = e.FOI_FROM ? parseAddress('FOI_FROM', e.FOI_FROM) : null;
  const officers = e.FOI_OFFICERS ? parseAddressList('FOI_OFFICERS', e.FOI_OFFICERS) : null;
  const extraMailboxes = extraMailboxesOf(e, merged, mail);
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.FOI_DATA_DIR,
    authorityName: e.FOI_AUTHORITY_NAME,
    jurisdiction: e.FOI_JURISDICTION,
    allowInsecure: e.FOI_ALLOW_INSECURE,
    dryRun: e.FOI_DRY_RUN,
    referenceFormat: e.FOI_REFERENCE_FORMAT,
    pollCron: e.FOI_POLL_CRON,
    reminderCron: e.FOI_REMINDER_CRON,
    promptsDir: e.FOI_PROMPTS_DIR ?? null,
    analysisConfigPath: e.FOI_ANALYSIS_CONFIG ?? null,
    logLevel: e.FOI_LOG_LEVEL,
    outboxMaxAttempts: e.FOI_OUTBOX_MAX_ATTEMPTS,
    mail,
    mailProblems: problems,
    from,
    officers,
    heldFolder: e.FOI_IMAP_HELD_FOLDER,
    mailboxName: e.FOI_MAILBOX_NAME,
    extraMailboxes,
    acknowledgeSince: parseAcknowledgeSince('FOI_ACKNOWLEDGE_SINCE', e.FOI_ACKNOWLEDGE_SINCE),
    limits: { maxMessageBytes: e.FOI_MAX_MESSAGE_BYTES, maxPrepareAttempts: e.FOI_MAX_PREPARE_ATTEMPTS },
    prepare: { workers: e.FOI_PREPARE_WORKERS ?? defaultPrepareWorkers(), timeoutMs: Math.round(e.FOI_PREPARE_TIMEOUT_SECONDS * 1000) },
    senderAuth: senderAuthOf(e),
    internalDomains: internalDomainsOf(e.FOI_INTERNAL_DOMAINS, from),
    maxAcksPerAddressPerDay: e.FOI_MAX_ACKS_PER_ADDRESS_PER_DAY,
    duplicateWindowDays: e.FOI_DUPLICATE_WINDOW_DAYS,
    leaseSeconds: e.FOI_LEASE_SECONDS,
    health: e.FOI_HEALTH_PORT ? { port: e.FOI_HEALTH_PORT, host: e.FOI_HEALTH_HOST } : null,
    retentionMonths: e.FOI_RETENTION_MONTHS ?? null,
    consoleUrl: consoleUrlOf(merged),
    oauth: oauthSettingsOf(e),
    spamHeader: {
      name: e.FOI_SPAM_HEADER.slice(0, e.FOI_SPAM_HEADER.indexOf(':')).trim().toLowerCase(),
      value: e.FOI_SPAM_HEADER.slice(e.FOI_SPAM_HEADER.indexOf(':') + 1).trim().toLowerCase(),
    },
  };
}

function buildMailConfig(e: RawEnv): { mail: MailConfig | null; problems: string[] } {
  const problems: string[] = [];
  const required = ['FOI_IMAP_URL', 'FOI_SMTP_URL', 'FOI_FROM', 'FOI_OFFICERS'] as const;
  for (const name of required) if (!e[name]) problems.push(`${name}: required to read and answer mail`);
  // Malformed values are errors even when mail is not needed by this command.
  const imap = e.FOI_IMAP_URL ? parseMailServerUrl('FOI_IMAP_URL', e.FOI_IMAP_URL, 'imap', e.FOI_ALLOW_INSECURE) : null;
  const smtp = e.FOI_SMTP_URL ? parseMailServerUrl('FOI_SMTP_URL', e.FOI_SMTP_URL, 'smtp', e.FOI_ALLOW_INSECURE) : null;
  const from = e.FOI_FROM ? parseAddress('FOI_FROM', e.FOI_FROM) : null;
  const officers = e.FOI_OFFICERS ? parseAddressList('FOI_OFFICERS', e.FOI_OFFICERS) : null;
  if (!imap || !smtp || !from || !officers) return { mail: null, problems };
  return {
    mail: {
      imap: { ...imap, mailbox: imap.path || 'INBOX' },
      smtp,
      from,
      officers,
      processedFolder: e.FOI_IMAP_PROCESSED_FOLDER,
      heldFolder: e.FOI_IMAP_HELD_FOLDER,
    },
    problems,
  };
}

/** FOI_MAILBOXES_FILE's mailboxes, checked against each other and the main one. */
function extraMailboxesOf(e: RawEnv, env: Record<string, string | undefined>, main: MailConfig | null): MailboxConfig[] {
  if (!e.FOI_MAILBOXES_FILE) return [];
  const extra = loadMailboxesFile(e.FOI_MAILBOXES_FILE, env, {
    smtpUrl: e.FOI_SMTP_URL, from: e.FOI_FROM, officers: e.FOI_OFFICERS, authorityName: e.FOI_AUTHORITY_NAME,
    jurisdiction: e.FOI_JURISDICTION, referenceFormat: e.FOI_REFERENCE_FORMAT, processedFolder: e.FOI_IMAP_PROCESSED_FOLDER,
    heldFolder: e.FOI_IMAP_HELD_FOLDER, allowInsecure: e.FOI_ALLOW_INSECURE,
  });
  checkMailboxSet({ name: e.FOI_MAILBOX_NAME, mail: main, referenceFormat: e.FOI_REFERENCE_FORMAT }, extra, referenceFormatsCollide);
  return extra;
}

/** Every mailbox the daemon reads, the main one first; each needs its mail settings complete. */
export function requireMailboxes(config: AppConfig): MailboxConfig[] {
  const main: MailboxConfig = {
    name: config.mailboxName, mail: requireMailConfig(config), authorityName: config.authorityName,
    jurisdiction: config.jurisdiction, referenceFormat: config.referenceFormat,
  };
  return [main, ...config.extraMailboxes];
}

/** The mail slice, or a config error naming the first missing variable. */
export function requireMailConfig(config: AppConfig): MailConfig {
  if (config.mail) return config.mail;
  const first = config.mailProblems[0] ?? 'FOI_IMAP_URL: required';
  throw new AppError('config.invalid', first);
}

/**
 * Trusting the receiving server's Authentication-Results needs to know which server that is: a
 * header naming any other server may have been written by the sender (RFC 8601 §5).
 */
function senderAuthOf(e: RawEnv): AppConfig['senderAuth'] {
  const trusted = e.FOI_TRUSTED_AUTHSERV_ID ?? null;
  const mode = e.FOI_SENDER_AUTH ?? (trusted ? 'trust-header' : 'off');
  if (mode === 'trust-header' && !trusted) {
    throw configError('FOI_TRUSTED_AUTHSERV_ID', 'required when FOI_SENDER_AUTH=trust-header (the authserv-id of your receiving mail server)');
  }
  return { mode, trustedAuthservId: trusted };
}

// A domain name (RFC 1035 letters, digits, hyphens; IDNs as punycode), lower-cased.
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** FOI_INTERNAL_DOMAINS as a list; without it, the domain FOI_FROM sends from. */
function internalDomainsOf(value: string | undefined, from: ConfiguredAddress | null): string[] {
  if (value === undefined) return from ? [from.address.slice(from.address.lastIndexOf('@') + 1)] : [];
  const domains = value.split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
  if (domains.length === 0) throw configError('FOI_INTERNAL_DOMAINS', 'no domain given');
  const bad = domains.find((d) => !DOMAIN.test(d));
  if (bad !== undefined) throw configError('FOI_INTERNAL_DOMAINS', `"${bad}" is not a domain name (a comma-separated list such as example.gov.uk,team.example.gov.uk)`);
  return [...new Set(domains)];
}

/** From and officers, for commands that queue mail without reading the mailbox. */
export function requireSenderConfig(config: AppConfig): { from: ConfiguredAddress; officers: ConfiguredAddress[] } {
  if (!config.from) throw new AppError('config.invalid', 'FOI_FROM: required to send mail');
  if (!config.officers) throw new AppError('config.invalid', 'FOI_OFFICERS: required to send mail');
  return { from: config.from, officers: config.officers };
}
