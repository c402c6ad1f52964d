// thread-reply.ts: a reply must join its case, not open a new one (a clarification restarts that case's clock,
// FOIA s.10(6)(b)); matched by reference, then RFC 5322 In-Reply-To/References, then sender and subject; ties are held.
import type { InboundMail } from '../../domain/inbound-mail.js';
import { referenceCandidates, referenceKey } from '../import/imported-references.js';

export interface ReferenceCandidate {
  caseId: number;
  reference: string;
}

export interface MessageIdCandidate {
  caseId: number;
  /** A Message-ID (with angle brackets) of any message of the case, inbound or outgoing. */
  messageId: string;
}

export interface SenderCandidate {
  caseId: number;
  /** The requester's address on the case. */
  address: string;
  subject: string;
  /** The case's latest message; candidates older than `maxAgeDays` are ignored. */
  lastActivityAt?: Date;
}

/** What the caller fetched for this message; see `referencesInSubject` and `threadMessageIds`. */
export interface ThreadCandidates {
  byReference: readonly ReferenceCandidate[];
  byMessageId: readonly MessageIdCandidate[];
  bySender: readonly SenderCandidate[];
}

export interface ThreadOptions {
  referencePattern: RegExp;
  now: Date;
  /** Last-resort subject match threshold (token-set Jaccard similarity); default 0.6. */
  minSimilarity?: number;
  /** How recent a same-sender case must be to be considered; default 90 days. */
  maxAgeDays?: number;
}

export type ThreadMatch =
  | { match: 'reference' | 'headers' | 'sender_subject'; caseId: number }
  | { match: 'ambiguous'; caseIds: number[] }
  | { match: 'none' };

const DEFAULT_MIN_SIMILARITY = 0.6;
const DEFAULT_MAX_AGE_DAYS = 90;
const MS_PER_DAY = 86_400_000;

function globalPattern(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

/** Every case reference in a subject, upper-cased, in order of appearance, without repeats. */
export function referencesInSubject(subject: string, referencePattern: RegExp): string[] {
  const found = [...subject.matchAll(globalPattern(referencePattern))].map((m) => m[0].toUpperCase());
  return [...new Set(found)];
}

function messageIdsIn(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [`<${bare}>`] : [];
}

/** The Message-IDs a reply points at: In-Reply-To (its parent) and References (its ancestry). */
export function threadMessageIds(mail: InboundMail): { inReplyTo: string[]; references: string[] } {
  return {
    inReplyTo: mail.inReplyTo ? messageIdsIn(mail.inReplyTo) : [],
    references: mail.references.flatMap(messageIdsIn),
  };
}

// A reply's marker at the start of its subject (re, aw, sv, antw, vs, odp, r; with a counter, Re[2]:).
const REPLY_MARKER = /^\s*((re|aw|sv|antw|vs|odp|r)\s*(\[\d+\])?\s*:)/i;

/**
 * Mail that presents itself as a reply (a reply marker, or In-Reply-To). Only such mail may be
 * matched by sender and subject alone: a requester's second, different request with a generic
 * subject ("FOI request") is a new case.
 */
export function presentsAsReply(mail: InboundMail): boolean {
  return REPLY_MARKER.test(mail.subject) || mail.inReplyTo !== null;
}

// Reply and forward markers in several languages, with counters (Re[2]:), and leading tags such as [EXTERNAL].
const REPLY_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|tr|rif)\s*(?:\[\d+\]|\(\d+\))?\s*:|\[[^\]]*\])\s*/i;

/** A subject without reply/forward prefixes, case references (bracketed or bare), case or extra spaces. */
export function normaliseSubject(subject: string, referencePattern: RegExp): string {
  const single = new RegExp(referencePattern.source, referencePattern.flags.replace('g', ''));
  let text = subject.replace(/\[[^\]]*\]/g, (tag) => (single.test(tag) ? ' ' : tag));
  text = text.replace(globalPattern(referencePattern), ' ').replace(/\(\s*\)/g, ' ');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(REPLY_PREFIX, '');
  }
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Token-set Jaccard similarity of two normalised subjects: shared words over all words, 0..1. */
export function subjectSimilarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((t) => right.has(t)).length;
  return shared / (left.size + right.size - shared);
}

const distinct = (ids: readonly number[]) => [...new Set(ids)].sort((x, y) => x - y);

function decide(level: 'reference' | 'headers' | 'sender_subject', caseIds: number[]): ThreadMatch | null {
  if (caseIds.length === 0) return null;
  return caseIds.length === 1 ? { match: level, caseId: caseIds[0]! } : { match: 'ambiguous', caseIds };
}

// Our own references by their pattern; an imported case's (another format) as an exact token of the subject.
function byReference(mail: InboundMail, candidates: ThreadCandidates, pattern: RegExp): number[] {
  const wanted = new Set([...referencesInSubject(mail.subject, pattern), ...referenceCandidates(mail.subject)]);
  return distinct(candidates.byReference.filter((c) => wanted.has(referenceKey(c.reference))).map((c) => c.caseId));
}

// The parent (In-Reply-To) decides before the ancestry (References), which may span a request and its review.
function byHeaders(mail: InboundMail, candidates: ThreadCandidates): number[] {
  const ids = threadMessageIds(mail);
  const owners = (wanted: readonly string[]) =>
    distinct(candidates.byMessageId.filter((c) => messageIdsIn(c.messageId).some((id) => wanted.includes(id))).map((c) => c.caseId));
  const parents = owners(ids.inReplyTo);
  return parents.length > 0 ? parents : owners(ids.references);
}

function bySenderAndSubject(mail: InboundMail, candidates: ThreadCandidates, options: ThreadOptions): number[] {
  const sender = mail.from?.address.trim().toLowerCase();
  if (!sender) return [];
  const subject = normaliseSubject(mail.subject, options.referencePattern);
  const oldest = options.now.getTime() - (options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS) * MS_PER_DAY;
  const threshold = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  return distinct(candidates.bySender
    .filter((c) => c.address.trim().toLowerCase() === sender)
    .filter((c) => !c.lastActivityAt || c.lastActivityAt.getTime() >= oldest)
    .filter((c) => subjectSimilarity(subject, normaliseSubject(c.subject, options.referencePattern)) >= threshold)
    .map((c) => c.caseId));
}

/**
 * The case a message belongs to. Rules in order, the first that finds any case decides: a reference in the
 * subject, then In-Reply-To/References, then (last resort) the same requester with a close subject. Several
 * cases at one level are ambiguous (held for an officer), unless the headers single out one of them.
 */
export function threadReply(mail: InboundMail, candidates: ThreadCandidates, options: ThreadOptions): ThreadMatch {
  const referenced = byReference(mail, candidates, options.referencePattern);
  const headers = byHeaders(mail, candidates);
  if (referenced.length > 1) {
    // A review's acknowledgement subject carries both references; the parent message says which case it answers.
    const narrowed = referenced.filter((id) => headers.includes(id));
    return decide('reference', narrowed.length === 1 ? narrowed : referenced)!;
  }
  return decide('reference', referenced)
    ?? decide('headers', headers)
    ?? decide('sender_subject', bySenderAndSubject(mail, candidates, options))
    ?? { match: 'none' };
}
