// The composition root's parts: from validated configuration to a database, a pipeline per mailbox,
// a mailer and IMAP session factories. `main.ts`, the demo and the tests all build the app through here.
import { requireSenderConfig, type AppConfig, type MailConfig, type MailboxConfig } from './config.js';
import type { NotifySettings } from './pipeline/notify/compose-messages.js';
import { createNotifyDirectory, type NotifyDirectory } from './pipeline/notify/notify-directory.js';
import type { TokenProvider } from './adapters/oauth/token-provider.js';
import { createMailboxTokens } from './adapters/oauth/mailbox-tokens.js';
import { AppError } from './errors.js';
import { formatAddress } from './config/address.js';
import { mailboxKeyOf, smtpKeyOf } from './config/mailboxes-file.js';
import { openDatabase, type Database } from './adapters/db/database.js';
import { openMailboxSession, type MailboxSession } from './adapters/imap/imap-mailbox.js';
import { createSmtpMailer, type Mailer } from './adapters/smtp/smtp-mailer.js';
import { createRoutingMailer } from './adapters/smtp/routing-mailer.js';
import type { Logger } from './logger.js';
import { defaultPromptsDir } from './paths.js';
import { loadAnalysisSettings } from './config/analysis-settings.js';
import { loadTopicModel } from './adapters/topic-model-loader.js';
import { createAnalyser } from './pipeline/analyse/create-analyser.js';
import { loadTemplates, type TemplateSet } from './pipeline/notify/templates.js';
import type { PipelineDeps, PipelineSettings } from './pipeline/process-message.js';

export { mailboxKeyOf };

/** One mailbox the daemon reads: its own settings, session factory and checkpoint/lease key. */
export interface MailboxRuntime {
  name: string;
  /** The checkpoint row's and the lease's key: the account and folder. */
  key: string;
  config: MailboxConfig;
  pipeline: PipelineDeps;
  openSession(): Promise<MailboxSession>;
}

export interface Runtime {
  config: AppConfig;
  /** The first mailbox's mail settings (`mailboxes[0]`). */
  mail: MailConfig;
  database: Database;
  /** The first mailbox's pipeline (`mailboxes[0].pipeline`). */
  pipeline: PipelineDeps;
  /** Sends each outbox row through its mailbox's SMTP server. */
  mailer: Mailer;
  log: Logger;
  /** Every mailbox, the main one first; one database and one analyser serve them all. */
  mailboxes: MailboxRuntime[];
  /** Mail settings by the mailbox name recorded on a case. */
  notify: NotifyDirectory;
  /** Opens the first mailbox (`mailboxes[0].openSession()`). */
  openSession(): Promise<MailboxSession>;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  database?: Database;
  /** One mailer for every mailbox (tests). */
  mailer?: Mailer;
  autoIdleDelayMs?: number;
}

type Sender = Pick<MailConfig, 'from' | 'officers' | 'heldFolder'> & Pick<MailboxConfig, 'authorityName' | 'jurisdiction'>;

/** A mailbox's mail-composing settings, for the pipeline and for officers' commands alike. */
function notifySettingsFor(sender: Sender, templates: TemplateSet): NotifySettings {
  return {
    templates,
    from: formatAddress(sender.from),
    fromAddress: sender.from.address,
    officers: sender.officers.map(formatAddress),
    authorityName: sender.authorityName,
    jurisdiction: sender.jurisdiction,
    heldFolder: sender.heldFolder,
  };
}

/** The main mailbox's settings from FOI_FROM and FOI_OFFICERS alone (no IMAP or SMTP URL needed). */
export function notifySettingsOf(config: AppConfig, templates?: TemplateSet): NotifySettings {
  return notifySettingsFor(
    { ...requireSenderConfig(config), heldFolder: config.heldFolder, authorityName: config.authorityName, jurisdiction: config.jurisdiction },
    templates ?? loadTemplates(config.promptsDir ?? defaultPromptsDir),
  );
}

function mailboxNotifySettings(mailbox: MailboxConfig, templates: TemplateSet): NotifySettings {
  return notifySettingsFor({ ...mailbox.mail, authorityName: mailbox.authorityName, jurisdiction: mailbox.jurisdiction }, templates);
}

/**
 * Every mailbox's settings by name, for commands that act on cases without reading mail (the main
 * mailbox needs only FOI_FROM and FOI_OFFICERS here, not its IMAP and SMTP URLs).
 */
export function notifyDirectoryOf(config: AppConfig): NotifyDirectory {
  let templates: TemplateSet | undefined;
  const shared = () => (templates ??= loadTemplates(config.promptsDir ?? defaultPromptsDir));
  return createNotifyDirectory([
    [config.mailboxName, () => notifySettingsOf(config, shared())],
    ...config.extraMailboxes.map((m) => [m.name, () => mailboxNotifySettings(m, shared())] as const),
  ]);
}

function pipelineSettingsFor(
  config: AppConfig, mailbox: MailboxConfig, notify: NotifySettings, ownAddresses: string[], allFormats: string[],
  notifyByMailbox: (mailboxName: string) => NotifySettings | undefined,
): PipelineSettings {
  return {
    mailbox: mailboxKeyOf(mailbox.mail),
    mailboxName: mailbox.name,
    jurisdiction: mailbox.jurisdiction,
    referenceFormat: mailbox.referenceFormat,
    // A reply may quote a case of another of our mailboxes: it is filed with that case.
    threadReferenceFormats: [...new Set([mailbox.referenceFormat, ...allFormats])],
    processedFolder: mailbox.mail.processedFolder,
    heldFolder: mailbox.mail.heldFolder,
    // Our own mail is never a request, whichever of our mailboxes it reaches (RFC 3834 loops).
    own: { addresses: ownAddresses },
    senderAuth: config.senderAuth,
    maxAcksPerAddressPerDay: config.maxAcksPerAddressPerDay,
    duplicateWindowDays: config.duplicateWindowDays,
    spamHeader: config.spamHeader,
    notify,
    notifyByMailbox,
  };
}

/** The main mailbox (the FOI_* variables) followed by FOI_MAILBOXES_FILE's. */
function mailboxesOf(config: AppConfig, mail: MailConfig): MailboxConfig[] {
  const main: MailboxConfig = {
    name: config.mailboxName, mail, authorityName: config.authorityName, jurisdiction: config.jurisdiction, referenceFormat: config.referenceFormat,
  };
  return [main, ...config.extraMailboxes];
}

/** Token providers by mailbox account: shared by IMAP and SMTP, and by every mailbox the grant allows. */
function tokenProviderOf(config: AppConfig): ((user: string) => TokenProvider) | undefined {
  return config.oauth ? createMailboxTokens(config.oauth) : undefined;
}

function oauthOf(config: AppConfig, mailbox: MailboxConfig, first: boolean, tokens: ((user: string) => TokenProvider) | undefined): { user: string; tokens: TokenProvider } | undefined {
  if (!config.oauth || !tokens) return undefined;
  const user = mailbox.oauthUser ?? config.oauth.user ?? mailbox.mail.imap.user;
  if (!user) {
    const where = first ? 'FOI_IMAP_URL' : `the imapUrl of mailbox "${mailbox.name}"`;
    throw new AppError('config.invalid', `FOI_OAUTH_USER: required (or a user in ${where}) with FOI_OAUTH_PROVIDER`);
  }
  return { user, tokens: tokens(user) };
}

/** A refresh token signs in as the one account that granted it; Gmail refuses it for any other. */
function requireOneAccountPerRefreshToken(config: AppConfig, oauths: ({ user: string } | undefined)[]): void {
  if (config.oauth?.grant.type !== 'refresh_token') return;
  const accounts = new Set(oauths.map((o) => o?.user.toLowerCase()));
  if (accounts.size > 1) {
    throw new AppError('config.invalid', `FOI_OAUTH_REFRESH_TOKEN: a refresh token signs in as one account, but the mailboxes log in as ${accounts.size}; use a service account (FOI_OAUTH_SERVICE_ACCOUNT_FILE) to act as several`);
  }
}

/** One mailer per SMTP server and account; rows are routed to theirs by their From. */
function mailerOf(mailboxes: MailboxConfig[], oauths: ({ user: string; tokens: TokenProvider } | undefined)[]): Mailer {
  const byServer = new Map<string, Mailer>();
  const routes = new Map<string, Mailer>();
  mailboxes.forEach((mailbox, i) => {
    const oauth = oauths[i];
    const key = `${smtpKeyOf(mailbox.mail.smtp)} ${oauth?.user ?? ''}`;
    const mailer = byServer.get(key) ?? createSmtpMailer(mailbox.mail.smtp, oauth);
    byServer.set(key, mailer);
    if (!routes.has(mailbox.mail.from.address)) routes.set(mailbox.mail.from.address, mailer);
  });
  const first = routes.get(mailboxes[0]!.mail.from.address)!;
  return byServer.size === 1 ? first : createRoutingMailer(routes, first);
}

export async function openRuntime(config: AppConfig, mail: MailConfig, log: Logger, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const configured = mailboxesOf(config, mail);
  const tokens = tokenProviderOf(config);
  const oauths = configured.map((m, i) => oauthOf(config, m, i === 0, tokens));
  requireOneAccountPerRefreshToken(config, oauths);
  const templates = loadTemplates(config.promptsDir ?? defaultPromptsDir);
  const notifies = configured.map((m) => mailboxNotifySettings(m, templates));
  const ownAddresses = [...new Set(configured.map((m) => m.mail.from.address))];
  const notify = createNotifyDirectory(configured.map((m, i) => [m.name, () => notifies[i]!] as const));
  // A case of another of our mailboxes hears from that mailbox; a name no longer configured, from this one.
  const notifyByMailbox = (name: string) => (notify.names.includes(name) ? notify.settingsOf(name) : undefined);
  const referenceFormats = configured.map((m) => m.referenceFormat);
  const database = overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await database.migrate();
  const mailer = overrides.mailer ?? mailerOf(configured, oauths);
  const topicModel = await loadTopicModel(database.db);
  log.info({ topicModelVersion: topicModel.version, mailboxes: configured.map((m) => m.name) }, 'topic model loaded');
  const analyse = createAnalyser(loadAnalysisSettings(config.analysisConfigPath), topicModel.model);
  const mailboxes = configured.map((mailbox, i): MailboxRuntime => {
    const settings = pipelineSettingsFor(config, mailbox, notifies[i]!, ownAddresses, referenceFormats, notifyByMailbox);
    const imap = { endpoint: mailbox.mail.imap, mailbox: mailbox.mail.imap.mailbox, allowInsecure: config.allowInsecure, autoIdleDelayMs: overrides.autoIdleDelayMs, oauth: oauths[i] };
    return {
      name: mailbox.name,
      key: settings.mailbox,
      config: mailbox,
      pipeline: { db: database.db, settings, analyse },
      openSession: () => openMailboxSession(imap, log.child({ mailbox: mailbox.name })),
    };
  });
  const first = mailboxes[0]!;
  const runtime: Runtime = {
    config,
    mail,
    database,
    mailer,
    log,
    mailboxes,
    notify,
    pipeline: first.pipeline,
    openSession: first.openSession,
    async close() {
      mailer.close();
      if (!overrides.database) await database.close();
    },
  };
  // The first mailbox is the runtime's own: what is set on `runtime.pipeline` or `runtime.openSession`
  // (tests put faults there) is what the daemon and `run --once` use for it.
  mailboxes[0] = {
    name: first.name, key: first.key, config: first.config,
    get pipeline() { return runtime.pipeline; },
    openSession: () => runtime.openSession(),
  };
  return runtime;
}
