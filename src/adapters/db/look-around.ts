// What the decider asks about a message before deciding its fate (pipeline/case/inbound-fate.ts),
// read by one statement: each part is a subquery answering with a JSON array, and a part not asked
// for is given an empty list or a null, which its index answers at once. Its text never changes, so
// it is prepared once per connection; five statements built by the query builder cost the main
// thread several times as much for the same rows. References of imported cases are matched exactly
// on the upper(reference) index: only they keep their old tracker's format (FOI/24/0456).
import { ENDED_STATUSES } from '../../domain/case-status.js';
import type { Surroundings, SurroundingsQuery } from '../../pipeline/case/filing-store.js';
import type { Tx } from './database.js';
import { encoded, fixedStatement, runFixed } from './fixed-statement.js';
import { cases, inboundMessages, outbox } from './schema.js';

interface Found {
  sightings: { id: number; key: string; folder: string; contentHash: string; fromAddress: string | null; bodyHash: string | null }[];
  byReference: { caseId: number; reference: string; requesterAddress: string | null }[];
  byImportedReference: Found['byReference'];
  received: { caseId: number | null; messageId: string; requesterAddress: string | null; reference: string | null }[];
  sent: { caseId: number | null; messageId: string; purpose: string; requesterAddress: string | null; reference: string | null }[];
  senderCases: { caseId: number; address: string | null; subject: string; lastActivityAt: string }[];
  own: { caseId: number; reference: string; fingerprint: string | null }[];
  others: { caseId: number; reference: string }[];
  acknowledgementsSent: number;
}

/** The look-up's values, each encoded by the column it is compared with. */
export interface AskedValues {
  keys: unknown[];
  references: string[];
  importedReferences: string[];
  messageIds: unknown[];
  sender: unknown;
  ended: string[];
  repeater: unknown;
  since: unknown;
  fingerprintHash: string | null;
  acknowledgementsSince: unknown;
  acknowledgementsTo: unknown;
}

export async function lookAround(tx: Tx, query: SurroundingsQuery): Promise<Surroundings> {
  const [row] = await runFixed(tx, LOOK_AROUND, askedValues(query));
  return surroundingsOf(query, foundOf(row!));
}

export function askedValues(query: SurroundingsQuery): AskedValues {
  const { repeats, acknowledgementsTo: ack } = query;
  return {
    keys: [query.dedupeKey, query.reusedIdKey].filter((k) => k !== null).map((k) => encoded(inboundMessages.dedupeKey, k)),
    references: [...query.references],
    importedReferences: [...(query.importedReferences ?? [])],
    messageIds: query.messageIds.map((id) => encoded(inboundMessages.messageId, id)),
    sender: encoded(cases.requesterAddress, query.senderCasesOf),
    ended: [...ENDED_STATUSES],
    repeater: encoded(cases.requesterAddress, repeats?.address),
    since: encoded(inboundMessages.createdAt, repeats?.since),
    fingerprintHash: repeats?.fingerprintHash ?? null,
    acknowledgementsSince: encoded(outbox.createdAt, ack?.since),
    acknowledgementsTo: ack === null ? null : encoded(outbox.recipients, [ack.address]),
  };
}

export const LOOK_AROUND = fixedStatement<AskedValues>((p) => `select
    (select coalesce(json_agg(json_build_object('id', id, 'key', dedupe_key, 'folder', destination_folder, 'contentHash', content_hash,
        'fromAddress', from_address, 'bodyHash', body_hash)), '[]')
      from inbound_messages where dedupe_key = any(${p((v) => v.keys)}::text[])) as "sightings",
    (select coalesce(json_agg(json_build_object('caseId', id, 'reference', reference, 'requesterAddress', requester_address)), '[]')
      from cases where reference = any(${p((v) => v.references)}::text[])) as "byReference",
    (select coalesce(json_agg(json_build_object('caseId', id, 'reference', reference, 'requesterAddress', requester_address)), '[]')
      from cases where imported and upper(reference) = any(${p((v) => v.importedReferences)}::text[])) as "byImportedReference",
    (select coalesce(json_agg(json_build_object('caseId', m.case_id, 'messageId', m.message_id, 'requesterAddress', c.requester_address, 'reference', c.reference)), '[]')
      from inbound_messages m left join cases c on c.id = m.case_id where m.message_id = any(${p((v) => v.messageIds)}::text[])) as "received",
    (select coalesce(json_agg(json_build_object('caseId', o.case_id, 'messageId', o.message_id, 'purpose', o.purpose, 'requesterAddress', c.requester_address, 'reference', c.reference)), '[]')
      from outbox o left join cases c on c.id = o.case_id where o.message_id = any(${p((v) => v.messageIds)}::text[])) as "sent",
    (select coalesce(json_agg(json_build_object('caseId', id, 'address', requester_address, 'subject', subject, 'lastActivityAt', received_at)), '[]')
      from cases where requester_address = ${p((v) => v.sender)}::text and status <> all(${p((v) => v.ended)}::text[])) as "senderCases",
    (select coalesce(json_agg(json_build_object('caseId', c.id, 'reference', c.reference, 'fingerprint', m.fingerprint)), '[]')
      from inbound_messages m join cases c on c.id = m.case_id
      where c.requester_address = ${p((v) => v.repeater)}::text and m.disposition = 'opened_case' and m.created_at > ${p((v) => v.since)}::timestamptz
        and m.fingerprint is not null) as "own",
    (select coalesce(json_agg(json_build_object('caseId', c.id, 'reference', c.reference)), '[]')
      from inbound_messages m join cases c on c.id = m.case_id
      where m.fingerprint_hash = ${p((v) => v.fingerprintHash)}::text and c.requester_address <> ${p((v) => v.repeater)}::text
        and m.created_at > ${p((v) => v.since)}::timestamptz) as "others",
    (select count(*)::int from outbox
      where purpose = 'acknowledgement' and created_at > ${p((v) => v.acknowledgementsSince)}::timestamptz
        and recipients @> ${p((v) => v.acknowledgementsTo)}::jsonb) as "acknowledgementsSent"`);

/** postgres.js and PGlite both parse JSON answers; a driver that does not gives text. */
function foundOf(row: Record<string, unknown>): Found {
  const parsed = Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? JSON.parse(value) as unknown : value]);
  return Object.fromEntries(parsed) as Found;
}

function surroundingsOf(query: SurroundingsQuery, found: Found): Surroundings {
  const first = found.sightings.find((s) => s.key === query.dedupeKey);
  const again = found.sightings.find((s) => s.key === query.reusedIdKey);
  const { byReference, byImportedReference } = found;
  return {
    firstSighting: first ? { inboundId: first.id, folder: first.folder, contentHash: first.contentHash, fromAddress: first.fromAddress, bodyHash: first.bodyHash } : null,
    reusedIdSighting: again ? { inboundId: again.id, folder: again.folder } : null,
    byReference: [...byReference, ...byImportedReference.filter((c) => !byReference.some((b) => b.caseId === c.caseId))],
    messageOwners: [...found.received.map((m) => ({ ...m, purpose: null })), ...found.sent],
    senderCases: found.senderCases.map((c) => ({ ...c, address: c.address ?? '', lastActivityAt: new Date(c.lastActivityAt) })),
    repeats: { own: found.own.map((r) => ({ ...r, fingerprint: r.fingerprint ?? '' })), others: found.others },
    acknowledgementsSent: Number(found.acknowledgementsSent),
  };
}
