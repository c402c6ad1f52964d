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
import { planCase } from './case/plan-case.js';
import { parseMail } from './parse/parse-mail.js';
import { textForAnalysis } from './parse/text-for-analysis.js';
import { verifySender, type SenderAuthMode } from './screen/sender-authentication.js';

export interface PipelineSettings extends FilingSettings {
  /** The checkpoint and lease key (account and folder); `mailboxName` is the configured name. */
  mailboxKey: string;
  jurisdiction: Jurisdiction;
  own: OwnIdentity;
  senderAuth: { mode: SenderAuthMode; trustedAuthservId: string | null };
  spamHeader: { name: string; value: string };
  /** FOI_ACKNOWLEDGE_SINCE: mail received before it is history (a case, no acknowledgement). */
  acknowledgeSince: AcknowledgeSince;
}

/** What preparing a message needs: nothing that stores or sends. */
export interface PrepareDeps {
  settings: PipelineSettings;
  analyse: Analyser;
}

/** Everything about one message that does not touch the database: parse, screen, analyse, plan. */
export async function prepareMessage(deps: PrepareDeps, extraHolidays: readonly ExtraHoliday[], uidValidity: number, fetched: FetchedMessage): Promise<PendingMessage> {
  const prepared = await prepare(deps, extraHolidays, fetched);
  const facts: InboundFacts = {
    mailboxKey: deps.settings.mailboxKey, uidValidity, uid: fetched.uid, internalDate: fetched.internalDate, raw: fetched.source,
    contentHash: sha256(fetched.source),
    messageId: prepared.type === 'unreadable' ? prepared.messageId : prepared.mail.messageId,
  };
  return { facts, prepared };
}

/** Everything but the commit, for a batch of fetched messages. */
export async function prepareMessages(deps: PrepareDeps, extraHolidays: readonly ExtraHoliday[], uidValidity: number, fetched: FetchedMessage[]): Promise<PendingMessage[]> {
  const pending: PendingMessage[] = [];
  for (const message of fetched) pending.push(await prepareMessage(deps, extraHolidays, uidValidity, message));
  return pending;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Every step that depends on the message's content; any failure here holds the message. */
async function prepare(deps: PrepareDeps, extraHolidays: readonly ExtraHoliday[], fetched: FetchedMessage): Promise<PreparedMessage> {
  const { settings } = deps;
  let mail: InboundMail;
  try {
    mail = await parseMail(fetched.source);
  } catch (error) {
    const outcome = isAppError(error) ? error.code : 'parse.unreadable_mime';
    return { type: 'unreadable', parseOutcome: outcome, reason: describeError(error), notifyOfficers: true, messageId: null };
  }
  if (isMarkedSpam(mail, settings.spamHeader)) {
    const reason = `marked as spam by the receiving server (${settings.spamHeader.name})`;
    return { type: 'unreadable', parseOutcome: 'spam', reason, notifyOfficers: false, messageId: mail.messageId };
  }
  const automated = isAutomated(mail, settings.own);
  // Never a case and never answered (RFC 3834): filed with the case it refers to, or held.
  if (automated.automated) return { type: 'automated', mail, verdict: automated, report: bouncedMessageIds(mail) };
  try {
    const sender = await verifySender(fetched.source, settings.senderAuth);
    const { text, attachmentFlags } = await textForAnalysis(mail);
    const analysis = deps.analyse({ subject: mail.subject, text, from: mail.from, receivedAt: fetched.internalDate });
    const draft = planCase({
      mail, analysis, receivedAt: fetched.internalDate, jurisdiction: settings.jurisdiction, automated, extraHolidays, sender,
      mailbox: settings.mailboxName, attachmentFlags,
    });
    const fingerprint = textFingerprint(stripQuotedText(capForAnalysis(text).text).text);
    return { type: 'request', mail: withoutAttachmentBytes(mail), draft, fingerprint, fingerprintHash: fingerprint ? sha256(fingerprint) : null };
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
