// Mail to the public goes to exactly one mailbox, read by a real RFC 5322 address parser (nodemailer's
// addressparser), never by a pattern that lets "a@x,b@y" through as one "address": anyone can write to
// the FOI address, and a list, a group or a comma would turn the auto-responder into a mailing list.
import addressparser from 'nodemailer/lib/addressparser';
import { AppError } from '../../errors.js';

export interface Mailbox {
  name: string;
  /** Lower-cased: the form every comparison and the daily limit use. */
  address: string;
}

// One local part and one domain: no second "@", no list separators, quotes, brackets, spaces or
// controls (RFC 5321 allows quoted local parts; no requester needs one, and each is a way to smuggle).
const PLAIN_MAILBOX = /^[^\s@,;:"'()<>[\]\\\u0000-\u001f\u007f]+@[^\s@,;:"'()<>[\]\\\u0000-\u001f\u007f]+$/;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets; an address beyond it is not deliverable anyway. */
const MAX_ADDRESS_CHARS = 254;

/** The one mailbox a field (a From value, a stored address) names; null for none, a list, a group or anything odd. */
export function singleMailbox(field: string): Mailbox | null {
  if (field.length > 2 * MAX_ADDRESS_CHARS + 200) return null;
  const parsed = addressparser(field);
  if (parsed.length !== 1) return null;
  const [only] = parsed;
  if (!only || 'group' in only) return null;
  const address = only.address.trim().toLowerCase();
  if (address.length > MAX_ADDRESS_CHARS || !PLAIN_MAILBOX.test(address)) return null;
  return { name: only.name, address };
}

/** The normalised single address, or null: what the daily limit counts by. */
export function normalisedAddress(address: string): string | null {
  return singleMailbox(address)?.address ?? null;
}

/**
 * The recipient list of mail to a requester: always exactly one mailbox. Composing mail to anything
 * else is a fault (the case layer decides who may get mail), so it fails loudly instead of sending.
 */
export function publicRecipients(address: string | null): [string] {
  const mailbox = address === null ? null : singleMailbox(address);
  if (!mailbox) throw new AppError('notify.bad_recipient', 'mail to the public must go to exactly one mailbox');
  return [mailbox.address];
}
