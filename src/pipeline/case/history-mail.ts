// Mail received before the acknowledgement cutoff (FOI_ACKNOWLEDGE_SINCE) is the mailbox's history: it
// becomes a case with its statutory deadline, marked imported, and nothing is mailed about it one by one:
// a requester who wrote months ago is not told today "we will respond by" a date long gone, and officers
// get one import summary per pass instead of a message per case.
import type { CaseDraft } from '../../domain/foi-case.js';
import { isBeforeCutoff } from '../import/acknowledgement-cutoff.js';
import type { ImportedCaseLine } from '../import/summarise-import.js';

/** The cutoff when this message is history, else null (mail at or after it, or everything acknowledged). */
export function historyCutoff(internalDate: Date, cutoff: Date | null): Date | null {
  return cutoff !== null && isBeforeCutoff(internalDate, cutoff) ? cutoff : null;
}

/** A new case from history: imported, no acknowledgement (and, in case-opening.ts, no officer summary). */
export function asHistory(draft: CaseDraft, cutoff: Date): CaseDraft {
  return {
    ...draft,
    acknowledge: { send: false, reason: `history: received before ${cutoff.toISOString()} (FOI_ACKNOWLEDGE_SINCE), so not acknowledged` },
    imported: { source: 'mailbox', cutoff },
  };
}

/** The case as the pass's import summary lists it. */
export function historyLineOf(draft: CaseDraft, reference: string): ImportedCaseLine {
  return {
    reference, kind: draft.kind, regime: draft.regime, jurisdiction: draft.jurisdiction, status: 'received',
    receivedDate: draft.receivedDate, dueDate: draft.dueDate, subject: draft.subject, flags: draft.flags.map((f) => f.code),
  };
}
