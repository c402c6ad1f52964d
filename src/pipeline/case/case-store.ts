// What every action on a case needs from storage, and nothing more. The deciders in this folder
// lock a case through it, decide in pure code, then save the change and queue its mail through it,
// all in one transaction: officers' commands, mail that reaches a case, and the console alike.
// The database adapter implements it (adapters/db/case-store.ts); it stores and loads, deciding nothing.
import type { CaseFlag } from '../../domain/case-flag.js';
import type { CaseDraft, CaseEvent } from '../../domain/foi-case.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { RequestKind } from '../../domain/request-analysis.js';
import type { CaseSnapshot } from '../notify/compose-case-updates.js';
import type { Assignment } from './assign-case.js';
import type { CaseState } from './case-lifecycle.js';
import type { OutcomeColumns } from './outcome/decide-outcome-action.js';
import type { StoredCaseEvent } from './outcome/outcome-case.js';

export type CaseKey = { id: number } | { reference: string };

/** A case as an action sees it; locked until the transaction ends, so two actions on it queue up. */
export interface LockedCase {
  id: number;
  kind: RequestKind;
  /** The configured name of the mailbox the case belongs to: its mail goes out in that mailbox's name. */
  mailbox: string;
  snapshot: CaseSnapshot;
  /** The statutory clock's view; null for correspondence that runs no clock (complaints, general mail). */
  state: CaseState | null;
  /** Who has the case (owner, team); both null until assigned. */
  assignment: Assignment;
}

/** What an action does to an existing case: audit events always; a new clock state and flags when it has them. */
export interface CaseChange {
  caseId: number;
  events: readonly CaseEvent[];
  transition?: { next: CaseState; dueExplain: readonly string[] };
  flags?: readonly CaseFlag[];
  /** What the response, review, appeal or publication decided (the events above are its history). */
  outcome?: OutcomeColumns;
  /** A new owner and team (the `assign` action). */
  assignment?: Assignment;
}

/** What the outcome commands read of a locked case besides its clock: its history, questions and topics. */
export interface CaseRecord {
  /** Oldest first. */
  events: StoredCaseEvent[];
  questions: { number: string | null; text: string }[];
  topics: string[];
}

/** A case to open, numbered: its draft, its reference and its opening audit events. */
export interface NewCase {
  draft: CaseDraft;
  reference: string;
  events: readonly CaseEvent[];
  /** For an internal review: the case whose handling is reviewed. */
  parentCaseId?: number;
}

/** What queued mail is about: the case, and the inbound message that caused it. */
export interface MailLinks {
  caseId?: number;
  inboundId?: number;
}

export interface CaseTransaction {
  lockCase(key: CaseKey): Promise<LockedCase | null>;
  /** The next number in a reference format's year; a rolled-back transaction may leave a gap. */
  nextSequence(format: string, year: number): Promise<number>;
  /** Stores a new case with its questions and opening events; returns its id. */
  openCase(opening: NewCase): Promise<number>;
  saveChange(change: CaseChange): Promise<void>;
  /** A case's audit trail, questions and topics (read under the lock taken by lockCase). */
  recordOf(caseId: number): Promise<CaseRecord>;
  /** Queues mail in this transaction, so it exists exactly when what caused it does. */
  queueMail(mail: readonly OutgoingMail[], links: MailLinks): Promise<void>;
}

export interface CaseStore {
  /** Runs `work` in one transaction: what it writes commits together, or not at all. */
  inTransaction<T>(work: (tx: CaseTransaction) => Promise<T>): Promise<T>;
}
