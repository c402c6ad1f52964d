// The mailbox as a pass sees it: list UIDs, fetch sources, move by UID, wait for new mail. The IMAP
// adapter (adapters/imap/imap-mailbox.ts) implements it; tests may wrap one to inject faults.

import type { FetchedMessage } from '../../domain/inbound-mail.js';

export interface MessageSize {
  uid: number;
  /** In bytes, as the server stores the message. */
  size: number;
  internalDate: Date;
}

export interface MailboxSession {
  readonly uidValidity: number;
  /** UIDs present in the mailbox in [from, to] (to omitted: up to the newest), ascending. */
  listUids(from: number, to?: number): Promise<number[]>;
  /**
   * Each message's size (RFC822.SIZE) and INTERNALDATE, without its body: what decides whether to
   * download it. A session without it (a test's wrapper) has each message's size checked once fetched.
   */
  messageSizes?(uids: number[]): Promise<MessageSize[]>;
  fetchMessages(uids: number[]): Promise<FetchedMessage[]>;
  /** Moves by UID, creating the folder on first use. A UID already gone is not an error. */
  moveMessages(uids: number[], folder: string): Promise<void>;
  /** A count of new-mail notices so far: take it before a pass, hand it to `waitForNewMail` after. */
  newMailMark(): number;
  /**
   * Resolves when new mail arrives (IDLE), the connection closes, or the signal aborts; at once
   * when a notice came after `since` (mail that arrived during the pass is not waited for).
   */
  waitForNewMail(signal: AbortSignal, since?: number): Promise<'new_mail' | 'closed' | 'aborted'>;
  readonly closed: boolean;
  close(): Promise<void>;
}
