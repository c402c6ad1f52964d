// Further mailboxes for one daemon (an EIR inbox beside the FOI one, or several authorities): a JSON
// file named by FOI_MAILBOXES_FILE. What an entry omits it inherits from the main environment.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { JURISDICTIONS, type Jurisdiction } from '../domain/jurisdiction.js';
import { AppError } from '../errors.js';
import { parseAddress, parseAddressList, type ConfiguredAddress } from './address.js';
import { parseMailServerUrl, type MailServerEndpoint } from './mail-server-url.js';

export const MAILBOX_NAME = /^[a-z0-9-]+$/;
const VARIABLE = 'FOI_MAILBOXES_FILE';

/** One mailbox's account, sender and officers; complete, or the daemon cannot run it. */
export interface MailConfig {
  imap: MailServerEndpoint & { mailbox: string };
  smtp: MailServerEndpoint;
  from: ConfiguredAddress;
  officers: ConfiguredAddress[];
  processedFolder: string;
  heldFolder: string;
}

/** A mailbox with everything that may differ between mailboxes. */
export interface MailboxConfig {
  name: string;
  mail: MailConfig;
  authorityName: string;
  jurisdiction: Jurisdiction;
  referenceFormat: string;
  /** With FOI_OAUTH_PROVIDER: the account this mailbox logs in as (default FOI_OAUTH_USER, else the URL's user). */
  oauthUser?: string;
  /** Who may work this mailbox's cases in the console (addresses or `@domain`), besides FOI_CONSOLE_OFFICERS. */
  consoleOfficers?: string[];
}

/** The main environment's values: what an entry inherits. Raw strings, as the environment gives them. */
export interface MailboxDefaults {
  smtpUrl: string | undefined;
  from: string | undefined;
  officers: string | undefined;
  authorityName: string;
  jurisdiction: Jurisdiction;
  referenceFormat: string;
  processedFolder: string;
  heldFolder: string;
  allowInsecure: boolean;
}

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');
const Entry = z.strictObject({
  name: z.string().regex(MAILBOX_NAME, 'must be lower-case letters, digits and hyphens'),
  imapUrl: z.string().min(1).optional(),
  imapUrlFile: z.string().min(1).optional(),
  imapUrlEnv: envName.optional(),
  smtpUrl: z.string().min(1).optional(),
  smtpUrlFile: z.string().min(1).optional(),
  smtpUrlEnv: envName.optional(),
  from: z.string().min(1).optional(),
  officers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  authorityName: z.string().min(1).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  referenceFormat: z.string().regex(/\{seq(:\d+)?\}/, 'must contain {seq} or {seq:N}').optional(),
  processedFolder: z.string().min(1).optional(),
  heldFolder: z.string().min(1).optional(),
  oauthUser: z.string().min(1).optional(),
  consoleOfficers: z.array(z.string().regex(/^([^\s@<>]+)?@[^\s@<>]+$/, 'must be an address or @domain')).optional(),
});
type Entry = z.infer<typeof Entry>;
const MailboxesFile = z.strictObject({ mailboxes: z.array(Entry).min(1) });

/** `mailboxes[1].from`: where in the file a problem is. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function fileError(where: string, problem: string): AppError {
  return new AppError('config.invalid', `${VARIABLE}: ${where ? `${where}: ` : ''}${problem}`);
}

/** Reads and checks the file; every error is one line naming the variable, the entry and the field. */
export function loadMailboxesFile(path: string, env: Record<string, string | undefined>, defaults: MailboxDefaults): MailboxConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw fileError('', cause instanceof SyntaxError ? `not valid JSON (${cause.message})` : 'cannot read the file it names');
  }
  // A bare array is accepted too: the entries are the point.
  const parsed = MailboxesFile.safeParse(Array.isArray(json) ? { mailboxes: json } : json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fileError(pathOf(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  return parsed.data.mailboxes.map((entry, i) => resolveEntry(entry, `mailboxes[${i}]`, { env, defaults, baseDir: dirname(resolve(path)) }));
}

interface ResolveContext {
  env: Record<string, string | undefined>;
  defaults: MailboxDefaults;
  baseDir: string;
}

function resolveEntry(entry: Entry, at: string, ctx: ResolveContext): MailboxConfig {
  const { defaults } = ctx;
  const imapUrl = urlOf(entry, 'imapUrl', at, ctx);
  if (!imapUrl) throw fileError(`${at}.imapUrl`, 'required (or imapUrlFile, or imapUrlEnv naming a variable that holds it)');
  const smtpUrl = urlOf(entry, 'smtpUrl', at, ctx) ?? defaults.smtpUrl;
  if (!smtpUrl) throw fileError(`${at}.smtpUrl`, 'required: FOI_SMTP_URL is not set to inherit');
  const fromText = entry.from ?? defaults.from;
  if (!fromText) throw fileError(`${at}.from`, 'required: FOI_FROM is not set to inherit');
  const officersText = Array.isArray(entry.officers) ? entry.officers.join(', ') : entry.officers ?? defaults.officers;
  if (!officersText) throw fileError(`${at}.officers`, 'required: FOI_OFFICERS is not set to inherit');
  const imap = parseMailServerUrl(`${VARIABLE}: ${at}.imapUrl`, imapUrl, 'imap', defaults.allowInsecure);
  return {
    name: entry.name,
    mail: {
      imap: { ...imap, mailbox: imap.path || 'INBOX' },
      smtp: parseMailServerUrl(`${VARIABLE}: ${at}.smtpUrl`, smtpUrl, 'smtp', defaults.allowInsecure),
      from: addressesOf(`${at}.from`, fromText, true)[0]!,
      officers: addressesOf(`${at}.officers`, officersText, false),
      processedFolder: entry.processedFolder ?? defaults.processedFolder,
      heldFolder: entry.heldFolder ?? defaults.heldFolder,
    },
    authorityName: entry.authorityName ?? defaults.authorityName,
    jurisdiction: entry.jurisdiction ?? defaults.jurisdiction,
    referenceFormat: entry.referenceFormat ?? defaults.referenceFormat,
    ...(entry.oauthUser ? { oauthUser: entry.oauthUser } : {}),
    ...(entry.consoleOfficers ? { consoleOfficers: entry.consoleOfficers.map((a) => a.toLowerCase()) } : {}),
  };
}

/** A URL given inline, in a file (container secrets), or in a named environment variable; at most one way. */
function urlOf(entry: Entry, field: 'imapUrl' | 'smtpUrl', at: string, ctx: ResolveContext): string | undefined {
  const inline = entry[field];
  const file = entry[`${field}File`];
  const variable = entry[`${field}Env`];
  if ([inline, file, variable].filter((v) => v !== undefined).length > 1) {
    throw fileError(`${at}.${field}`, `give only one of ${field}, ${field}File and ${field}Env`);
  }
  if (file !== undefined) {
    try {
      return readFileSync(resolve(ctx.baseDir, file), 'utf8').trim() || fail(`${at}.${field}File`, 'the file it names is empty');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw fileError(`${at}.${field}File`, 'cannot read the file it names');
    }
  }
  if (variable !== undefined) return ctx.env[variable] || fail(`${at}.${field}Env`, `${variable} is not set`);
  return inline;
}

function fail(where: string, problem: string): never {
  throw fileError(where, problem);
}

function addressesOf(where: string, text: string, single: boolean): ConfiguredAddress[] {
  try {
    return single ? [parseAddress(where, text)] : parseAddressList(where, text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(where.length + 2) : 'invalid';
    throw fileError(where, `invalid address (${detail})`);
  }
}

/** A stable name for a mailbox's checkpoint row and lease: the account and folder, never the password. */
export function mailboxKeyOf(mail: MailConfig): string {
  return `${mail.imap.user ?? ''}@${mail.imap.host}:${mail.imap.port}/${mail.imap.mailbox}`;
}

/**
 * What must differ between mailboxes: the name, the account and folder (its checkpoint and lease),
 * and the references they can make. Outgoing mail is routed to an SMTP server by its From, so one
 * From cannot have two servers. Errors point at the later of the two entries.
 */
export function checkMailboxSet(
  main: { name: string; mail: MailConfig | null; referenceFormat: string },
  extra: readonly MailboxConfig[],
  formatsCollide: (a: string, b: string) => boolean,
): void {
  const seen: { name: string; mail: MailConfig | null; referenceFormat: string }[] = [main];
  extra.forEach((mailbox, i) => {
    const at = `mailboxes[${i}]`;
    for (const other of seen) {
      if (other.name === mailbox.name) throw fileError(`${at}.name`, `"${mailbox.name}" is already the name of another mailbox`);
      if (other.mail && mailboxKeyOf(other.mail) === mailboxKeyOf(mailbox.mail)) {
        throw fileError(`${at}.imapUrl`, `the same account and folder as mailbox "${other.name}"`);
      }
      if (other.mail && other.mail.from.address === mailbox.mail.from.address && smtpKeyOf(other.mail.smtp) !== smtpKeyOf(mailbox.mail.smtp)) {
        throw fileError(`${at}.smtpUrl`, `mailbox "${other.name}" sends from ${mailbox.mail.from.address} through another SMTP server; one From, one server`);
      }
      if (other.referenceFormat !== mailbox.referenceFormat && formatsCollide(other.referenceFormat, mailbox.referenceFormat)) {
        throw fileError(`${at}.referenceFormat`, `its references could be mistaken for those of mailbox "${other.name}" (${other.referenceFormat})`);
      }
    }
    seen.push(mailbox);
  });
}

/** Which SMTP server and account: mailboxes with the same key share one mailer. */
export function smtpKeyOf(smtp: MailServerEndpoint): string {
  return `${smtp.secure ? 'smtps' : 'smtp'}://${smtp.user ?? ''}@${smtp.host}:${smtp.port}${smtp.requireStartTls ? '?starttls' : ''}`;
}
