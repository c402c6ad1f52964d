// The end state every fault test must leave, judged on the database, the mailbox and what the SMTP
// server accepted: every message exactly one case, every case exactly one acknowledgement.
import { expect } from 'vitest';
import type { Database } from '../../src/adapters/db/database.js';
import { cases, outbox } from '../../src/adapters/db/schema.js';
import type { TestMailbox } from './test-mailbox.js';

const ACK_MESSAGE_ID = /^Message-ID:\s*(<foi-intake\.acknowledgement\.[^>]+>)/im;

/** The distinct acknowledgement Message-IDs among raw messages an SMTP server accepted. */
export function acknowledgementIds(accepted: readonly Buffer[]): Set<string> {
  const ids = accepted.map((raw) => ACK_MESSAGE_ID.exec(raw.toString('latin1'))?.[1]);
  return new Set(ids.filter((id): id is string => Boolean(id)));
}

/** The outbox rows, for assertions on how they were delivered. */
export function outboxRows(database: Database) {
  return database.db
    .select({ caseId: outbox.caseId, messageId: outbox.messageId, status: outbox.status, attempts: outbox.attempts, purpose: outbox.purpose })
    .from(outbox);
}

export async function assertNothingLostNothingTwice(
  state: { database: Database; accepted: readonly Buffer[]; mailbox: TestMailbox },
  expected: number,
): Promise<void> {
  const all = await state.database.db.select({ id: cases.id, subject: cases.subject }).from(cases);
  expect(all).toHaveLength(expected);
  expect(new Set(all.map((c) => c.subject)).size).toBe(expected);
  const rows = await outboxRows(state.database);
  const perCase = new Map<number, string[]>();
  for (const a of rows.filter((r) => r.messageId.includes('.acknowledgement.'))) perCase.set(a.caseId!, [...(perCase.get(a.caseId!) ?? []), a.messageId]);
  expect(perCase.size).toBe(expected);
  expect([...perCase.values()].every((ids) => ids.length === 1)).toBe(true);
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  // Accepted more than once is allowed (a crash between acceptance and the record resends the very
  // same message); two different acknowledgements for one case are not.
  const ackIds = acknowledgementIds(state.accepted);
  expect(ackIds.size).toBe(expected);
  const references = [...ackIds].map((id) => /acknowledgement\.([A-Z]+-\d{4}-\d+)\./.exec(id)?.[1]);
  expect(new Set(references).size).toBe(expected);
  expect(await state.mailbox.subjectsIn('INBOX')).toEqual([]);
}
