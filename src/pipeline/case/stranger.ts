// Who may act on a case. References are sequential and published in the disclosure log, so anyone can
// quote one, and anyone who has seen a case's mail can reply to it. A message that reaches a case by
// its reference or its Message-IDs acts on it (ends a clarification pause and restarts the clock,
// FOIA s.1(3)/s.10(6); opens an internal review; mails the requester) only when it comes from the
// case's requester or from inside the authority. Anyone else's becomes a case of its own, linked to
// the one it quotes, for officers to read. Pure.
import { caseFlag } from '../../domain/case-flag.js';
import type { CaseDraft } from '../../domain/foi-case.js';
import type { RequestKind } from '../../domain/request-analysis.js';
import { singleMailbox } from '../notify/single-mailbox.js';
import type { Surroundings } from './filing-store.js';
import type { PreparedRequest } from './inbound-fate.js';
import type { ThreadMatch } from './thread-reply.js';

/** The case a message reached and how: only a quoted reference or a reply's headers can reach another person's case. */
export interface QuotedCase {
  caseId: number;
  reference: string | null;
  requesterAddress: string | null;
  via: 'reference' | 'headers';
}

/** The case a reference or a reply's headers matched, with its requester; null for a match by sender. */
export function quotedCaseOf(thread: ThreadMatch, around: Pick<Surroundings, 'byReference' | 'messageOwners'>): QuotedCase | null {
  if (thread.match === 'reference') {
    const found = around.byReference.find((c) => c.caseId === thread.caseId);
    return { caseId: thread.caseId, reference: found?.reference ?? null, requesterAddress: found?.requesterAddress ?? null, via: 'reference' };
  }
  if (thread.match === 'headers') {
    const found = around.messageOwners.find((m) => m.caseId === thread.caseId);
    return { caseId: thread.caseId, reference: found?.reference ?? null, requesterAddress: found?.requesterAddress ?? null, via: 'headers' };
  }
  return null;
}

/** The case's requester (the same single mailbox) or someone inside the authority. */
export function mayActOn(request: Pick<PreparedRequest, 'mail' | 'standing'>, quoted: QuotedCase): boolean {
  if (request.standing?.inside) return true;
  const sender = request.mail.senderCount === undefined || request.mail.senderCount === 1 ? singleMailbox(request.mail.from?.address ?? '') : null;
  const requester = quoted.requesterAddress === null ? null : singleMailbox(quoted.requesterAddress);
  return sender !== null && requester !== null && sender.address === requester.address;
}

/** Kinds that only mean something on the quoted case: a stranger's is not answered as if it were their own case. */
const ONLY_ON_THEIR_CASE: readonly RequestKind[] = ['clarification', 'internal_review', 'complaint', 'other'];

/**
 * A stranger's message as a case of its own (kind as read), linked to the case it quotes and flagged.
 * A new request that merely mentions a published reference is still acknowledged, to its sender only.
 */
export function strangerDraft(draft: CaseDraft, quoted: QuotedCase): CaseDraft {
  const which = quoted.reference ?? 'a case';
  const how = quoted.via === 'reference' ? `Quotes ${which}` : `Replies to mail of ${which}`;
  const flag = caseFlag('stranger', `${how} but comes from a different sender than its requester: kept as a case of its own, linked to ${which}; it did not act on ${which}`);
  const acknowledge: CaseDraft['acknowledge'] = draft.acknowledge.send && ONLY_ON_THEIR_CASE.includes(draft.kind)
    ? { send: false, reason: `it refers to ${which}, which is not the sender's case: an officer decides whether to reply` }
    : draft.acknowledge;
  return { ...draft, flags: [...draft.flags, flag], acknowledge, linkedCaseId: quoted.caseId };
}
