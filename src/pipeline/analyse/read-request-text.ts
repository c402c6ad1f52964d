// Chooses the text to analyse: the requester's own words without quoted history, and for a request
// forwarded by another inbox the forwarded original, whose sender is then the requester (FOIA s.8).
import type { AnalysisInput } from '../../domain/request-analysis.js';
import { detectRequestKind } from './detect-request-kind.js';
import { stripQuotedText, type StrippedText } from './strip-quoted-text.js';
import { FORWARD_SUBJECT, unwrapForwarded } from './unwrap-forwarded.js';

export interface RequestText {
  own: StrippedText;
  subject: string;
  forwardedFrom: { name: string; address: string } | null;
}

export function readRequestText(input: AnalysisInput): RequestText {
  const forwarded = unwrapForwarded(input.text, input.subject);
  if (!forwarded || !isForwardedByAnotherInbox(input, forwarded.note, forwarded.from?.address ?? '')) {
    return { own: stripQuotedText(input.text), subject: input.subject, forwardedFrom: null };
  }
  const inner = stripQuotedText(input.text.slice(forwarded.start, forwarded.end));
  const own: StrippedText = {
    text: inner.text,
    segments: inner.segments.map((s) => ({ ...s, originalStart: s.originalStart + forwarded.start })),
  };
  const subject = forwarded.subject ?? input.subject.replace(FORWARD_SUBJECT, '').trim();
  return { own, subject, forwardedFrom: forwarded.from };
}

/**
 * A requester who forwards their own earlier request ("no reply to the request below") is chasing it:
 * their note is the message. Only a forward from another sender, with a covering note that is not
 * itself a chaser, review or complaint, hands the request over.
 */
function isForwardedByAnotherInbox(input: AnalysisInput, note: string, originalAddress: string): boolean {
  const sender = input.from?.address.toLowerCase() ?? '';
  if (sender && originalAddress && sender === originalAddress.toLowerCase()) return false;
  if (note.trim() === '') return true;
  return ['foi', 'eir'].includes(detectRequestKind('', note).kind);
}
