// Who a new case's requester is, and whether automatic mail may go to them. Pure. The FOI address is
// public and we answer from the authority's own domain, so automatic mail only ever goes to the one
// mailbox that sent the message we received. A forwarded block names someone else: it is believed
// only when the forwarder is inside the authority (another team handing a request over), never when
// an outside sender could use it to make us write to a bystander who never wrote.
import { caseFlag, type CaseFlag } from '../../domain/case-flag.js';
import type { InboundMail, MailAddress } from '../../domain/inbound-mail.js';
import { cleanLine, cutTo } from '../notify/echo-text.js';
import { singleMailbox } from '../notify/single-mailbox.js';

/** What marks a sender as inside the authority (FOI_INTERNAL_DOMAINS, the mailbox's officers). */
export interface AuthorityBounds {
  /** Sender authentication is on (FOI_TRUSTED_AUTHSERV_ID set, or FOI_SENDER_AUTH=verify). */
  authenticationOn: boolean;
  /** Lower-case domains of the authority's own mail. */
  internalDomains: readonly string[];
  /** Lower-case addresses of the mailbox's officers. */
  officers: readonly string[];
}

/** Where the sender of a message stands: inside the authority or not, and whether that was verified. */
export interface SenderStanding {
  inside: boolean;
  /** Inside only because the address is an officer's, with no authentication to prove it was them. */
  unverified: boolean;
}

/** The parts of the sender-authentication verdict this needs. */
export interface AuthenticationVerdict {
  dmarc: string;
  spoofSuspected: boolean;
}

export const OUTSIDE: SenderStanding = { inside: false, unverified: false };

/**
 * With authentication on, inside means a DMARC pass (RFC 7489: SPF or DKIM aligned with the From
 * domain, which an outsider cannot forge) for one of the authority's domains. With it off, nothing
 * proves where a message came from, so only the mailbox's own officers count, and officers are told.
 */
export function senderStanding(address: string | null, verdict: AuthenticationVerdict | null, bounds: AuthorityBounds): SenderStanding {
  const mailbox = address === null ? null : singleMailbox(address);
  if (!mailbox) return OUTSIDE;
  if (bounds.authenticationOn) {
    const domain = mailbox.address.slice(mailbox.address.lastIndexOf('@') + 1);
    const authenticated = verdict !== null && verdict.dmarc === 'pass' && !verdict.spoofSuspected;
    return { inside: authenticated && bounds.internalDomains.includes(domain), unverified: false };
  }
  return bounds.officers.includes(mailbox.address) ? { inside: true, unverified: true } : OUTSIDE;
}

export interface RequesterDecision {
  requester: { name: string | null; address: string };
  /** False when the requester is not one plain mailbox: the case opens, nothing is sent automatically. */
  mailable: boolean;
  /** Why nothing may be sent, when `mailable` is false. */
  reason: string | null;
  flags: CaseFlag[];
}

export interface RequesterInput {
  mail: Pick<InboundMail, 'from' | 'senderCount'>;
  /** The sender a forwarded block names (analysis), if the body is a forward. */
  forwardedFrom: MailAddress | null | undefined;
  standing: SenderStanding;
}

/** What officers may read of text a sender wrote about an address: one line, bounded. */
const shown = (text: string) => cutTo(cleanLine(text), 200);

export function decideRequester({ mail, forwardedFrom, standing }: RequesterInput): RequesterDecision {
  const outer = outerSender(mail);
  if (!forwardedFrom) return outer;
  const named = shown(forwardedFrom.address || forwardedFrom.name);
  if (!standing.inside) {
    // The outer sender wrote to us; the forwarded block is only their text.
    const flag = caseFlag('forwarded', `Forwarded on behalf of ${named}, by a sender outside the authority: the requester is the sender, and only the sender gets automatic mail`);
    return { ...outer, flags: [...outer.flags, flag] };
  }
  const original = singleMailbox(forwardedFrom.address);
  if (!original) {
    const reason = 'the forwarded sender is not a single mailbox';
    const flag = caseFlag('forwarded', `Forwarded by a colleague, but the forwarded sender (${named}) is not a single mailbox: no automatic mail; find the requester's address`);
    return { ...outer, mailable: false, reason, flags: [...outer.flags, flag] };
  }
  const flags = [caseFlag('forwarded', `Forwarded to the FOI mailbox; the requester is ${original.address}`)];
  if (standing.unverified) {
    flags.push(caseFlag('forwarded_unverified', 'Forwarded from an officer\'s address, but sender authentication is off: it was not shown to come from inside the authority'));
  }
  return { requester: { name: shown(forwardedFrom.name) || null, address: original.address }, mailable: true, reason: null, flags };
}

/** The message's own sender: exactly one mailbox in From, or the case opens without automatic mail. */
function outerSender(mail: RequesterInput['mail']): RequesterDecision {
  const from = mail.from;
  const mailbox = from ? singleMailbox(from.address) : null;
  const count = mail.senderCount ?? 1;
  const requester = { name: from?.name.trim() ? from.name.trim() : null, address: mailbox?.address ?? from?.address ?? '' };
  if (mailbox && count === 1) return { requester, mailable: true, reason: null, flags: [] };
  const reason = count !== 1 ? `the From header names ${count} mailboxes` : 'the sender is not a single plain mailbox';
  return { requester, mailable: false, reason, flags: [caseFlag('parse_warning', `No automatic mail: ${reason}`)] };
}
