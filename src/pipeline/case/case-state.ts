// What the clock needs to know about a case, and the dates the lifecycle's actions take.
import type { Extension, IsoDate, Jurisdiction } from '../../clock/index.js';
import type { CaseStatus } from '../../domain/case-status.js';
import type { Regime } from '../../domain/regime.js';

export interface CaseExtension {
  kind: Extension;
  reason: string;
  /** The day the extension was recorded (London). */
  date: IsoDate;
  /** FOIA s.10(3): the officer's own estimate of a reasonable date, instead of the 40th working day. */
  until?: IsoDate;
}

/** What the clock needs to know about a case, plus its status. Dates are 'YYYY-MM-DD' in London. */
export interface CaseState {
  status: CaseStatus;
  regime: Regime;
  jurisdiction: Jurisdiction;
  receivedDate: IsoDate;
  clarificationSought: IsoDate | null;
  clarificationReceived: IsoDate | null;
  extension: CaseExtension | null;
  /** Null while no deadline runs: a clarification has been sought and not yet received. */
  dueDate: IsoDate | null;
}

/** A 'YYYY-MM-DD' date, an ISO date-time (taken in London), or an instant such as IMAP INTERNALDATE. */
export type DateInput = IsoDate | Date;
