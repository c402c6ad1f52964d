// The composition root: from validated configuration to a database and its stores, a pipeline per
// mailbox, a mailer and IMAP session factories. `main.ts`, the demo and the tests all build the app
// through here; tests change it only through RuntimeOverrides.
import { requireMailboxes, type AppConfig, type MailboxConfig } from './config.js';
import { openDatabase, type Database } from './adapters/db/database.js';
import { createStores, type Stores } from './adapters/db/stores.js';
import { openMailboxSession } from './adapters/imap/imap-mailbox.js';
import type { Logger } from './logger.js';
import { defaultPromptsDir } from './paths.js';
import { loadAnalysisSettings } from './config/analysis-settings.js';
import { mailboxKeyOf } from './config/mailboxes-file.js';
import type { MailboxSession } from './pipeline/intake/mailbox-session.js';
import { alertUndeliverable } from './pipeline/case/alert-undeliverable.js';
import type { DeliveryDeps } from './pipeline/notify/deliver-outbox.js';
import type { Mailer } from './pipeline/notify/mailer.js';
import type { NotifyDirectory } from './pipeline/notify/notify-directory.js';
import { loadTemplates } from './pipeline/notify/templates.js';
import type { PipelineDeps } from './pipeline/intake/process-mailbox.js';
import type { PipelineSettings } from './pipeline/process-message.js';
import { createPreparePool } from './pipeline/workers/prepare-pool.js';
import { mailerOf, oauthOfMailboxes } from './runtime/mailer.js';
import { notifyDirectoryOf } from './runtime/notify-directory.js';
import { loadAnalysisModels, modelsChanged, type LoadedModels } from './runtime/analysis-models.js';
import { swappablePreparer } from './pipeline/workers/swappable-preparer.js';

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
  database: Database;
  /** The database's stores, shared by every mailbox and job. */
  stores: Stores;
  /** Sends each outbox row through its mailbox's SMTP server. */
  mailer: Mailer;
  /** What the outbox worker sends with: the outbox, the mailer, and the officers' alert when mail fails for good. */
  delivery: DeliveryDeps;
  log: Logger;
  /** Every mailbox, the main one (the FOI_* variables) first; one database and one analyser serve them all. */
  mailboxes: MailboxRuntime[];
  /** Mail settings by the mailbox name recorded on a case. */
  notify: NotifyDirectory;
  /** Loads the active model version if an admin activated another (or rolled back) since it was loaded. */
  refreshModels(): Promise<void>;
  close(): Promise<void>;
}

/** What a test may change about one mailbox. */
export interface MailboxOverrides {
  /** Wraps each IMAP session the mailbox opens (e.g. a MOVE that fails, as a crash after the commit would). */
  session?: (opened: MailboxSession) => MailboxSession;
}

export interface RuntimeOverrides {
  database?: Database;
  /** One mailer for every mailbox (tests). */
  mailer?: Mailer;
  autoIdleDelayMs?: number;
  /** By mailbox name. */
  mailboxes?: Readonly<Record<string, MailboxOverrides>>;
}

function pipelineSettingsOf(config: AppConfig, mailbox: MailboxConfig, all: readonly MailboxConfig[]): PipelineSettings {
  return {
    mailboxKey: mailboxKeyOf(mailbox.mail),
    mailboxName: mailbox.name,
    jurisdiction: mailbox.jurisdiction,
    referenceFormat: mailbox.referenceFormat,
    // A reply may quote a case of another of our mailboxes: it is filed with that case.
    threadReferenceFormats: [...new Set([mailbox.referenceFormat, ...all.map((m) => m.referenceFormat)])],
    processedFolder: mailbox.mail.processedFolder,
    heldFolder: mailbox.mail.heldFolder,
    // Our own mail is never a request, whichever of our mailboxes it reaches (RFC 3834 loops).
    own: { addresses: [...new Set(all.map((m) => m.mail.from.address))] },
    senderAuth: config.senderAuth,
    authority: {
      authenticationOn: config.senderAuth.mode === 'verify' || (config.senderAuth.mode === 'trust-header' && config.senderAuth.trustedAuthservId !== null),
      internalDomains: config.internalDomains,
      officers: mailbox.mail.officers.map((o) => o.address.toLowerCase()),
    },
    maxAcksPerAddressPerDay: config.maxAcksPerAddressPerDay,
    duplicateWindowDays: config.duplicateWindowDays,
    spamHeader: config.spamHeader,
    limits: config.limits,
    acknowledgeSince: config.acknowledgeSince,
  };
}

export async function openRuntime(config: AppConfig, log: Logger, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const configured = requireMailboxes(config);
  const oauths = oauthOfMailboxes(config, configured);
  const notify = notifyDirectoryOf(config, loadTemplates(config.promptsDir ?? defaultPromptsDir));
  const database = overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await database.migrate();
  const stores = createStores(database.db);
  const mailer = overrides.mailer ?? mailerOf(configured, oauths);
  loadAnalysisSettings(config.analysisConfigPath); // a bad settings file stops start-up here, with its one line
  let learned = await loadAnalysisModels(database.db);
  log.info({ modelVersion: learned.version, mailboxes: configured.map((m) => m.name), prepareWorkers: config.prepare.workers }, 'analysis models loaded');
  // Parse and analyse in worker threads (each loads the settings and the models once); this thread
  // only fetches, commits, moves and sends.
  const startPool = (loaded: LoadedModels) => createPreparePool({
    workers: config.prepare.workers, timeoutMs: config.prepare.timeoutMs, analysisConfigPath: config.analysisConfigPath, models: loaded.wire,
  });
  const prepare = swappablePreparer(startPool(learned));
  // A newly activated version reaches every mailbox at once: new workers load it, the old ones finish what they hold.
  const refreshModels = async () => {
    if (!(await modelsChanged(database.db, learned))) return;
    learned = await loadAnalysisModels(database.db);
    prepare.swap(startPool(learned));
    log.info({ modelVersion: learned.version }, 'analysis models reloaded');
  };
  const mailboxes = configured.map((mailbox, i): MailboxRuntime => {
    const settings = pipelineSettingsOf(config, mailbox, configured);
    const imap = { endpoint: mailbox.mail.imap, mailbox: mailbox.mail.imap.mailbox, allowInsecure: config.allowInsecure, autoIdleDelayMs: overrides.autoIdleDelayMs, oauth: oauths[i] };
    const wrap = overrides.mailboxes?.[mailbox.name]?.session ?? ((session: MailboxSession) => session);
    return {
      name: mailbox.name,
      key: settings.mailboxKey,
      config: mailbox,
      pipeline: { store: stores.intake, settings, notify, prepare: prepare.prepare, prepareReady: prepare.ready },
      openSession: async () => wrap(await openMailboxSession(imap, log.child({ mailbox: mailbox.name }))),
    };
  });
  const delivery: DeliveryDeps = {
    outbox: stores.outbox, mailer, log, now: () => new Date(), maxAttempts: config.outboxMaxAttempts,
    // A claim outlives any one send; a process killed mid-send gives its rows back this soon.
    claimMs: config.leaseSeconds * 2000,
    onFailed: (row, error) => alertUndeliverable(stores.cases, notify, row, error),
  };
  return {
    config, database, stores, mailer, delivery, log, mailboxes, notify, refreshModels,
    async close() {
      await prepare.close();
      mailer.close();
      if (!overrides.database) await database.close();
    },
  };
}
