// Decides what a new request becomes: its regime, its statutory due date and the flags officers
// see first. Pure: the parsed mail, its analysis and the receipt time in, a case draft out.
import { computeDeadline, londonDateOf } from '../../clock/compute-deadline.js';
import type { ExtraHoliday } from '../../clock/index.js';
import type { Jurisdiction } from '../../domain/jurisdiction.js';
import type { InboundMail } from '../../domain/inbound-mail.js';
import { caseFlag, type CaseFlag, type FlagCode } from '../../domain/case-flag.js';
import type { CaseDraft, Regime } from '../../domain/foi-case.js';
import type { RequestAnalysis, RequestKind } from '../../domain/request-analysis.js';
import type { AutomatedVerdict } from '../analyse/detect-automated-mail.js';
import { shouldAcknowledge } from '../analyse/acknowledgement-policy.js';
import { decideRequester, OUTSIDE, type SenderStanding } from './requester.js';


export function regimeFor(kind: RequestKind, jurisdiction: Jurisdiction): Regime | null {
  const scottish = jurisdiction === 'scotland';
  switch (kind) {
    case 'foi': return scottish ? 'foisa' : 'foi';
    case 'eir': return scottish ? 'eisr' : 'eir';
    case 'sar': return 'sar';
    case 'internal_review': return scottish ? 'foisa_review' : 'foi_review';
    default: return null;
  }
}

export interface PlanCaseInput {
  mail: InboundMail;
  analysis: RequestAnalysis;
  /** IMAP INTERNALDATE: when the authority's server received the message. */
  receivedAt: Date;
  jurisdiction: Jurisdiction;
  automated: AutomatedVerdict;
  /** Holidays admins added (new proclamations), on top of the official calendar. */
  extraHolidays?: readonly ExtraHoliday[];
  /** The sender-authentication verdict; a suspected spoof gets a case but no acknowledgement. */
  sender?: { spoofSuspected: boolean; reason: string | null } | null;
  /** The configured name of the mailbox the request came in by; its mail goes out in that mailbox's name. */
  mailbox?: string;
  /** Attachments an officer must read themselves (a scan, a broken file, a photo of a letter). */
  attachmentFlags?: readonly string[];
  /** Whether the sender is inside the authority (requester.ts); absent: outside. */
  standing?: SenderStanding;
}

export function planCase(input: PlanCaseInput): CaseDraft {
  const { mail, analysis, receivedAt, jurisdiction } = input;
  const regime = regimeFor(analysis.kind, jurisdiction);
  const deadline = regime ? computeDeadline({ regime, received: receivedAt, jurisdiction, extraHolidays: input.extraHolidays }) : null;
  const who = decideRequester({ mail, forwardedFrom: analysis.forwardedFrom, standing: input.standing ?? OUTSIDE });
  const acknowledge = acknowledgementDecision(analysis.kind, input.automated, input.sender?.spoofSuspected ?? false);
  return {
    kind: analysis.kind,
    regime,
    jurisdiction,
    receivedAt,
    receivedDate: deadline?.received ?? londonDateOf(receivedAt),
    dueDate: deadline?.dueDate ?? null,
    dueExplain: deadline?.explain ?? [],
    // A request forwarded by another team belongs to the person who wrote it, not the forwarder.
    requester: who.requester,
    subject: mail.subject || '(no subject)',
    analysis,
    questions: analysis.questions,
    flags: [
      ...(input.sender?.spoofSuspected ? [caseFlag('possible_spoof', `Possible spoof: ${input.sender.reason ?? 'sender authentication failed'}`)] : []),
      ...(input.mail.parseWarnings ?? []).map((text) => caseFlag('parse_warning', text)),
      ...(input.attachmentFlags ?? []).map((text) => caseFlag('attachment_unreadable', text)),
      ...who.flags,
      ...flagsFor(analysis),
    ],
    acknowledge: acknowledge.send && !who.mailable ? { send: false, reason: `no automatic mail: ${who.reason}` } : acknowledge,
    ...(input.mailbox ? { mailbox: input.mailbox } : {}),
  };
}

/**
 * The auto-responder's policy (acknowledgement-policy.ts) decides; the daily limit per address is
 * applied where the count is known, in the commit. A complaint gets a receipt instead.
 */
function acknowledgementDecision(kind: RequestKind, automated: AutomatedVerdict, spoofSuspected: boolean): CaseDraft['acknowledge'] {
  const facts = { kind, automated: automated.automated, spoofSuspected, sentToAddressToday: 0, maxPerAddressPerDay: Number.POSITIVE_INFINITY };
  const decision = shouldAcknowledge(kind === 'complaint' ? { ...facts, kind: 'foi' } : facts);
  if (decision.send) return kind === 'complaint' ? { send: true, form: 'complaint_receipt' } : { send: true };
  switch (decision.reason) {
    case 'automated': return { send: false, reason: `automated mail (${automated.automated ? automated.reason : 'unknown'})` };
    case 'spoof_suspected': return { send: false, reason: 'possible spoof: an acknowledgement to a forged address would be backscatter' };
    default: return { send: false, reason: `a ${kind.replace('_', ' ')} is not acknowledged automatically` };
  }
}

export function flagsFor(analysis: RequestAnalysis): CaseFlag[] {
  const flags: CaseFlag[] = [];
  const add = (code: FlagCode, text: string) => flags.push(caseFlag(code, text));
  const quote = (text: string | undefined) => (text ? `: "${text}"` : '');
  if (analysis.citesSection16) add('s16', `Section 16 (advice and assistance) invoked${quote(analysis.evidence.section16?.text)}`);
  if (analysis.publicInterestArgument) add('public_interest', `Public-interest argument made${quote(analysis.evidence.publicInterest?.text)}`);
  if (analysis.ambiguousTerms.length > 0) add('vague_terms', `Vague terms that may need clarification: ${analysis.ambiguousTerms.join(', ')}`);
  if (!analysis.validity.valid) add('validity', `Validity (FOIA s.8): missing ${analysis.validity.missing.join(', ')}`);
  if (analysis.sectionsCited.length > 0) add('sections_cited', `Sections cited: ${analysis.sectionsCited.join(', ')}`);
  if (analysis.timeSpan) add('time_span', `Time span asked about: ${analysis.timeSpan}`);
  if (analysis.mixed) {
    add('mixed_request', `Mixed request: question(s) ${analysis.mixed.ownData.join(', ')} ask for the requester's own personal data (subject access, one calendar month); ` +
      `question(s) ${analysis.mixed.general.join(', ')} are general requests (20 working days)`);
  }
  if (analysis.formatRequested) add('format', `Format asked for: ${analysis.formatRequested}`);
  if (analysis.questions.some((q) => q.lowConfidence)) add('low_confidence_topic', 'Some questions have no confident topic: check the routing');
  return flags;
}
