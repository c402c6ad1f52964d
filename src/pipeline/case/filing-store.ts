// What filing one inbound message needs from storage on top of a case's: the message's
// surroundings, read together in one round trip (a replay of it, the cases it may reply to or
// repeat, the acknowledgements its sender had), and its own row. The decider reads, decides in
// pure code, and writes through this; the database adapter implements it and decides nothing.
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { CaseTransaction, NewCase } from './case-store.js';
import type { ReferenceCandidate, SenderCandidate } from './thread-reply.js';

export interface InboundKey {
  /** The mailbox's checkpoint key (account and folder), not its configured name. */
  mailboxKey: string;
  uidValidity: number;
  uid: number;
}

/** The message as fetched, whatever it turns out to be. */
export interface InboundFacts extends InboundKey {
  /** IMAP INTERNALDATE: when the authority's server received it. */
  internalDate: Date;
  raw: Buffer;
  /** The message's size when `raw` is not all of it (an oversize message is never downloaded). */
  size?: number;
  contentHash: string;
  messageId: string | null;
  /** The sender (lower-cased) and what it wrote (message-identity.ts); null when the message could not be read. */
  fromAddress?: string | null;
  bodyHash?: string | null;
  /** Set when the Message-ID was another message's: the key this one is recorded under instead. */
  dedupeKey?: string;
}

/** What to read about a message before deciding its fate; every part is asked only when needed. */
export interface SurroundingsQuery {
  /** The Message-ID (or `sha256:` content hash) a replay of this message carries too. */
  dedupeKey: string;
  /** The key a message reusing another's Message-ID is recorded under (message-identity.ts), if it has one. */
  reusedIdKey: string | null;
  /** Case references quoted in the subject. */
  references: readonly string[];
  /**
   * Reference-like phrases of the subject (`referenceCandidates`, upper case), looked up exactly among the
   * references of imported cases, which keep their old tracker's format (FOI/24/0456, REQ 1234).
   */
  importedReferences?: readonly string[];
  /** Message-IDs the message points at (In-Reply-To/References, or the message a bounce reports on). */
  messageIds: readonly string[];
  /** The sender whose open cases a reply may belong to by its subject; null for mail that is not a reply. */
  senderCasesOf: string | null;
  /** The same requester's earlier requests, and the same text from other people, since a time. */
  repeats: { address: string; fingerprintHash: string; since: Date } | null;
  /** Acknowledgements queued for an address since a time. */
  acknowledgementsTo: { address: string; since: Date } | null;
}

export interface Surroundings {
  /** The first message with the same dedupe key, if one was recorded. */
  firstSighting: { inboundId: number; folder: string; contentHash: string; fromAddress?: string | null; bodyHash?: string | null } | null;
  /** The message recorded under `reusedIdKey`: this very message, seen before as a reuse of a Message-ID. */
  reusedIdSighting?: { inboundId: number; folder: string } | null;
  /** Each with its requester, so who may act on the case is decided here too. */
  byReference: (ReferenceCandidate & { requesterAddress: string | null })[];
  /** The case mail (received or sent) with one of the Message-IDs asked about; purpose null for mail received. */
  messageOwners: { caseId: number | null; messageId: string; purpose: string | null; requesterAddress: string | null; reference?: string | null }[];
  senderCases: SenderCandidate[];
  /** `own`: the requester's recent requests, with their text fingerprints; `others`: cases of other people with the same text. */
  repeats: { own: { caseId: number; reference: string; fingerprint: string }[]; others: { caseId: number; reference: string }[] };
  acknowledgementsSent: number;
}

export type InboundDisposition = 'opened_case' | 'attached' | 'held' | 'duplicate';

/** What became of a message, as its row records it. */
export interface InboundRecord {
  disposition: InboundDisposition;
  parseOutcome: string;
  /** The folder the message is moved to after the commit. */
  destinationFolder: string;
  /** Unique among first sightings; null for a replay, which points at the first instead. */
  dedupeKey: string | null;
  duplicateOf?: number;
  /** Whether the raw bytes are kept (a replay's are the first sighting's). */
  keepRaw: boolean;
  error?: string;
  caseId?: number;
  /** The request text's fingerprint, kept for later duplicate and campaign checks. */
  fingerprint?: string | null;
  fingerprintHash?: string | null;
}

/** A new case with the message that opened it and the mail it sends, stored together. */
export interface NewCaseFromMessage {
  opening: NewCase;
  facts: InboundFacts;
  record: Omit<InboundRecord, 'caseId'>;
  /** Cases of other people with the same text: the new case joins their campaign under `key`. */
  campaign: { caseIds: readonly number[]; key: string } | null;
  mail: readonly OutgoingMail[];
}

export interface OpenedFromMessage {
  caseId: number;
  inboundId: number;
}

export interface FilingTransaction extends CaseTransaction {
  lookAround(query: SurroundingsQuery): Promise<Surroundings>;
  /** Stores the message's row; returns its id. */
  recordInbound(facts: InboundFacts, record: InboundRecord): Promise<number>;
  /**
   * Opens the case, records its message and queues its mail, all sent at once (one round trip). The
   * statements are on their way, in order, when this returns, so whatever the transaction reads next
   * sees them; `written` settles when the server has run them.
   */
  openCaseFromMessage(work: NewCaseFromMessage): { written: Promise<OpenedFromMessage> };
  /** Marks cases as one campaign (the same request from several people). */
  linkCampaign(caseIds: readonly number[], key: string): Promise<void>;
}
