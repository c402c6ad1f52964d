// The whole pipeline for one message, top to bottom: parse → screen → analyse → plan the case →
// compose the outgoing mail → commit it all in one transaction. Bad input is held, never dropped.
import { createHash } from 'node:crypto';
import type { Db } from '../adapters/db/database.js';
import { type CommitPlan, type InboundFacts, type PendingMessage } from '../adapters/db/inbound-store.js';
import type { FetchedMessage } from '../adapters/imap/imap-mailbox.js';
import type { Jurisdiction } from '../config.js';
import type { InboundMail } from '../domain/inbound-mail.js';
import type { AnalysisInput, RequestAnalysis } from '../domain/request-analysis.js';
import { AppError, describeError, isAppError } from '../errors.js';
import { capForAnalysis } from './analyse/analysis-limits.js';
import { isAutomated, type AutomatedVerdict, type OwnIdentity } from './analyse/detect-automated-mail.js';
import { textFingerprint } from './analyse/near-duplicate.js';
import { stripQuotedText } from './analyse/strip-quoted-text.js';
import { planCase } from './case/plan-case.js';
import { composeAcknowledgement, composeComplaintReceipt, composeHeldNotice, composeOfficerSummary, type NotifySettings } from './notify/compose-messages.js';
import { parseMail } from './parse/parse-mail.js';
import { textForAnalysis } from './parse/text-for-analysis.js';
import { verifySender, type SenderAuthMode } from './screen/sender-authentication.js';
import type { CaseDraft, OpenedCase } from '../domain/foi-case.js';
import type { ExtraHoliday } from '../clock/index.js';

export interface PipelineSettings {
  /** The checkpoint and lease key (account and folder). */
  mailbox: string;
  /** The configured name (`default`, `eir`): recorded on each case opened from this mailbox. */
  mailboxName: string;
  jurisdiction: Jurisdiction;
  referenceFormat: string;
  /** Every one of our mailboxes' formats, this one's first: a reply may quote any of our references. */
  threadReferenceFormats?: readonly string[];
  processedFolder: string;
  heldFolder: string;
  notify: NotifySettings;
  /**
   * Every configured mailbox's settings by name: mail about a case of another of our mailboxes (a
   * reply sent to the wrong address) goes out in that mailbox's name, to its officers. Unset: this one's.
   */
  notifyByMailbox?: (mailboxName: string) => NotifySettings | undefined;
  own: OwnIdentity;
  senderAuth: { mode: SenderAuthMode; trustedAuthservId: string | null };
  maxAcksPerAddressPerDay: number;
  duplicateWindowDays: number;
  spamHeader: { name: string; value: string };
}

export interface PipelineDeps {
  db: Db;
  settings: PipelineSettings;
  analyse: (input: AnalysisInput) => RequestAnalysis;
  /** Admins' extra holidays, read once per pass. */
  extraHolidays?: readonly ExtraHoliday[];
}

type Prepared =
  | { ok: true; mail: InboundMail; draft: CaseDraft; fingerprint: string }
  | { ok: 'automated'; mail: InboundMail; verdict: Extract<AutomatedVerdict, { automated: true }> }
  | { ok: false; parseOutcome: string; reason: string; notifyOfficers: boolean; messageId: string | null };

/** Everything about one message that does not touch the database: parse, screen, analyse, compose. */
export async function prepareMessage(deps: PipelineDeps, uidValidity: number, fetched: FetchedMessage): Promise<PendingMessage> {
  const { settings } = deps;
  const prepared = await prepare(deps, fetched);
  const facts: InboundFacts = {
    mailbox: settings.mailbox, uidValidity, uid: fetched.uid, internalDate: fetched.internalDate, raw: fetched.source,
    contentHash: createHash('sha256').update(fetched.source).digest('hex'),
    messageId: prepared.ok ? prepared.mail.messageId : prepared.messageId,
  };
  return { facts, plan: commitPlanFor(prepared, fetched, settings, deps.extraHolidays) };
}

/** Everything but the commit, for a batch of fetched messages. */
export async function prepareMessages(deps: PipelineDeps, uidValidity: number, fetched: FetchedMessage[]): Promise<PendingMessage[]> {
  const pending: PendingMessage[] = [];
  for (const message of fetched) pending.push(await prepareMessage(deps, uidValidity, message));
  return pending;
}

function commitPlanFor(prepared: Prepared, fetched: FetchedMessage, settings: PipelineSettings, extraHolidays?: readonly ExtraHoliday[]): CommitPlan {
  if (prepared.ok === 'automated') {
    return {
      type: 'automated', mail: prepared.mail, verdict: prepared.verdict, notifyFor: caseNotify(settings),
      destinationFolder: settings.processedFolder, heldFolder: settings.heldFolder,
    };
  }
  if (!prepared.ok) {
    return {
      type: 'held', parseOutcome: prepared.parseOutcome, error: prepared.reason, destinationFolder: settings.heldFolder,
      compose: (inboundId) =>
        prepared.notifyOfficers ? [composeHeldNotice({ inboundId, receivedAt: fetched.internalDate, reason: prepared.reason }, settings.notify)] : [],
    };
  }
  return {
    type: 'case', draft: prepared.draft, mail: prepared.mail, referenceFormat: settings.referenceFormat, threadReferenceFormats: settings.threadReferenceFormats ?? [settings.referenceFormat],
    destinationFolder: settings.processedFolder, heldFolder: settings.heldFolder, notifyFor: caseNotify(settings), extraHolidays,
    maxAcksPerAddressPerDay: settings.maxAcksPerAddressPerDay,
    fingerprint: prepared.fingerprint, duplicateWindowDays: settings.duplicateWindowDays,
    compose: (opened) => composeCaseMail(opened, prepared.mail, settings.notify),
    composeHeld: (inboundId, reason) => [composeHeldNotice({ inboundId, receivedAt: fetched.internalDate, reason }, settings.notify)],
  };
}

/** The settings mail about a recorded case goes out with: its own mailbox's, where still configured. */
function caseNotify(settings: PipelineSettings): (caseMailbox: string) => NotifySettings {
  return (caseMailbox) => settings.notifyByMailbox?.(caseMailbox) ?? settings.notify;
}

function composeCaseMail(opened: OpenedCase, mail: InboundMail, notify: NotifySettings) {
  const summary = composeOfficerSummary(opened, mail, notify);
  if (!opened.acknowledge.send) return [summary];
  const reply = opened.acknowledge.form === 'complaint_receipt' ? composeComplaintReceipt(opened, mail, notify) : composeAcknowledgement(opened, mail, notify);
  return [reply, summary];
}

/** Every step that depends on the message's content; any failure here holds the message. */
async function prepare(deps: PipelineDeps, fetched: FetchedMessage): Promise<Prepared> {
  let mail: InboundMail;
  try {
    mail = await parseMail(fetched.source);
  } catch (error) {
    const outcome = isAppError(error) ? error.code : 'parse.unreadable_mime';
    return { ok: false, parseOutcome: outcome, reason: describeError(error), notifyOfficers: true, messageId: null };
  }
  if (isMarkedSpam(mail, deps.settings.spamHeader)) {
    return { ok: false, parseOutcome: 'spam', reason: `marked as spam by the receiving server (${deps.settings.spamHeader.name})`, notifyOfficers: false, messageId: mail.messageId };
  }
  const automated = isAutomated(mail, deps.settings.own);
  // Never a case and never answered (RFC 3834): filed with the case it refers to, or held.
  if (automated.automated) return { ok: 'automated', mail, verdict: automated };
  try {
    const sender = await verifySender(fetched.source, deps.settings.senderAuth);
    const { text, attachmentFlags } = await textForAnalysis(mail);
    const analysis = deps.analyse({ subject: mail.subject, text, from: mail.from, receivedAt: fetched.internalDate });
    const draft = planCase({ mail, analysis, receivedAt: fetched.internalDate, jurisdiction: deps.settings.jurisdiction, automated, extraHolidays: deps.extraHolidays, sender, mailbox: deps.settings.mailboxName, attachmentFlags });
    // A dry run of the templates: a rendering fault must hold this message, not abort the transaction.
    composeCaseMail({ ...draft, id: 0, reference: 'CHECK' }, mail, deps.settings.notify);
    return { ok: true, mail: withoutAttachmentBytes(mail), draft, fingerprint: textFingerprint(stripQuotedText(capForAnalysis(text).text).text) };
  } catch (cause) {
    const error = new AppError('analyse.failed', `analysis failed: ${describeError(cause)}`, { cause });
    return { ok: false, parseOutcome: error.code, reason: error.message, notifyOfficers: true, messageId: mail.messageId };
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
