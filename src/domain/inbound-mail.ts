// The parsed form of one inbound email, independent of the MIME library that produced it.
// Every later stage (analyse, case, notify) reads this and never the raw MIME.

export interface MailAddress {
  /** Display name as written by the sender; empty string when none. */
  name: string;
  /** Lower-cased address, e.g. `a.person@example.org`. */
  address: string;
}

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** The decoded bytes; kept so that later stages can read PDF/DOCX text. */
  content: Buffer;
}

export interface InboundMail {
  /** Message-ID including angle brackets, or null when the message has none. */
  messageId: string | null;
  from: MailAddress | null;
  /** How many mailboxes the From header names (RFC 5322 allows several); automatic mail needs exactly one. */
  senderCount?: number;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** The sender's Date header (not the statutory receipt time: that is INTERNALDATE). */
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  /** Plain text body; for HTML-only mail, the HTML converted to readable text. */
  text: string;
  html: string | null;
  /** Header values keyed by lower-case name; repeated headers keep the first value. */
  headers: ReadonlyMap<string, string>;
  /** Content-Type of the top-level entity, lower-case, e.g. `multipart/report`. */
  contentType: string;
  attachments: MailAttachment[];
  /** What parsing had to work around (e.g. a broken MIME structure), shown to officers as flags. */
  parseWarnings?: string[];
}

/** A message as taken from the mailbox, before anything is read from it. */
export interface FetchedMessage {
  uid: number;
  source: Buffer;
  /** IMAP INTERNALDATE: when the authority's server received the message (the statutory receipt). */
  internalDate: Date;
}
