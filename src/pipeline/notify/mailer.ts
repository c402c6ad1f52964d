// How mail leaves: the SMTP adapter (adapters/smtp/) implements it; the outbox worker uses it.
import type { OutgoingMail } from '../../domain/outgoing-mail.js';

/** What goes on the wire: the composed message; its purpose is the outbox's business. */
export type OutgoingEnvelope = Omit<OutgoingMail, 'purpose'>;

export interface Mailer {
  send(message: OutgoingEnvelope): Promise<void>;
  close(): void;
}
