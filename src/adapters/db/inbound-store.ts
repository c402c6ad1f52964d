// Commits one inbound message in ONE transaction: raw bytes, the case (or the hold), the outbox
// rows and the checkpoint. Only after this returns may the message be moved out of the inbox.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CaseDraft, OpenedCase } from '../../domain/foi-case.js';
import type { OutgoingMail } from '../../domain/outgoing-mail.js';
import type { Db, Tx } from './database.js';
import { insertCase } from './case-writer.js';
import { acknowledgementsSentTo, insertOutbox } from './outbox-store.js';
import { findThreadCandidates } from './thread-candidates.js';
import { writeReply } from './reply-writer.js';
import { fileAutomatedMail } from './automated-writer.js';
import { findRepeats, type Repeats } from './duplicate-finder.js';
import { addFlag, insertEvents, lockCase, snapshotOf } from './case-state-store.js';
import { cases } from './schema.js';
import type { AutomatedVerdict } from '../../pipeline/analyse/detect-automated-mail.js';
import { composeCaseUpdate } from '../../pipeline/notify/compose-case-updates.js';
import type { CaseStatus } from '../../domain/foi-case.js';
import { referencePatternOf } from '../../pipeline/case/format-reference.js';
import { threadReply, type ThreadCandidates } from '../../pipeline/case/thread-reply.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import type { ExtraHoliday } from '../../clock/index.js';
import type { NotifySettings } from '../../pipeline/notify/compose-messages.js';
import { inboundMessages, mailboxState } from './schema.js';


export interface InboundKey {
  mailbox: string;
  uidValidity: number;
  uid: number;
}

export interface InboundFacts extends InboundKey {
  internalDate: Date;
  raw: Buffer;
  contentHash: string;
  messageId: string | null;
}

export interface CasePlan {
  type: 'case';
  draft: CaseDraft;
  mail: InboundMail;
  referenceFormat: string;
  /** The formats a reply's subject is searched for (all our mailboxes'). */
  threadReferenceFormats: readonly string[];
  destinationFolder: string;
  heldFolder: string;
  /** The mail settings for an existing case, by the mailbox it belongs to (a reply may reach another). */
  notifyFor: (caseMailbox: string) => NotifySettings;
  extraHolidays?: readonly ExtraHoliday[];
  /** At most this many acknowledgements to one address in 24 hours; beyond it the case is flagged. */
  maxAcksPerAddressPerDay: number;
  /** The request's text fingerprint for duplicate and campaign checks (empty: too short to compare). */
  fingerprint: string;
  duplicateWindowDays: number;
  compose: (opened: OpenedCase) => OutgoingMail[];
  composeHeld: (inboundId: number, reason: string) => OutgoingMail[];
}

export interface AutomatedPlan {
  type: 'automated';
  mail: InboundMail;
  verdict: Extract<AutomatedVerdict, { automated: true }>;
  notifyFor: (caseMailbox: string) => NotifySettings;
  destinationFolder: string;
  heldFolder: string;
}

export type CommitPlan =
  | CasePlan
  | AutomatedPlan
  | { type: 'held'; parseOutcome: string; error: string; destinationFolder: string; compose: (inboundId: number) => OutgoingMail[] };

export type CommitResult =
  | { type: 'already_recorded'; inboundId: number; destinationFolder: string }
  | { type: 'duplicate'; inboundId: number; duplicateOf: number; destinationFolder: string }
  | { type: 'opened_case'; inboundId: number; caseId: number; reference: string; destinationFolder: string }
  | { type: 'attached'; inboundId: number; caseId: number; effect: string; destinationFolder: string }
  | { type: 'held'; inboundId: number; destinationFolder: string };

/** The batch's messages already recorded (a pass that crashed before its move), by "uidValidity:uid". */
async function findRecorded(tx: Tx, mailbox: string, keys: InboundKey[]) {
  const uidValidities = [...new Set(keys.map((k) => k.uidValidity))];
  const rows = await tx
    .select({ id: inboundMessages.id, uidValidity: inboundMessages.uidValidity, uid: inboundMessages.uid, destinationFolder: inboundMessages.destinationFolder })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.mailbox, mailbox), inArray(inboundMessages.uidValidity, uidValidities), inArray(inboundMessages.uid, keys.map((k) => k.uid))));
  return new Map(rows.map((r) => [`${r.uidValidity}:${r.uid}`, r]));
}

export function dedupeKeyOf(facts: Pick<InboundFacts, 'messageId' | 'contentHash'>): string {
  return facts.messageId ?? `sha256:${facts.contentHash}`;
}

export interface PendingMessage {
  facts: InboundFacts;
  plan: CommitPlan;
}

/**
 * Commits a batch of messages from one mailbox in one transaction: each message with its case (or
 * hold) and outbox rows, and the checkpoint advanced past all of them. One commit per batch
 * rather than per message keeps the disk flush off the per-message path.
 */
export async function commitInbound(db: Db, mailbox: string, batch: PendingMessage[]): Promise<CommitResult[]> {
  if (batch.length === 0) return [];
  return db.transaction(async (tx) => {
    // Serialises every writer of this mailbox, so two daemons never commit the same UID twice.
    await tx.select({ m: mailboxState.mailbox }).from(mailboxState).where(eq(mailboxState.mailbox, mailbox)).for('update');
    const recorded = await findRecorded(tx, mailbox, batch.map((m) => m.facts));
    const results: CommitResult[] = [];
    for (const { facts, plan } of batch) {
      const known = recorded.get(`${facts.uidValidity}:${facts.uid}`);
      results.push(known ? { type: 'already_recorded', inboundId: known.id, destinationFolder: known.destinationFolder } : await commitNew(tx, facts, plan));
    }
    const highest = Math.max(...batch.map((m) => m.facts.uid));
    await tx
      .update(mailboxState)
      .set({ lastUid: sql`greatest(${mailboxState.lastUid}, ${highest})`, updatedAt: sql`now()` })
      .where(eq(mailboxState.mailbox, mailbox));
    return results;
  });
}

async function commitNew(tx: Tx, facts: InboundFacts, plan: CommitPlan): Promise<CommitResult> {
  const dedupeKey = dedupeKeyOf(facts);
  // The reads a request needs go out together (postgres.js pipelines them on the transaction's
  // connection): one round trip rather than one each. Unused when the message turns out a duplicate.
  const [[first], around] = await Promise.all([
    tx.select({ id: inboundMessages.id, folder: inboundMessages.destinationFolder }).from(inboundMessages).where(eq(inboundMessages.dedupeKey, dedupeKey)),
    plan.type === 'case' ? lookAround(tx, plan) : null,
  ]);
  if (first) {
    const id = await insertInbound(tx, facts, {
      dedupeKey: null, duplicateOf: first.id, raw: null, disposition: 'duplicate', parseOutcome: 'duplicate',
      destinationFolder: first.folder,
    });
    return { type: 'duplicate', inboundId: id, duplicateOf: first.id, destinationFolder: first.folder };
  }
  if (plan.type === 'automated') return commitAutomated(tx, facts, plan, dedupeKey);
  if (plan.type === 'held') {
    const id = await insertInbound(tx, facts, {
      dedupeKey, raw: facts.raw, disposition: 'held', parseOutcome: plan.parseOutcome, error: plan.error,
      destinationFolder: plan.destinationFolder,
    });
    await insertOutbox(tx, plan.compose(id), { inboundId: id });
    return { type: 'held', inboundId: id, destinationFolder: plan.destinationFolder };
  }
  const { candidates, repeats, fingerprintHash, acknowledgementsSent } = around!;
  const threaded = await threadToCase(tx, facts, plan, dedupeKey, candidates);
  if (threaded) return threaded;
  if (repeats.duplicateOf) return fileDuplicate(tx, facts, plan, dedupeKey, repeats.duplicateOf);
  const draft = withCampaignFlag(withinAcknowledgementLimit(plan, acknowledgementsSent), repeats.campaign);
  const opened = await insertCase(tx, draft, plan.referenceFormat);
  const [id] = await Promise.all([
    insertInbound(tx, facts, {
      dedupeKey, raw: facts.raw, disposition: 'opened_case', parseOutcome: 'parsed', caseId: opened.id,
      destinationFolder: plan.destinationFolder, fingerprint: plan.fingerprint || null, fingerprintHash,
    }),
    repeats.campaign.length > 0 ? linkCampaign(tx, [opened.id, ...repeats.campaign.map((c) => c.caseId)], fingerprintHash!) : null,
  ]);
  await insertOutbox(tx, plan.compose(opened), { inboundId: id, caseId: opened.id });
  return { type: 'opened_case', inboundId: id, caseId: opened.id, reference: opened.reference, destinationFolder: plan.destinationFolder };
}

interface Surroundings {
  candidates: ThreadCandidates;
  repeats: Repeats;
  fingerprintHash: string | null;
  /** Acknowledgements to the requester in the last 24 hours (0 when this one would send none). */
  acknowledgementsSent: number;
}

/** What decides a request's fate besides itself: the cases it may reply to or repeat, and the sending rate. */
async function lookAround(tx: Tx, plan: CasePlan): Promise<Surroundings> {
  const fingerprintHash = plan.fingerprint ? createHash('sha256').update(plan.fingerprint).digest('hex') : null;
  const address = plan.draft.requester.address;
  const [candidates, repeats, acknowledgementsSent] = await Promise.all([
    findThreadCandidates(tx, plan.mail, referencePatternOf(plan.threadReferenceFormats)),
    fingerprintHash
      ? findRepeats(tx, { address, fingerprint: plan.fingerprint, fingerprintHash, since: new Date(Date.now() - plan.duplicateWindowDays * 86_400_000) })
      : { duplicateOf: null, campaign: [] },
    plan.draft.acknowledge.send ? acknowledgementsSentTo(tx, address, new Date(Date.now() - 24 * 3_600_000)) : 0,
  ]);
  return { candidates, repeats, fingerprintHash, acknowledgementsSent };
}

/** A reply joins its case (or, matching several, is held); null when the message is a new request. */
async function threadToCase(tx: Tx, facts: InboundFacts, plan: CasePlan, dedupeKey: string, candidates: ThreadCandidates): Promise<CommitResult | null> {
  const pattern = referencePatternOf(plan.threadReferenceFormats);
  const now = new Date();
  const thread = threadReply(plan.mail, candidates, { referencePattern: pattern, now });
  if (thread.match === 'none') return null;
  if (thread.match === 'ambiguous') {
    const error = `thread.ambiguous: the reply matches several cases (ids ${thread.caseIds.join(', ')})`;
    const id = await insertInbound(tx, facts, { dedupeKey, raw: facts.raw, disposition: 'held', parseOutcome: 'parsed', error, destinationFolder: plan.heldFolder });
    await insertOutbox(tx, plan.composeHeld(id, error), { inboundId: id });
    return { type: 'held', inboundId: id, destinationFolder: plan.heldFolder };
  }
  const written = await writeReply(tx, thread.caseId, { mail: plan.mail, draft: plan.draft, notifyFor: plan.notifyFor, referenceFormat: plan.referenceFormat, extraHolidays: plan.extraHolidays, now });
  const id = await insertInbound(tx, facts, {
    dedupeKey, raw: facts.raw, disposition: 'attached', parseOutcome: 'parsed', caseId: written.caseId, destinationFolder: plan.destinationFolder,
  });
  await insertOutbox(tx, written.outgoing, { inboundId: id, caseId: written.caseId });
  return { type: 'attached', inboundId: id, caseId: written.caseId, effect: written.effect, destinationFolder: plan.destinationFolder };
}

/** A flood of requests from one address (a loop, or abuse) gets cases but not endless replies. */
function withinAcknowledgementLimit(plan: CasePlan, sent: number): CaseDraft {
  const { draft } = plan;
  if (!draft.acknowledge.send || sent < plan.maxAcksPerAddressPerDay) return draft;
  return {
    ...draft,
    acknowledge: { send: false, reason: `rate limit: ${sent} acknowledgements already sent to this address in 24 hours` },
    flags: [...draft.flags, `Acknowledgement held: ${sent} already sent to ${draft.requester.address} in 24 hours (limit ${plan.maxAcksPerAddressPerDay})`],
  };
}

async function commitAutomated(tx: Tx, facts: InboundFacts, plan: AutomatedPlan, dedupeKey: string): Promise<CommitResult> {
  const filed = await fileAutomatedMail(tx, plan.mail, plan.verdict, plan.notifyFor, new Date());
  const error = `automated mail: ${plan.verdict.reason} (${plan.verdict.evidence})`;
  if (!filed) {
    const id = await insertInbound(tx, facts, { dedupeKey, raw: facts.raw, disposition: 'held', parseOutcome: 'automated', error, destinationFolder: plan.heldFolder });
    return { type: 'held', inboundId: id, destinationFolder: plan.heldFolder };
  }
  const id = await insertInbound(tx, facts, {
    dedupeKey, raw: facts.raw, disposition: 'attached', parseOutcome: 'automated', error, caseId: filed.caseId, destinationFolder: plan.destinationFolder,
  });
  await insertOutbox(tx, filed.outgoing, { inboundId: id, caseId: filed.caseId });
  return { type: 'attached', inboundId: id, caseId: filed.caseId, effect: 'automated', destinationFolder: plan.destinationFolder };
}

/** The same requester sent (nearly) the same request again: filed with the first case, not answered twice. */
async function fileDuplicate(tx: Tx, facts: InboundFacts, plan: CasePlan, dedupeKey: string, first: { caseId: number; reference: string }): Promise<CommitResult> {
  const row = (await lockCase(tx, { id: first.caseId }))!;
  const flag = `Duplicate: the requester sent this request again on ${plan.draft.receivedDate}`;
  await insertEvents(tx, row.id, [{
    event: 'duplicate_received', at: new Date(), fromStatus: row.status as CaseStatus, toStatus: row.status as CaseStatus,
    cause: 'the same requester sent a near-identical request', details: { oldDueDate: row.dueDate, newDueDate: row.dueDate },
  }]);
  await addFlag(tx, row.id, flag);
  const id = await insertInbound(tx, facts, {
    dedupeKey, raw: facts.raw, disposition: 'attached', parseOutcome: 'parsed', caseId: row.id, destinationFolder: plan.destinationFolder,
  });
  await insertOutbox(tx, [composeCaseUpdate(await snapshotOf(tx, row), 'duplicate request received', [flag], plan.notifyFor(row.mailbox))], { inboundId: id, caseId: row.id });
  return { type: 'attached', inboundId: id, caseId: row.id, effect: 'duplicate', destinationFolder: plan.destinationFolder };
}

function withCampaignFlag(draft: CaseDraft, campaign: { reference: string }[]): CaseDraft {
  if (campaign.length === 0) return draft;
  const others = campaign.map((c) => c.reference);
  const flag = `Campaign: the same request came from ${others.length} other requester(s) (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}); consider aggregation (FOIA s.12) and repeats (s.14(2))`;
  return { ...draft, flags: [...draft.flags, flag] };
}

async function linkCampaign(tx: Tx, caseIds: number[], key: string): Promise<void> {
  await tx.update(cases).set({ campaignKey: key }).where(inArray(cases.id, caseIds));
}

interface InboundRowExtras {
  dedupeKey: string | null;
  duplicateOf?: number;
  raw: Buffer | null;
  disposition: string;
  parseOutcome: string;
  error?: string;
  caseId?: number;
  destinationFolder: string;
  fingerprint?: string | null;
  fingerprintHash?: string | null;
}

async function insertInbound(tx: Tx, facts: InboundFacts, extras: InboundRowExtras): Promise<number> {
  const [row] = await tx
    .insert(inboundMessages)
    .values({
      mailbox: facts.mailbox, uidValidity: facts.uidValidity, uid: facts.uid, messageId: facts.messageId,
      contentHash: facts.contentHash, internalDate: facts.internalDate, sizeBytes: facts.raw.length, ...extras,
    })
    .returning({ id: inboundMessages.id });
  return row!.id;
}

export async function markMoved(db: Db, inboundIds: number[], at: Date): Promise<void> {
  if (inboundIds.length === 0) return;
  await db.update(inboundMessages).set({ movedAt: at }).where(inArray(inboundMessages.id, inboundIds));
}
