// Sends outbox rows over SMTP with nodemailer (pooled: the server's greeting delay would
// otherwise cap throughput). Thin: the retry decision is the pure smtp-failure module's.
import nodemailer from 'nodemailer';
import type { MailServerEndpoint } from '../../config/mail-server-url.js';
import type { Mailer } from '../../pipeline/notify/mailer.js';
import { attachSmtpOAuth, smtpOAuthAuth } from '../oauth/mail-auth.js';
import type { TokenProvider } from '../oauth/token-provider.js';

export function createSmtpMailer(endpoint: MailServerEndpoint, oauth?: { user: string; tokens: TokenProvider }): Mailer {
  const auth = oauth ? smtpOAuthAuth(oauth.user) : endpoint.user ? { user: endpoint.user, pass: endpoint.password ?? '' } : undefined;
  const transport = nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    requireTLS: endpoint.requireStartTls,
    auth,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  if (oauth) attachSmtpOAuth(transport, oauth.user, oauth.tokens);
  return {
    async send(message) {
      const { 'In-Reply-To': inReplyTo, References: references, ...headers } = message.headers;
      await transport.sendMail({
        messageId: message.messageId,
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        inReplyTo,
        references,
        headers,
      });
    },
    close: () => transport.close(),
  };
}
