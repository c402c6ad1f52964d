// Mailboxes may send through different SMTP servers: each outbox row goes out through the server
// of the mailbox whose From it carries (configuration refuses one From with two servers).
import addressparser from 'nodemailer/lib/addressparser';
import type { Mailer } from '../../pipeline/notify/mailer.js';

/** `routes` maps a lower-case From address to its mailer; any other From goes through `fallback`. */
export function createRoutingMailer(routes: ReadonlyMap<string, Mailer>, fallback: Mailer): Mailer {
  return {
    send(message) {
      const [from] = addressparser(message.from, { flatten: true });
      const mailer = (from && routes.get(from.address.toLowerCase())) || fallback;
      return mailer.send(message);
    },
    close() {
      for (const mailer of new Set([fallback, ...routes.values()])) mailer.close();
    },
  };
}
