// The composition root's parts: from validated configuration to a database, a pipeline, a mailer
// and an IMAP session factory. `main.ts`, the demo and the tests all build the app through here.
import { requireSenderConfig, type AppConfig, type MailConfig } from './config.js';
import type { NotifySettings } from './pipeline/notify/compose-messages.js';
import { createTokenProvider, type TokenProvider } from './adapters/oauth/token-provider.js';
import { AppError } from './errors.js';
import { formatAddress } from './config/address.js';
import { openDatabase, type Database } from './adapters/db/database.js';
import { openMailboxSession, type MailboxSession } from './adapters/imap/imap-mailbox.js';
import { createSmtpMailer, type Mailer } from './adapters/smtp/smtp-mailer.js';
import type { Logger } from './logger.js';
import { defaultPromptsDir } from './paths.js';
import { loadAnalysisSettings } from './config/analysis-settings.js';
import { loadTopicModel } from './adapters/topic-model-loader.js';
import { createAnalyser } from './pipeline/analyse/create-analyser.js';
import { loadTemplates } from './pipeline/notify/templates.js';
import type { PipelineDeps, PipelineSettings } from './pipeline/process-message.js';

export interface Runtime {
  config: AppConfig;
  mail: MailConfig;
  database: Database;
  pipeline: PipelineDeps;
  mailer: Mailer;
  log: Logger;
  openSession(): Promise<MailboxSession>;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  database?: Database;
  mailer?: Mailer;
  autoIdleDelayMs?: number;
}

/** A stable name for the mailbox's checkpoint row: the account and folder, never the password. */
export function mailboxKeyOf(mail: MailConfig): string {
  return `${mail.imap.user ?? ''}@${mail.imap.host}:${mail.imap.port}/${mail.imap.mailbox}`;
}

/** The mail-composing settings, for the pipeline and for officers' commands alike. */
export function notifySettingsOf(config: AppConfig): NotifySettings {
  const { from, officers } = requireSenderConfig(config);
  return {
    templates: loadTemplates(config.promptsDir ?? defaultPromptsDir),
    from: formatAddress(from),
    fromAddress: from.address,
    officers: officers.map(formatAddress),
    authorityName: config.authorityName,
    jurisdiction: config.jurisdiction,
    heldFolder: config.heldFolder,
  };
}

export function pipelineSettingsOf(config: AppConfig, mail: MailConfig): PipelineSettings {
  return {
    mailbox: mailboxKeyOf(mail),
    jurisdiction: config.jurisdiction,
    referenceFormat: config.referenceFormat,
    processedFolder: mail.processedFolder,
    heldFolder: mail.heldFolder,
    own: { addresses: [mail.from.address] },
    senderAuth: config.senderAuth,
    maxAcksPerAddressPerDay: config.maxAcksPerAddressPerDay,
    duplicateWindowDays: config.duplicateWindowDays,
    spamHeader: config.spamHeader,
    notify: notifySettingsOf(config),
  };
}

/** One token provider for IMAP and SMTP: Microsoft 365's .default scope covers both. */
function oauthOf(config: AppConfig, mail: MailConfig): { user: string; tokens: TokenProvider } | undefined {
  if (!config.oauth) return undefined;
  const { tokenUrl, clientId, clientSecret, scope } = config.oauth;
  const user = config.oauth.user ?? mail.imap.user;
  if (!user) throw new AppError('config.invalid', 'FOI_OAUTH_USER: required (or a user in FOI_IMAP_URL) with FOI_OAUTH_PROVIDER');
  return { user, tokens: createTokenProvider({ tokenUrl, clientId, clientSecret, scope }) };
}

export async function openRuntime(config: AppConfig, mail: MailConfig, log: Logger, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const settings = pipelineSettingsOf(config, mail);
  const database = overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await database.migrate();
  const oauth = oauthOf(config, mail);
  const mailer = overrides.mailer ?? createSmtpMailer(mail.smtp, oauth);
  const topicModel = await loadTopicModel(database.db);
  log.info({ topicModelVersion: topicModel.version }, 'topic model loaded');
  const analyse = createAnalyser(loadAnalysisSettings(config.analysisConfigPath), topicModel.model);
  return {
    config,
    mail,
    database,
    mailer,
    log,
    pipeline: { db: database.db, settings, analyse },
    openSession: () =>
      openMailboxSession(
        { endpoint: mail.imap, mailbox: mail.imap.mailbox, allowInsecure: config.allowInsecure, autoIdleDelayMs: overrides.autoIdleDelayMs, oauth },
        log,
      ),
    async close() {
      mailer.close();
      if (!overrides.database) await database.close();
    },
  };
}
