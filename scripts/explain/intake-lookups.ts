// Every look-up the intake path makes, as the stores send it (src/adapters/db/*-store.ts), with
// parameters taken from the database at hand so a seeded history is searched as live mail would
// search it. Kept next to the stores' code in meaning, not in text: when a store's query changes,
// change its twin here.
import type { TransactionSql } from 'postgres';
import { askedValues, LOOK_AROUND } from '../../src/adapters/db/look-around.js';

type Sql = TransactionSql;

export interface Lookup {
  name: string;
  /** Where the query is made. */
  source: string;
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;
const ENDED = ['closed', 'withdrawn'];
const CLOCK_RUNNING = ['received', 'acknowledged', 'in_progress', 'extended'];
const OPEN = ['received', 'acknowledged', 'awaiting_clarification', 'in_progress', 'extended', 'under_review'];

/** Real values to look for: a recent case, a message, a prolific requester, a campaign. */
async function samples(sql: Sql) {
  const [recent] = await sql`select id, reference, requester_address from cases order by id desc offset 50 limit 1`;
  const [message] = await sql`select message_id, dedupe_key, mailbox, uid_validity, uid, case_id from inbound_messages where case_id = ${recent!.id} order by id limit 1`;
  const [sent] = await sql`select message_id from outbox where case_id = ${recent!.id} order by id limit 1`;
  const [prolific] = await sql`select requester_address from cases where requester_address is not null group by 1 order by count(*) desc limit 1`;
  const [campaign] = await sql`select campaign_key from cases where campaign_key is not null order by id desc limit 1`;
  const running = await sql`select id from cases where status = any(${CLOCK_RUNNING}) and due_date is not null`;
  return { running: running.map((r) => Number(r.id)), recent: recent!, message: message!, sent: sent ?? { message_id: '<none@example.org>' }, prolific: prolific!, campaign: campaign ?? { campaign_key: 'none' } };
}

export async function intakeLookups(sql: Sql, now = new Date()): Promise<Lookup[]> {
  const s = await samples(sql);
  const windowStart = new Date(now.getTime() - 30 * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const uids = Array.from({ length: 50 }, (_, k) => Number(s.message.uid) + k);
  return [
    { name: 'mailbox row lock (batch transaction)', source: 'intake-store inMailboxTransaction', sql: 'select mailbox from mailbox_state where mailbox = $1 for update', params: [s.message.mailbox] },
    { name: 'already recorded UIDs of a batch', source: 'intake-store findRecorded', sql: 'select id, uid_validity, uid, destination_folder from inbound_messages where mailbox = $1 and uid_validity = any($2) and uid = any($3)', params: [s.message.mailbox, [Number(s.message.uid_validity)], uids] },
    { name: 'first sighting by Message-ID (dedupe key)', source: 'look-around (a part of its one statement)', sql: 'select id, destination_folder, content_hash from inbound_messages where dedupe_key = $1', params: [s.message.dedupe_key] },
    { name: 'threading by reference in the subject', source: 'look-around (a part of its one statement)', sql: 'select id, reference, requester_address from cases where reference = any($1)', params: [[s.recent.reference]] },
    { name: 'threading by In-Reply-To/References: our inbound', source: 'look-around (a part of its one statement)', sql: 'select i.case_id, i.message_id, c.requester_address from inbound_messages i left join cases c on c.id = i.case_id where i.message_id = any($1)', params: [[s.message.message_id]] },
    { name: 'threading by In-Reply-To/References: our outbox', source: 'look-around (a part of its one statement)', sql: 'select o.case_id, o.message_id, o.purpose, c.requester_address from outbox o left join cases c on c.id = o.case_id where o.message_id = any($1)', params: [[s.sent.message_id]] },
    { name: "sender's open cases (prolific requester)", source: 'look-around (a part of its one statement)', sql: 'select id, requester_address, subject, received_at from cases where requester_address = $1 and status <> all($2)', params: [s.prolific.requester_address, ENDED] },
    { name: "near-duplicate: sender's own recent requests", source: 'look-around (a part of its one statement)', sql: "select c.id, c.reference, i.fingerprint from inbound_messages i join cases c on c.id = i.case_id where c.requester_address = $1 and i.disposition = 'opened_case' and i.created_at > $2 and i.fingerprint is not null", params: [s.prolific.requester_address, windowStart] },
    { name: 'campaign: same fingerprint from others, recent', source: 'look-around (a part of its one statement)', sql: 'select c.id, c.reference from inbound_messages i join cases c on c.id = i.case_id where i.fingerprint_hash = $1 and c.requester_address <> $2 and i.created_at > $3', params: [s.campaign.campaign_key, s.prolific.requester_address, windowStart] },
    { name: 'daily acknowledgement limit per address', source: 'look-around (a part of its one statement)', sql: "select count(*)::int from outbox where purpose = $1 and created_at > $2 and recipients @> $3::jsonb", params: ['acknowledgement', dayAgo, JSON.stringify([s.prolific.requester_address])] },
    {
      name: 'the look-around as the intake sends it: every part above in one statement', source: 'look-around lookAround', sql: LOOK_AROUND.text,
      params: LOOK_AROUND.params(askedValues({
        dedupeKey: s.message.dedupe_key, reusedIdKey: null, references: [s.recent.reference], importedReferences: [s.recent.reference.toUpperCase()],
        messageIds: [s.message.message_id, s.sent.message_id], senderCasesOf: s.prolific.requester_address,
        repeats: { address: s.prolific.requester_address, fingerprintHash: s.campaign.campaign_key, since: windowStart },
        acknowledgementsTo: { address: s.prolific.requester_address, since: dayAgo },
      })),
    },
    { name: 'case lock by reference (reply threaded)', source: 'case-store lockCase', sql: 'select * from cases where reference = $1 for update', params: [s.recent.reference] },
    { name: "case's thread: inbound Message-IDs", source: 'case-store threadIdsOf', sql: 'select case_id, message_id from inbound_messages where case_id = any($1) order by id', params: [[s.recent.id]] },
    { name: "case's thread: outbox Message-IDs", source: 'case-store threadIdsOf', sql: 'select case_id, message_id, purpose from outbox where case_id = any($1) order by id', params: [[s.recent.id]] },
    { name: 'outbox polling: claim due rows', source: 'outbox-store claim', sql: "select id from outbox where status = $1 and id > $2 and (claimed_until is null or claimed_until <= $3) and next_attempt_at <= $3 order by id limit 50 for update skip locked", params: ['queued', 0, now] },
    { name: 'outbox queue length (health, metrics)', source: 'outbox-store countQueued', sql: 'select count(*)::int from outbox where status = $1', params: ['queued'] },
    { name: 'reminders: cases with a running clock', source: 'reminder-store casesToRemind', sql: "select * from cases where status = any($1) and due_date is not null and regime <> $2", params: [CLOCK_RUNNING, 'none'] },
    { name: 'reminders: latest reminder of those cases', source: 'reminder-store casesToRemind', sql: 'select case_id, due_date, "offset" from case_reminders where case_id = any($1) order by sent_at desc, id desc', params: [s.running] },
    { name: 'daily digest: open cases', source: 'reminder-store casesIn', sql: 'select * from cases where status = any($1) order by id', params: [OPEN] },
    { name: 'mailbox lease renewal', source: 'mailbox-state-store acquireLease', sql: "update mailbox_state set lease_holder = $2, lease_until = now() + interval '30 seconds' where mailbox = $1 and (lease_until is null or lease_until < now() or lease_holder = $2) returning lease_holder", params: [s.message.mailbox, 'explain'] },
    { name: 'next reference number', source: 'reference-counter nextSequence', sql: 'update reference_counters set last_value = last_value + 1 where format = $1 and year = $2 returning last_value', params: ['FOI-{year}-{seq:5}', now.getUTCFullYear()] },
  ];
}
