// What becomes of one inbound message, decided in pure code from the message and its surroundings
// (read by the store in one round trip): a replay, held for an officer, filed with the case it
// refers to (a reply, a repeat, an automated report), or a new case. `now` is passed in.
import type { ExtraHoliday } from '../../clock/index.js';
import { caseFlag } from '../../domain/case-flag.js';
import type { CaseDraft } from '../../domain/foi-case.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { ImportedCaseLine } from '../import/summarise-import.js';
import type { NotifyDirectory } from '../notify/notify-directory.js';
import type { BouncedMessageIds } from '../analyse/bounced-message-ids.js';
import type { AutomatedVerdict } from '../analyse/detect-automated-mail.js';
import { isNearDuplicate } from '../analyse/near-duplicate.js';
import { messageIdReusedFlag, reusedIdKeyOf, sightingOf } from './message-identity.js';
import { referenceCandidates } from '../import/imported-references.js';
import type { InboundFacts, SurroundingsQuery, Surroundings } from './filing-store.js';
import type { SenderStanding } from './requester.js';
import { mayActOn, quotedCaseOf, strangerDraft } from './stranger.js';
import { presentsAsReply, referencesInSubject, threadMessageIds, threadReply } from './thread-reply.js';

/** Mail a person wrote: a request, or a reply to one of our cases. */
export interface PreparedRequest {
  type: 'request';
  mail: InboundMail;
  draft: CaseDraft;
  /** Whether its sender is inside the authority (requester.ts): who may act on a case it quotes. */
  standing?: SenderStanding;
  /** The request text's fingerprint for duplicate and campaign checks (empty: too short to compare). */
  fingerprint: string;
  fingerprintHash: string | null;
}

/** Mail a machine sent (RFC 3834): never a case, never answered. */
export interface PreparedAutomated {
  type: 'automated';
  mail: InboundMail;
  verdict: Extract<AutomatedVerdict, { automated: true }>;
  /** What it reports on: a bounce's original, an auto-reply's parent. */
  report: BouncedMessageIds;
}

/** A message after parsing, screening and analysis: what it is, before the store is asked anything. */
export type PreparedMessage =
  | PreparedRequest
  | PreparedAutomated
  | { type: 'unreadable'; parseOutcome: string; reason: string; notifyOfficers: boolean; messageId: string | null };

export interface PendingMessage {
  facts: InboundFacts;
  prepared: PreparedMessage;
  /** How long parsing and analysing it took (logged with its commit; absent when not measured). */
  prepareMs?: number;
}

/** A mailbox's settings that filing a message depends on. */
export interface FilingSettings {
  /** The configured name (`default`, `eir`): recorded on each case opened from this mailbox. */
  mailboxName: string;
  referenceFormat: string;
  /** Every one of our mailboxes' formats, this one's first: a reply may quote any of our references. */
  threadReferenceFormats: readonly string[];
  processedFolder: string;
  heldFolder: string;
  /** At most this many acknowledgements to one address in 24 hours; beyond it the case is flagged. */
  maxAcksPerAddressPerDay: number;
  /** A requester's near-identical request within this many days is filed with the first case. */
  duplicateWindowDays: number;
}

export interface FateContext {
  settings: FilingSettings;
  /** Finds any of `threadReferenceFormats`' references (made once per batch). */
  threadPattern: RegExp;
  now: Date;
}

/** Everything filing a message needs besides the message and the store. */
export interface FilingContext extends FateContext {
  /** Every mailbox's mail settings: mail about a case goes out in its own mailbox's name. */
  notify: NotifyDirectory;
  /** Admins' extra holidays, for the deadlines a reply recomputes. */
  extraHolidays: readonly ExtraHoliday[];
  /** Mail received before this is history (history-mail.ts); null: everything is acknowledged. */
  acknowledgementCutoff: Date | null;
}

/** What became of a message, for the pass's report and the move that follows the commit. */
export type CommitResult =
  | { type: 'already_recorded'; inboundId: number; destinationFolder: string }
  | { type: 'duplicate'; inboundId: number; duplicateOf: number; destinationFolder: string }
  /** `imported`: history (received before the acknowledgement cutoff), as the import summary lists it. */
  | { type: 'opened_case'; inboundId: number; caseId: number; reference: string; destinationFolder: string; imported?: ImportedCaseLine }
  | { type: 'attached'; inboundId: number; caseId: number; effect: string; destinationFolder: string }
  /** `history`: held without a notice of its own; the import summary counts it. */
  | { type: 'held'; inboundId: number; destinationFolder: string; history?: boolean };

export type Fate = FateOf & {
  /** The message's Message-ID was another message's (recorded as this inbound id): flagged, recorded under its own key. */
  reusedMessageIdOf?: number;
};

type FateOf =
  /** The same Message-ID (or bytes) was recorded before: a replay, filed as a duplicate of the first. */
  | { type: 'replay'; duplicateOf: number; folder: string }
  | { type: 'held'; parseOutcome: string; reason: string; notifyOfficers: boolean }
  | { type: 'automated'; caseId: number; automated: PreparedAutomated; bouncedAcknowledgement: boolean }
  | { type: 'reply'; caseId: number; request: PreparedRequest }
  /** The same requester sent (nearly) the same request again: filed with the first case. */
  | { type: 'repeat'; caseId: number; request: PreparedRequest }
  /** A new case: the request's draft as the surroundings leave it (rate limit, campaign). */
  | { type: 'new'; draft: CaseDraft; campaign: { caseId: number; reference: string }[]; request: PreparedRequest };

const DAY_MS = 86_400_000;

export function dedupeKeyOf(facts: Pick<InboundFacts, 'messageId' | 'contentHash' | 'dedupeKey'>): string {
  return facts.dedupeKey ?? facts.messageId ?? `sha256:${facts.contentHash}`;
}

/** What to read about the message: only what its fate can depend on. */
export function surroundingsQuery({ facts, prepared }: PendingMessage, context: FateContext): SurroundingsQuery {
  const query: SurroundingsQuery = {
    dedupeKey: dedupeKeyOf(facts), reusedIdKey: reusedIdKeyOf(facts), references: [], messageIds: [], senderCasesOf: null, repeats: null, acknowledgementsTo: null,
  };
  if (prepared.type === 'automated') return { ...query, messageIds: prepared.report.messageIds };
  if (prepared.type !== 'request') return query;
  const { mail, draft, fingerprintHash } = prepared;
  const { inReplyTo, references } = threadMessageIds(mail);
  // The daily limit counts by the one normalised address the acknowledgement would go to.
  const address = draft.requester.address.toLowerCase();
  const now = context.now.getTime();
  return {
    ...query,
    references: referencesInSubject(mail.subject, context.threadPattern),
    importedReferences: referenceCandidates(mail.subject),
    messageIds: [...new Set([...inReplyTo, ...references])],
    senderCasesOf: mail.from && presentsAsReply(mail) ? mail.from.address : null,
    repeats: fingerprintHash ? { address, fingerprintHash, since: new Date(now - context.settings.duplicateWindowDays * DAY_MS) } : null,
    acknowledgementsTo: draft.acknowledge.send ? { address, since: new Date(now - DAY_MS) } : null,
  };
}

export function decideFate(message: PendingMessage, around: Surroundings, context: FateContext): Fate {
  const sighting = sightingOf(message.facts, around);
  if (sighting.type === 'replay') return { type: 'replay', duplicateOf: sighting.inboundId, folder: sighting.folder };
  if (sighting.type === 'fresh') return fateOf(message.prepared, around, context);
  return { ...withReusedIdFlag(fateOf(message.prepared, around, context), sighting.firstInboundId), reusedMessageIdOf: sighting.firstInboundId };
}

/** The facts a message is recorded with: under its own key when its Message-ID was another message's. */
export function recordedFacts(facts: InboundFacts, fate: Fate): InboundFacts {
  const key = fate.reusedMessageIdOf === undefined ? null : reusedIdKeyOf(facts);
  return key === null ? facts : { ...facts, dedupeKey: key };
}

// Officers see the reuse where they look: on the new case, or in the reason mail was held.
function withReusedIdFlag(fate: FateOf, firstInboundId: number): FateOf {
  const flag = messageIdReusedFlag(firstInboundId);
  if (fate.type === 'new') return { ...fate, draft: { ...fate.draft, flags: [...fate.draft.flags, flag] } };
  if (fate.type === 'held') return { ...fate, reason: `${fate.reason}; ${flag.text}` };
  return fate;
}

function fateOf(prepared: PreparedMessage, around: Surroundings, context: FateContext): FateOf {
  if (prepared.type === 'unreadable') {
    return { type: 'held', parseOutcome: prepared.parseOutcome, reason: prepared.reason, notifyOfficers: prepared.notifyOfficers };
  }
  if (prepared.type === 'automated') return automatedFate(prepared, around);
  return requestFate(prepared, around, context);
}

/** The error recorded on an automated message's row, whatever became of it. */
export function automatedMailNote(verdict: Extract<AutomatedVerdict, { automated: true }>): string {
  return `automated mail: ${verdict.reason} (${verdict.evidence})`;
}

// Never a case and never answered (RFC 3834): filed with the one case whose mail it reports on, else held.
function automatedFate(prepared: PreparedAutomated, around: Surroundings): Fate {
  const caseIds = [...new Set(around.messageOwners.map((m) => m.caseId).filter((id): id is number => id !== null))];
  if (prepared.report.messageIds.length === 0 || caseIds.length !== 1) {
    return { type: 'held', parseOutcome: 'automated', reason: automatedMailNote(prepared.verdict), notifyOfficers: false };
  }
  const bouncedAcknowledgement = prepared.report.report === 'bounce' && around.messageOwners.some((m) => m.purpose === 'acknowledgement');
  return { type: 'automated', caseId: caseIds[0]!, automated: prepared, bouncedAcknowledgement };
}

function requestFate(prepared: PreparedRequest, around: Surroundings, context: FateContext): Fate {
  const candidates = {
    byReference: around.byReference,
    byMessageId: around.messageOwners.filter((m): m is typeof m & { caseId: number } => m.caseId !== null),
    bySender: around.senderCases,
  };
  const thread = threadReply(prepared.mail, candidates, { referencePattern: context.threadPattern, now: context.now });
  if (thread.match === 'ambiguous') {
    const reason = `thread.ambiguous: the reply matches several cases (ids ${thread.caseIds.join(', ')})`;
    return { type: 'held', parseOutcome: 'parsed', reason, notifyOfficers: true };
  }
  if (thread.match !== 'none') {
    const quoted = quotedCaseOf(thread, around);
    if (quoted === null || mayActOn(prepared, quoted)) return { type: 'reply', caseId: thread.caseId, request: prepared };
    // Someone else's message quoting the case: a case of its own, linked, which never acts on the quoted one.
    const draft = withinAcknowledgementLimit(strangerDraft(prepared.draft, quoted), around.acknowledgementsSent, context.settings.maxAcksPerAddressPerDay);
    return { type: 'new', draft, campaign: [], request: prepared };
  }
  const repeated = prepared.fingerprint ? around.repeats.own.find((r) => isNearDuplicate(prepared.fingerprint, r.fingerprint)) : undefined;
  if (repeated) return { type: 'repeat', caseId: repeated.caseId, request: prepared };
  const limited = withinAcknowledgementLimit(prepared.draft, around.acknowledgementsSent, context.settings.maxAcksPerAddressPerDay);
  return { type: 'new', draft: withCampaignFlag(limited, around.repeats.others), campaign: around.repeats.others, request: prepared };
}

/** A flood of requests from one address (a loop, or abuse) gets cases but not endless replies. */
export function withinAcknowledgementLimit(draft: CaseDraft, sent: number, limit: number): CaseDraft {
  if (!draft.acknowledge.send || sent < limit) return draft;
  return {
    ...draft,
    acknowledge: { send: false, reason: `rate limit: ${sent} acknowledgements already sent to this address in 24 hours` },
    flags: [...draft.flags, caseFlag('ack_rate_limited', `Acknowledgement held: ${sent} already sent to ${draft.requester.address} in 24 hours (limit ${limit})`)],
  };
}

/** The same text from several people: a case each (each requester has rights), linked for officers. */
export function withCampaignFlag(draft: CaseDraft, campaign: readonly { reference: string }[]): CaseDraft {
  if (campaign.length === 0) return draft;
  const others = campaign.map((c) => c.reference);
  const flag = `Campaign: the same request came from ${others.length} other requester(s) (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}); consider aggregation (FOIA s.12) and repeats (s.14(2))`;
  return { ...draft, flags: [...draft.flags, caseFlag('campaign', flag)] };
}
