// How each mailbox logs in (a password, or OAuth2 tokens shared by IMAP and SMTP) and which SMTP
// server its outbox rows go through (by their From).
import type { AppConfig, MailboxConfig } from '../config.js';
import { smtpKeyOf } from '../config/mailboxes-file.js';
import { createMailboxTokens } from '../adapters/oauth/mailbox-tokens.js';
import type { TokenProvider } from '../adapters/oauth/token-provider.js';
import { createRoutingMailer } from '../adapters/smtp/routing-mailer.js';
import { createSmtpMailer } from '../adapters/smtp/smtp-mailer.js';
import { AppError } from '../errors.js';
import type { Mailer } from '../pipeline/notify/mailer.js';

export type MailboxOAuth = { user: string; tokens: TokenProvider } | undefined;

/** Each mailbox's OAuth2 account and token provider (providers shared by account), or undefined for passwords. */
export function oauthOfMailboxes(config: AppConfig, mailboxes: readonly MailboxConfig[]): MailboxOAuth[] {
  if (!config.oauth) return mailboxes.map(() => undefined);
  const tokens = createMailboxTokens(config.oauth);
  const oauths = mailboxes.map((mailbox, i) => {
    const user = mailbox.oauthUser ?? config.oauth!.user ?? mailbox.mail.imap.user;
    if (!user) {
      const where = i === 0 ? 'FOI_IMAP_URL' : `the imapUrl of mailbox "${mailbox.name}"`;
      throw new AppError('config.invalid', `FOI_OAUTH_USER: required (or a user in ${where}) with FOI_OAUTH_PROVIDER`);
    }
    return { user, tokens: tokens(user) };
  });
  requireOneAccountPerRefreshToken(config, oauths);
  return oauths;
}

/** A refresh token signs in as the one account that granted it; Gmail refuses it for any other. */
function requireOneAccountPerRefreshToken(config: AppConfig, oauths: readonly MailboxOAuth[]): void {
  if (config.oauth?.grant.type !== 'refresh_token') return;
  const accounts = new Set(oauths.map((o) => o?.user.toLowerCase()));
  if (accounts.size > 1) {
    throw new AppError('config.invalid', `FOI_OAUTH_REFRESH_TOKEN: a refresh token signs in as one account, but the mailboxes log in as ${accounts.size}; use a service account (FOI_OAUTH_SERVICE_ACCOUNT_FILE) to act as several`);
  }
}

/** One mailer per SMTP server and account; rows are routed to theirs by their From. */
export function mailerOf(mailboxes: readonly MailboxConfig[], oauths: readonly MailboxOAuth[]): Mailer {
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
