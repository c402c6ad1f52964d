// A message ready to send, fixed (Message-ID included) when its outbox row is written, so a
// retry after a crash can only ever resend the very same message.

export type OutgoingPurpose =
  | 'acknowledgement'
  | 'officer_summary'
  | 'held_notice'
  | 'clarification_request'
  | 'clarification_acknowledgement'
  | 'extension_notice'
  | 'case_update'
  | 'reminder'
  | 'digest';

export interface OutgoingMail {
  purpose: OutgoingPurpose;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers, including In-Reply-To/References and the RFC 3834 auto-reply markers. */
  headers: Record<string, string>;
}
