// Where a case stands (froide's statuses, adapted), and the groups of statuses the rules ask about.
// Each group is defined here once: reminders, digests, holidays, threading and retention read them.

export const CASE_STATUSES = [
  'received', 'acknowledged', 'awaiting_clarification', 'in_progress', 'extended', 'responded', 'closed',
  'withdrawn', 'under_review',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A statutory deadline is running: reminders go out and the case can become overdue. */
export const CLOCK_RUNNING_STATUSES: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress', 'extended'];

/** Nothing more is expected from or sent to the requester (retention counts from here). */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['responded', 'closed', 'withdrawn'];

/** Still the authority's work: every status but the finished ones (the daily digest lists these). */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

/** Over for good unless reopened: a reply is not threaded to it by sender and subject alone (a responded case may still be reviewed). */
export const ENDED_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn'];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}
