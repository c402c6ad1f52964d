// Whether a new case gets an automatic acknowledgement: only requests do, and never a machine (RFC 3834 §2),
// a suspected spoof (backscatter), a duplicate, or an address already answered N times today. Pure.
import type { RequestKind } from '../../domain/request-analysis.js';

/** The kinds that start a statutory clock and so are acknowledged: FOIA/FOISA, EIR, UK GDPR Art. 15, reviews. */
export const ACKNOWLEDGED_KINDS: ReadonlySet<RequestKind> = new Set<RequestKind>(['foi', 'eir', 'sar', 'internal_review']);

export const DEFAULT_MAX_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY = 3;

export type AcknowledgementHoldReason =
  /** Auto-reply, bounce, list or bulk mail, our own mail: answering it risks a mail loop. */
  | 'automated'
  /** DMARC failed (or SPF hard-failed with no DKIM pass): the From address may not be the sender's. */
  | 'spoof_suspected'
  /** Near-identical to an earlier request from the same sender, which was acknowledged. */
  | 'duplicate'
  /** A clarification, complaint or other mail: handled by its own rules, not with a request acknowledgement. */
  | 'not_a_request'
  /** The address has had its daily allowance of acknowledgements; the case exists, officers are told. */
  | 'rate_limited';

export type AcknowledgementDecision = { send: true } | { send: false; reason: AcknowledgementHoldReason };

export interface AcknowledgementFacts {
  kind: RequestKind;
  automated: boolean;
  spoofSuspected: boolean;
  /** The case this message duplicates, or null/undefined when it is new. */
  duplicateOf?: string | number | null;
  /** Acknowledgements already sent to this address since the start of the day. */
  sentToAddressToday: number;
  /** At most this many acknowledgements per address per day; default 3. */
  maxPerAddressPerDay?: number;
}

/** The first rule that holds the acknowledgement back, in the order an officer would ask about them. */
export function shouldAcknowledge(facts: AcknowledgementFacts): AcknowledgementDecision {
  const max = facts.maxPerAddressPerDay ?? DEFAULT_MAX_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY;
  if (facts.automated) return { send: false, reason: 'automated' };
  if (facts.spoofSuspected) return { send: false, reason: 'spoof_suspected' };
  if (facts.duplicateOf !== null && facts.duplicateOf !== undefined) return { send: false, reason: 'duplicate' };
  if (!ACKNOWLEDGED_KINDS.has(facts.kind)) return { send: false, reason: 'not_a_request' };
  // Written so that a missing or invalid count holds the acknowledgement: a bot that emails the public fails closed.
  if (!(facts.sentToAddressToday < max)) return { send: false, reason: 'rate_limited' };
  return { send: true };
}
