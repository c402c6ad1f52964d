// What a pass over a mailbox needs from storage: the mailbox's checkpoint, and one transaction per
// batch that holds the mailbox's commit lock, files each message (filing-store.ts) and advances the
// checkpoint past them all. The database adapter implements it (adapters/db/intake-store.ts).
import type { ExtraHoliday } from '../../clock/index.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { FilingTransaction, InboundKey } from '../case/filing-store.js';

export interface Checkpoint {
  lastUid: number;
  /** True when the stored UIDVALIDITY differed from the server's and the checkpoint was reset. */
  reset: boolean;
  /** When foi-intake first read this mailbox (FOI_ACKNOWLEDGE_SINCE=first-seen); a reset keeps it. */
  firstSeenAt: Date;
}

/** A message of the batch recorded already (a pass that crashed before its move). */
export interface RecordedInbound extends Pick<InboundKey, 'uidValidity' | 'uid'> {
  id: number;
  destinationFolder: string;
}

export interface IntakeTransaction extends FilingTransaction {
  findRecorded(keys: readonly InboundKey[]): Promise<RecordedInbound[]>;
  advanceCheckpoint(highestUid: number): Promise<void>;
  /** Filed messages need no count of their preparations any more. */
  forgetPrepareAttempts(keys: readonly InboundKey[]): Promise<void>;
}

/** A message's preparations so far, this one included. */
export interface PrepareAttempt {
  attempts: number;
  /** What the last failed attempt threw; null when none failed without stopping the process. */
  lastError: string | null;
}

/** A batch's messages of one mailbox and UIDVALIDITY, in UID order. */
export interface PrepareBatch {
  mailboxKey: string;
  uidValidity: number;
  uids: readonly number[];
}

export interface IntakeStore {
  /** One transaction holding the mailbox's commit lock: two daemons never commit the same UID twice. */
  inMailboxTransaction<T>(mailboxKey: string, work: (tx: IntakeTransaction) => Promise<T>): Promise<T>;
  /** The checkpoint for this UIDVALIDITY; a changed UIDVALIDITY resets it (Message-ID dedupe keeps replays harmless). */
  syncCheckpoint(mailboxKey: string, uidValidity: number): Promise<Checkpoint>;
  recordPoll(mailboxKey: string, at: Date): Promise<void>;
  /** Records that messages were seen to leave the inbox. */
  markMoved(inboundIds: readonly number[], at: Date): Promise<void>;
  /**
   * Counts a preparation of the message and commits the count before it starts (so a crash in it
   * is counted too); returns the count with this one.
   */
  beginPrepareAttempt(key: InboundKey): Promise<PrepareAttempt>;
  /**
   * The same for a batch's messages in UID order, all counts committed together before any
   * preparation starts; counting stops after the first message tried before (its count included),
   * so the result may be shorter than the batch.
   */
  beginPrepareAttempts(batch: PrepareBatch): Promise<PrepareAttempt[]>;
  /**
   * The preparations of these messages finished (prepared, or held): each count drops by one, so
   * what stays counted is a preparation that failed or never finished. A crash while the batch is
   * filed is then not held against its messages: a process killed from outside (not by a message)
   * lands there as often as anywhere, and three such kills must not hold an innocent request.
   */
  endPrepareAttempts(batch: PrepareBatch): Promise<void>;
  recordPrepareFailure(key: InboundKey, error: string): Promise<void>;
  /** True when an error says the database is unreachable or busy (not that a message could not be stored): retried later, never held. */
  isOutage(error: unknown): boolean;
  /** Holidays admins added, read once per pass. */
  extraHolidays(): Promise<ExtraHoliday[]>;
  /** Queues officer mail about no one case (a pass's import summary). */
  queueOfficerMail(mail: readonly OutgoingMail[]): Promise<void>;
}
