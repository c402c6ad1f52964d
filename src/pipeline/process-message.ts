// The whole pipeline for one message, top to bottom: parse → screen → analyse → plan the case;
// then (case/open-or-attach-case.ts) file it in its batch's transaction. Bad input is held, never dropped.
import { createHash } from 'node:crypto';
import type { ExtraHoliday } from '../clock/index.js';
import type { AcknowledgeSince } from '../config/acknowledge-since.js';
import type { Jurisdiction } from '../domain/jurisdiction.js';
import type { FetchedMessage, InboundMail } from '../domain/inbound-mail.js';
import { AppError, describeError, isAppError } from '../errors.js';
import { capForAnalysis } from './analyse/analysis-limits.js';
import { bouncedMessageIds } from './analyse/bounced-message-ids.js';
import type { Analyser } from './analyse/create-analyser.js';
import { isAutomated, type OwnIdentity } from './analyse/detect-automated-mail.js';
import { textFingerprint } from './analyse/near-duplicate.js';
import { stripQuotedText } from './analyse/strip-quoted-text.js';
import type { InboundFacts } from './case/filing-store.js';
import type { FilingSettings, PendingMessage, PreparedMessage } from './case/inbound-fate.js';
import { bodyHashOf } from './case/message-identity.js';
import { planCase } from './case/plan-case.js';
import { senderStanding, type AuthorityBounds } from './case/requester.js';
import { parseMail } from './parse/parse-mail.js';
import { textForAnalysis } from './parse/text-for-analysis.js';
import { verifySender, type SenderAuthMode } from './screen/sender-authentication.js';

export interface PipelineSettings extends FilingSettings {
  /** The checkpoint and lease key (account and folder); `mailboxName` is the configured name. */
  mailboxKey: string;
  jurisdiction: Jurisdiction;
  own: OwnIdentity;
  senderAuth: { mode: SenderAuthMode; trustedAuthservId: string | null };
  /** Who is inside the authority: a forward from inside names the requester, and may act on any case. */
  authority: AuthorityBounds;
  spamHeader: { name: string; value: string };
  /** Larger messages are held without being downloaded; a message whose preparation failed this often is held. */
  limits: { maxMessageBytes: number; maxPrepareAttempts: number };
  /** FOI_ACKNOWLEDGE_SINCE: mail received before it is history (a case, no acknowledgement). */
  acknowledgeSince: AcknowledgeSince;
}

/** One message to prepare, with what preparing it depends on: plain data, so it can cross to a worker thread. */
export interface PrepareJob {
  settings: PipelineSettings;
  extraHolidays: readonly ExtraHoliday[];
  fetched: FetchedMessage;
}

/** What preparing gives back; `prepareMs` is the preparation's own time (no personal data: it is logged). */
export interface PreparedOutcome {
  prepared: PreparedMessage;
  /** Who sent it and a hash of what it says, to tell a reused Message-ID apart. */
  identity: Identity;
  contentHash: string;
  prepareMs: number;
}

/**
 * Prepares one message. The runtime's runs in a worker thread under a hard deadline
 * (workers/prepare-pool.ts) and rejects with PrepareTimeoutError or PrepareCrashedError when that
 * worker is stopped; `prepareOnThisThread` is the same work on the calling thread (tools, tests).
 */
export type Preparer = (job: PrepareJob) => Promise<PreparedOutcome>;

/** What preparing a message needs: nothing that stores or sends. */
export interface PrepareDeps {
  settings: PipelineSettings;
  prepare: Preparer;
  /**
   * Resolves once preparing can start (the workers have loaded their models). Attempts are counted
   * only after it, so a process killed while its workers start counts no attempt against any message.
   */
  prepareReady?: () => Promise<void>;
}

/** Everything about one message that does not touch the database: parse, screen, analyse, plan. */
export async function prepareMessage(deps: PrepareDeps, extraHolidays: readonly ExtraHoliday[], uidValidity: number, fetched: FetchedMessage): Promise<PendingMessage> {
  const { prepared, identity, contentHash, prepareMs } = await deps.prepare({ settings: deps.settings, extraHolidays, fetched });
  return { facts: factsOf(deps.settings.mailboxKey, uidValidity, fetched, prepared, identity, contentHash), prepared, prepareMs };
}

/** The message's row facts, whatever preparing it found (or the hold that replaced preparing it). */
export function factsOf(
  mailboxKey: string, uidValidity: number, fetched: FetchedMessage, prepared: PreparedMessage, identity: Identity = NO_IDENTITY,
  contentHash = sha256(fetched.source),
): InboundFacts {
  return {
    mailboxKey, uidValidity, uid: fetched.uid, internalDate: fetched.internalDate, raw: fetched.source,
    contentHash,
    messageId: prepared.type === 'unreadable' ? prepared.messageId : prepared.mail.messageId,
    ...identity,
  };
}

/**
 * Everything but the commit, for a batch of fetched messages, prepared side by side (as many at once
 * as there are workers); the results keep the batch's UID order, which is the commit order.
 */
export async function prepareMessages(deps: PrepareDeps, extraHolidays: readonly ExtraHoliday[], uidValidity: number, fetched: FetchedMessage[]): Promise<PendingMessage[]> {
  const preparing = fetched.map((message) => prepareMessage(deps, extraHolidays, uidValidity, message));
  // Every one settles before the batch fails, so no preparation outlives the pass that asked for it.
  await Promise.allSettled(preparing);
  return Promise.all(preparing);
}

/** The preparation on the calling thread, with an analyser loaded once by the caller. */
export function prepareOnThisThread(analyse: Analyser): Preparer {
  return async ({ settings, extraHolidays, fetched }) => {
    const started = performance.now();
    const { prepared, identity } = await prepare({ settings, analyse }, extraHolidays, fetched);
    return { prepared, identity, contentHash: sha256(fetched.source), prepareMs: Math.round(performance.now() - started) };
  };
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

type Identity = Pick<InboundFacts, 'fromAddress' | 'bodyHash'>;
/** A message held before it was read: nothing known of its sender or content. */
const NO_IDENTITY: Identity = { fromAddress: null, bodyHash: null };

/** What preparing on one thread needs: the settings and an analyser loaded there. */
interface ThreadDeps { settings: PipelineSettings; analyse: Analyser }

/** Parses, then prepares; who sent the message and what it says are kept to tell a reused Message-ID apart. */
async function prepare(deps: ThreadDeps, extraHolidays: readonly ExtraHoliday[], fetched: FetchedMessage): Promise<{ prepared: PreparedMessage; identity: Identity }> {
  let mail: InboundMail;
  try {
    mail = await parseMail(fetched.source);
  } catch (error) {
    const outcome = isAppError(error) ? error.code : 'parse.unreadable_mime';
    const prepared: PreparedMessage = { type: 'unreadable', parseOutcome: outcome, reason: describeError(error), notifyOfficers: true, messageId: null };
    return { prepared, identity: { fromAddress: null, bodyHash: null } };
  }
  const identity = { fromAddress: mail.from?.address.toLowerCase() ?? null, bodyHash: bodyHashOf(mail) };
  return { prepared: await prepareParsed(deps, extraHolidays, fetched, mail), identity };
}

/** Every step after parsing that depends on the message's content; any failure here holds the message. */
async function prepareParsed(deps: ThreadDeps, extraHolidays: readonly ExtraHoliday[], fetched: FetchedMessage, mail: InboundMail): Promise<PreparedMessage> {
  const { settings } = deps;
  if (isMarkedSpam(mail, settings.spamHeader)) {
    const reason = `marked as spam by the receiving server (${settings.spamHeader.name})`;
    return { type: 'unreadable', parseOutcome: 'spam', reason, notifyOfficers: false, messageId: mail.messageId };
  }
  const automated = isAutomated(mail, settings.own);
  // Never a case and never answered (RFC 3834): filed with the case it refers to, or held.
  if (automated.automated) return { type: 'automated', mail, verdict: automated, report: bouncedMessageIds(mail) };
  try {
    const sender = await verifySender(fetched.source, settings.senderAuth);
    const standing = senderStanding(mail.senderCount === 1 ? mail.from?.address ?? null : null, sender, settings.authority);
    const { text, attachmentFlags } = await textForAnalysis(mail);
    const analysis = deps.analyse({ subject: mail.subject, text, from: mail.from, receivedAt: fetched.internalDate });
    const draft = planCase({
      mail, analysis, receivedAt: fetched.internalDate, jurisdiction: settings.jurisdiction, automated, extraHolidays, sender,
      mailbox: settings.mailboxName, attachmentFlags, standing,
    });
    const fingerprint = textFingerprint(stripQuotedText(capForAnalysis(text).text).text);
    return {
      type: 'request', mail: withoutAttachmentBytes(mail), draft, standing, fingerprint, fingerprintHash: fingerprint ? sha256(fingerprint) : null,
    };
  } catch (cause) {
    const error = new AppError('analyse.failed', `analysis failed: ${describeError(cause)}`, { cause });
    return { type: 'unreadable', parseOutcome: error.code, reason: error.message, notifyOfficers: true, messageId: mail.messageId };
  }
}

/**
 * Once read, an attachment's bytes are not needed again (the raw message keeps them): dropping them
 * keeps a batch waiting for its commit from holding every 2 MB PDF twice.
 */
function withoutAttachmentBytes(mail: InboundMail): InboundMail {
  if (mail.attachments.length === 0) return mail;
  return { ...mail, attachments: mail.attachments.map((a) => ({ ...a, content: Buffer.alloc(0) })) };
}

/** The receiving server's spam verdict (e.g. SpamAssassin's X-Spam-Flag: YES): held, no case. */
function isMarkedSpam(mail: InboundMail, header: { name: string; value: string }): boolean {
  return mail.headers.get(header.name)?.trim().toLowerCase() === header.value;
}
