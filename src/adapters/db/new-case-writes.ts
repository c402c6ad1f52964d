// A new case and the message that opened it, written by one statement: the case row, its questions
// and opening events, the message's row and the case's mail are inserted by the data-modifying parts
// of one WITH query, each later part taking the case's and the message's ids from the parts before.
// One statement is one message to the server and one socket write, and its text never changes (the
// questions, events and mail travel as arrays and are unnested), so it is prepared once per
// connection. The insert builders did the same in five statements, each built column by column on
// the main thread, which the profile showed as a fifth of that thread's time per message.
// Only the campaign link, rare, is a statement of its own.
import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { InboundFacts, InboundRecord, NewCaseFromMessage, OpenedFromMessage } from '../../pipeline/case/filing-store.js';
import type { Tx } from './database.js';
import { fixedStatement, runFixed } from './fixed-statement.js';
import { CASE_COLUMNS, columnNames, INBOUND_COLUMNS, newCaseValues, type NewCaseValues } from './new-case-rows.js';
import { cases, inboundMessages } from './schema.js';

/**
 * A large request's raw bytes and mail follow in statements of their own: postgres.js keeps a buffer
 * as large as the largest statement it has sent for the life of the process, and the request's row,
 * its raw bytes and an officer summary quoting it, all in one, would make that buffer their sum.
 */
const INLINE_LIMIT = 256 * 1024;

export function openCaseFromMessage(tx: Tx, work: NewCaseFromMessage): { written: Promise<OpenedFromMessage> } {
  const { opening, campaign, facts } = work;
  const values = newCaseValues(work);
  const large = (values.raw?.text.length ?? 0) + work.mail.reduce((sum, m) => sum + m.text.length + (m.html?.length ?? 0), 0) > INLINE_LIMIT;
  const key = { reference: opening.reference, mailbox: facts.mailboxKey, uidValidity: facts.uidValidity, uid: facts.uid };
  // Started in this order on the transaction's connection (the server runs them so): the rows exist
  // when their raw bytes and mail follow, and the next message's reads come after all of them.
  const inserted = runFixed(tx, NEW_CASE, large ? { ...values, raw: null, mail: NO_MAIL } : values);
  const stored = large && values.raw ? runFixed(tx, STORE_RAW, { ...key, raw: values.raw }) : null;
  const queued = large && work.mail.length > 0 ? runFixed(tx, QUEUE_MAIL, { ...key, mail: values.mail }) : null;
  const linked = campaign
    ? tx.update(cases).set({ campaignKey: campaign.key }).where(or(inArray(cases.id, [...campaign.caseIds]), eq(cases.reference, opening.reference))).execute()
    : null;
  const written = Promise.all([inserted, stored, queued, linked]).then(([[row]]) => ({ caseId: Number(row!.case_id), inboundId: Number(row!.inbound_id) }));
  return { written };
}

const NO_MAIL: NewCaseValues['mail'] = { purpose: [], messageId: [], from: [], recipients: [], subject: [], text: [], html: [], headers: [] };

interface MessageKey {
  reference: string;
  mailbox: string;
  uidValidity: number;
  uid: number;
}

const STORE_RAW = fixedStatement<MessageKey & { raw: NonNullable<NewCaseValues['raw']> }>((p) => `update inbound_messages
  set raw = decode(${p((v) => v.raw.text)}::text, ${p((v) => v.raw.format)}::text)
  where mailbox = ${p((v) => v.mailbox)} and uid_validity = ${p((v) => v.uidValidity)} and uid = ${p((v) => v.uid)}`);

/** The case's mail as rows to insert, in order: one array per column, unnested. */
function mailRows(p: (pick: (v: { mail: NewCaseValues['mail'] }) => unknown) => string): string {
  return `unnest(${p((v) => v.mail.purpose)}::text[], ${p((v) => v.mail.messageId)}::text[], ${p((v) => v.mail.from)}::text[],
      ${p((v) => v.mail.recipients)}::text[], ${p((v) => v.mail.subject)}::text[], ${p((v) => v.mail.text)}::text[], ${p((v) => v.mail.html)}::text[],
      ${p((v) => v.mail.headers)}::text[])
      with ordinality as m(purpose, message_id, from_address, recipients, subject, text_body, html_body, headers, position)`;
}

const MAIL_COLUMNS = 'case_id, inbound_id, purpose, message_id, from_address, recipients, subject, text_body, html_body, headers';
const MAIL_VALUES = 'm.purpose, m.message_id, m.from_address, m.recipients::jsonb, m.subject, m.text_body, m.html_body, m.headers::jsonb';

const QUEUE_MAIL = fixedStatement<MessageKey & { mail: NewCaseValues['mail'] }>((p) => `insert into outbox (${MAIL_COLUMNS})
  select (select id from cases where reference = ${p((v) => v.reference)}),
    (select id from inbound_messages where mailbox = ${p((v) => v.mailbox)} and uid_validity = ${p((v) => v.uidValidity)} and uid = ${p((v) => v.uid)}),
    ${MAIL_VALUES}
  from ${mailRows(p)}
  order by m.position`);

export const NEW_CASE = fixedStatement<NewCaseValues>((p) => `with new_case as (
    insert into cases (${columnNames(CASE_COLUMNS)}) values (${CASE_COLUMNS.map((_, i) => p((v) => v.caseRow[i])).join(', ')}) returning id
  ), new_inbound as (
    insert into inbound_messages (${columnNames(INBOUND_COLUMNS)}, "raw", "case_id")
    values (${INBOUND_COLUMNS.map((_, i) => p((v) => v.inboundRow[i])).join(', ')}, decode(${p((v) => v.raw?.text ?? null)}::text, ${p((v) => v.raw?.format ?? 'base64')}::text), (select id from new_case))
    returning id
  ), new_questions as (
    insert into questions (case_id, position, number, text, topics)
    select new_case.id, q.position - 1, q.number, q.text, q.topics::jsonb
    from new_case, unnest(${p((v) => v.questions.number)}::text[], ${p((v) => v.questions.text)}::text[], ${p((v) => v.questions.topics)}::text[])
      with ordinality as q(number, text, topics, position)
  ), new_events as (
    insert into case_events (case_id, at, event, from_status, to_status, cause, details)
    select new_case.id, e.at::timestamptz, e.event, e.from_status, e.to_status, e.cause, e.details::jsonb
    from new_case, unnest(${p((v) => v.events.at)}::text[], ${p((v) => v.events.event)}::text[], ${p((v) => v.events.fromStatus)}::text[],
      ${p((v) => v.events.toStatus)}::text[], ${p((v) => v.events.cause)}::text[], ${p((v) => v.events.details)}::text[])
      with ordinality as e(at, event, from_status, to_status, cause, details, position)
    order by e.position
  ), new_mail as (
    insert into outbox (${MAIL_COLUMNS})
    select new_case.id, new_inbound.id, ${MAIL_VALUES}
    from new_case, new_inbound, ${mailRows(p)}
    order by m.position
  )
  select new_case.id as case_id, new_inbound.id as inbound_id from new_case, new_inbound`);

/** The insert of a message's row, returning its id, not yet sent; its case by id or by a subquery. */
export function inboundInsert(tx: Tx, facts: InboundFacts, record: Omit<InboundRecord, 'caseId'> & { caseId?: number | SQL }) {
  const { keepRaw, ...columns } = record;
  return tx
    .insert(inboundMessages)
    .values({
      mailbox: facts.mailboxKey, uidValidity: facts.uidValidity, uid: facts.uid, messageId: facts.messageId,
      fromAddress: facts.fromAddress ?? null, bodyHash: facts.bodyHash ?? null,
      contentHash: facts.contentHash, internalDate: facts.internalDate, sizeBytes: facts.size ?? facts.raw.length, raw: keepRaw ? facts.raw : null, ...columns,
    })
    .returning({ id: inboundMessages.id });
}
