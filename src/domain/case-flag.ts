// What officers must look at on a case: a flag has a stable code (what `cases list --json`, filters
// and statistics use) and the words officers read, with the evidence. Every code is defined here.

export const FLAG_CODES = [
  // What the analysis found in the request.
  's16', // advice and assistance invoked (FOIA s.16, EIR reg 9, FOISA s.15)
  'public_interest', // a public-interest argument made
  'vague_terms', // terms that may need clarification
  'validity', // what FOIA s.8 requires and the request lacks
  'sections_cited', // sections or regulations the requester cites
  'time_span', // the period asked about
  'mixed_request', // own personal data (subject access) beside general questions
  'forwarded', // forwarded to the mailbox; the requester is the original sender
  'format', // a format asked for (FOIA s.11)
  'low_confidence_topic', // a question with no confident topic: check the routing
  'kind_corrected', // an officer changed the kind to one under another regime: the clock was left as it was
  // What reading and screening the message found.
  'possible_spoof', // sender authentication failed: no acknowledgement was sent
  'parse_warning', // the message's structure had to be worked around
  'attachment_unreadable', // an attached request an officer must read
  // What the case's surroundings showed.
  'duplicate', // the same requester sent the request again
  'campaign', // the same request from several people (s.12 aggregation, s.14(2))
  'ack_rate_limited', // acknowledgements to this address held back for the day
  // What mail about the case brought.
  'chaser', // the requester asked for an update
  'review_before_response', // a review asked for before any response
  'unsought_clarification', // reads as a clarification, but none was sought
  'reply_to_ended', // a reply to a closed or withdrawn case
  'clarification_not_applied', // a clarification that could not restart the clock
  'review_not_opened', // a review asked for that no review case could follow
  'bounced', // the acknowledgement bounced
  'undeliverable', // mail to the requester could not be delivered
  // Hostile and unusual mail.
  'stranger', // a message quoting the case, from someone who may not act on it
  'forwarded_unverified', // forwarded by someone not shown to be inside the authority
  'message_id_reused', // a Message-ID seen before, with another sender or content
  'oversize', // larger than the mailbox accepts whole
  'held_poison', // held after failing to be read several times
  // A flag recorded before flags had codes.
  'note',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface CaseFlag {
  code: FlagCode;
  /** What officers read: a short sentence, with the evidence. */
  text: string;
}

export function caseFlag(code: FlagCode, text: string): CaseFlag {
  return { code, text };
}

export function isFlagCode(value: unknown): value is FlagCode {
  return typeof value === 'string' && (FLAG_CODES as readonly string[]).includes(value);
}
