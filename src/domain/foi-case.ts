// The case vocabulary: a case's events, and what the pipeline decides about a new case. Statuses,
// regimes and jurisdictions have their own modules, re-exported here for the case's readers.
import type { Jurisdiction } from './jurisdiction.js';
import type { Regime } from './regime.js';
import type { AnalysedQuestion, RequestAnalysis, RequestKind } from './request-analysis.js';

import type { CaseFlag } from './case-flag.js';
import type { CaseStatus } from './case-status.js';

export { CASE_STATUSES, type CaseStatus } from './case-status.js';
export type { Regime } from './regime.js';

export type CaseEventName =
  | 'case_opened'
  | 'acknowledgement_queued'
  | 'acknowledgement_withheld'
  | 'acknowledged'
  | 'acknowledgement_failed'
  | 'officer_summary_sent'
  | 'message_attached'
  | 'deadline_recomputed'
  | 'outbox_failed'
  | 'reminder_sent'
  | 'clarification_sought'
  | 'clarification_received'
  | 'deadline_extended'
  | 'responded'
  | 'case_closed'
  | 'case_withdrawn'
  | 'case_reopened'
  | 'review_started'
  | 'acknowledgement_bounced'
  | 'automated_reply_attached'
  | 'duplicate_received'
  | 'campaign_linked'
  | 'personal_data_purged'
  /** Brought in from before foi-intake: mail received before the acknowledgement cutoff, or a tracker row. */
  | 'case_imported'
  | 'analysis_corrected'
  | 'outcome_recorded'
  | 'review_decided'
  | 'appeal_decided'
  | 'publication_validated'
  /** The case's owner or team changed (pipeline/case/assign-case.ts). */
  | 'case_assigned';

/** One entry of a case's audit trail (`case_events`); the store adds the case id. */
export interface CaseEvent {
  event: CaseEventName;
  at: Date;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  cause: string;
  details: Record<string, unknown>;
}

/** What the pipeline decided about a new case, before it has a reference. */
export interface CaseDraft {
  kind: RequestKind;
  /** Null for messages that start no statutory clock (complaints, chasers, general mail). */
  regime: Regime | null;
  jurisdiction: Jurisdiction;
  receivedAt: Date;
  receivedDate: string;
  dueDate: string | null;
  dueExplain: string[];
  requester: { name: string | null; address: string };
  subject: string;
  analysis: RequestAnalysis;
  questions: AnalysedQuestion[];
  /** What officers must look at, each with its code and a short sentence. */
  flags: CaseFlag[];
  /** Whether the requester gets an automatic acknowledgement (a complaint: a short receipt), and if not, why not. */
  acknowledge: { send: true; form?: 'acknowledgement' | 'complaint_receipt' } | { send: false; reason: string };
  /** The configured name of the mailbox it came in by (absent: `default`). */
  mailbox?: string;
  /** The case a stranger's message quoted (pipeline/case/stranger.ts): linked, never acted on. */
  linkedCaseId?: number;
  /**
   * History: mail received before the acknowledgement cutoff (FOI_ACKNOWLEDGE_SINCE). The case is opened
   * with its deadline and marked imported; no mail goes out for it, officers get one import summary instead.
   */
  imported?: { source: 'mailbox'; cutoff: Date };
}

/** A case numbered with its reference: all that its mail needs. */
export interface ReferencedCase extends CaseDraft {
  reference: string;
}

export interface OpenedCase extends ReferencedCase {
  id: number;
}
