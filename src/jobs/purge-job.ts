// Storage limitation (UK GDPR Art 5(1)(e)): personal data of finished cases is anonymised once
// FOI_RETENTION_MONTHS have passed since their last activity; statistics are kept.
import type { PurgeCounts, RetentionStore } from '../adapters/db/retention-store.js';

export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function runPurge(store: RetentionStore, options: { now: Date; retentionMonths?: number | null; before?: Date }): Promise<PurgeCounts & { closedBefore: string }> {
  const closedBefore = options.before ?? (options.retentionMonths ? retentionCutoff(options.now, options.retentionMonths) : null);
  if (!closedBefore) return { cases: 0, inboundMessages: 0, outbox: 0, closedBefore: '' };
  return { ...(await store.purgeExpired({ closedBefore, now: options.now })), closedBefore: closedBefore.toISOString() };
}
