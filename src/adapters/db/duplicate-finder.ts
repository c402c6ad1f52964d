// Finds what a new request repeats: the same requester's near-identical earlier request (a
// duplicate: filed with the first case, not acknowledged again), or the same text from other
// people (a campaign: separate cases, since each requester has rights, linked for officers —
// FOIA s.12 aggregation and s.14(2) repeated requests).
import { and, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { isNearDuplicate } from '../../pipeline/analyse/near-duplicate.js';
import type { Tx } from './database.js';
import { cases, inboundMessages } from './schema.js';

export interface RepeatFacts {
  address: string;
  fingerprint: string;
  fingerprintHash: string;
  since: Date;
}

export interface Repeats {
  duplicateOf: { caseId: number; reference: string } | null;
  campaign: { caseId: number; reference: string }[];
}

export async function findRepeats(tx: Tx, facts: RepeatFacts): Promise<Repeats> {
  // Both queries go out together: one round trip.
  const [own, campaign] = await Promise.all([
    tx
      .select({ caseId: cases.id, reference: cases.reference, fingerprint: inboundMessages.fingerprint })
      .from(inboundMessages)
      .innerJoin(cases, eq(cases.id, inboundMessages.caseId))
      .where(and(eq(cases.requesterAddress, facts.address), eq(inboundMessages.disposition, 'opened_case'), gt(inboundMessages.createdAt, facts.since), isNotNull(inboundMessages.fingerprint))),
    tx
      .select({ caseId: cases.id, reference: cases.reference })
      .from(inboundMessages)
      .innerJoin(cases, eq(cases.id, inboundMessages.caseId))
      .where(and(eq(inboundMessages.fingerprintHash, facts.fingerprintHash), ne(cases.requesterAddress, facts.address), gt(inboundMessages.createdAt, facts.since))),
  ]);
  const duplicate = own.find((r) => isNearDuplicate(facts.fingerprint, r.fingerprint!));
  return { duplicateOf: duplicate ? { caseId: duplicate.caseId, reference: duplicate.reference } : null, campaign };
}
