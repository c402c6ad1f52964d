// A message ready to send, fixed (Message-ID included) when its outbox row is written, so a
// retry after a crash can only ever resend the very same message.

export const OUTGOING_PURPOSES = [
  'acknowledgement', 'officer_summary', 'held_notice', 'clarification_request', 'clarification_acknowledgement',
  'extension_notice', 'case_update', 'reminder', 'digest', 'import_summary', 'response',
] as const;
export type OutgoingPurpose = (typeof OUTGOING_PURPOSES)[number];

/** Mail to the authority's own officers; everything else goes to a requester. */
export const OFFICER_PURPOSES: readonly OutgoingPurpose[] = ['officer_summary', 'case_update', 'reminder', 'digest', 'held_notice', 'import_summary'];

/** Mail a requester receives: it threads in their mail client, and its failure is worth an officer's alert. */
export function isRequesterFacing(purpose: string): boolean {
  return !(OFFICER_PURPOSES as readonly string[]).includes(purpose);
}

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
