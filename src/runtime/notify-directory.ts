// Every configured mailbox's mail settings, from validated configuration: what its mail is sent as,
// to which officers, in which authority's name. The daemon and officers' commands build it the
// same way; a command touching one mailbox's cases needs only that mailbox's settings.
import { requireSenderConfig, type AppConfig, type MailboxConfig } from '../config.js';
import { formatAddress } from '../config/address.js';
import { defaultPromptsDir } from '../paths.js';
import type { NotifySettings } from '../pipeline/notify/compose-messages.js';
import { createNotifyDirectory, type NotifyDirectory } from '../pipeline/notify/notify-directory.js';
import { loadTemplates, type TemplateSet } from '../pipeline/notify/templates.js';

type Sender = Pick<MailboxConfig['mail'], 'from' | 'officers' | 'heldFolder'> & Pick<MailboxConfig, 'authorityName' | 'jurisdiction'>;

function settingsOf(sender: Sender, templates: TemplateSet, consoleUrl: URL | null): NotifySettings {
  return {
    templates,
    from: formatAddress(sender.from),
    fromAddress: sender.from.address,
    officers: sender.officers.map(formatAddress),
    authorityName: sender.authorityName,
    jurisdiction: sender.jurisdiction,
    heldFolder: sender.heldFolder,
    consoleUrl,
  };
}

/**
 * The main mailbox (FOI_FROM and FOI_OFFICERS suffice: no IMAP or SMTP URL is needed to act on its
 * cases) and FOI_MAILBOXES_FILE's, by name. Templates are loaded once, when first needed.
 */
export function notifyDirectoryOf(config: AppConfig, templates?: TemplateSet): NotifyDirectory {
  let loaded = templates;
  const shared = () => (loaded ??= loadTemplates(config.promptsDir ?? defaultPromptsDir));
  const main = (): Sender => ({ ...requireSenderConfig(config), heldFolder: config.heldFolder, authorityName: config.authorityName, jurisdiction: config.jurisdiction });
  return createNotifyDirectory([
    [config.mailboxName, () => settingsOf(main(), shared(), config.consoleUrl)],
    ...config.extraMailboxes.map((m) => [m.name, () => settingsOf({ ...m.mail, authorityName: m.authorityName, jurisdiction: m.jurisdiction }, shared(), config.consoleUrl)] as const),
  ]);
}
