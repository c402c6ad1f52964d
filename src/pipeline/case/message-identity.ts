// A Message-ID is the sender's claim, not an identity: anyone can copy one from a message they saw.
// The same id with the same bytes, or the same sender and content (a copy delivered again, to a second
// mailbox or through another route), is a replay; the same id with another sender or other content is
// a new message, flagged, never silently dropped as a duplicate of the first. Pure.
import { createHash } from 'node:crypto';
import { caseFlag, type CaseFlag } from '../../domain/case-flag.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { InboundFacts, Surroundings } from './filing-store.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** What a message says and who says it, apart from its transport headers: subject, text, HTML and attachments. */
export function bodyHashOf(mail: Pick<InboundMail, 'subject' | 'text' | 'html' | 'attachments'>): string {
  const hash = createHash('sha256');
  for (const part of [mail.subject, mail.text, mail.html ?? '']) hash.update(part).update('\u0000');
  for (const a of mail.attachments) hash.update(`${a.filename ?? ''}\u0000${a.contentType}\u0000`).update(sha256(a.content));
  return hash.digest('hex');
}

/**
 * The key a message whose Message-ID was taken before is recorded under: the id with its sender's and
 * content's hash, so a replay of this second message is caught too (dedupe keys are unique).
 */
export function reusedIdKeyOf(facts: Pick<InboundFacts, 'messageId' | 'fromAddress' | 'bodyHash'>): string | null {
  if (!facts.messageId || !facts.fromAddress || !facts.bodyHash) return null;
  return `${facts.messageId}#${sha256(`${facts.fromAddress}\u0000${facts.bodyHash}`).slice(0, 32)}`;
}

export type Sighting =
  | { type: 'fresh' }
  | { type: 'replay'; inboundId: number; folder: string }
  /** The id was used by a different message, recorded as `firstInboundId`. */
  | { type: 'reused'; firstInboundId: number };

export function sightingOf(facts: InboundFacts, around: Pick<Surroundings, 'firstSighting' | 'reusedIdSighting'>): Sighting {
  const first = around.firstSighting;
  if (!first) return { type: 'fresh' };
  const replay = { type: 'replay', inboundId: first.inboundId, folder: first.folder } as const;
  if (first.contentHash === facts.contentHash) return replay;
  // A row recorded before contents were kept, or a message too broken to read: as before, a replay.
  if (!first.bodyHash || !facts.bodyHash) return replay;
  // The sender is compared when both are known (retention clears a purged row's sender, not its hash).
  const sameSender = !first.fromAddress || !facts.fromAddress || first.fromAddress === facts.fromAddress;
  if (first.bodyHash === facts.bodyHash && sameSender) return replay;
  const again = around.reusedIdSighting;
  if (again) return { type: 'replay', inboundId: again.inboundId, folder: again.folder };
  return { type: 'reused', firstInboundId: first.inboundId };
}

export function messageIdReusedFlag(firstInboundId: number): CaseFlag {
  return caseFlag('message_id_reused', `Its Message-ID was used before by a different message (inbound #${firstInboundId}, another sender or other content): taken as a new message`);
}
