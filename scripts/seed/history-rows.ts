// One seeded case's rows, table by table, as the pipeline and the officers' actions would have left
// them: the case, its questions, its audit events, the messages it came in by (raw bytes kept) and
// the mail it sent. Dates are approximate (20 working days ≈ 28 calendar days): the seeded history
// is for measuring, and nothing recomputes an old case's deadline unless an officer acts on it.
import type { CopyValue } from './copy-stream.js';
import type { CasePlan } from './history-plan.js';
import { rawMessage, sha256, type SeededText, type Template } from './history-templates.js';

const DAY_MS = 86_400_000;
const KINDS_WITH_REGIME = new Set(['foi', 'eir', 'sar']);
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface SeedSettings {
  mailboxKey: string;
  uidValidity: number;
  mailboxName: string;
  fromAddress: string;
  officers: string;
}

export interface CaseIds {
  caseId: number;
  reference: string;
  /** The first inbound id of this case; replies take the next ones. */
  inboundId: number;
}

export const CASE_COLUMNS = ['id', 'reference', 'kind', 'regime', 'status', 'received_at', 'received_date', 'due_date', 'due_explain', 'requester_name', 'requester_address', 'subject', 'analysis', 'flags', 'acknowledged_at', 'campaign_key', 'mailbox', 'created_at'];
export const QUESTION_COLUMNS = ['case_id', 'position', 'number', 'text', 'topics'];
export const EVENT_COLUMNS = ['case_id', 'at', 'event', 'from_status', 'to_status', 'cause', 'details'];
export const INBOUND_COLUMNS = ['id', 'mailbox', 'uid_validity', 'uid', 'message_id', 'content_hash', 'dedupe_key', 'internal_date', 'raw', 'size_bytes', 'disposition', 'parse_outcome', 'case_id', 'fingerprint', 'fingerprint_hash', 'destination_folder', 'moved_at', 'created_at'];
export const OUTBOX_COLUMNS = ['case_id', 'inbound_id', 'purpose', 'message_id', 'from_address', 'recipients', 'subject', 'text_body', 'headers', 'status', 'attempts', 'next_attempt_at', 'sent_at', 'created_at'];
export const REMINDER_COLUMNS = ['case_id', 'key', 'due_date', 'offset', 'sent_at'];

export const receivedDateOf = (at: Date) => londonDate.format(at);
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const kindOf = (t: Template) => (KINDS_WITH_REGIME.has(t.analysis.kind) ? t.analysis.kind : 'foi');

export function dueDateOf(plan: CasePlan): string {
  return dayAfter(receivedDateOf(plan.receivedAt), plan.status === 'extended' ? 56 : 28);
}

export function caseRow(plan: CasePlan, template: Template, text: SeededText, ids: CaseIds, settings: SeedSettings): CopyValue[] {
  const kind = kindOf(template);
  const acknowledged = later(plan.receivedAt, 20_000);
  return [
    ids.caseId, ids.reference, kind, kind, plan.status, plan.receivedAt, receivedDateOf(plan.receivedAt), dueDateOf(plan),
    ['20 working days from the day after receipt'], plan.requester.name, plan.requester.address, text.subject, template.analysis, [],
    acknowledged, plan.campaign === null ? null : text.fingerprintHash, settings.mailboxName, plan.receivedAt,
  ];
}

export function questionRows(template: Template, ids: CaseIds): CopyValue[][] {
  return template.analysis.questions.map((q, position) => [ids.caseId, position, q.number, q.text, q.topics]);
}

type Step = [event: string, from: string | null, to: string, cause: string, afterDays: number];

/** The audit trail that leads to the plan's status. */
function steps(status: CasePlan['status']): Step[] {
  const opened: Step[] = [['case_opened', null, 'received', 'inbound message', 0], ['acknowledgement_queued', 'received', 'received', 'automatic', 0]];
  const acked: Step[] = [...opened, ['acknowledged', 'received', 'acknowledged', 'acknowledgement accepted by the SMTP server', 0]];
  const responded: Step = ['responded', 'in_progress', 'responded', 'response sent', 18];
  const more: Record<CasePlan['status'], Step[]> = {
    acknowledged: [],
    awaiting_clarification: [['clarification_sought', 'acknowledged', 'awaiting_clarification', 'officer', 3]],
    in_progress: [['clarification_sought', 'acknowledged', 'awaiting_clarification', 'officer', 3], ['clarification_received', 'awaiting_clarification', 'in_progress', 'reply from the requester', 6]],
    extended: [['deadline_extended', 'acknowledged', 'extended', 'public interest test', 15]],
    responded: [responded],
    closed: [responded, ['case_closed', 'responded', 'closed', 'closed', 25]],
    withdrawn: [['case_withdrawn', 'acknowledged', 'withdrawn', 'withdrawn by the requester', 4]],
    under_review: [responded, ['review_started', 'responded', 'under_review', 'internal review requested', 30]],
  };
  return [...acked, ...more[status]];
}

export function eventRows(plan: CasePlan, ids: CaseIds): CopyValue[][] {
  return steps(plan.status).map(([event, from, to, cause, afterDays], k) => [
    ids.caseId, later(plan.receivedAt, afterDays * DAY_MS + k * 1000), event, from, to, cause, {},
  ]);
}

/** The opening message and the requester's later ones: one row each, raw bytes kept. */
export function inboundRows(plan: CasePlan, text: SeededText, ids: CaseIds, settings: SeedSettings): CopyValue[][] {
  const rows: CopyValue[][] = [];
  for (let k = 0; k <= plan.replies; k++) {
    const at = later(plan.receivedAt, k * 5 * DAY_MS);
    const messageId = `<history-${plan.index}-${k}@mail.example.org>`;
    const headers = [
      `From: ${plan.requester.name} <${plan.requester.address}>`, `To: ${settings.fromAddress}`,
      `Subject: ${k === 0 ? text.subject : `Re: ${text.subject} [${ids.reference}]`}`, `Date: ${at.toUTCString()}`, `Message-ID: ${messageId}`,
      ...(k === 0 ? [] : [`In-Reply-To: <foi-intake.acknowledgement.${ids.reference}.${plan.index}@example.gov.uk>`]),
    ];
    const body = k === 0 ? text.body : `Thank you for your message. Could you let me know when I can expect a reply?\r\n\r\n${plan.requester.name}`;
    const raw = rawMessage(headers, body, k === 0 ? plan.rawBytes : Math.max(2048, plan.rawBytes >> 1));
    const id = ids.inboundId + k;
    rows.push([
      id, settings.mailboxKey, settings.uidValidity, id, messageId, sha256(raw), messageId, at, raw, raw.length,
      k === 0 ? 'opened_case' : 'attached', 'parsed', ids.caseId, k === 0 ? text.fingerprint : null, k === 0 ? text.fingerprintHash : null,
      'Processed', later(at, 2000), later(at, 1000),
    ]);
  }
  return rows;
}

/** The mail the case sent: acknowledgement and officer summary, then what its history called for. */
export function outboxRows(plan: CasePlan, text: SeededText, ids: CaseIds, settings: SeedSettings): CopyValue[][] {
  const requesterMail = (purpose: string, afterDays: number, body: string): CopyValue[] => {
    const at = later(plan.receivedAt, afterDays * DAY_MS + 1000);
    const messageId = `<foi-intake.${purpose.replace('_', '-')}.${ids.reference}.${plan.index}@example.gov.uk>`;
    const requester = !purpose.startsWith('officer');
    return [
      ids.caseId, ids.inboundId, purpose, messageId, settings.fromAddress, requester ? [plan.requester.address] : [settings.officers],
      `Re: ${text.subject} [${ids.reference}]`, body,
      { 'In-Reply-To': `<history-${plan.index}-0@mail.example.org>`, 'Auto-Submitted': 'auto-replied' },
      'sent', 1, at, later(at, 3000), at,
    ];
  };
  const rows = [
    requesterMail('acknowledgement', 0, `Dear ${plan.requester.name},\n\nThank you for your request, received on ${receivedDateOf(plan.receivedAt)}. Your reference is ${ids.reference}. We will respond by ${dueDateOf(plan)}.\n\n${text.body}`),
    requesterMail('officer_summary', 0, `New request ${ids.reference} from ${plan.requester.name}, due ${dueDateOf(plan)}.\n\n${text.body}`),
  ];
  if (plan.status === 'awaiting_clarification' || plan.status === 'in_progress') rows.push(requesterMail('clarification_request', 3, `Dear ${plan.requester.name},\n\nTo help us answer request ${ids.reference}, could you clarify which records you mean?`));
  if (plan.status === 'extended') rows.push(requesterMail('extension_notice', 15, `Dear ${plan.requester.name},\n\nWe need more time to consider the public interest for request ${ids.reference}.`));
  return rows;
}

/** Open cases already past their deadline were reminded about, as the reminder job would have done. */
export function reminderRows(plan: CasePlan, ids: CaseIds, now: Date): CopyValue[][] {
  const due = dueDateOf(plan);
  const running = ['acknowledged', 'in_progress', 'extended'].includes(plan.status);
  if (!running || due >= receivedDateOf(now)) return [];
  return [[ids.caseId, `reminder:${ids.caseId}:${due}:-1`, due, -1, later(new Date(`${due}T07:00:00Z`), DAY_MS)]];
}
